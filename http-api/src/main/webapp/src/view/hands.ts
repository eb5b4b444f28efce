import type { Participant, Reaction } from '../signal/protocol';

/**
 * Raised hands and reactions as the page shows them, from the session's state alone. No DOM.
 */

export interface HandEntry {
  readonly participantId: string;
  readonly displayName: string;
  /** 1 for the oldest raised hand. */
  readonly position: number;
}

/**
 * The queue of raised hands with names and positions, oldest first. Someone the roster does not
 * know (yet, or any more: the server's handsChanged follows a leave) is left out and the others
 * close up, so the numbers shown are always 1..n.
 */
export function handQueue(raisedHands: readonly string[], roster: readonly Participant[]): HandEntry[] {
  const names = new Map(roster.map((p) => [p.id, p.displayName]));
  return raisedHands
    .filter((id) => names.has(id))
    .map((id, index) => ({ participantId: id, displayName: names.get(id) ?? '', position: index + 1 }));
}

/** Someone's place in the queue (1 = first), or undefined when their hand is down. */
export function handPosition(queue: readonly HandEntry[], participantId: string): number | undefined {
  return queue.find((h) => h.participantId === participantId)?.position;
}

/** The emoji each reaction floats as, and the name in test ids (`reaction-<name>`). */
export const REACTION_LOOK: Readonly<Record<Reaction, { readonly emoji: string; readonly name: string }>> = {
  REACTION_THUMBS_UP: { emoji: '👍', name: 'thumbs-up' },
  REACTION_CLAP: { emoji: '👏', name: 'clap' },
  REACTION_LAUGH: { emoji: '😂', name: 'laugh' },
  REACTION_SURPRISED: { emoji: '😮', name: 'surprised' },
  REACTION_HEART: { emoji: '❤️', name: 'heart' },
  REACTION_PARTY: { emoji: '🎉', name: 'party' },
};
