import type { Translator } from '../../i18n/i18n';
import { el, show, uniqueId, type Component } from '../dom';
import { icon } from './icons';
import { DISPLAY_NAME_MAX_LENGTH } from './prejoin-form';

export interface RenameControlState {
  displayName: string;
  enabled: boolean;
}

/** "Change my name": a button that opens a one-field form in place. */
export function createRenameControl(t: Translator, onRename: (displayName: string) => void): Component<RenameControlState> {
  const inputId = uniqueId('rename');
  let current = '';

  const openButton = el('button', {
    class: 'button',
    attrs: { type: 'button', 'data-testid': 'rename-button', 'aria-expanded': 'false', 'aria-controls': `${inputId}-form` },
    on: { click: () => open() },
  }, [icon('pencil'), el('span', { text: t.t('rename.open') })]);

  const input = el('input', {
    class: 'input',
    attrs: { id: inputId, type: 'text', autocomplete: 'name', maxlength: DISPLAY_NAME_MAX_LENGTH, required: true, 'data-testid': 'rename-input' },
    on: {
      keydown: (event) => {
        if (event.key === 'Escape') close();
      },
    },
  });

  const form = el('form', {
    class: 'rename-form',
    attrs: { id: `${inputId}-form`, hidden: true, 'data-testid': 'rename-form' },
    on: {
      submit: (event) => {
        event.preventDefault();
        const name = input.value.trim();
        if (name !== '' && name !== current) onRename(name);
        close();
      },
    },
  }, [
    el('label', { class: 'visually-hidden', text: t.t('rename.label'), attrs: { for: inputId } }),
    input,
    el('button', { class: 'button button-primary', text: t.t('rename.save'), attrs: { type: 'submit' } }),
    el('button', { class: 'button', text: t.t('rename.cancel'), attrs: { type: 'button' }, on: { click: () => close() } }),
  ]);

  function open(): void {
    input.value = current;
    show(form, true);
    show(openButton, false);
    openButton.setAttribute('aria-expanded', 'true');
    input.focus();
    input.select();
  }

  function close(): void {
    const hadFocus = form.contains(document.activeElement);
    show(form, false);
    show(openButton, true);
    openButton.setAttribute('aria-expanded', 'false');
    if (hadFocus) openButton.focus();
  }

  return {
    element: el('div', { class: 'rename-control' }, [openButton, form]),
    update({ displayName, enabled }) {
      current = displayName;
      openButton.disabled = !enabled;
      if (!enabled && !form.hidden) close();
    },
  };
}
