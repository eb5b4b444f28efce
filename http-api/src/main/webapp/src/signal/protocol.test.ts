import { describe, expect, it } from 'vitest';
import {
  bodyKind, encodeClientMessage, parseServerMessage, readAccess, readInt64, readKicked, readKnock, readKnockResolved,
  readLobbyChatMessage, readSubscribeOffer, readVersion, readWaiting, signalUrl,
  readChatMessage, readHands, readReacted, REACTIONS,
  FREE_MEDIA_POLICY, readMediaPolicy, readPoll, readUnmuteRequest,
} from './protocol';

describe('protocol', () => {
  it('signalUrlUsesWssOnHttpsPagesAndWsOnHttpPages', () => {
    expect(signalUrl({ protocol: 'https:', host: 'meet.example.org' })).toBe('wss://meet.example.org/api/v1/signal');
    expect(signalUrl({ protocol: 'http:', host: 'localhost:8080' })).toBe('ws://localhost:8080/api/v1/signal');
  });

  it('readsInt64StringsAndFallsBackWhenMissingOrNonsense', () => {
    expect(readInt64('10000', 1)).toBe(10_000);
    expect(readInt64(undefined, 1)).toBe(1);
    expect(readInt64('abc', 1)).toBe(1);
    expect(readInt64('0', 1)).toBe(1);
  });

  it('parsesOnlyJsonObjects', () => {
    expect(parseServerMessage('{"pong":{}}')).toEqual({ pong: {} });
    expect(parseServerMessage('not json')).toBeNull();
    expect(parseServerMessage('[1]')).toBeNull();
    expect(parseServerMessage('null')).toBeNull();
  });

  it('namesTheOneofCaseOfABody', () => {
    expect(bodyKind({ setMedia: { audioMuted: true } })).toBe('setMedia');
    expect(bodyKind({ ping: {} })).toBe('ping');
  });
});

describe('protocol media', () => {
  it('readsSubscribeOfferVersionsIncludingTheOmittedZero', () => {
    expect(readVersion('42')).toBe(42);
    expect(readVersion(undefined)).toBe(0);
    expect(readVersion('-1')).toBe(0);
    expect(readVersion('9007199254740993')).toBe(0);
  });

  it('aSubscribeOfferWithoutTracksHasNone', () => {
    expect(readSubscribeOffer({})).toEqual({ sdp: '', version: 0, tracks: [] });
  });
});

describe('protocol access control', () => {
  it('readsAccessWithOmittedFlagsAsFalse', () => {
    expect(readAccess(undefined)).toEqual({ lobbyEnabled: false, passwordSet: false });
    expect(readAccess({ passwordSet: true })).toEqual({ lobbyEnabled: false, passwordSet: true });
  });

  it('readsAKnockWithItsDefaults', () => {
    expect(readKnock({ knockId: 'k1', displayName: 'Cy', at: '2026-01-01T10:00:00Z', signedIn: true }))
      .toEqual({ knockId: 'k1', displayName: 'Cy', at: '2026-01-01T10:00:00Z', signedIn: true });
    expect(readKnock(undefined)).toEqual({ knockId: '', displayName: '', at: '', signedIn: false });
  });

  it('readsWaitingForAHostWithoutAKnockId', () => {
    expect(readWaiting({ reason: 'WAIT_REASON_HOST' })).toEqual({ reason: 'WAIT_REASON_HOST', knockId: '' });
    expect(readWaiting({ reason: 'WAIT_REASON_LOBBY', knockId: 'k1' })).toEqual({ reason: 'WAIT_REASON_LOBBY', knockId: 'k1' });
    expect(readWaiting({})).toEqual({ reason: 'WAIT_REASON_UNSPECIFIED', knockId: '' });
  });

  it('readsAKnockResolvedWithdrawnByTheKnockerWithoutADecider', () => {
    expect(readKnockResolved({ knockId: 'k1', outcome: 'KNOCK_OUTCOME_WITHDRAWN' }))
      .toEqual({ knockId: 'k1', outcome: 'KNOCK_OUTCOME_WITHDRAWN', byParticipantId: '' });
    expect(readKnockResolved({})).toEqual({ knockId: '', outcome: 'KNOCK_OUTCOME_UNSPECIFIED', byParticipantId: '' });
  });

  it('readsALobbyChatLineFromAKnockerAsNotFromAModerator', () => {
    expect(readLobbyChatMessage({ knockId: 'k1', fromDisplayName: 'Cy', text: 'hello' }))
      .toEqual({ knockId: 'k1', fromDisplayName: 'Cy', fromModerator: false, text: 'hello', at: '' });
  });

  it('readsKickedWithoutBanOrMessage', () => {
    expect(readKicked({})).toEqual({ banned: false, message: '' });
    expect(readKicked({ banned: true, message: 'spam' })).toEqual({ banned: true, message: 'spam' });
  });

  it('namesTheNewRequestBodies', () => {
    expect(bodyKind({ admitKnock: { knockId: 'k1' } })).toBe('admitKnock');
    expect(bodyKind({ kick: { participantId: 'p', ban: true } })).toBe('kick');
    expect(JSON.parse(encodeClientMessage({ requestId: '7', setPassword: { password: 's3cret' } })))
      .toEqual({ requestId: '7', setPassword: { password: 's3cret' } });
  });
});

describe('protocol hands, reactions and chat', () => {
  it('readsAChatMessageWithItsDefaultsRestored', () => {
    expect(readChatMessage({ messageId: 'm1', fromParticipantId: 'p-ada', fromDisplayName: 'Ada', text: 'Hi', at: '2026-01-01T10:00:00Z' }))
      .toEqual({ messageId: 'm1', fromParticipantId: 'p-ada', fromDisplayName: 'Ada', toParticipantId: '', text: 'Hi', at: '2026-01-01T10:00:00Z' });
    expect(readChatMessage({})).toEqual({ messageId: '', fromParticipantId: '', fromDisplayName: '', toParticipantId: '', text: '', at: '' });
  });

  it('readsTheHandsQueueInOrderWithoutBlanksOrRepeats', () => {
    expect(readHands(['p-bob', 'p-ada', '', 'p-bob'])).toEqual(['p-bob', 'p-ada']);
    expect(readHands(undefined)).toEqual([]);
  });

  it('readsOnlyReactionsItKnowsFromSomeone', () => {
    expect(readReacted({ participantId: 'p-bob', reaction: 'REACTION_CLAP' })).toEqual({ participantId: 'p-bob', reaction: 'REACTION_CLAP' });
    expect(readReacted({ participantId: 'p-bob', reaction: 'REACTION_UNSPECIFIED' })).toBeNull();
    expect(readReacted({ participantId: 'p-bob', reaction: 'REACTION_ROCKET' })).toBeNull();
    expect(readReacted({ reaction: 'REACTION_CLAP' })).toBeNull();
    expect(REACTIONS).toHaveLength(6);
  });

  it('writesAChatMessageToEveryoneWithoutARecipientField', () => {
    expect(JSON.parse(encodeClientMessage({ requestId: '7', sendChat: { text: 'Hi' } }))).toEqual({ requestId: '7', sendChat: { text: 'Hi' } });
    expect(bodyKind({ lowerAllHands: {} })).toBe('lowerAllHands');
  });
});

describe('protocol polls and mutes', () => {
  it('restores a poll\'s defaults: a missing myChoice is the first choice, -1 is none', () => {
    const poll = readPoll({ pollId: 'p1', question: 'Lunch?', choices: ['Pizza', 'Soup'], counts: [0, 2] });
    expect(poll).toEqual({
      pollId: 'p1', question: 'Lunch?', choices: ['Pizza', 'Soup'], anonymous: false, creatorParticipantId: '', creatorDisplayName: '',
      closed: false, counts: [0, 2], myChoice: 0, votes: [],
    });
    expect(readPoll({ pollId: 'p1', choices: ['a', 'b'], myChoice: -1 })?.myChoice).toBe(-1);
  });

  it('gives a poll one count per choice and drops polls without an id', () => {
    expect(readPoll({ pollId: 'p', choices: ['a', 'b', 'c'] })?.counts).toEqual([0, 0, 0]);
    expect(readPoll({ question: 'no id' })).toBeNull();
    expect(readPoll(undefined)).toBeNull();
  });

  it('reads the media policy and unmute requests', () => {
    expect(readMediaPolicy(undefined)).toEqual(FREE_MEDIA_POLICY);
    expect(readMediaPolicy({ askToUnmuteAudio: true }).askToUnmuteAudio).toBe(true);
    expect(readUnmuteRequest({ participantId: 'a', kind: 'MUTE_KIND_VIDEO' })).toEqual({ participantId: 'a', kind: 'MUTE_KIND_VIDEO' });
    expect(readUnmuteRequest({ participantId: 'a', kind: 'MUTE_KIND_UNSPECIFIED' })).toBeNull();
    expect(readUnmuteRequest({ kind: 'MUTE_KIND_AUDIO' })).toBeNull();
  });
});
