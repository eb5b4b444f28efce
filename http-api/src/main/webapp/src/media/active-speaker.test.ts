import { describe, expect, it } from 'vitest';
import { sameSpeakers, SpeakerTracker } from './active-speaker';

const STEP = 250;

/** Feeds the same levels every 250 ms for `ms`; returns the last state. */
function run(tracker: SpeakerTracker, clock: { now: number }, levels: Record<string, number>, ms: number, present = ['me', 'ada', 'bob', 'cy']) {
  let state = tracker.sample({ levels: new Map(Object.entries(levels)), present, selfId: 'me', now: clock.now });
  for (let t = STEP; t <= ms; t += STEP) {
    clock.now += STEP;
    state = tracker.sample({ levels: new Map(Object.entries(levels)), present, selfId: 'me', now: clock.now });
  }
  return state;
}

describe('SpeakerTracker', () => {
  it('theFirstPersonHeardBecomesTheActiveSpeakerAtOnce', () => {
    const tracker = new SpeakerTracker();
    const clock = { now: 0 };
    expect(run(tracker, clock, {}, 0).active).toBeUndefined();
    expect(run(tracker, clock, { ada: 0.2 }, 0).active).toBe('ada');
  });

  it('oneselfRingsButIsNeverTheActiveSpeaker', () => {
    const tracker = new SpeakerTracker();
    const state = run(tracker, { now: 0 }, { me: 0.3 }, 500);
    expect(state.active).toBeUndefined();
    expect([...state.speaking]).toEqual(['me']);
  });

  it('silenceKeepsTheLastSpeaker', () => {
    const tracker = new SpeakerTracker();
    const clock = { now: 0 };
    run(tracker, clock, { ada: 0.2 }, 1_000);
    expect(run(tracker, clock, {}, 10_000).active).toBe('ada');
  });

  it('aBriefInterjectionDoesNotTakeThePlace', () => {
    const tracker = new SpeakerTracker();
    const clock = { now: 0 };
    run(tracker, clock, { ada: 0.1 }, 2_000);
    // Bob coughs for half a second, much louder.
    const during = run(tracker, clock, { ada: 0.1, bob: 0.5 }, 500);
    expect(during.active).toBe('ada');
    expect(during.speaking.has('bob')).toBe(true);
    expect(run(tracker, clock, { ada: 0.1 }, 2_000).active).toBe('ada');
  });

  it('someoneClearlyLouderForLongEnoughTakesThePlace', () => {
    const tracker = new SpeakerTracker();
    const clock = { now: 0 };
    run(tracker, clock, { ada: 0.2 }, 2_000);
    // Ada stops, Bob talks: after the switch delay Bob is the speaker.
    let state = run(tracker, clock, { bob: 0.2 }, 1_000);
    expect(state.active).toBe('ada');
    state = run(tracker, clock, { bob: 0.2 }, 1_000);
    expect(state.active).toBe('bob');
  });

  it('twoPeopleAtTheSameLevelDoNotMakeItFlicker', () => {
    const tracker = new SpeakerTracker();
    const clock = { now: 0 };
    run(tracker, clock, { ada: 0.2 }, 500);
    const seen = new Set<string | undefined>();
    for (let i = 0; i < 40; i++) {
      // Levels that alternate which one is a bit louder, sample by sample.
      const state = run(tracker, clock, i % 2 === 0 ? { ada: 0.2, bob: 0.25 } : { ada: 0.25, bob: 0.2 }, 0);
      clock.now += STEP;
      seen.add(state.active);
    }
    expect([...seen]).toEqual(['ada']);
  });

  it('aSpeakerWhoLeavesIsReplacedByWhoeverIsHeardNext', () => {
    const tracker = new SpeakerTracker();
    const clock = { now: 0 };
    run(tracker, clock, { ada: 0.2 }, 1_000);
    expect(run(tracker, clock, {}, 0, ['me', 'bob', 'cy']).active).toBeUndefined();
    expect(run(tracker, clock, { cy: 0.1 }, 0, ['me', 'bob', 'cy']).active).toBe('cy');
  });

  it('theRingIsHeldBetweenWordsThenGoes', () => {
    const tracker = new SpeakerTracker();
    const clock = { now: 0 };
    run(tracker, clock, { bob: 0.2 }, 500);
    expect(run(tracker, clock, {}, 250).speaking.has('bob')).toBe(true);
    expect(run(tracker, clock, {}, 1_500).speaking.has('bob')).toBe(false);
  });

  it('aWhisperBelowTheThresholdIsNotSpeaking', () => {
    const tracker = new SpeakerTracker();
    const state = run(tracker, { now: 0 }, { ada: 0.005 }, 1_000);
    expect(state.speaking.size).toBe(0);
    expect(state.active).toBeUndefined();
  });
});

describe('sameSpeakers', () => {
  it('comparesTheActiveSpeakerAndTheSetOfPeopleSpeaking', () => {
    expect(sameSpeakers({ active: 'a', speaking: new Set(['a', 'b']) }, { active: 'a', speaking: new Set(['b', 'a']) })).toBe(true);
    expect(sameSpeakers({ active: 'a', speaking: new Set(['a']) }, { active: 'b', speaking: new Set(['a']) })).toBe(false);
    expect(sameSpeakers({ active: 'a', speaking: new Set(['a']) }, { active: 'a', speaking: new Set() })).toBe(false);
  });
});
