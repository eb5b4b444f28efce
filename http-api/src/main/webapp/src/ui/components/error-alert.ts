import type { MessageKey, Translator } from '../../i18n/i18n';
import { el, setText, show, type Component } from '../dom';
import { icon } from './icons';

export interface ErrorAlertState {
  /** What went wrong: the server's error (its stable code and its message); undefined hides the alert. */
  error: { readonly code: string; readonly message: string } | undefined;
}

/**
 * The visible place for errors. The role="alert" element exists from the start, so that
 * screen readers announce a message as soon as it is written into it.
 */
export function createErrorAlert(t: Translator, onDismiss: () => void): Component<ErrorAlertState> {
  const text = el('p', { class: 'alert-text', attrs: { role: 'alert', 'data-testid': 'error' } });
  const dismiss = el('button', {
    class: 'icon-button',
    attrs: { type: 'button', 'aria-label': t.m('room.dismiss'), title: t.m('room.dismiss') },
    on: { click: onDismiss },
  }, [icon('close')]);
  const element = el('div', { class: 'alert', attrs: { hidden: true } }, [text, dismiss]);
  return {
    element,
    update({ error }) {
      // Codes we have words for are said in the page's language; for the others (a refusal's
      // particular reason) the server's own message is the best there is.
      const known = error ? t.tryT(`error.${error.code}`) : undefined;
      if (error && known !== undefined) setText(text, t.m(`error.${error.code}` as MessageKey));
      else setText(text, error?.message ?? '');
      text.toggleAttribute('data-i18n-skip', error !== undefined && known === undefined);
      show(element, error !== undefined && (known ?? error.message) !== '');
    },
  };
}
