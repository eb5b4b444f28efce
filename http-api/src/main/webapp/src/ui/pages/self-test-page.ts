import type { Locale } from '../../i18n/i18n';
import { initialStatuses, runChecks, type Check, type CheckStatus } from '../../selftest/check-runner';
import type { Timers } from '../../signal/signal-client';
import { el, setText } from '../dom';
import { createSelfTestCheck } from '../components/self-test-check';
import { createSiteHeader } from './site-header';

export interface SelfTestPageDeps {
  /** A fresh set of checks for each run (checks.ts's createChecks, fakes in tests). */
  createChecks(): Check[];
  timers: Pick<Timers, 'setTimeout' | 'clearTimeout'>;
}

/** "/self-test": runs the checks one by one and says, for each that fails, what to do. */
/** run() is what the start button does; it resolves when every check is done. */
export function mountSelfTestPage(root: HTMLElement, t: Locale, deps: SelfTestPageDeps): { run(): Promise<void> } {
  const setTitle = () => {
    document.title = `${t.t('selftest.title')} · ${t.t('app.name')}`;
  };
  setTitle();
  const checks = deps.createChecks();
  const items = checks.map((c) => createSelfTestCheck(t, c.id));
  const render = (statuses: readonly CheckStatus[]) => statuses.forEach((status, i) => items[i]?.update(status));
  render(initialStatuses(checks));

  const summary = el('p', { class: 'self-test-summary', attrs: { role: 'status', 'aria-live': 'polite', 'data-testid': 'self-test-summary' } });
  const start = el('button', {
    class: 'button button-primary button-large',
    text: t.m('selftest.start'),
    attrs: { type: 'button', 'data-testid': 'self-test-start' },
    on: { click: () => void run() },
  });

  let running: Promise<void> | null = null;
  /** Starts a run, or gives the one under way. */
  function run(): Promise<void> {
    running ??= runOnce().finally(() => {
      running = null;
    });
    return running;
  }

  async function runOnce(): Promise<void> {
    start.disabled = true;
    setText(summary, '');
    summary.removeAttribute('data-result');
    const final = await runChecks(deps.createChecks(), deps.timers, render);
    const passed = final.every((s) => s.state === 'passed');
    setText(summary, t.m(passed ? 'selftest.summary.passed' : 'selftest.summary.failed'));
    summary.setAttribute('data-result', passed ? 'passed' : 'failed');
    setText(start, t.m('selftest.again'));
    start.disabled = false;
  }

  root.replaceChildren(
    createSiteHeader(t, root, setTitle),
    el('main', { class: 'narrow self-test', attrs: { id: 'main', 'data-testid': 'self-test' } }, [
      el('h1', { class: 'home-title', text: t.m('selftest.title') }),
      el('p', { class: 'home-tagline', text: t.m('selftest.intro') }),
      el('div', { class: 'actions' }, [start]),
      el('ol', { class: 'self-test-checks', attrs: { 'aria-label': t.m('selftest.checksLabel') } }, items.map((i) => i.element)),
      summary,
      el('a', { class: 'button', text: t.m('app.backHome'), attrs: { href: '/' } }),
    ]),
  );
  return { run };
}
