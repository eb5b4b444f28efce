import { describe, expect, it } from 'vitest';
import { generateRoomName, GENERATED_NAME_COUNT, isValidRoomName, roomNameProblem, secureRandomInt } from './room-name';
import { ADJECTIVES, ADVERBS, PLURAL_NOUNS, VERBS } from './words';

const FORMAT = /^([A-Z][a-z]+){4}[1-9][0-9]$/;

describe('generateRoomName', () => {
  it('readsAsFourCapitalisedWordsAndATwoDigitNumber', () => {
    for (let i = 0; i < 200; i++) {
      const name = generateRoomName();
      expect(name).toMatch(FORMAT);
      expect(name.length).toBeLessThanOrEqual(64);
    }
  });

  it('buildsTheSentenceAdjectiveNounVerbAdverb', () => {
    // The first entry of every list, then the smallest number.
    expect(generateRoomName(() => 0)).toBe('AgileAcornsBakeAbroad10');
    // The last entry of every list, then the largest number.
    expect(generateRoomName((bound) => bound - 1)).toBe('WittyZebrasZoomZestfully99');
  });

  it('isAcceptedByTheServersRoomNameRule', () => {
    for (let i = 0; i < 200; i++) {
      expect(isValidRoomName(generateRoomName())).toBe(true);
      expect(generateRoomName().toLowerCase()).toMatch(/^[a-z0-9][a-z0-9_.-]*$/);
    }
  });

  it('rarelyRepeatsItself', () => {
    const names = new Set(Array.from({ length: 2_000 }, () => generateRoomName()));
    expect(names.size).toBeGreaterThanOrEqual(1_999);
  });

  it('hasMoreThanFourBillionPossibleNames', () => {
    expect(GENERATED_NAME_COUNT).toBeGreaterThan(2 ** 32);
  });

  it('usesEveryWordOfItsListsEventually', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5_000; i++) {
      for (const word of generateRoomName().match(/[A-Z][a-z]+/g) ?? []) seen.add(word.toLowerCase());
    }
    const firstWords = new Set(ADJECTIVES);
    expect([...firstWords].every((w) => seen.has(w))).toBe(true);
  });
});

describe('word lists', () => {
  it('holdOnlyDistinctLowerCaseAsciiWords', () => {
    for (const list of [ADJECTIVES, PLURAL_NOUNS, VERBS, ADVERBS]) {
      expect(list.length).toBeGreaterThanOrEqual(64);
      expect(new Set(list).size).toBe(list.length);
      for (const word of list) expect(word).toMatch(/^[a-z]{2,}$/);
    }
  });

  it('holdAFewHundredWordsInAll', () => {
    expect(ADJECTIVES.length + PLURAL_NOUNS.length + VERBS.length + ADVERBS.length).toBeGreaterThanOrEqual(300);
  });
});

describe('secureRandomInt', () => {
  it('staysInRangeAndCoversIt', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 1_000; i++) {
      const n = secureRandomInt(7);
      expect(Number.isInteger(n) && n >= 0 && n < 7).toBe(true);
      seen.add(n);
    }
    expect(seen.size).toBe(7);
  });

  it('refusesAnEmptyRange', () => {
    expect(() => secureRandomInt(0)).toThrow(RangeError);
  });
});

describe('roomNameProblem', () => {
  it('acceptsWhatTheServerAccepts', () => {
    for (const name of ['a', 'Team-Meeting', 'lab_42', 'v1.2', '9lives', 'x'.repeat(64), '  padded  ']) {
      expect(roomNameProblem(name)).toBeNull();
    }
  });

  it('asksForANameWhenBlank', () => {
    expect(roomNameProblem('')).toBe('required');
    expect(roomNameProblem('   ')).toBe('required');
  });

  it('refusesWhatTheServerRefuses', () => {
    for (const name of ['-start', '.hidden', 'two words', 'café', 'a/b', 'x'.repeat(65), 'what?']) {
      expect(roomNameProblem(name)).toBe('invalid');
    }
  });
});
