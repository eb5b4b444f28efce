import { el } from '../dom';

/** A visually hidden live region for short, polite announcements ("Ada joined"). */
export function createLiveAnnouncer(): { element: HTMLElement; announce(message: string): void } {
  const element = el('div', { class: 'visually-hidden', attrs: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' } });
  return {
    element,
    announce(message) {
      element.textContent = message;
    },
  };
}
