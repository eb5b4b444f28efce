import type { Msg } from '../../i18n/i18n';
import { el, setAttributes } from '../dom';

export interface PopupMenu {
  readonly element: HTMLElement;
  readonly isOpen: boolean;
  toggle(): void;
  close(focusButton: boolean): void;
}

/**
 * A small menu that opens from a button (the reactions picker, a moderator's leave menu): role
 * menu, arrow keys move between its items, Escape closes it and gives focus back to the button, a
 * click or focus elsewhere closes it. Its items are built on each opening, so each of their test
 * ids is in the page only while it is open. `keepOpen`: a pick does not close it (reactions).
 */
export function createPopupMenu(button: HTMLButtonElement, options: {
  label: Msg;
  class?: string;
  items(): HTMLButtonElement[];
  keepOpen?: boolean;
}): PopupMenu {
  const element = el('div', { class: `menu ${options.class ?? ''}`.trim(), attrs: { role: 'menu', hidden: true } });
  setAttributes(button, { 'aria-haspopup': 'menu', 'aria-expanded': 'false' });
  let items: HTMLButtonElement[] = [];
  element.addEventListener('keydown', (event) => {
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (['ArrowDown', 'ArrowRight', 'ArrowUp', 'ArrowLeft'].includes(event.key)) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' || event.key === 'ArrowRight' ? 1 : items.length - 1;
      items[(index + step) % items.length]?.focus();
    }
  });
  element.addEventListener('focusout', (event) => {
    const next = event.relatedTarget;
    if (next instanceof Node && (element.contains(next) || button.contains(next))) return;
    if (next !== null) close(false);
  });
  element.addEventListener('click', (event) => {
    if (!options.keepOpen && event.target instanceof Element && event.target.closest('[role="menuitem"]')) close(false);
  });

  function onPointerDown(event: Event): void {
    const target = event.target;
    if (target instanceof Node && (element.contains(target) || button.contains(target))) return;
    close(false);
  }

  function open(): void {
    items = options.items();
    for (const item of items) item.setAttribute('role', 'menuitem');
    setAttributes(element, { 'aria-label': options.label });
    element.replaceChildren(...items);
    element.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    document.addEventListener('pointerdown', onPointerDown, true);
    items[0]?.focus();
  }

  function close(focusButton: boolean): void {
    if (element.hidden) return;
    document.removeEventListener('pointerdown', onPointerDown, true);
    element.hidden = true;
    element.replaceChildren();
    items = [];
    button.setAttribute('aria-expanded', 'false');
    if (focusButton) button.focus();
  }

  return {
    element,
    get isOpen() {
      return !element.hidden;
    },
    toggle() {
      if (element.hidden) open();
      else close(true);
    },
    close,
  };
}
