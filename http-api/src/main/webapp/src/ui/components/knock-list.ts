import type { Translator } from '../../i18n/i18n';
import { chatOf, type LobbyState } from '../../signal/lobby';
import type { Knock } from '../../signal/protocol';
import { el, setAttributes, setText, show, uniqueId, type Component } from '../dom';
import { createLobbyChat } from './lobby-chat';
import { createModal } from './modal';

export interface KnockListActions {
  admit(knockId: string): void;
  reject(knockId: string, message: string): void;
  chat(knockId: string, text: string): void;
}

/**
 * For moderators, at the top of the participants panel: who asks to join, live, each with Admit,
 * Reject (with an optional message, in a dialog) and a chat with that person. Entries are kept by
 * knock id so a newcomer does not disturb the one being typed to.
 */
export function createKnockList(t: Translator, actions: KnockListActions): Component<{ lobby: LobbyState }> & { dialog: HTMLDialogElement } {
  const headingId = uniqueId('knock-heading');
  const heading = el('h3', { class: 'side-panel-subtitle', attrs: { id: headingId } });
  const list = el('ul', { class: 'knock-list', attrs: { 'aria-labelledby': headingId } });
  const element = el('section', { class: 'knocks', attrs: { 'data-testid': 'knock-list', 'aria-labelledby': headingId, hidden: true } }, [heading, list]);
  const entries = new Map<string, KnockEntry>();

  // One dialog for rejecting, whoever it is for.
  const messageId = uniqueId('reject-message');
  const rejectBody = el('p', { attrs: { 'data-testid': 'reject-body' } });
  const message = el('textarea', { class: 'input', attrs: { id: messageId, rows: 3, maxlength: 500, 'data-testid': 'reject-message' } });
  let rejecting: string | undefined;
  const rejectDialog = createModal(t, { title: 'lobby.rejectTitle', testId: 'reject-dialog', onClose: () => { rejecting = undefined; } }, [
    rejectBody,
    el('div', { class: 'field' }, [el('label', { class: 'label', text: t.m('lobby.rejectMessage'), attrs: { for: messageId } }), message]),
    el('div', { class: 'actions' }, [
      el('button', { class: 'button', text: t.m('kick.cancel'), attrs: { type: 'button', 'data-testid': 'reject-cancel' }, on: { click: () => rejectDialog.close() } }),
      el('button', {
        class: 'button button-danger',
        text: t.m('lobby.reject'),
        attrs: { type: 'button', 'data-testid': 'reject-confirm' },
        on: {
          click: () => {
            if (rejecting !== undefined) actions.reject(rejecting, message.value);
            rejectDialog.close();
          },
        },
      }),
    ]),
  ]);
  const askReject = (knock: Knock) => {
    rejecting = knock.knockId;
    message.value = '';
    setText(rejectBody, t.m('lobby.rejectBody', { name: knock.displayName }));
    rejectDialog.open();
    message.focus();
  };

  return {
    element,
    dialog: rejectDialog.element,
    update({ lobby }) {
      show(element, lobby.knocks.length > 0);
      setText(heading, t.m('lobby.title', { count: lobby.knocks.length }));
      const present = new Set(lobby.knocks.map((k) => k.knockId));
      for (const [id, entry] of entries) {
        if (!present.has(id)) {
          entry.element.remove();
          entries.delete(id);
        }
      }
      // A knock that ended while its rejection was being written: nothing left to reject.
      if (rejecting !== undefined && !present.has(rejecting)) rejectDialog.close();
      lobby.knocks.forEach((knock, index) => {
        let entry = entries.get(knock.knockId);
        if (!entry) {
          entry = createKnockEntry(t, knock, actions, askReject);
          entries.set(knock.knockId, entry);
        }
        entry.update({ knock, lines: chatOf(lobby, knock.knockId) });
        const atIndex = list.children[index];
        if (atIndex !== entry.element) list.insertBefore(entry.element, atIndex ?? null);
      });
    },
  };
}

type KnockEntry = Component<{ knock: Knock; lines: ReturnType<typeof chatOf> }>;

function createKnockEntry(t: Translator, first: Knock, actions: KnockListActions, askReject: (knock: Knock) => void): KnockEntry {
  const id = first.knockId;
  let knock = first;
  const name = el('span', { class: 'roster-name', attrs: { 'data-i18n-skip': true } });
  const kind = el('span', { class: 'badge' });
  const chat = createLobbyChat(t, { log: `lobby-chat-log-${id}`, input: `lobby-chat-input-${id}`, send: `lobby-chat-send-${id}` },
    (text) => actions.chat(id, text), 'lobby.chatWith', { name: first.displayName });
  show(chat.element, false);
  const chatToggle = el('button', {
    class: 'button button-small',
    text: t.m('lobby.chat'),
    attrs: { type: 'button', 'data-testid': `knock-chat-${id}`, 'aria-expanded': 'false' },
    on: {
      click: () => {
        const open = chat.element.hidden;
        show(chat.element, open);
        chatToggle.setAttribute('aria-expanded', String(open));
        if (open) chat.focus();
      },
    },
  });
  const admit = el('button', {
    class: 'button button-primary button-small',
    text: t.m('lobby.admit'),
    attrs: { type: 'button', 'data-testid': `admit-${id}` },
    on: { click: () => actions.admit(id) },
  });
  const reject = el('button', {
    class: 'button button-danger button-small',
    text: t.m('lobby.reject'),
    attrs: { type: 'button', 'data-testid': `reject-${id}`, 'aria-haspopup': 'dialog' },
    on: { click: () => askReject(knock) },
  });
  const element = el('li', { class: 'knock', attrs: { 'data-testid': `knock-${id}`, 'data-knock-id': id } }, [
    el('div', { class: 'knock-who' }, [name, ' ', kind]),
    el('div', { class: 'knock-actions' }, [admit, reject, chatToggle]),
    chat.element,
  ]);
  return {
    element,
    update({ knock: next, lines }) {
      knock = next;
      setText(name, next.displayName);
      setText(kind, t.m(next.signedIn ? 'lobby.signedIn' : 'lobby.guest'));
      setAttributes(admit, { 'aria-label': t.m('lobby.admitName', { name: next.displayName }) });
      setAttributes(reject, { 'aria-label': t.m('lobby.rejectName', { name: next.displayName }) });
      setAttributes(chatToggle, { 'aria-label': t.m('lobby.chatWith', { name: next.displayName }) });
      chat.update({ lines });
    },
  };
}
