import { describe, expect, it } from 'vitest';
import { cleanDisplayName, joinGate } from './join-gate';

describe('joinGate', () => {
  it('keepsJoinDisabledUntilTheTermsAreAcceptedAndSaysWhy', () => {
    expect(joinGate({ acceptedTerms: false, busy: false })).toEqual({ disabled: true, reason: 'accept-terms' });
    expect(joinGate({ acceptedTerms: true, busy: false })).toEqual({ disabled: false, reason: undefined });
  });

  it('isDisabledWithoutReasonWhileJoining', () => {
    expect(joinGate({ acceptedTerms: true, busy: true })).toEqual({ disabled: true, reason: undefined });
  });
});

describe('cleanDisplayName', () => {
  it('trimsAndRefusesABlankName', () => {
    expect(cleanDisplayName('  Ada  ')).toBe('Ada');
    expect(cleanDisplayName('   ')).toBeUndefined();
    expect(cleanDisplayName('x'.repeat(80))).toHaveLength(64);
  });
});
