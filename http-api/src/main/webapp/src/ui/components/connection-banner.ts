import type { Translator } from '../../i18n/i18n';
import { el, replaceChildren, type Component } from '../dom';

export interface ConnectionBannerState {
  reconnecting: boolean;
}

/**
 * "Connection lost, reconnecting…". The live region stays in the page and only its content comes
 * and goes, which is what makes screen readers announce it.
 */
export function createConnectionBanner(t: Translator, onRetryNow: () => void): Component<ConnectionBannerState> {
  const element = el('div', {
    class: 'banner-region',
    attrs: { role: 'status', 'aria-live': 'polite', 'data-testid': 'connection-banner' },
  });
  const content = el('div', { class: 'banner' }, [
    el('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }),
    el('span', { class: 'banner-text', text: t.t('banner.reconnecting') }),
    el('button', { class: 'button button-small', text: t.t('banner.retryNow'), attrs: { type: 'button' }, on: { click: onRetryNow } }),
  ]);
  let shown = false;
  return {
    element,
    update({ reconnecting }) {
      if (reconnecting === shown) return;
      shown = reconnecting;
      replaceChildren(element, reconnecting ? [content] : []);
    },
  };
}
