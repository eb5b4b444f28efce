import type { Translator } from '../../i18n/i18n';
import { CHAT_MAX_LENGTH, type ChatMessage, type Participant } from '../../signal/protocol';
import type { ChatError } from '../../signal/signal-client';
import { charactersLeft, chatAudience, chatProblem, chatRecipients, chatTime } from '../../view/chat';
import { el, setAttributes, setText, show, uniqueId, type Component } from '../dom';
import { icon } from './icons';

export interface ChatPanelState {
  chat: readonly ChatMessage[];
  roster: readonly Participant[];
  selfId: string | undefined;
  /** Every name this page has seen, for the recipients of old private messages. */
  names: ReadonlyMap<string, string>;
  /** Moderators delete messages. */
  selfIsModerator: boolean;
  /** To whom the next message goes: "" everyone, else a participant id. */
  recipient: string;
  error: ChatError | undefined;
  language: string;
  /** False while (re)connecting: nothing can be sent. */
  enabled: boolean;
}

export interface ChatPanelActions {
  send(text: string, toParticipantId: string): void;
  chooseRecipient(participantId: string): void;
  delete(messageId: string): void;
  dismissError(): void;
}

/**
 * The conference chat: the messages as the server sent them (sender, time, text; private ones
 * marked to or from whom), whom to write to, and the field (Enter sends, Shift+Enter a new line,
 * a counter near the limit). Message text is only ever set as text, never parsed as HTML: a link
 * stays words. Messages are keyed by id: new ones are appended, deleted ones removed, and the
 * rest left alone (a screen reader's place in the log is kept).
 */
export function createChatPanel(t: Translator, actions: ChatPanelActions): Component<ChatPanelState> & { focus(): void } {
  const inputId = uniqueId('chat-input');
  const recipientId = uniqueId('chat-recipient');
  const counterId = uniqueId('chat-counter');
  const hintId = uniqueId('chat-hint');
  const log = el('ol', { class: 'chat-log', attrs: { 'data-testid': 'chat-log', role: 'log', 'aria-label': t.m('chat.log') } });
  const empty = el('div', { class: 'empty-state', attrs: { 'data-testid': 'chat-empty' } }, [
    icon('chat'),
    el('p', { class: 'empty-state-title', text: t.m('chat.emptyTitle') }),
    el('p', { class: 'empty-state-text', text: t.m('chat.emptyBody') }),
  ]);
  const everyone = el('option', { text: t.m('chat.everyone'), attrs: { value: '' } });
  const recipient = el('select', {
    class: 'input chat-recipient',
    attrs: { id: recipientId, 'data-testid': 'chat-recipient' },
    on: { change: () => actions.chooseRecipient(recipient.value) },
  }, [everyone]);
  const input = el('textarea', {
    class: 'input chat-input',
    attrs: {
      id: inputId, rows: 2, maxlength: CHAT_MAX_LENGTH, autocomplete: 'off', 'data-testid': 'chat-input',
      'aria-describedby': `${hintId} ${counterId}`,
    },
  });
  const counter = el('p', { class: 'chat-counter', attrs: { id: counterId, 'data-testid': 'chat-counter', 'aria-live': 'polite' } });
  const error = el('p', { class: 'chat-error', attrs: { role: 'alert', 'data-testid': 'chat-error', hidden: true } });
  const send = el('button', { class: 'button button-primary', text: t.m('chat.send'), attrs: { type: 'submit', 'data-testid': 'chat-send' } });
  const form = el('form', {
    class: 'chat-form',
    on: {
      submit: (event) => {
        event.preventDefault();
        submit();
      },
    },
  }, [
    el('div', { class: 'chat-to' }, [el('label', { class: 'label', text: t.m('chat.to'), attrs: { for: recipientId } }), recipient]),
    el('label', { class: 'visually-hidden', text: t.m('chat.label'), attrs: { for: inputId } }),
    el('div', { class: 'input-row' }, [input, send]),
    el('p', { class: 'chat-hint', text: t.m('chat.hint'), attrs: { id: hintId } }),
    counter,
    error,
  ]);
  const element = el('div', { class: 'side-panel-body chat-panel', attrs: { 'data-testid': 'chat-panel' } }, [log, empty, form]);
  const rows = new Map<string, ChatRow>();
  let current: ChatPanelState | undefined;
  let shownError: ChatError | undefined;

  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });
  input.addEventListener('input', () => renderCounter());

  function submit(): void {
    const text = input.value.trim();
    if (text === '' || !current?.enabled) return;
    actions.send(text, current.recipient);
    input.value = '';
    renderCounter();
  }

  function renderCounter(): void {
    const left = charactersLeft(input.value.length);
    if (left === undefined) setText(counter, '');
    else setText(counter, t.m('chat.charactersLeft', { count: left }));
    counter.classList.toggle('is-over', left === 0);
  }

  return {
    element,
    update(state) {
      current = state;
      // Recipients: everyone, then each other person; the choice is the page's.
      const people = chatRecipients(state.roster, state.selfId);
      const options = [everyone, ...people.map((p) => {
        const option = [...recipient.options].find((o) => o.value === p.id) ?? el('option', { attrs: { value: p.id, 'data-i18n-skip': true } });
        setText(option, p.displayName);
        return option;
      })];
      options.forEach((option, index) => {
        if (recipient.options[index] !== option) recipient.insertBefore(option, recipient.options[index] ?? null);
      });
      while (recipient.options.length > options.length) recipient.options[recipient.options.length - 1]?.remove();
      recipient.value = state.recipient;
      const to = people.find((p) => p.id === state.recipient);
      setAttributes(input, { placeholder: to ? t.m('chat.placeholderPrivate', { name: to.displayName }) : t.m('chat.placeholder') });
      input.classList.toggle('is-private', to !== undefined);
      send.disabled = !state.enabled;

      const present = new Set(state.chat.map((m) => m.messageId));
      for (const [id, row] of rows) {
        if (!present.has(id)) {
          row.element.remove();
          rows.delete(id);
        }
      }
      const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
      state.chat.forEach((message, index) => {
        let row = rows.get(message.messageId);
        if (!row) {
          row = createChatRow(t, message, actions);
          rows.set(message.messageId, row);
        }
        row.update(state);
        const at = log.children[index];
        if (at !== row.element) log.insertBefore(row.element, at ?? null);
      });
      show(empty, state.chat.length === 0);
      show(log, state.chat.length > 0);
      // New messages scroll into view unless the person scrolled up to read older ones.
      if (atBottom) log.scrollTop = log.scrollHeight;

      if (state.error !== shownError) {
        shownError = state.error;
        if (state.error) {
          const problem = chatProblem(state.error.code);
          setText(error, problem === 'rate-limited' ? t.m('chat.error.rateLimited')
            : problem === 'too-long' ? t.m('chat.error.tooLong', { max: CHAT_MAX_LENGTH }) : t.m('chat.error.failed'));
          // The refused words are given back to send again, unless something new was typed since.
          if (input.value === '') {
            input.value = state.error.text;
            renderCounter();
          }
        }
        show(error, state.error !== undefined);
      }
    },
    focus() {
      input.focus();
    },
  };
}

type ChatRow = Component<ChatPanelState>;

function createChatRow(t: Translator, message: ChatMessage, actions: ChatPanelActions): ChatRow {
  const who = el('span', { class: 'chat-who', text: message.fromDisplayName, attrs: { 'data-i18n-skip': true } });
  const you = el('span', { class: 'roster-you', text: t.m('roster.you') });
  const audience = el('span', { class: 'chat-private' });
  const time = el('time', { class: 'chat-time', attrs: { datetime: message.at, 'data-i18n-skip': true } });
  const text = el('p', { class: 'chat-text', attrs: { 'data-i18n-skip': true } });
  text.textContent = message.text;
  const remove = el('button', {
    class: 'icon-button chat-delete',
    attrs: { type: 'button', 'data-testid': `chat-delete-${message.messageId}`, hidden: true },
    on: { click: () => actions.delete(message.messageId) },
  }, [icon('trash')]);
  setAttributes(remove, { 'aria-label': t.m('chat.delete', { name: message.fromDisplayName }), title: t.m('chat.delete', { name: message.fromDisplayName }) });
  const element = el('li', {
    class: 'chat-message',
    attrs: { 'data-testid': 'chat-message', 'data-message-id': message.messageId },
  }, [el('div', { class: 'chat-meta' }, [who, ' ', you, ' ', audience, ' ', time, remove]), text]);
  return {
    element,
    update(state) {
      const mine = message.fromParticipantId === state.selfId;
      show(you, mine);
      element.classList.toggle('is-self', mine);
      const kind = chatAudience(message, state.selfId, state.names);
      element.classList.toggle('is-private', kind.kind !== 'everyone');
      element.setAttribute('data-private', String(kind.kind !== 'everyone'));
      if (kind.kind === 'everyone') setText(audience, '');
      else if (kind.kind === 'private-from') setText(audience, t.m('chat.privateFrom', { name: kind.name }));
      else setText(audience, kind.name === '' ? t.m('chat.privateToSomeone') : t.m('chat.privateTo', { name: kind.name }));
      show(audience, kind.kind !== 'everyone');
      setText(time, chatTime(message.at, state.language));
      show(remove, state.selfIsModerator);
    },
  };
}
