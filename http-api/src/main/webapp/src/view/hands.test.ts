import { describe, expect, it } from 'vitest';
import { readParticipant, REACTIONS } from '../signal/protocol';
import { handPosition, handQueue, REACTION_LOOK } from './hands';

const roster = [readParticipant({ id: 'p-ada', displayName: 'Ada' }), readParticipant({ id: 'p-bob', displayName: 'Bob' })];

describe('raised hands', () => {
  it('numbersTheQueueInTheOrderHandsWereRaised', () => {
    expect(handQueue(['p-bob', 'p-ada'], roster)).toEqual([
      { participantId: 'p-bob', displayName: 'Bob', position: 1 },
      { participantId: 'p-ada', displayName: 'Ada', position: 2 },
    ]);
  });

  it('leavesOutWhoTheRosterDoesNotKnowAndClosesUp', () => {
    const queue = handQueue(['p-gone', 'p-ada'], roster);
    expect(queue).toEqual([{ participantId: 'p-ada', displayName: 'Ada', position: 1 }]);
    expect(handPosition(queue, 'p-ada')).toBe(1);
    expect(handPosition(queue, 'p-bob')).toBeUndefined();
  });

  it('everyReactionHasAnEmojiAndADistinctName', () => {
    expect(new Set(REACTIONS.map((r) => REACTION_LOOK[r].name)).size).toBe(6);
  });
});
