import { readPoll, type Poll, type WirePoll } from './protocol';

/** The polls of this conference, oldest first, as this person sees them. */
export type PollList = readonly Poll[];

export const NO_POLLS: PollList = [];

/** The polls a join brings (open and past, oldest first). */
export function readPolls(wire: readonly WirePoll[] | undefined): PollList {
  return (wire ?? []).map(readPoll).filter((p): p is Poll => p !== null);
}

/** A pollUpdated: a new poll goes last, a known one is replaced where it is. Unreadable: unchanged. */
export function applyPollUpdate(polls: PollList, wire: WirePoll | undefined): PollList {
  const poll = readPoll(wire);
  if (poll === null) return polls;
  const index = polls.findIndex((p) => p.pollId === poll.pollId);
  if (index < 0) return [...polls, poll];
  return polls.map((p, i) => (i === index ? poll : p));
}

/** Whole percentages of a poll's votes per choice (0 when nobody voted). */
export function pollPercentages(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, n) => sum + n, 0);
  return counts.map((n) => (total === 0 ? 0 : Math.round((n * 100) / total)));
}
