import type { Translator } from '../../i18n/i18n';
import { el, replaceChildren, setText, type Component } from '../dom';

export interface ConnectionBannerState {
  /** The signalling connection dropped: the whole session is coming back. */
  reconnecting: boolean;
  /** Only the audio and video connection failed and is being rebuilt. */
  mediaRecovering: boolean;
}

export interface ConnectionBannerActions {
  retryNow(): void;
  retryMediaNow(): void;
}

/**
 * "Connection lost, reconnecting…". The live region stays in the page and only its content comes
 * and goes, which is what makes screen readers announce it.
 */
export function createConnectionBanner(t: Translator, actions: ConnectionBannerActions): Component<ConnectionBannerState> {
  const element = el('div', {
    class: 'banner-region',
    attrs: { role: 'status', 'aria-live': 'polite', 'data-testid': 'connection-banner' },
  });
  let retry = actions.retryNow;
  const text = el('span', { class: 'banner-text' });
  const content = el('div', { class: 'banner' }, [
    el('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }),
    text,
    el('button', { class: 'button button-small', text: t.m('banner.retryNow'), attrs: { type: 'button' }, on: { click: () => retry() } }),
  ]);
  let shown: 'none' | 'signal' | 'media' = 'none';
  return {
    element,
    update({ reconnecting, mediaRecovering }) {
      const next = reconnecting ? 'signal' : mediaRecovering ? 'media' : 'none';
      if (next === shown) return;
      shown = next;
      retry = next === 'media' ? actions.retryMediaNow : actions.retryNow;
      setText(text, t.m(next === 'media' ? 'banner.mediaRecovering' : 'banner.reconnecting'));
      replaceChildren(element, next === 'none' ? [] : [content]);
    },
  };
}
