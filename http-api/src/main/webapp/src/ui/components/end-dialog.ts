import type { Translator } from '../../i18n/i18n';
import { el } from '../dom';
import { createModal, type Modal } from './modal';

/** "End the meeting for everyone?": a moderator confirms before everyone is sent out. */
export function createEndDialog(t: Translator, end: () => void): { element: HTMLDialogElement; modal: Modal; ask(): void } {
  const cancel = el('button', { class: 'button', text: t.m('end.cancel'), attrs: { type: 'button', 'data-testid': 'end-cancel' }, on: { click: () => modal.close() } });
  const modal = createModal(t, { title: 'end.title', testId: 'end-dialog' }, [
    el('p', { text: t.m('end.body') }),
    el('div', { class: 'actions' }, [
      cancel,
      el('button', {
        class: 'button button-danger', text: t.m('end.confirm'), attrs: { type: 'button', 'data-testid': 'end-confirm' },
        on: {
          click: () => {
            modal.close();
            end();
          },
        },
      }),
    ]),
  ]);
  return {
    element: modal.element,
    modal,
    ask() {
      modal.open();
      // The safe choice has the focus: Enter by habit does not end a meeting.
      cancel.focus();
    },
  };
}
