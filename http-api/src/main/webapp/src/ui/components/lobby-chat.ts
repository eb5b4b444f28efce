import type { MessageKey, Translator } from '../../i18n/i18n';
import { LOBBY_CHAT_MAX_LENGTH, type LobbyChatLine } from '../../signal/protocol';
import { el, setText, show, uniqueId, type Component } from '../dom';

export interface LobbyChatState {
  lines: readonly LobbyChatLine[];
}

export interface LobbyChatIds {
  log: string;
  input: string;
  send: string;
}

/**
 * The chat between a knocker and the moderators: the lines as the server sent them (one's own
 * come back from it too) and a field to write. Used on the knocker's waiting screen and, once per
 * knock, in a moderator's lobby list.
 */
export function createLobbyChat(
  t: Translator,
  ids: LobbyChatIds,
  send: (text: string) => void,
  heading: MessageKey = 'lobbyChat.title',
  headingParams?: Readonly<Record<string, string>>,
): Component<LobbyChatState> & { focus(): void } {
  const headingId = uniqueId('lobby-chat');
  const inputId = uniqueId('lobby-chat-input');
  const log = el('ol', { class: 'lobby-chat-log', attrs: { 'data-testid': ids.log, role: 'log', 'aria-live': 'polite', 'aria-labelledby': headingId } });
  const empty = el('p', { class: 'empty-state-text', text: t.m('lobbyChat.empty') });
  const input = el('input', {
    class: 'input',
    attrs: {
      id: inputId, type: 'text', maxlength: LOBBY_CHAT_MAX_LENGTH, autocomplete: 'off',
      placeholder: t.m('lobbyChat.placeholder'), 'data-testid': ids.input,
    },
  });
  const form = el('form', {
    class: 'input-row lobby-chat-form',
    on: {
      submit: (event) => {
        event.preventDefault();
        const text = input.value.trim();
        if (text === '') return;
        send(text);
        input.value = '';
      },
    },
  }, [
    el('label', { class: 'visually-hidden', text: t.m('lobbyChat.label'), attrs: { for: inputId } }),
    input,
    el('button', { class: 'button', text: t.m('lobbyChat.send'), attrs: { type: 'submit', 'data-testid': ids.send } }),
  ]);
  const element = el('section', { class: 'lobby-chat', attrs: { 'aria-labelledby': headingId } }, [
    el('h3', { class: 'side-panel-subtitle', text: t.m(heading, headingParams), attrs: { id: headingId } }),
    log, empty, form,
  ]);
  let shown = 0;
  return {
    element,
    update({ lines }) {
      if (lines.length < shown) {
        log.replaceChildren();
        shown = 0;
      }
      for (const line of lines.slice(shown)) {
        const who = el('span', { class: 'lobby-chat-who', text: line.fromDisplayName, attrs: { 'data-i18n-skip': true } });
        const badge = line.fromModerator ? el('span', { class: 'badge', text: t.m('lobbyChat.moderator') }) : null;
        const text = el('span', { class: 'lobby-chat-text', attrs: { 'data-i18n-skip': true } });
        setText(text, line.text);
        log.appendChild(el('li', { class: line.fromModerator ? 'lobby-chat-line is-moderator' : 'lobby-chat-line' }, [who, badge, ' ', text]));
      }
      shown = lines.length;
      show(empty, lines.length === 0);
      log.scrollTop = log.scrollHeight;
    },
    focus() {
      input.focus();
    },
  };
}
