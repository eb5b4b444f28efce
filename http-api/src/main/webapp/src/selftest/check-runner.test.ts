import { describe, expect, it } from 'vitest';
import { ManualTimers } from '../test-support/fake-signalling';
import { deferred, settle } from '../test-support/fake-webrtc';
import { CheckFailure, runChecks, TIMED_OUT, UNEXPECTED_FAILURE, type Check, type CheckStatus } from './check-runner';

function check(id: string, run: Check['run'], timeoutMs = 1_000, extra: Partial<Check> = {}): Check {
  return { id, timeoutMs, run, ...extra };
}

function states(history: ReadonlyArray<readonly CheckStatus[]>): string[] {
  return history.map((statuses) => statuses.map((s) => `${s.id}:${s.state}`).join(' '));
}

describe('runChecks', () => {
  it('runsTheChecksOneAfterTheOtherInOrderThroughEachState', async () => {
    const ran: string[] = [];
    const history: CheckStatus[][] = [];
    const final = await runChecks(
      [check('a', async () => void ran.push('a')), check('b', async () => void ran.push('b'))],
      new ManualTimers(),
      (s) => history.push([...s]),
    );
    expect(ran).toEqual(['a', 'b']);
    expect(states(history)).toEqual([
      'a:pending b:pending',
      'a:running b:pending',
      'a:passed b:pending',
      'a:passed b:running',
      'a:passed b:passed',
    ]);
    expect(final).toEqual([{ id: 'a', state: 'passed' }, { id: 'b', state: 'passed' }]);
  });

  it('doesNotStartTheNextCheckBeforeTheCurrentOneIsDone', async () => {
    const first = deferred();
    let secondStarted = false;
    const done = runChecks([check('a', () => first.promise), check('b', async () => void (secondStarted = true))], new ManualTimers(), () => undefined);
    await settle();
    expect(secondStarted).toBe(false);
    first.resolve();
    await done;
    expect(secondStarted).toBe(true);
  });

  it('aFailingCheckSaysWhyAndDoesNotStopTheOthers', async () => {
    const final = await runChecks([
      check('a', async () => {
        throw new CheckFailure({ key: 'selftest.media.udp', params: { port: 10000 } });
      }),
      check('b', async () => {
        throw new Error('boom');
      }),
      check('c', async () => undefined),
    ], new ManualTimers(), () => undefined);
    expect(final).toEqual([
      { id: 'a', state: 'failed', reason: { key: 'selftest.media.udp', params: { port: 10000 } } },
      { id: 'b', state: 'failed', reason: UNEXPECTED_FAILURE },
      { id: 'c', state: 'passed' },
    ]);
  });

  it('aCheckThatTakesTooLongFailsIsAbortedAndTheNextOneRuns', async () => {
    const timers = new ManualTimers();
    let signalOfA: AbortSignal | undefined;
    const history: CheckStatus[][] = [];
    const done = runChecks([
      check('a', (signal) => {
        signalOfA = signal;
        return new Promise(() => undefined);
      }, 5_000, { timeoutReason: { key: 'selftest.signalling.timeout' } }),
      check('b', () => new Promise(() => undefined), 2_000),
      check('c', async () => undefined),
    ], timers, (s) => history.push([...s]));
    await settle();
    timers.advance(4_999);
    await settle();
    expect(history.at(-1)?.[0]?.state).toBe('running');
    expect(signalOfA?.aborted).toBe(false);
    timers.advance(1);
    await settle();
    expect(signalOfA?.aborted).toBe(true);
    timers.advance(2_000);
    const final = await done;
    expect(final).toEqual([
      { id: 'a', state: 'failed', reason: { key: 'selftest.signalling.timeout' } },
      { id: 'b', state: 'failed', reason: TIMED_OUT },
      { id: 'c', state: 'passed' },
    ]);
  });

  it('aCheckDoneInTimeLeavesNoTimerBehind', async () => {
    const timers = new ManualTimers();
    const history: CheckStatus[][] = [];
    await runChecks([check('a', async () => undefined, 1_000)], timers, (s) => history.push([...s]));
    const count = history.length;
    timers.advance(10_000);
    await settle();
    expect(history.length).toBe(count);
  });
});
