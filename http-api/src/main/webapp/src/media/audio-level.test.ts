import { describe, expect, it } from 'vitest';
import { meterFill, rmsFromTimeDomain } from './audio-level';

describe('rmsFromTimeDomain', () => {
  it('isZeroForSilenceAndGrowsWithTheSwing', () => {
    expect(rmsFromTimeDomain(new Uint8Array(64).fill(128))).toBe(0);
    expect(rmsFromTimeDomain([])).toBe(0);
    const square = Uint8Array.from({ length: 64 }, (_, i) => (i % 2 === 0 ? 192 : 64));
    expect(rmsFromTimeDomain(square)).toBeCloseTo(0.5, 5);
  });
});

describe('meterFill', () => {
  it('mapsDecibelsFromMinusSixtyToZeroOntoTheMeter', () => {
    expect(meterFill(0)).toBe(0);
    expect(meterFill(0.001)).toBeCloseTo(0, 5);
    expect(meterFill(0.1)).toBeCloseTo(2 / 3, 5);
    expect(meterFill(1)).toBe(1);
    expect(meterFill(Number.NaN)).toBe(0);
  });
});
