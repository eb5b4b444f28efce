import { describe, expect, it } from 'vitest';
import { backoffCeiling, backoffDelay, RECONNECT_BACKOFF } from './backoff';

describe('backoff', () => {
  it('ceilingDoublesFromHalfASecondUpToTenSeconds', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => backoffCeiling(attempt));
    expect(ceilings).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });

  it('delayStaysWithinTheUpperHalfOfTheCeiling', () => {
    for (let attempt = 1; attempt <= 12; attempt++) {
      const ceiling = backoffCeiling(attempt);
      expect(backoffDelay(attempt, RECONNECT_BACKOFF, () => 0)).toBe(ceiling / 2);
      expect(backoffDelay(attempt, RECONNECT_BACKOFF, () => 0.999999)).toBeLessThanOrEqual(ceiling);
      for (let i = 0; i < 50; i++) {
        const delay = backoffDelay(attempt);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it('isJitteredSoDroppedClientsDoNotRetryInStep', () => {
    const delays = new Set(Array.from({ length: 40 }, () => backoffDelay(6)));
    expect(delays.size).toBeGreaterThan(20);
  });

  it('neverExceedsTheCapEvenAfterAVeryLongOutage', () => {
    expect(backoffCeiling(10_000)).toBe(10_000);
    expect(backoffDelay(Number.MAX_SAFE_INTEGER, RECONNECT_BACKOFF, () => 1)).toBe(10_000);
  });

  it('treatsNonsenseAttemptsAsTheFirstRetry', () => {
    expect(backoffCeiling(0)).toBe(500);
    expect(backoffCeiling(-3)).toBe(500);
  });

  it('clampsARandomSourceThatStraysOutOfRange', () => {
    expect(backoffDelay(1, RECONNECT_BACKOFF, () => 7)).toBe(500);
    expect(backoffDelay(1, RECONNECT_BACKOFF, () => -1)).toBe(250);
  });
});
