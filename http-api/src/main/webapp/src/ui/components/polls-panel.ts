import type { MessageKey, Translator } from '../../i18n/i18n';
import { ErrorCode, POLL_CHOICE_MAX_LENGTH, POLL_MAX_CHOICES, POLL_MIN_CHOICES, POLL_QUESTION_MAX_LENGTH, type Poll } from '../../signal/protocol';
import { pollPercentages, type PollList } from '../../signal/polls';
import { el, setText, show, uniqueId, type Component } from '../dom';
import { icon } from './icons';

export interface PollsPanelState {
  polls: PollList;
  selfId: string | undefined;
  /** Moderators close anyone's poll. */
  selfIsModerator: boolean;
  error: { readonly code: string; readonly message: string } | undefined;
  /** False while (re)connecting: nothing can be sent. */
  enabled: boolean;
}

export interface PollsPanelActions {
  /** False when the poll could not be sent (the form then stays as it is). */
  create(question: string, choices: string[], anonymous: boolean): boolean;
  vote(pollId: string, choice: number): void;
  close(pollId: string): void;
}

/**
 * The polls tab of the chat panel (as in Jitsi): a "Create poll" form (a question, 2 to 10
 * choices, anonymous or not), then one card per poll, oldest first. While a poll is open each
 * choice is a button (pressing another one changes one's vote); every card shows the live
 * counts and percentages as bars; its creator and moderators close it, and a closed poll keeps
 * its final results. Questions and choices are people's words: set as text, never translated.
 */
export function createPollsPanel(t: Translator, actions: PollsPanelActions): Component<PollsPanelState> {
  const openForm = el('button', {
    class: 'button button-primary', text: t.m('polls.create'),
    attrs: { type: 'button', 'data-testid': 'create-poll' },
    on: { click: () => showForm(true) },
  });
  const questionId = uniqueId('poll-question');
  const hintId = uniqueId('poll-hint');
  const question = el('input', {
    class: 'input',
    attrs: {
      id: questionId, type: 'text', maxlength: POLL_QUESTION_MAX_LENGTH, autocomplete: 'off',
      placeholder: t.m('polls.questionPlaceholder'), 'data-testid': 'poll-question',
    },
  });
  const choiceList = el('ol', { class: 'poll-choice-fields', attrs: { 'aria-describedby': hintId } });
  const addChoice = el('button', {
    class: 'button', text: t.m('polls.addChoice'),
    attrs: { type: 'button', 'data-testid': 'poll-add-choice' },
    on: { click: () => {
      if (choices.length >= POLL_MAX_CHOICES) return;
      choices.push('');
      renderChoices(choices.length - 1);
    } },
  });
  const anonymous = el('input', { attrs: { type: 'checkbox', 'data-testid': 'poll-anonymous' } });
  const submit = el('button', { class: 'button button-primary', text: t.m('polls.submit'), attrs: { type: 'submit', 'data-testid': 'poll-submit' } });
  const form = el('form', {
    class: 'poll-form',
    attrs: { 'data-testid': 'poll-form', hidden: true },
    on: {
      submit: (event) => {
        event.preventDefault();
        if (!current?.enabled) return;
        if (actions.create(question.value, [...choices], anonymous.checked)) resetForm();
      },
    },
  }, [
    el('label', { class: 'label', text: t.m('polls.question'), attrs: { for: questionId } }),
    question,
    choiceList,
    addChoice,
    el('p', { class: 'field-hint', text: t.m('polls.formHint'), attrs: { id: hintId } }),
    el('label', { class: 'checkbox' }, [anonymous, el('span', { class: 'label', text: t.m('polls.anonymous') })]),
    el('div', { class: 'actions' }, [
      el('button', { class: 'button', text: t.m('polls.cancel'), attrs: { type: 'button', 'data-testid': 'poll-cancel' }, on: { click: () => resetForm() } }),
      submit,
    ]),
  ]);
  const error = el('p', { class: 'chat-error', attrs: { role: 'alert', 'data-testid': 'poll-error', hidden: true } });
  const empty = el('div', { class: 'empty-state', attrs: { 'data-testid': 'polls-empty' } }, [
    icon('chat'),
    el('p', { class: 'empty-state-title', text: t.m('polls.emptyTitle') }),
    el('p', { class: 'empty-state-text', text: t.m('polls.emptyBody') }),
  ]);
  const list = el('ol', { class: 'poll-list', attrs: { 'data-testid': 'poll-list' } });
  const element = el('div', { class: 'side-panel-body polls-panel', attrs: { 'data-testid': 'polls-panel' } }, [openForm, form, error, empty, list]);

  let choices: string[] = ['', ''];
  let current: PollsPanelState | undefined;
  let listKey = '';
  renderChoices();

  function showForm(visible: boolean): void {
    show(form, visible);
    show(openForm, !visible);
    if (visible) question.focus();
  }

  function resetForm(): void {
    question.value = '';
    anonymous.checked = false;
    choices = ['', ''];
    renderChoices();
    showForm(false);
    openForm.focus();
  }

  /** The choice fields, rebuilt on add and remove only (typing never rebuilds them). */
  function renderChoices(focusIndex?: number): void {
    choiceList.replaceChildren(...choices.map((value, i) => {
      const id = uniqueId('poll-choice');
      const input = el('input', {
        class: 'input',
        attrs: { id, type: 'text', maxlength: POLL_CHOICE_MAX_LENGTH, autocomplete: 'off', 'data-testid': `poll-choice-${i}` },
        on: { input: () => { choices[i] = input.value; } },
      });
      input.value = value;
      const remove = choices.length > POLL_MIN_CHOICES ? el('button', {
        class: 'icon-button',
        attrs: { type: 'button', 'data-testid': `poll-remove-choice-${i}`, 'aria-label': t.m('polls.removeChoice', { number: i + 1 }), title: t.m('polls.removeChoice', { number: i + 1 }) },
        on: { click: () => {
          choices.splice(i, 1);
          renderChoices(Math.min(i, choices.length - 1));
        } },
      }, [icon('close')]) : null;
      return el('li', { class: 'poll-choice-field' }, [
        el('label', { class: 'visually-hidden', text: t.m('polls.choice', { number: i + 1 }), attrs: { for: id } }),
        input,
        remove,
      ]);
    }));
    if (focusIndex !== undefined) choiceList.querySelectorAll('input')[focusIndex]?.focus();
    addChoice.disabled = choices.length >= POLL_MAX_CHOICES;
  }

  return {
    element,
    update(state) {
      current = state;
      submit.disabled = !state.enabled;
      show(error, state.error !== undefined);
      if (state.error) setText(error, t.m(pollErrorKey(state.error.code)));
      show(empty, state.polls.length === 0);
      const key = JSON.stringify([state.polls, state.selfId, state.selfIsModerator, state.enabled]);
      if (key === listKey) return;
      listKey = key;
      const focused = list.contains(document.activeElement) ? document.activeElement?.getAttribute('data-testid') : null;
      list.replaceChildren(...state.polls.map((poll) => card(poll, state)));
      if (focused) list.querySelector<HTMLElement>(`[data-testid="${focused}"]`)?.focus();
    },
  };

  function card(poll: Poll, state: PollsPanelState): HTMLElement {
    const percents = pollPercentages(poll.counts);
    const total = poll.counts.reduce((sum, n) => sum + n, 0);
    const mayClose = !poll.closed && state.enabled && (state.selfIsModerator || poll.creatorParticipantId === state.selfId);
    const titleId = uniqueId('poll-title');
    return el('li', {
      class: poll.closed ? 'poll-card is-closed' : 'poll-card',
      attrs: { 'data-testid': `poll-${poll.pollId}`, 'aria-labelledby': titleId },
    }, [
      el('p', { class: 'poll-question', text: poll.question, attrs: { id: titleId, 'data-i18n-skip': true } }),
      el('p', { class: 'poll-meta' }, [
        el('span', { text: t.m('polls.askedBy', { name: poll.creatorDisplayName }) }),
        poll.anonymous ? el('span', { class: 'badge', text: t.m('polls.anonymousBadge') }) : null,
        poll.closed ? el('span', { class: 'badge', text: t.m('polls.closedBadge'), attrs: { 'data-testid': `poll-closed-${poll.pollId}` } }) : null,
      ]),
      el('ol', { class: 'poll-choices' }, poll.choices.map((choice, i) => {
        const mine = poll.myChoice === i;
        const label = poll.closed
          ? el('span', { class: 'poll-choice-text', text: choice, attrs: { 'data-i18n-skip': true } })
          : el('button', {
            class: mine ? 'button poll-vote is-chosen' : 'button poll-vote',
            attrs: {
              type: 'button', 'data-testid': `poll-vote-${poll.pollId}-${i}`, 'aria-pressed': mine ? 'true' : 'false',
              'aria-label': t.m('polls.voteFor', { choice }), disabled: !state.enabled,
            },
            on: { click: () => actions.vote(poll.pollId, i) },
          }, [el('span', { text: choice, attrs: { 'data-i18n-skip': true } })]);
        return el('li', { class: 'poll-choice' }, [
          el('div', { class: 'poll-choice-row' }, [
            label,
            mine ? el('span', { class: 'badge', text: t.m('polls.yourChoice') }) : null,
            el('span', { class: 'poll-count', text: t.m('polls.count', { count: poll.counts[i] ?? 0, percent: percents[i] ?? 0 }), attrs: { 'data-testid': `poll-count-${poll.pollId}-${i}` } }),
          ]),
          el('div', { class: 'poll-bar', attrs: { 'aria-hidden': 'true' } }, [
            el('div', { class: 'poll-bar-fill', attrs: { style: `width: ${percents[i] ?? 0}%` } }),
          ]),
        ]);
      })),
      el('p', { class: 'poll-total', text: t.m('polls.total', { count: total }) }),
      mayClose ? el('button', {
        class: 'button button-danger', text: t.m('polls.close'),
        attrs: { type: 'button', 'data-testid': `poll-close-${poll.pollId}` },
        on: { click: () => actions.close(poll.pollId) },
      }) : null,
    ]);
  }
}

function pollErrorKey(code: string): MessageKey {
  switch (code) {
    case ErrorCode.REFUSED: return 'polls.error.closed';
    case ErrorCode.FORBIDDEN: return 'polls.error.forbidden';
    case ErrorCode.BAD_REQUEST: return 'polls.error.badRequest';
    default: return 'polls.error.failed';
  }
}
