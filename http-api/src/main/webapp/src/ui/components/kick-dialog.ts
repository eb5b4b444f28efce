import type { Translator } from '../../i18n/i18n';
import { el, setText, uniqueId } from '../dom';
import { createModal, type Modal } from './modal';

export interface KickTarget {
  participantId: string;
  displayName: string;
  ban: boolean;
}

/** "Remove Bob from the conference?" (or remove and ban), with an optional message to them. */
export function createKickDialog(t: Translator, kick: (target: KickTarget, message: string) => void): { element: HTMLDialogElement; modal: Modal; ask(target: KickTarget): void } {
  const messageId = uniqueId('kick-message');
  const body = el('p', { attrs: { 'data-testid': 'kick-body' } });
  const message = el('textarea', { class: 'input', attrs: { id: messageId, rows: 3, maxlength: 500, 'data-testid': 'kick-message' } });
  let target: KickTarget | undefined;
  const confirm = el('button', {
    class: 'button button-danger',
    attrs: { type: 'button', 'data-testid': 'kick-confirm' },
    on: {
      click: () => {
        if (target) kick(target, message.value);
        modal.close();
      },
    },
  });
  const modal = createModal(t, { title: 'kick.title', testId: 'kick-dialog', onClose: () => { target = undefined; } }, [
    body,
    el('div', { class: 'field' }, [el('label', { class: 'label', text: t.m('kick.message'), attrs: { for: messageId } }), message]),
    el('div', { class: 'actions' }, [
      el('button', { class: 'button', text: t.m('kick.cancel'), attrs: { type: 'button', 'data-testid': 'kick-cancel' }, on: { click: () => modal.close() } }),
      confirm,
    ]),
  ]);
  return {
    element: modal.element,
    modal,
    ask(next) {
      target = next;
      message.value = '';
      setText(body, t.m(next.ban ? 'kick.bodyBan' : 'kick.body', { name: next.displayName }));
      setText(confirm, t.m(next.ban ? 'participant.kickBan' : 'participant.kick'));
      modal.open();
      message.focus();
    },
  };
}
