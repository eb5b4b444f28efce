// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createLocale } from '../../i18n/i18n';
import { CheckFailure, type Check } from '../../selftest/check-runner';
import { ManualTimers } from '../../test-support/fake-signalling';
import { mountSelfTestPage } from './self-test-page';

let root: HTMLElement;
const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);

const CHECKS: Check[] = [
  { id: 'browser', timeoutMs: 1_000, run: async () => undefined },
  { id: 'signalling', timeoutMs: 1_000, run: async () => undefined },
  { id: 'media', timeoutMs: 1_000, run: async () => { throw new CheckFailure({ key: 'selftest.media.udp', params: { port: 10000 } }); } },
];

beforeEach(() => {
  localStorage.clear();
  document.body.replaceChildren();
  root = document.createElement('div');
  document.body.appendChild(root);
});

describe('self-test page', () => {
  it('listsTheChecksAsPendingUntilStarted', () => {
    mountSelfTestPage(root, createLocale('en'), { createChecks: () => CHECKS, timers: new ManualTimers() });
    expect(byTestId('self-test-start')?.textContent).toBe('Start the test');
    expect(['browser', 'signalling', 'media'].map((id) => byTestId(`check-${id}`)?.getAttribute('data-state'))).toEqual(['pending', 'pending', 'pending']);
  });

  it('showsEachResultAndWhatToDoAboutAFailure', async () => {
    const page = mountSelfTestPage(root, createLocale('en'), { createChecks: () => CHECKS, timers: new ManualTimers() });
    byTestId('self-test-start')?.click();
    expect(byTestId('check-browser')?.getAttribute('data-state')).toBe('running');
    await page.run();
    expect(byTestId('check-browser')?.getAttribute('data-state')).toBe('passed');
    expect(byTestId('check-signalling')?.textContent).toContain('The meeting server answers.');
    expect(byTestId('check-media')?.getAttribute('data-state')).toBe('failed');
    expect(byTestId('check-media')?.textContent).toContain('check firewall rules for UDP port 10000');
    expect(byTestId('self-test-summary')?.getAttribute('data-result')).toBe('failed');
    expect(byTestId('self-test-start')?.textContent).toBe('Run the test again');
  });

  it('speaksFrenchToo', async () => {
    const t = createLocale('en');
    const page = mountSelfTestPage(root, t, { createChecks: () => CHECKS, timers: new ManualTimers() });
    byTestId('self-test-start')?.click();
    await page.run();
    t.setLanguage('fr');
    expect(byTestId('check-media')?.textContent).toContain('pour le port UDP 10000');
    expect(byTestId('self-test-start')?.textContent).toBe('Relancer le test');
  });
});
