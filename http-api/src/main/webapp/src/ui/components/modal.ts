import type { MessageKey, Translator } from '../../i18n/i18n';
import { el, uniqueId, type Child } from '../dom';
import { icon } from './icons';

export interface Modal {
  readonly element: HTMLDialogElement;
  open(): void;
  close(): void;
  readonly isOpen: boolean;
}

export interface ModalOptions {
  title: MessageKey;
  testId: string;
  /** Called after it closed (by its button, Escape, or close()). */
  onClose?: () => void;
  class?: string;
}

/**
 * A modal dialog on the native <dialog>: showModal() makes the rest of the page inert, keeps
 * focus inside and closes on Escape. Focus goes back to what had it before opening.
 */
export function createModal(t: Translator, options: ModalOptions, body: readonly Child[]): Modal {
  const titleId = uniqueId('dialog-title');
  let opener: Element | null = null;
  const element = el('dialog', {
    class: `modal ${options.class ?? ''}`.trim(),
    attrs: { 'aria-labelledby': titleId, 'data-testid': options.testId },
  }, [
    el('div', { class: 'modal-header' }, [
      el('h2', { class: 'modal-title', text: t.m(options.title), attrs: { id: titleId } }),
      el('button', {
        class: 'icon-button',
        attrs: { type: 'button', 'aria-label': t.m('dialog.close'), title: t.m('dialog.close'), 'data-testid': `${options.testId}-close` },
        on: { click: () => close() },
      }, [icon('close')]),
    ]),
    el('div', { class: 'modal-body' }, body),
  ]);
  element.addEventListener('close', () => {
    options.onClose?.();
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    opener = null;
  });
  // A click on the backdrop (outside the box) closes it, as people expect.
  element.addEventListener('click', (event) => {
    if (event.target === element) close();
  });

  function close(): void {
    if (element.open) element.close();
  }

  return {
    element,
    open() {
      if (element.open) return;
      opener = document.activeElement;
      if (!element.isConnected) document.body.appendChild(element);
      element.showModal();
    },
    close,
    get isOpen() {
      return element.open;
    },
  };
}

/** Whether a modal dialog is open in the page (keys then belong to it). */
export function modalOpen(doc: Document = document): boolean {
  return doc.querySelector('dialog[open]') !== null;
}
