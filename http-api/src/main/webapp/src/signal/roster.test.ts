import { describe, expect, it } from 'vitest';
import type { ServerMessage, WireParticipant } from './protocol';
import { describeRosterChanges, EMPTY_ROSTER, patchParticipant, reduceRoster, type RosterState } from './roster';

const ada: WireParticipant = {
  id: 'p-ada', displayName: 'Ada', role: 'ROLE_MODERATOR', language: 'en', joinedAt: '2026-01-01T10:00:00Z',
};
const bob: WireParticipant = {
  id: 'p-bob', displayName: 'Bob', role: 'ROLE_PARTICIPANT', language: 'fr', audioMuted: true, joinedAt: '2026-01-01T10:01:00Z',
};

function joinedWith(...roster: WireParticipant[]): ServerMessage {
  return {
    requestId: '1',
    joined: {
      participantId: 'p-ada', resumeToken: 'tok', role: 'ROLE_MODERATOR', heartbeatIntervalMillis: '10000',
      conference: { room: 'r', instance: '1', startedAt: '2026-01-01T10:00:00Z', roster },
    },
  };
}

const apply = (...messages: ServerMessage[]): RosterState => messages.reduce(reduceRoster, EMPTY_ROSTER);
const names = (state: RosterState) => state.participants.map((p) => p.displayName);

describe('reduceRoster', () => {
  it('joinedReplacesTheRosterWithTheConferenceRosterInJoinOrder', () => {
    const state = apply(joinedWith(ada, bob));
    expect(names(state)).toEqual(['Ada', 'Bob']);
    expect(state.participants[0]).toEqual({
      id: 'p-ada', displayName: 'Ada', role: 'ROLE_MODERATOR', language: 'en',
      audioMuted: false, videoMuted: false, joinedAt: '2026-01-01T10:00:00Z',
    });
  });

  it('fieldsOmittedByCanonicalJsonGetTheirDefaults', () => {
    const state = apply(joinedWith({ id: 'p-x', displayName: 'X' }));
    expect(state.participants[0]).toMatchObject({ role: 'ROLE_UNSPECIFIED', language: '', audioMuted: false, videoMuted: false, joinedAt: '' });
  });

  it('aSecondJoinedAfterAResumeReplacesTheOldRosterEntirely', () => {
    const state = apply(joinedWith(ada, bob), joinedWith(ada));
    expect(names(state)).toEqual(['Ada']);
  });

  it('participantJoinedAppendsTheNewcomerAtTheEnd', () => {
    const state = apply(joinedWith(ada), { participantJoined: { participant: bob } });
    expect(names(state)).toEqual(['Ada', 'Bob']);
  });

  it('participantJoinedForSomeoneAlreadyListedUpdatesInPlaceWithoutDuplicating', () => {
    const state = apply(joinedWith(ada, bob), { participantJoined: { participant: { ...ada, displayName: 'Ada L.' } } });
    expect(names(state)).toEqual(['Ada L.', 'Bob']);
  });

  it('participantLeftRemovesThatParticipantOnly', () => {
    const state = apply(joinedWith(ada, bob), { participantLeft: { participantId: 'p-ada', reason: 'LEAVE_REASON_LEFT' } });
    expect(names(state)).toEqual(['Bob']);
  });

  it('participantUpdatedReplacesTheLiveProfileAndOmittedBooleansMeanFalse', () => {
    const state = apply(
      joinedWith(ada, bob),
      { participantUpdated: { participantId: 'p-bob', displayName: 'Robert', language: 'en', videoMuted: true } },
    );
    expect(state.participants[1]).toMatchObject({ displayName: 'Robert', language: 'en', audioMuted: false, videoMuted: true, role: 'ROLE_PARTICIPANT' });
  });

  it('participantUpdatedWithoutANameKeepsTheKnownName', () => {
    const state = apply(joinedWith(ada), { participantUpdated: { participantId: 'p-ada', audioMuted: true } });
    expect(state.participants[0]).toMatchObject({ displayName: 'Ada', language: 'en', audioMuted: true });
  });

  it('roleChangedPromotesOrDemotesTheParticipant', () => {
    const promoted = apply(joinedWith(ada, bob), { roleChanged: { participantId: 'p-bob', role: 'ROLE_MODERATOR' } });
    expect(promoted.participants[1]?.role).toBe('ROLE_MODERATOR');
    const demoted = reduceRoster(promoted, { roleChanged: { participantId: 'p-ada', role: 'ROLE_PARTICIPANT' } });
    expect(demoted.participants[0]?.role).toBe('ROLE_PARTICIPANT');
  });

  it('messagesAboutUnknownParticipantsOrUnrelatedToTheRosterReturnTheSameState', () => {
    const state = apply(joinedWith(ada));
    for (const message of [
      { participantLeft: { participantId: 'nobody' } },
      { participantUpdated: { participantId: 'nobody', displayName: 'Z' } },
      { roleChanged: { participantId: 'nobody', role: 'ROLE_MODERATOR' } },
      { ack: {} },
      { pong: {} },
      { error: { code: 'REFUSED', message: 'no' } },
      { participantJoined: {} },
    ] satisfies ServerMessage[]) {
      expect(reduceRoster(state, message)).toBe(state);
    }
  });

  it('neverMutatesThePreviousState', () => {
    const before = apply(joinedWith(ada, bob));
    const snapshot = structuredClone(before);
    reduceRoster(before, { participantLeft: { participantId: 'p-bob' } });
    reduceRoster(before, { participantUpdated: { participantId: 'p-ada', displayName: 'Zed' } });
    reduceRoster(before, { participantJoined: { participant: { id: 'p-c', displayName: 'C' } } });
    expect(before).toEqual(snapshot);
  });
});

describe('patchParticipant', () => {
  it('changesOnlyTheGivenFieldsOfOneParticipant', () => {
    const state = patchParticipant(apply(joinedWith(ada, bob)), 'p-ada', { videoMuted: true });
    expect(state.participants[0]).toMatchObject({ displayName: 'Ada', videoMuted: true });
    expect(state.participants[1]?.videoMuted).toBe(false);
  });
});

describe('describeRosterChanges', () => {
  it('someoneKickedLeavesTheRosterAndIsDescribedAsRemoved', () => {
    const before = apply(joinedWith(ada, bob));
    const after = apply(joinedWith(ada, bob), { participantLeft: { participantId: 'p-bob', reason: 'LEAVE_REASON_KICKED' } });
    expect(after.participants.map((p) => p.id)).toEqual(['p-ada']);
    expect(describeRosterChanges(before, after, new Set(['p-bob']))).toEqual([{ kind: 'removed', name: 'Bob' }]);
  });

  it('tellsWhoJoinedLeftOrChangedTheirName', () => {
    const before = apply(joinedWith(ada, bob));
    const after = apply(
      joinedWith(ada, bob),
      { participantLeft: { participantId: 'p-bob' } },
      { participantJoined: { participant: { id: 'p-cy', displayName: 'Cy' } } },
      { participantUpdated: { participantId: 'p-ada', displayName: 'Ada L.' } },
    );
    expect(describeRosterChanges(before, after)).toEqual([
      { kind: 'renamed', from: 'Ada', to: 'Ada L.' },
      { kind: 'joined', name: 'Cy' },
      { kind: 'left', name: 'Bob' },
    ]);
  });

  it('reportsNothingForMediaChanges', () => {
    const before = apply(joinedWith(ada));
    const after = reduceRoster(before, { participantUpdated: { participantId: 'p-ada', audioMuted: true } });
    expect(describeRosterChanges(before, after)).toEqual([]);
  });
});
