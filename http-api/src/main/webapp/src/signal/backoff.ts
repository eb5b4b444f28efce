/**
 * When to try again after a dropped connection: exponential backoff with "equal jitter". The
 * ceiling doubles from `initialMs` up to `maxMs`; the delay is drawn uniformly from its upper half,
 * so retries never come faster than half the ceiling and many browsers dropped at once (a server
 * restart) do not all come back in the same instant.
 */
export interface BackoffPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
}

export const RECONNECT_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 10_000 };

/** The ceiling for a given retry: initialMs * 2^(attempt-1), capped. `attempt` counts from 1. */
export function backoffCeiling(attempt: number, policy: BackoffPolicy = RECONNECT_BACKOFF): number {
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  // Math.min before the power would overflow to Infinity for long outages; 2^31 is plenty.
  return Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(exponent, 31));
}

/** @param random a number in [0, 1), Math.random by default; tests pass their own. */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy = RECONNECT_BACKOFF,
  random: () => number = Math.random,
): number {
  const ceiling = backoffCeiling(attempt, policy);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * r);
}
