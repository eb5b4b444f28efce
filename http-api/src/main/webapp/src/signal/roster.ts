import { readParticipant, type Participant, type ServerMessage } from './protocol';

/** Who is in the conference, in join order. Never mutated: every change gives a new state. */
export interface RosterState {
  readonly participants: readonly Participant[];
}

export const EMPTY_ROSTER: RosterState = { participants: [] };

/**
 * Applies one server message to the roster. Messages that do not concern the roster (ack, pong,
 * error...) and updates about unknown participants return the very same state object, so a caller
 * can skip re-rendering with `next === previous`.
 */
export function reduceRoster(state: RosterState, message: ServerMessage): RosterState {
  if (message.joined) {
    // A (re)join carries the whole roster: it replaces whatever we had, including after a resume.
    const roster = message.joined.conference?.roster ?? [];
    return { participants: roster.map(readParticipant).filter((p) => p.id !== '') };
  }
  if (message.participantJoined) {
    const newcomer = readParticipant(message.participantJoined.participant ?? {});
    if (newcomer.id === '') return state;
    const index = state.participants.findIndex((p) => p.id === newcomer.id);
    if (index < 0) return { participants: [...state.participants, newcomer] };
    // Already listed (the joined snapshot and the event raced): keep the place, take the news.
    return replaceAt(state, index, newcomer);
  }
  if (message.participantLeft) {
    const id = message.participantLeft.participantId;
    if (!state.participants.some((p) => p.id === id)) return state;
    return { participants: state.participants.filter((p) => p.id !== id) };
  }
  if (message.participantUpdated) {
    const update = message.participantUpdated;
    // A participantUpdated carries the whole live profile, so an omitted boolean is false.
    // Names and languages are never blank on the server, so an omitted one keeps what we have.
    return patchParticipant(state, update.participantId ?? '', (p) => ({
      displayName: nonEmpty(update.displayName) ?? p.displayName,
      language: nonEmpty(update.language) ?? p.language,
      audioMuted: update.audioMuted ?? false,
      videoMuted: update.videoMuted ?? false,
    }));
  }
  if (message.roleChanged) {
    const { participantId, role } = message.roleChanged;
    return patchParticipant(state, participantId ?? '', () => ({ role: role ?? 'ROLE_UNSPECIFIED' }));
  }
  return state;
}

export type ParticipantPatch = Partial<Omit<Participant, 'id'>>;

/** Changes one participant; an unknown id leaves the state as it is (same object). */
export function patchParticipant(
  state: RosterState,
  id: string,
  patch: ParticipantPatch | ((current: Participant) => ParticipantPatch),
): RosterState {
  const index = state.participants.findIndex((p) => p.id === id);
  const current = state.participants[index];
  if (current === undefined) return state;
  const changes = typeof patch === 'function' ? patch(current) : patch;
  return replaceAt(state, index, { ...current, ...changes });
}

export function findParticipant(state: RosterState, id: string | undefined): Participant | undefined {
  return id === undefined ? undefined : state.participants.find((p) => p.id === id);
}

/** What changed between two rosters, in words a screen reader can announce. */
export type RosterChange =
  | { kind: 'joined'; name: string }
  | { kind: 'left'; name: string }
  /** Left because a moderator removed them. */
  | { kind: 'removed'; name: string }
  | { kind: 'renamed'; from: string; to: string };

/** `removed`: the ids of those who left because a moderator removed them (participantLeft KICKED). */
export function describeRosterChanges(previous: RosterState, next: RosterState, removed: ReadonlySet<string> = new Set()): RosterChange[] {
  if (previous === next) return [];
  const before = new Map(previous.participants.map((p) => [p.id, p]));
  const after = new Map(next.participants.map((p) => [p.id, p]));
  const changes: RosterChange[] = [];
  for (const p of next.participants) {
    const old = before.get(p.id);
    if (old === undefined) changes.push({ kind: 'joined', name: p.displayName });
    else if (old.displayName !== p.displayName) changes.push({ kind: 'renamed', from: old.displayName, to: p.displayName });
  }
  for (const p of previous.participants) {
    if (!after.has(p.id)) changes.push({ kind: removed.has(p.id) ? 'removed' : 'left', name: p.displayName });
  }
  return changes;
}

function replaceAt(state: RosterState, index: number, participant: Participant): RosterState {
  const participants = state.participants.slice();
  participants[index] = participant;
  return { participants };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
