import type { MessageKey, Params } from '../i18n/i18n';
import type { Timers } from '../signal/signal-client';

/**
 * The self-test's runner: checks run one after the other, in the order given, each moving from
 * pending to running to passed or failed. A failed check (it threw, or took longer than its
 * timeout) does not stop the ones after it. No DOM and no browser: the checks get their
 * surroundings from whoever builds them (checks.ts), the runner only its timers.
 */

export type CheckState = 'pending' | 'running' | 'passed' | 'failed';

/** Why a check failed, as words to show: a dictionary key and its parameters. */
export interface CheckReason {
  readonly key: MessageKey;
  readonly params?: Params;
}

/** Thrown by a check to say what failed and what to do about it. */
export class CheckFailure extends Error {
  constructor(readonly reason: CheckReason) {
    super(reason.key);
    this.name = 'CheckFailure';
  }
}

export interface Check {
  readonly id: string;
  /** After this long the check fails with timeoutReason (or a generic one) and is aborted. */
  readonly timeoutMs: number;
  readonly timeoutReason?: CheckReason;
  /** Resolves when passed, throws (a CheckFailure for a known cause) when failed; stops work when aborted. */
  run(signal: AbortSignal): Promise<void>;
}

export interface CheckStatus {
  readonly id: string;
  readonly state: CheckState;
  /** Set when failed. */
  readonly reason?: CheckReason;
}

/** What an unexpected error (not a CheckFailure) is shown as. */
export const UNEXPECTED_FAILURE: CheckReason = { key: 'selftest.unexpected' };
export const TIMED_OUT: CheckReason = { key: 'selftest.timeout' };

export function initialStatuses(checks: readonly Check[]): CheckStatus[] {
  return checks.map((c) => ({ id: c.id, state: 'pending' }));
}

/**
 * Runs every check in order; onChange gets the whole list after each transition. Resolves with
 * the final list once the last check is done.
 */
export async function runChecks(
  checks: readonly Check[],
  timers: Pick<Timers, 'setTimeout' | 'clearTimeout'>,
  onChange: (statuses: readonly CheckStatus[]) => void,
): Promise<CheckStatus[]> {
  const statuses = initialStatuses(checks);
  const set = (index: number, status: CheckStatus) => {
    statuses[index] = status;
    onChange([...statuses]);
  };
  onChange([...statuses]);
  for (const [index, check] of checks.entries()) {
    set(index, { id: check.id, state: 'running' });
    const reason = await runOne(check, timers);
    set(index, reason ? { id: check.id, state: 'failed', reason } : { id: check.id, state: 'passed' });
  }
  return statuses;
}

/** Undefined when passed, else why not. */
async function runOne(check: Check, timers: Pick<Timers, 'setTimeout' | 'clearTimeout'>): Promise<CheckReason | undefined> {
  const abort = new AbortController();
  let timer: unknown;
  const timeout = new Promise<CheckReason>((resolve) => {
    timer = timers.setTimeout(() => resolve(check.timeoutReason ?? TIMED_OUT), check.timeoutMs);
  });
  const outcome = (async () => {
    try {
      await check.run(abort.signal);
      return undefined;
    } catch (error) {
      return error instanceof CheckFailure ? error.reason : UNEXPECTED_FAILURE;
    }
  })();
  try {
    return await Promise.race([outcome, timeout]);
  } finally {
    timers.clearTimeout(timer);
    // A check that timed out lets go of what it holds (sockets, tracks, connections).
    abort.abort();
  }
}

/** Rejects when the signal aborts: for waits inside a check. */
export function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(new Error('aborted'));
    else signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
  });
}
