import type { Locale, MessageKey } from '../../i18n/i18n';
import type { CheckStatus } from '../../selftest/check-runner';
import { el, setAttributes, setText } from '../dom';

/**
 * One check of the self-test: its name, its state (data-state pending/running/passed/failed,
 * green or red) and, once done, what passed or what failed and what to do.
 */
export function createSelfTestCheck(t: Locale, id: string): { element: HTMLElement; update(status: CheckStatus): void } {
  const title = `selftest.check.${id}` as MessageKey;
  const state = el('span', { class: 'self-test-state' });
  const detail = el('p', { class: 'self-test-detail' });
  const element = el('li', { class: 'self-test-check', attrs: { 'data-testid': `check-${id}` } }, [
    el('div', { class: 'self-test-check-head' }, [el('span', { class: 'self-test-mark', attrs: { 'aria-hidden': 'true' } }), el('h2', { class: 'self-test-name', text: t.m(title) }), state]),
    detail,
  ]);
  return {
    element,
    update(status: CheckStatus) {
      setAttributes(element, { 'data-state': status.state });
      setText(state, t.m(`selftest.state.${status.state}`));
      if (status.state === 'passed') setText(detail, t.m(`${title}.passed` as MessageKey));
      else if (status.state === 'failed') setText(detail, t.m(status.reason?.key ?? 'selftest.unexpected', status.reason?.params));
      else setText(detail, '');
      detail.hidden = status.state !== 'passed' && status.state !== 'failed';
    },
  };
}
