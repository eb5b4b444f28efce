import { describe, expect, it } from 'vitest';
import { applyPollUpdate, NO_POLLS, pollPercentages, readPolls } from './polls';

describe('polls', () => {
  it('adds a new poll last and replaces a known one in place', () => {
    const polls = readPolls([{ pollId: 'a', choices: ['x', 'y'] }, { pollId: 'b', choices: ['x', 'y'] }]);
    const updated = applyPollUpdate(polls, { pollId: 'a', choices: ['x', 'y'], counts: [1, 0], closed: true });
    expect(updated.map((p) => p.pollId)).toEqual(['a', 'b']);
    expect(updated[0]).toMatchObject({ closed: true, counts: [1, 0] });
    expect(applyPollUpdate(updated, { pollId: 'c', choices: ['x', 'y'] }).map((p) => p.pollId)).toEqual(['a', 'b', 'c']);
  });

  it('ignores an update without a poll id', () => {
    expect(applyPollUpdate(NO_POLLS, { question: 'q' })).toBe(NO_POLLS);
  });

  it('gives whole percentages, 0 when nobody voted', () => {
    expect(pollPercentages([1, 2])).toEqual([33, 67]);
    expect(pollPercentages([0, 0])).toEqual([0, 0]);
  });
});
