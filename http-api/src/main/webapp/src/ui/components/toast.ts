import type { Msg } from '../../i18n/i18n';
import { el, setText, show } from '../dom';

const TOAST_MS = 4_000;

/**
 * A short message near the bottom of the screen ("Link copied", why a button does nothing yet),
 * also read out by screen readers; it goes away by itself.
 */
export function createToast(): { element: HTMLElement; show(message: Msg): void } {
  const text = el('p', { class: 'toast-text' });
  const element = el('div', { class: 'toast', attrs: { role: 'status', 'aria-live': 'polite', 'data-testid': 'toast' } }, [text]);
  show(text, false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    element,
    show(message) {
      setText(text, message);
      show(text, true);
      clearTimeout(timer);
      timer = setTimeout(() => {
        show(text, false);
        setText(text, '');
      }, TOAST_MS);
    },
  };
}
