import type { Translator } from '../../i18n/i18n';
import { invitationText } from '../../view/invitation';
import { el, setText, uniqueId, type Component } from '../dom';
import { icon } from './icons';
import { createModal, type Modal } from './modal';

export interface InviteDialogState {
  /** Who invites (one's own name). */
  inviter: string;
}

export interface InviteDialogDeps {
  room: string;
  link(): string;
  copyText(text: string): Promise<boolean>;
}

/**
 * "Invite people": the room's link and a ready-to-send invitation (in one's language), each with
 * a copy button. Sending the link is all it takes for someone to join.
 */
export function createInviteDialog(t: Translator, deps: InviteDialogDeps): Component<InviteDialogState> & { modal: Modal } {
  const linkId = uniqueId('invite-link');
  const textId = uniqueId('invite-text');
  let inviter = '';
  const link = el('input', {
    class: 'input',
    attrs: { id: linkId, type: 'text', readonly: true, 'data-testid': 'invite-link', 'data-i18n-skip': true },
    on: { focus: () => link.select() },
  });
  const text = el('textarea', {
    class: 'input invite-text',
    // Written from the translator at every render (see fill), so it follows the language too.
    attrs: { id: textId, readonly: true, rows: 7, 'data-testid': 'invite-text', 'data-i18n-skip': true },
  });
  const status = el('p', { class: 'field-hint', attrs: { role: 'status', 'aria-live': 'polite', 'data-testid': 'invite-status' } });
  const copy = async (value: string, done: 'room.linkCopied' | 'invite.textCopied') => {
    const copied = await deps.copyText(value);
    setText(status, t.m(copied ? done : 'room.copyFailed'));
  };
  const fill = () => {
    const address = deps.link();
    const invitation = invitationText(t, { room: deps.room, link: address, inviter });
    // Only when it changed: rewriting it would lose what the person selected in it.
    if (link.value !== address) link.value = address;
    if (text.value !== invitation) text.value = invitation;
  };
  const modal = createModal(t, { title: 'invite.title', testId: 'invite-dialog', onClose: () => setText(status, '') }, [
    el('div', { class: 'field' }, [
      el('label', { class: 'label', text: t.m('invite.linkLabel'), attrs: { for: linkId } }),
      el('div', { class: 'input-row' }, [
        link,
        el('button', {
          class: 'button',
          attrs: { type: 'button', 'data-testid': 'invite-copy-link' },
          on: { click: () => void copy(link.value, 'room.linkCopied') },
        }, [icon('link'), el('span', { text: t.m('room.copyLink') })]),
      ]),
    ]),
    el('div', { class: 'field' }, [
      el('label', { class: 'label', text: t.m('invite.textLabel'), attrs: { for: textId } }),
      text,
      el('div', { class: 'actions' }, [
        el('button', {
          class: 'button button-primary',
          attrs: { type: 'button', 'data-testid': 'invite-copy-text' },
          on: { click: () => void copy(text.value, 'invite.textCopied') },
        }, [el('span', { text: t.m('invite.copyText') })]),
      ]),
    ]),
    status,
  ]);
  const open = modal.open;
  return {
    element: modal.element,
    modal: {
      element: modal.element,
      open() {
        fill();
        open();
      },
      close: modal.close,
      get isOpen() {
        return modal.isOpen;
      },
    },
    update(state) {
      inviter = state.inviter;
      // The text follows the language and the name, also while the dialog is open.
      fill();
    },
  };
}
