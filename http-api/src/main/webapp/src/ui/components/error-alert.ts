import type { Translator } from '../../i18n/i18n';
import { el, setText, show, type Component } from '../dom';
import { icon } from './icons';

export interface ErrorAlertState {
  /** What the server (or the page) said went wrong; undefined hides the alert. */
  message: string | undefined;
}

/**
 * The visible place for errors. The role="alert" element exists from the start, so that
 * screen readers announce a message as soon as it is written into it.
 */
export function createErrorAlert(t: Translator, onDismiss: () => void): Component<ErrorAlertState> {
  const text = el('p', { class: 'alert-text', attrs: { role: 'alert', 'data-testid': 'error' } });
  const dismiss = el('button', {
    class: 'icon-button',
    attrs: { type: 'button', 'aria-label': t.t('room.dismiss'), title: t.t('room.dismiss') },
    on: { click: onDismiss },
  }, [icon('close')]);
  const element = el('div', { class: 'alert', attrs: { hidden: true } }, [text, dismiss]);
  return {
    element,
    update({ message }) {
      setText(text, message ?? '');
      show(element, message !== undefined && message !== '');
    },
  };
}
