import { beforeEach, describe, expect, it } from 'vitest';
import { FakeSocket, ManualTimers, MemoryCredentials } from '../test-support/fake-signalling';
import type { ServerMessage } from './protocol';
import { SignalClient, type Profile } from './signal-client';

const ROOM = 'BraveOttersSingLoudly42';
const ADA: Profile = { displayName: 'Ada', language: 'en', audioMuted: false, videoMuted: false, acceptedTerms: true };

function joined(requestId: string, participantId = 'p-ada', token = 'tok-1'): ServerMessage {
  return {
    requestId,
    joined: {
      participantId,
      resumeToken: token,
      role: 'ROLE_MODERATOR',
      heartbeatIntervalMillis: '10000',
      conference: {
        room: ROOM.toLowerCase(),
        instance: '1',
        startedAt: '2026-01-01T10:00:00Z',
        roster: [{ id: participantId, displayName: 'Ada', role: 'ROLE_MODERATOR', language: 'en', joinedAt: '2026-01-01T10:00:00Z' }],
      },
    },
  };
}

let sockets: FakeSocket[];
let timers: ManualTimers;
let credentials: MemoryCredentials;

function newClient(): SignalClient {
  return new SignalClient({
    url: 'ws://localhost:8080/api/v1/signal',
    room: ROOM,
    createSocket: (url, protocol, handlers) => {
      const socket = new FakeSocket(url, protocol, handlers);
      sockets.push(socket);
      return socket;
    },
    credentials,
    timers,
    random: () => 0,
  });
}

function socket(index = -1): FakeSocket {
  const s = sockets.at(index);
  if (!s) throw new Error(`no socket ${index}`);
  return s;
}

/** Connects, opens the socket and answers the join: the usual start of a test. */
function joinedClient(): SignalClient {
  const client = newClient();
  client.connect(ADA);
  socket().open();
  socket().receive(joined(socket().last().requestId));
  return client;
}

beforeEach(() => {
  sockets = [];
  timers = new ManualTimers();
  credentials = new MemoryCredentials();
});

describe('SignalClient joining', () => {
  it('opensTheSignallingSocketWithTheV1SubprotocolAndSendsJoinWithTheAcceptanceOfTheTerms', () => {
    const client = newClient();
    client.connect(ADA);
    expect(client.getState().phase).toBe('connecting');
    expect(socket().url).toBe('ws://localhost:8080/api/v1/signal');
    expect(socket().protocol).toBe('parley.signal.v1');
    socket().open();
    expect(socket().sent).toEqual([
      { requestId: '1', join: { room: ROOM, displayName: 'Ada', language: 'en', audioMuted: false, videoMuted: false, acceptedTerms: true } },
    ]);
  });

  it('joinedMakesThePersonAParticipantWithTheServersRosterAndKeepsTheResumeCredentials', () => {
    const client = joinedClient();
    const state = client.getState();
    expect(state.phase).toBe('joined');
    expect(state.selfId).toBe('p-ada');
    expect(state.conference).toEqual({ room: ROOM.toLowerCase(), instance: '1', startedAt: '2026-01-01T10:00:00Z' });
    expect(state.roster.participants.map((p) => p.displayName)).toEqual(['Ada']);
    expect(credentials.load(ROOM)).toEqual({ participantId: 'p-ada', resumeToken: 'tok-1' });
  });

  it('pushedEventsKeepTheRosterLive', () => {
    const client = joinedClient();
    socket().receive({ participantJoined: { participant: { id: 'p-bob', displayName: 'Bob', role: 'ROLE_PARTICIPANT' } } });
    socket().receive({ participantUpdated: { participantId: 'p-bob', displayName: 'Bob', language: 'fr', audioMuted: true } });
    socket().receive({ roleChanged: { participantId: 'p-bob', role: 'ROLE_MODERATOR' } });
    expect(client.getState().roster.participants[1]).toMatchObject({ displayName: 'Bob', audioMuted: true, role: 'ROLE_MODERATOR' });
    socket().receive({ participantLeft: { participantId: 'p-bob', reason: 'LEAVE_REASON_LEFT' } });
    expect(client.getState().roster.participants.map((p) => p.id)).toEqual(['p-ada']);
  });

  it('aRefusedJoinShowsTheServersMessageAndReturnsToTheForm', () => {
    const client = newClient();
    client.connect(ADA);
    socket().open();
    socket().receive({ requestId: '1', error: { code: 'REFUSED', message: 'the room is locked' } });
    const state = client.getState();
    expect(state.phase).toBe('idle');
    expect(state.error).toEqual({ code: 'REFUSED', message: 'the room is locked' });
    expect(socket().closedWith).toBe(1000);
    timers.advance(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('anUnavailableServiceDuringJoinIsRetriedWithBackoff', () => {
    const client = newClient();
    client.connect(ADA);
    socket().open();
    socket().receive({ requestId: '1', error: { code: 'UNAVAILABLE', message: 'try again' } });
    expect(client.getState()).toMatchObject({ phase: 'reconnecting', reconnectAttempt: 1, error: { code: 'UNAVAILABLE' } });
    timers.advance(250);
    expect(sockets).toHaveLength(2);
    socket().open();
    socket().receive(joined(socket().last().requestId));
    expect(client.getState()).toMatchObject({ phase: 'joined', error: undefined, reconnectAttempt: 0 });
  });
});

describe('SignalClient heartbeat', () => {
  it('pingsEveryHeartbeatIntervalTheServerAsked', () => {
    joinedClient();
    timers.advance(9_999);
    expect(socket().sent.filter((m) => 'ping' in m)).toHaveLength(0);
    timers.advance(1);
    expect(socket().last()).toEqual({ requestId: '2', ping: {} });
    socket().receive({ requestId: '2', pong: {} });
    timers.advance(10_000);
    expect(socket().sent.filter((m) => 'ping' in m)).toHaveLength(2);
  });

  it('aSocketThatStopsAnsweringPingsIsGivenUpAndReplaced', () => {
    const client = joinedClient();
    timers.advance(10_000); // ping, no answer
    timers.advance(10_000); // still no answer: one more ping
    expect(client.getState().phase).toBe('joined');
    timers.advance(10_000); // two intervals without a word since the first ping
    expect(client.getState().phase).toBe('reconnecting');
    expect(socket(0).closedWith).toBe(4000);
    timers.advance(250);
    expect(sockets).toHaveLength(2);
  });

  it('aLateTimerInAThrottledTabIsNotMistakenForADeadSocket', () => {
    const client = joinedClient();
    timers.advance(10_000);
    socket().receive({ requestId: '2', pong: {} });
    // A background tab: the browser holds the next heartbeat back for a minute.
    timers.holdBack(60_000);
    timers.advance(10_000);
    expect(socket().last()).toMatchObject({ ping: {} });
    expect(client.getState().phase).toBe('joined');
  });
});

describe('SignalClient reconnection', () => {
  it('anUnexpectedDropShowsReconnectingAndResumesWithTheSavedCredentials', () => {
    const client = joinedClient();
    socket().drop();
    expect(client.getState()).toMatchObject({ phase: 'reconnecting', reconnectAttempt: 1 });
    timers.advance(249);
    expect(sockets).toHaveLength(1);
    timers.advance(1);
    expect(sockets).toHaveLength(2);
    socket().open();
    expect(socket().last()).toEqual({
      requestId: expect.any(String),
      resume: { room: ROOM, participantId: 'p-ada', resumeToken: 'tok-1' },
    });
    socket().receive(joined(socket().last().requestId, 'p-ada', 'tok-2'));
    expect(client.getState()).toMatchObject({ phase: 'joined', selfId: 'p-ada', reconnectAttempt: 0 });
    expect(credentials.load(ROOM)).toEqual({ participantId: 'p-ada', resumeToken: 'tok-2' });
  });

  it('retriesBackOffExponentiallyUpToTheCap', () => {
    const client = joinedClient();
    const delays: number[] = [];
    socket().drop();
    for (let i = 0; i < 8; i++) {
      const before = sockets.length;
      let waited = 0;
      while (sockets.length === before) {
        timers.advance(10);
        waited += 10;
      }
      delays.push(waited);
      socket().drop(); // the server is still away
    }
    // random() is 0 here, so each delay is half the ceiling: 500ms doubling, capped at 10s.
    expect(delays).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000, 5000]);
    expect(client.getState().reconnectAttempt).toBe(9);
  });

  it('whenTheResumeFailsItJoinsAfreshOnTheSameSocket', () => {
    const client = joinedClient();
    socket().drop();
    timers.advance(250);
    socket().open();
    const resume = socket().last();
    socket().receive({ requestId: resume.requestId, error: { code: 'RESUME_FAILED', message: 'too late' } });
    expect(socket().last()).toMatchObject({ join: { room: ROOM, displayName: 'Ada' } });
    expect(credentials.load(ROOM)).toBeNull();
    socket().receive(joined(socket().last().requestId, 'p-ada-2', 'tok-9'));
    expect(client.getState()).toMatchObject({ phase: 'joined', selfId: 'p-ada-2', error: undefined });
    expect(credentials.load(ROOM)).toEqual({ participantId: 'p-ada-2', resumeToken: 'tok-9' });
  });

  it('aReloadedTabResumesItsPlaceFromSessionStorage', () => {
    credentials.save(ROOM, { participantId: 'p-ada', resumeToken: 'tok-1' });
    const client = newClient();
    expect(client.canResume()).toBe(true);
    client.connect(ADA);
    socket().open();
    expect(socket().last()).toMatchObject({ resume: { room: ROOM, participantId: 'p-ada', resumeToken: 'tok-1' } });
  });

  it('anExpiredPlaceIsTakenAgainWithAFreshJoin', () => {
    const client = joinedClient();
    socket().receive({ error: { code: 'NOT_JOINED', message: 'your place in the conference has expired; join again' } });
    expect(client.getState().phase).toBe('reconnecting');
    expect(socket().last()).toMatchObject({ join: { displayName: 'Ada' } });
    expect(sockets).toHaveLength(1);
  });

  it('whenTheConferenceDropsUsWhileTheSocketLivesItRejoinsOverANewSocket', () => {
    const client = joinedClient();
    socket().receive({ participantLeft: { participantId: 'p-ada', reason: 'LEAVE_REASON_CONNECTION_LOST' } });
    expect(client.getState()).toMatchObject({ phase: 'reconnecting', selfId: undefined });
    expect(socket(0).closedWith).toBe(4000);
    expect(credentials.load(ROOM)).toBeNull();
    timers.advance(250);
    socket().open();
    expect(socket().last()).toMatchObject({ join: { displayName: 'Ada' } });
  });

  it('aJoinAnsweredAlreadyJoinedStartsOverOnAFreshSocket', () => {
    const client = newClient();
    client.connect(ADA);
    socket().open();
    socket().receive({ requestId: '1', error: { code: 'ALREADY_JOINED', message: 'leave first' } });
    expect(client.getState().phase).toBe('reconnecting');
    timers.advance(250);
    expect(sockets).toHaveLength(2);
  });

  it('aReloadedTabWhosePlaceIsGoneAndWhoHasNoNameIsAskedForOne', () => {
    credentials.save(ROOM, { participantId: 'p-ada', resumeToken: 'old' });
    const client = newClient();
    client.connect({ ...ADA, displayName: '' });
    socket().open();
    socket().receive({ requestId: '1', error: { code: 'RESUME_FAILED', message: 'too late' } });
    expect(client.getState()).toMatchObject({ phase: 'idle', error: undefined });
    expect(socket().sent.some((m) => 'join' in m)).toBe(false);
  });

  it('retryNowSkipsTheRestOfTheWait', () => {
    const client = joinedClient();
    socket().drop();
    client.retryNow();
    expect(sockets).toHaveLength(2);
  });

  it('ignoresEventsFromASocketItAlreadyGaveUpOn', () => {
    const client = joinedClient();
    const old = socket();
    old.drop();
    timers.advance(250);
    old.receive({ participantJoined: { participant: { id: 'p-ghost', displayName: 'Ghost' } } });
    old.drop();
    expect(client.getState().reconnectAttempt).toBe(1);
    expect(client.getState().roster.participants.map((p) => p.id)).toEqual(['p-ada']);
  });
});

describe('SignalClient controls', () => {
  it('setMediaIsSentAndAppliedToOnesOwnEntryWhenAcknowledged', () => {
    const client = joinedClient();
    client.setAudioMuted(true);
    const request = socket().last();
    expect(request).toEqual({ requestId: '2', setMedia: { audioMuted: true } });
    expect(client.getState().roster.participants[0]?.audioMuted).toBe(false);
    socket().receive({ requestId: '2', ack: {} });
    expect(client.getState().roster.participants[0]?.audioMuted).toBe(true);
    client.setVideoMuted(true);
    expect(socket().last()).toEqual({ requestId: '3', setMedia: { videoMuted: true } });
  });

  it('renameSendsUpdateProfileWithTheNewName', () => {
    const client = joinedClient();
    client.rename('Ada Lovelace');
    expect(socket().last()).toEqual({ requestId: '2', updateProfile: { displayName: 'Ada Lovelace' } });
    socket().receive({ requestId: '2', ack: {} });
    expect(client.getState().roster.participants[0]?.displayName).toBe('Ada Lovelace');
  });

  it('aChangeOfLanguageIsSentAsUpdateProfileAndKeptForTheNextJoin', () => {
    const client = joinedClient();
    client.setLanguage('fr');
    expect(socket().last()).toEqual({ requestId: '2', updateProfile: { language: 'fr' } });
    socket().receive({ requestId: '2', ack: {} });
    expect(client.getState().roster.participants[0]?.language).toBe('fr');
    socket().drop();
    timers.advance(1_000);
    socket().open();
    socket().receive({ requestId: socket().last().requestId, error: { code: 'RESUME_FAILED', message: 'gone' } });
    expect(socket().last()).toMatchObject({ join: { language: 'fr', acceptedTerms: true } });
  });

  it('aJoinRefusedForUnacceptedTermsGoesBackToIdleWithTheReason', () => {
    const client = newClient();
    client.connect({ ...ADA, acceptedTerms: false });
    socket().open();
    expect(socket().last()).toMatchObject({ join: { acceptedTerms: false } });
    socket().receive({ requestId: '1', error: { code: 'TERMS_NOT_ACCEPTED', message: 'accept the terms of use first' } });
    expect(client.getState()).toMatchObject({ phase: 'idle', error: { code: 'TERMS_NOT_ACCEPTED' } });
  });

  it('aRefusedRequestShowsTheErrorAndTheConferenceCarriesOn', () => {
    const client = joinedClient();
    client.rename('x'.repeat(65));
    socket().receive({ requestId: '2', error: { code: 'REFUSED', message: 'a display name has at most 64 characters' } });
    expect(client.getState()).toMatchObject({ phase: 'joined', error: { message: 'a display name has at most 64 characters' } });
    client.dismissError();
    expect(client.getState().error).toBeUndefined();
  });

  it('leaveSaysGoodbyeForgetsThePlaceAndDoesNotReconnect', () => {
    const client = joinedClient();
    client.leave();
    expect(socket().last()).toEqual({ requestId: '2', leave: {} });
    expect(client.getState()).toMatchObject({ phase: 'left', selfId: undefined });
    expect(credentials.load(ROOM)).toBeNull();
    socket().receive({ requestId: '2', ack: {} });
    expect(socket().closedWith).toBe(1000);
    timers.advance(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('leaveClosesTheSocketEvenWithoutAnAck', () => {
    const client = joinedClient();
    client.leave();
    timers.advance(1_999);
    expect(socket().closedWith).toBeUndefined();
    timers.advance(1);
    expect(socket().closedWith).toBe(1000);
    expect(client.getState().phase).toBe('left');
  });

  it('theEndOfTheConferenceEndsTheSession', () => {
    const client = joinedClient();
    socket().receive({ conferenceEnded: { reason: 'ENDED_BY_MODERATOR' } });
    expect(client.getState()).toMatchObject({ phase: 'ended', endReason: 'ENDED_BY_MODERATOR' });
    expect(credentials.load(ROOM)).toBeNull();
    timers.advance(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('canJoinAgainAfterLeavingEvenBeforeTheLeaveWasAcknowledged', () => {
    const client = joinedClient();
    client.leave();
    client.connect(ADA);
    expect(sockets).toHaveLength(2);
    expect(socket(0).closedWith).toBe(1000);
    socket().open();
    expect(socket().last()).toMatchObject({ join: { displayName: 'Ada' } });
    timers.advance(5_000);
    expect(socket().closedWith).toBeUndefined();
  });

  it('listenersSeeEveryChangeWithThePreviousState', () => {
    const client = newClient();
    const phases: string[] = [];
    client.subscribe((state, previous) => phases.push(`${previous.phase}->${state.phase}`));
    client.connect(ADA);
    socket().open();
    socket().receive(joined('1'));
    expect(phases).toEqual(['idle->connecting', 'connecting->joined']);
  });
});

describe('SignalClient media', () => {
  const offer = { sdp: 'v=0 offer', tracks: [{ mid: '0', source: 'MEDIA_SOURCE_MICROPHONE' as const }] };

  it('publishOfferIsSentAndResolvesWithTheAnswerToThatRequest', async () => {
    const client = joinedClient();
    const answer = client.publishOffer(offer);
    expect(socket().last()).toEqual({ requestId: '2', publishOffer: offer });
    socket().receive({ requestId: '2', publishAnswer: { sdp: 'v=0 answer' } });
    await expect(answer).resolves.toBe('v=0 answer');
  });

  it('aRefusedPublishOfferRejectsWithTheServersErrorAndLeavesThePagesAlertAlone', async () => {
    const client = joinedClient();
    const answer = client.publishOffer(offer);
    socket().receive({ requestId: '2', error: { code: 'BAD_REQUEST', message: 'no m-lines' } });
    await expect(answer).rejects.toMatchObject({ name: 'SignalRequestError', code: 'BAD_REQUEST', message: 'no m-lines' });
    expect(client.getState()).toMatchObject({ phase: 'joined', error: undefined });
  });

  it('anOfferWaitingWhenTheSocketDropsIsRejectedAsConnectionLost', async () => {
    const client = joinedClient();
    const answer = client.publishOffer(offer);
    socket().drop();
    await expect(answer).rejects.toMatchObject({ code: 'CONNECTION_LOST' });
  });

  it('anOfferBeforeJoiningIsRejectedWithoutBeingSent', async () => {
    const client = newClient();
    await expect(client.publishOffer(offer)).rejects.toMatchObject({ code: 'NOT_JOINED' });
    expect(sockets).toHaveLength(0);
  });

  it('pushedSubscribeOffersReachMediaListenersWithDefaultsRestored', () => {
    const client = joinedClient();
    const heard: unknown[] = [];
    client.subscribeMedia((signal) => heard.push(signal));
    socket().receive({
      subscribeOffer: {
        sdp: 'v=0 sub',
        version: '12',
        tracks: [{ mid: '0', source: 'MEDIA_SOURCE_CAMERA', participantId: 'p-bob' }, { mid: '1' }, { source: 'MEDIA_SOURCE_SCREEN' }],
      },
    });
    socket().receive({ subscribeOffer: { sdp: 'v=0 first' } });
    expect(heard).toEqual([
      {
        kind: 'subscribeOffer',
        offer: {
          sdp: 'v=0 sub',
          version: 12,
          tracks: [
            { mid: '0', source: 'MEDIA_SOURCE_CAMERA', participantId: 'p-bob' },
            { mid: '1', source: 'MEDIA_SOURCE_UNSPECIFIED', participantId: '' },
          ],
        },
      },
      { kind: 'subscribeOffer', offer: { sdp: 'v=0 first', version: 0, tracks: [] } },
    ]);
  });

  it('answersCandidatesAndReceiveConstraintsSpeakTheProtocol', () => {
    const client = joinedClient();
    client.sendSubscribeAnswer({ sdp: 'v=0 answer', version: '12' });
    client.sendTrickleCandidate({ connection: 'PEER_CONNECTION_KIND_SUBSCRIBE', candidate: 'candidate:1 1 udp 1 192.0.2.1 9 typ host', sdpMid: '0' });
    client.setReceiveConstraints({ maxVideoHeight: 360, lowBandwidth: true });
    expect(socket().sent.slice(-3)).toEqual([
      { requestId: '2', subscribeAnswer: { sdp: 'v=0 answer', version: '12' } },
      { requestId: '3', trickleCandidate: { connection: 'PEER_CONNECTION_KIND_SUBSCRIBE', candidate: 'candidate:1 1 udp 1 192.0.2.1 9 typ host', sdpMid: '0' } },
      { requestId: '4', setReceiveConstraints: { maxVideoHeight: 360, lowBandwidth: true } },
    ]);
  });

  it('refusedMediaRequestsGoToMediaListenersNotToThePage', () => {
    const client = joinedClient();
    const heard: unknown[] = [];
    client.subscribeMedia((signal) => heard.push(signal));
    client.sendSubscribeAnswer({ sdp: 'x', version: '3' });
    socket().receive({ requestId: '2', error: { code: 'BAD_REQUEST', message: 'stale version' } });
    expect(heard).toEqual([{ kind: 'error', request: 'subscribeAnswer', code: 'BAD_REQUEST', message: 'stale version' }]);
    expect(client.getState().error).toBeUndefined();
  });

  it('mediaMessagesAreNotSentWhileReconnecting', () => {
    const client = joinedClient();
    socket().drop();
    client.sendTrickleCandidate({ connection: 'PEER_CONNECTION_KIND_PUBLISH', candidate: 'candidate:x', sdpMid: '0' });
    client.setReceiveConstraints({ maxVideoHeight: 0, lowBandwidth: false });
    expect(socket().sent.some((m) => 'trickleCandidate' in m || 'setReceiveConstraints' in m)).toBe(false);
  });
});

/** Connects and opens the socket; the join is sent but not answered yet. */
function knockingClient(): SignalClient {
  const client = newClient();
  client.connect(ADA);
  socket().open();
  return client;
}

describe('SignalClient waiting to enter', () => {
  it('aJoinAnsweredWaitingForTheHostWaitsAndThenEntersWithTheSameRequestId', () => {
    const client = knockingClient();
    socket().receive({ requestId: '1', waiting: { reason: 'WAIT_REASON_HOST' } });
    expect(client.getState()).toMatchObject({ phase: 'waiting', waiting: { reason: 'WAIT_REASON_HOST', knockId: '' }, selfId: undefined });
    socket().receive(joined('1'));
    expect(client.getState()).toMatchObject({ phase: 'joined', selfId: 'p-ada', waiting: undefined });
    expect(credentials.load(ROOM)).toEqual({ participantId: 'p-ada', resumeToken: 'tok-1' });
  });

  it('keepsPingingWhileWaiting', () => {
    knockingClient();
    socket().receive({ requestId: '1', waiting: { reason: 'WAIT_REASON_LOBBY', knockId: 'k1' } });
    timers.advance(10_000);
    expect(socket().last()).toEqual({ requestId: '2', ping: {} });
    socket().receive({ requestId: '2', pong: {} });
    timers.advance(30_000);
    expect(sockets).toHaveLength(1);
  });

  it('aLobbyRefusalEndsTheWaitWithTheModeratorsWords', () => {
    const client = knockingClient();
    socket().receive({ requestId: '1', waiting: { reason: 'WAIT_REASON_LOBBY', knockId: 'k1' } });
    socket().receive({ requestId: '1', error: { code: 'REJECTED', message: 'This meeting is for the lab only' } });
    expect(client.getState()).toMatchObject({ phase: 'idle', error: { code: 'REJECTED', message: 'This meeting is for the lab only' }, waiting: undefined });
    expect(socket().closedWith).toBe(1000);
    timers.advance(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('aRefusalWithoutTheRequestIdStillEndsTheWait', () => {
    const client = knockingClient();
    socket().receive({ requestId: '1', waiting: { reason: 'WAIT_REASON_LOBBY', knockId: 'k1' } });
    socket().receive({ error: { code: 'REJECTED', message: 'no' } });
    expect(client.getState().phase).toBe('idle');
  });

  it('theKnockerChatsWithTheModeratorsWhileWaiting', () => {
    const client = knockingClient();
    socket().receive({ requestId: '1', waiting: { reason: 'WAIT_REASON_LOBBY', knockId: 'k1' } });
    client.sendLobbyChat('  I am the new PhD student  ');
    expect(socket().last()).toEqual({ requestId: '2', lobbyChat: { text: 'I am the new PhD student' } });
    socket().receive({ lobbyChatMessage: { knockId: 'k1', fromDisplayName: 'Ada', text: 'I am the new PhD student' } });
    socket().receive({ lobbyChatMessage: { knockId: 'k1', fromDisplayName: 'Grace', fromModerator: true, text: 'Welcome, one moment' } });
    expect(client.getState().lobby.chat.map((l) => [l.fromModerator, l.text])).toEqual([[false, 'I am the new PhD student'], [true, 'Welcome, one moment']]);
  });

  it('leavingWhileWaitingGivesUpTheWait', () => {
    const client = knockingClient();
    socket().receive({ requestId: '1', waiting: { reason: 'WAIT_REASON_LOBBY', knockId: 'k1' } });
    client.leave();
    expect(socket().last()).toEqual({ requestId: '2', leave: {} });
    expect(client.getState()).toMatchObject({ phase: 'left', waiting: undefined });
    socket().receive({ requestId: '2', ack: {} });
    expect(socket().closedWith).toBe(1000);
  });

  it('aDropWhileWaitingJoinsAgainAndWaitsAgain', () => {
    const client = knockingClient();
    socket().receive({ requestId: '1', waiting: { reason: 'WAIT_REASON_HOST' } });
    socket().drop();
    expect(client.getState()).toMatchObject({ phase: 'reconnecting', waiting: { reason: 'WAIT_REASON_HOST' } });
    timers.advance(250);
    socket().open();
    expect(socket().last()).toMatchObject({ join: { room: ROOM, displayName: 'Ada' } });
    socket().receive({ requestId: socket().last().requestId, waiting: { reason: 'WAIT_REASON_HOST' } });
    expect(client.getState().phase).toBe('waiting');
  });
});

describe('SignalClient passwords and bans', () => {
  it('aPasswordRequiredReturnsToIdleAndTheNextJoinCarriesThePassword', () => {
    const client = knockingClient();
    expect(socket().last()).not.toHaveProperty('join.password');
    socket().receive({ requestId: '1', error: { code: 'PASSWORD_REQUIRED', message: 'this room has a password' } });
    expect(client.getState()).toMatchObject({ phase: 'idle', error: { code: 'PASSWORD_REQUIRED' } });
    client.connect({ ...ADA, password: 'wrong' });
    socket().open();
    expect(socket().last()).toMatchObject({ join: { password: 'wrong' } });
    socket().receive({ requestId: socket().last().requestId, error: { code: 'WRONG_PASSWORD', message: 'wrong password' } });
    expect(client.getState()).toMatchObject({ phase: 'idle', error: { code: 'WRONG_PASSWORD' } });
    client.connect({ ...ADA, password: 'right' });
    socket().open();
    socket().receive(joined(socket().last().requestId));
    expect(client.getState().phase).toBe('joined');
  });

  it('aJoinAfterALostPlaceCarriesThePasswordAgain', () => {
    const client = newClient();
    client.connect({ ...ADA, password: 'right' });
    socket().open();
    socket().receive(joined('1'));
    socket().drop();
    timers.advance(250);
    socket().open();
    socket().receive({ requestId: socket().last().requestId, error: { code: 'RESUME_FAILED' } });
    expect(socket().last()).toMatchObject({ join: { password: 'right' } });
    expect(client.getState().phase).toBe('reconnecting');
  });

  it('tooManyAttemptsAndBannedEndTheJoinWithoutRetrying', () => {
    for (const code of ['TOO_MANY_ATTEMPTS', 'BANNED']) {
      sockets = [];
      const client = knockingClient();
      socket().receive({ requestId: '1', error: { code, message: code } });
      expect(client.getState()).toMatchObject({ phase: 'idle', error: { code } });
      timers.advance(60_000);
      expect(sockets).toHaveLength(1);
    }
  });
});

describe('SignalClient removal', () => {
  it('kickedPutsUsOutWithTheModeratorsWordsAndNeverRejoins', () => {
    const client = joinedClient();
    socket().receive({ kicked: { banned: true, message: 'Please stop' } });
    expect(client.getState()).toMatchObject({ phase: 'kicked', removal: { banned: true, message: 'Please stop' }, selfId: undefined });
    expect(client.getState().roster.participants).toEqual([]);
    expect(credentials.load(ROOM)).toBeNull();
    expect(socket().closedWith).toBe(1000);
    timers.advance(120_000);
    expect(sockets).toHaveLength(1);
    expect(client.canResume()).toBe(false);
  });

  it('ourOwnParticipantLeftKickedIsNotAConnectionProblemAndWaitsForTheDetails', () => {
    const client = joinedClient();
    socket().receive({ participantLeft: { participantId: 'p-ada', reason: 'LEAVE_REASON_KICKED' } });
    expect(client.getState()).toMatchObject({ phase: 'kicked', removal: { banned: false, message: '' } });
    expect(socket().closedWith).toBeUndefined();
    socket().receive({ kicked: { message: 'Off topic' } });
    expect(client.getState().removal).toEqual({ banned: false, message: 'Off topic' });
    expect(socket().closedWith).toBe(1000);
    timers.advance(120_000);
    expect(sockets).toHaveLength(1);
  });

  it('withoutTheDetailsTheSocketIsClosedAfterAMoment', () => {
    joinedClient();
    socket().receive({ participantLeft: { participantId: 'p-ada', reason: 'LEAVE_REASON_KICKED' } });
    timers.advance(2_000);
    expect(socket().closedWith).toBe(1000);
    expect(sockets).toHaveLength(1);
  });

  it('othersRemovedAreToldAsARemovalAndLeaveTheRoster', () => {
    const client = joinedClient();
    const events: unknown[] = [];
    client.subscribeEvents((e) => events.push(e));
    socket().receive({ participantJoined: { participant: { id: 'p-bob', displayName: 'Bob' } } });
    socket().receive({ participantLeft: { participantId: 'p-bob', reason: 'LEAVE_REASON_KICKED' } });
    expect(events).toEqual([{ kind: 'removed', participantId: 'p-bob', displayName: 'Bob' }]);
    expect(client.getState().roster.participants.map((p) => p.id)).toEqual(['p-ada']);
  });

  it('aJoinAfterBeingRemovedStartsAfresh', () => {
    const client = joinedClient();
    socket().receive({ kicked: {} });
    client.connect(ADA);
    expect(client.getState()).toMatchObject({ phase: 'connecting', removal: undefined });
    expect(sockets).toHaveLength(2);
  });
});

describe('SignalClient moderation', () => {
  function moderatorWithKnocks(): SignalClient {
    const client = newClient();
    client.connect(ADA);
    socket().open();
    const message = joined('1');
    if (message.joined) {
      message.joined.knocks = [{ knockId: 'k1', displayName: 'Cy', signedIn: false }];
      message.joined.conference = { ...message.joined.conference, access: { lobbyEnabled: true } };
    }
    socket().receive(message);
    return client;
  }

  it('joinedGivesTheAccessRulesAndTheKnocksPendingNow', () => {
    const client = moderatorWithKnocks();
    expect(client.getState().access).toEqual({ lobbyEnabled: true, passwordSet: false });
    expect(client.getState().lobby.knocks.map((k) => k.displayName)).toEqual(['Cy']);
  });

  it('knocksComeAndGoAndEachNewOneIsAnnounced', () => {
    const client = moderatorWithKnocks();
    const events: unknown[] = [];
    client.subscribeEvents((e) => events.push(e));
    socket().receive({ knockReceived: { knock: { knockId: 'k2', displayName: 'Dee', signedIn: true } } });
    expect(client.getState().lobby.knocks.map((k) => k.knockId)).toEqual(['k1', 'k2']);
    expect(events).toEqual([{ kind: 'knock', knock: { knockId: 'k2', displayName: 'Dee', at: '', signedIn: true } }]);
    socket().receive({ knockResolved: { knockId: 'k1', outcome: 'KNOCK_OUTCOME_WITHDRAWN' } });
    expect(client.getState().lobby.knocks.map((k) => k.knockId)).toEqual(['k2']);
  });

  it('admitAndRejectSpeakTheProtocolAndTheKnockGoesOnceAcknowledged', () => {
    const client = moderatorWithKnocks();
    socket().receive({ knockReceived: { knock: { knockId: 'k2', displayName: 'Dee' } } });
    client.admitKnock('k1');
    expect(socket().last()).toEqual({ requestId: '2', admitKnock: { knockId: 'k1' } });
    socket().receive({ requestId: '2', ack: {} });
    client.rejectKnock('k2', ' Not today ');
    expect(socket().last()).toEqual({ requestId: '3', rejectKnock: { knockId: 'k2', message: 'Not today' } });
    expect(client.getState().lobby.knocks.map((k) => k.knockId)).toEqual(['k2']);
    socket().receive({ requestId: '3', ack: {} });
    expect(client.getState().lobby.knocks).toEqual([]);
  });

  it('aKnockAnotherModeratorDecidedFirstGoesAwayWithTheError', () => {
    const client = moderatorWithKnocks();
    client.admitKnock('k1');
    socket().receive({ requestId: '2', error: { code: 'UNKNOWN_KNOCK', message: 'no such knock' } });
    expect(client.getState().lobby.knocks).toEqual([]);
    expect(client.getState().error?.code).toBe('UNKNOWN_KNOCK');
  });

  it('lobbyChatWithOneKnockerNamesTheKnock', () => {
    const client = moderatorWithKnocks();
    client.sendLobbyChat('Who are you?', 'k1');
    expect(socket().last()).toEqual({ requestId: '2', lobbyChat: { knockId: 'k1', text: 'Who are you?' } });
    socket().receive({ lobbyChatMessage: { knockId: 'k1', fromDisplayName: 'Ada', fromModerator: true, text: 'Who are you?' } });
    expect(client.getState().lobby.chat).toHaveLength(1);
    client.sendLobbyChat('   ', 'k1');
    expect(socket().sent).toHaveLength(2);
  });

  it('theLobbySwitchAndThePasswordAreSentAndFollowTheServer', () => {
    const client = moderatorWithKnocks();
    client.setLobby(false);
    expect(socket().last()).toEqual({ requestId: '2', setLobby: { enabled: false } });
    socket().receive({ requestId: '2', ack: {} });
    expect(client.getState().access.lobbyEnabled).toBe(false);
    client.setPassword('s3cret');
    expect(socket().last()).toEqual({ requestId: '3', setPassword: { password: 's3cret' } });
    socket().receive({ accessChanged: { access: { passwordSet: true } } });
    expect(client.getState().access).toEqual({ lobbyEnabled: false, passwordSet: true });
    client.setPassword('');
    socket().receive({ requestId: '4', ack: {} });
    expect(client.getState().access.passwordSet).toBe(false);
  });

  it('promoteAndKickSpeakTheProtocol', () => {
    const client = joinedClient();
    client.grantModerator('p-bob');
    expect(socket().last()).toEqual({ requestId: '2', grantModerator: { participantId: 'p-bob' } });
    client.kick('p-bob', false);
    expect(socket().last()).toEqual({ requestId: '3', kick: { participantId: 'p-bob', ban: false } });
    client.kick('p-bob', true, 'Spam');
    expect(socket().last()).toEqual({ requestId: '4', kick: { participantId: 'p-bob', ban: true, message: 'Spam' } });
  });

  it('aForbiddenActionShowsTheErrorAndTheConferenceCarriesOn', () => {
    const client = joinedClient();
    client.setLobby(true);
    socket().receive({ requestId: '2', error: { code: 'FORBIDDEN', message: 'moderators only' } });
    expect(client.getState()).toMatchObject({ phase: 'joined', error: { code: 'FORBIDDEN' }, access: { lobbyEnabled: false } });
  });

  it('moderatorActionsAreNotSentOutsideTheConference', () => {
    const client = knockingClient();
    client.admitKnock('k1');
    client.kick('p-bob', true);
    client.setLobby(true);
    expect(socket().sent).toHaveLength(1);
  });
});

describe('hands, reactions, chat and ending for everyone', () => {
  const hello = { messageId: 'm1', fromParticipantId: 'p-bob', fromDisplayName: 'Bob', text: 'Hello', at: '2026-01-01T10:01:00Z' };

  function joinedWith(extra: { raisedHands?: string[]; chat?: typeof hello[] }): SignalClient {
    const client = newClient();
    client.connect(ADA);
    socket().open();
    const message = joined(socket().last().requestId);
    if (message.joined?.conference) message.joined.conference.raisedHands = extra.raisedHands ?? [];
    if (message.joined && extra.chat) message.joined.chat = extra.chat;
    socket().receive(message);
    return client;
  }

  it('theHandsQueueComesWithJoinedAndThenFromEveryHandsChanged', () => {
    const client = joinedWith({ raisedHands: ['p-bob'] });
    expect(client.getState().raisedHands).toEqual(['p-bob']);
    socket().receive({ handsChanged: { participantIds: ['p-bob', 'p-ada'] } });
    expect(client.getState().raisedHands).toEqual(['p-bob', 'p-ada']);
    socket().receive({ handsChanged: {} });
    expect(client.getState().raisedHands).toEqual([]);
  });

  it('raisingAHandAsksTheServerAndChangesNothingUntilItAnswers', () => {
    const client = joinedClient();
    client.raiseHand(true);
    expect(socket().last()).toMatchObject({ raiseHand: { raised: true } });
    expect(client.getState().raisedHands).toEqual([]);
    client.raiseHand(false);
    expect(socket().last()).toMatchObject({ raiseHand: { raised: false } });
  });

  it('moderatorsLowerOneHandOrAllAndEndTheConference', () => {
    const client = joinedClient();
    client.lowerHand('p-bob');
    expect(socket().last()).toMatchObject({ lowerHand: { participantId: 'p-bob' } });
    client.lowerAllHands();
    expect(socket().last()).toMatchObject({ lowerAllHands: {} });
    client.endConference();
    expect(socket().last()).toMatchObject({ endConference: {} });
    socket().receive({ requestId: socket().last().requestId, error: { code: 'FORBIDDEN', message: 'moderators only' } });
    expect(client.getState().error).toEqual({ code: 'FORBIDDEN', message: 'moderators only' });
  });

  it('aReactionIsShownForThreeSecondsAndTold', () => {
    const client = joinedClient();
    const events: unknown[] = [];
    client.subscribeEvents((event) => events.push(event));
    socket().receive({ reacted: { participantId: 'p-bob', reaction: 'REACTION_HEART' } });
    timers.advance(1_000);
    socket().receive({ reacted: { participantId: 'p-ada', reaction: 'REACTION_CLAP' } });
    expect(client.getState().reactions.map((r) => [r.participantId, r.reaction])).toEqual([['p-bob', 'REACTION_HEART'], ['p-ada', 'REACTION_CLAP']]);
    expect(events).toEqual([
      { kind: 'reaction', participantId: 'p-bob', reaction: 'REACTION_HEART' },
      { kind: 'reaction', participantId: 'p-ada', reaction: 'REACTION_CLAP' },
    ]);
    timers.advance(2_000);
    expect(client.getState().reactions.map((r) => r.participantId)).toEqual(['p-ada']);
    timers.advance(1_000);
    expect(client.getState().reactions).toEqual([]);
  });

  it('anUnknownReactionIsIgnored', () => {
    const client = joinedClient();
    socket().receive({ reacted: { participantId: 'p-bob', reaction: 'REACTION_ROCKET' } });
    expect(client.getState().reactions).toEqual([]);
  });

  it('reactionsFasterThanTheServerAllowsAreNotSentAndARefusalIsQuiet', () => {
    const client = joinedClient();
    expect(client.react('REACTION_THUMBS_UP')).toBe(true);
    expect(socket().last()).toMatchObject({ react: { reaction: 'REACTION_THUMBS_UP' } });
    const sent = socket().sent.length;
    timers.advance(699);
    expect(client.react('REACTION_PARTY')).toBe(false);
    expect(socket().sent).toHaveLength(sent);
    timers.advance(1);
    expect(client.react('REACTION_PARTY')).toBe(true);
    socket().receive({ requestId: socket().last().requestId, error: { code: 'RATE_LIMITED', message: 'slow down' } });
    expect(client.getState().error).toBeUndefined();
  });

  it('theChatStartsFromTheHistoryInJoinedAndFollowsMessagesAndDeletions', () => {
    const client = joinedWith({ chat: [hello] });
    const events: unknown[] = [];
    client.subscribeEvents((event) => events.push(event));
    expect(client.getState().chat.map((m) => m.text)).toEqual(['Hello']);
    socket().receive({ chatMessage: { messageId: 'm2', fromParticipantId: 'p-ada', fromDisplayName: 'Ada', toParticipantId: 'p-bob', text: 'psst' } });
    expect(client.getState().chat.map((m) => [m.messageId, m.toParticipantId])).toEqual([['m1', ''], ['m2', 'p-bob']]);
    expect(events).toEqual([{ kind: 'chat', message: expect.objectContaining({ messageId: 'm2' }) }]);
    socket().receive({ chatDeleted: { messageId: 'm1' } });
    expect(client.getState().chat.map((m) => m.messageId)).toEqual(['m2']);
  });

  it('aResumeGetsTheWholeHistoryAgain', () => {
    const client = joinedWith({ chat: [hello] });
    socket().drop();
    timers.advance(10_000);
    socket().open();
    const resume = socket().last();
    expect(resume).toHaveProperty('resume');
    const again = joined(resume.requestId);
    if (again.joined) again.joined.chat = [hello, { ...hello, messageId: 'm3', text: 'while you were away' }];
    socket().receive(again);
    expect(client.getState().chat.map((m) => m.text)).toEqual(['Hello', 'while you were away']);
  });

  it('aChatMessageIsSentButNotShownUntilItComesBack', () => {
    const client = joinedClient();
    client.sendChat('Hi all');
    expect(socket().last()).toMatchObject({ sendChat: { text: 'Hi all' } });
    expect(socket().last()).toEqual({ requestId: expect.any(String), sendChat: { text: 'Hi all' } });
    client.sendChat('just you', 'p-bob');
    expect(socket().last()).toMatchObject({ sendChat: { text: 'just you', toParticipantId: 'p-bob' } });
    expect(client.getState().chat).toEqual([]);
    const sent = socket().sent.length;
    client.sendChat('   ');
    expect(socket().sent).toHaveLength(sent);
  });

  it('aRefusedChatMessageIsAChatErrorWithItsTextNotAnAlert', () => {
    const client = joinedClient();
    client.sendChat('one too many');
    socket().receive({ requestId: socket().last().requestId, error: { code: 'RATE_LIMITED', message: 'too fast' } });
    expect(client.getState().chatError).toEqual({ code: 'RATE_LIMITED', message: 'too fast', text: 'one too many' });
    expect(client.getState().error).toBeUndefined();
    client.sendChat('later');
    expect(client.getState().chatError).toBeUndefined();
  });

  it('aMessageOverTheLimitIsRefusedWithoutSendingIt', () => {
    const client = joinedClient();
    const sent = socket().sent.length;
    client.sendChat('x'.repeat(2001));
    expect(socket().sent).toHaveLength(sent);
    expect(client.getState().chatError?.code).toBe('BAD_REQUEST');
  });

  it('moderatorsDeleteAMessage', () => {
    const client = joinedClient();
    client.deleteChat('m1');
    expect(socket().last()).toMatchObject({ deleteChat: { messageId: 'm1' } });
  });

  it('endedByAModeratorEmptiesHandsChatAndReactionsAndJoinsNothingAgain', () => {
    const client = joinedWith({ raisedHands: ['p-ada'], chat: [hello] });
    socket().receive({ reacted: { participantId: 'p-bob', reaction: 'REACTION_HEART' } });
    socket().receive({ conferenceEnded: { reason: 'ENDED_BY_MODERATOR' } });
    expect(client.getState()).toMatchObject({ phase: 'ended', endReason: 'ENDED_BY_MODERATOR', raisedHands: [], chat: [], reactions: [] });
    expect(socket().closedWith).toBe(1000);
    timers.advance(60_000);
    expect(sockets).toHaveLength(1);
  });
});

describe('polls', () => {
  const lunch = { pollId: 'poll-1', question: 'Lunch?', choices: ['Pizza', 'Soup'], creatorParticipantId: 'p-ada', counts: [0, 0], myChoice: -1 };

  it('joinedBringsThePollsAndPollUpdatedAddsOrReplacesOne', () => {
    const client = newClient();
    client.connect(ADA);
    socket().open();
    const message = joined(socket().last().requestId);
    if (message.joined) message.joined.polls = [lunch];
    socket().receive(message);
    expect(client.getState().polls.map((p) => p.pollId)).toEqual(['poll-1']);
    socket().receive({ pollUpdated: { poll: { ...lunch, counts: [1, 0], myChoice: 0 } } });
    expect(client.getState().polls[0]).toMatchObject({ counts: [1, 0], myChoice: 0 });
    socket().receive({ pollUpdated: { poll: { ...lunch, pollId: 'poll-2' } } });
    expect(client.getState().polls.map((p) => p.pollId)).toEqual(['poll-1', 'poll-2']);
  });

  it('createPollSendsTheTrimmedQuestionAndNonEmptyChoicesAndRefusesFewerThanTwo', () => {
    const client = joinedClient();
    expect(client.createPoll('  Lunch? ', ['Pizza ', '', 'Soup'], true)).toBe(true);
    expect(socket().last()).toMatchObject({ createPoll: { question: 'Lunch?', choices: ['Pizza', 'Soup'], anonymous: true } });
    const sent = socket().sent.length;
    expect(client.createPoll('Lunch?', ['Pizza', ' '], false)).toBe(false);
    expect(socket().sent).toHaveLength(sent);
    expect(client.getState().pollError?.code).toBe('BAD_REQUEST');
  });

  it('voteAndCloseAreSentAndARefusalIsKeptAsThePollError', () => {
    const client = joinedClient();
    client.votePoll('poll-1', 1);
    expect(socket().last()).toMatchObject({ votePoll: { pollId: 'poll-1', choice: 1 } });
    socket().receive({ requestId: socket().last().requestId, error: { code: 'REFUSED', message: 'this poll is closed' } });
    expect(client.getState().pollError).toEqual({ code: 'REFUSED', message: 'this poll is closed' });
    expect(client.getState().error).toBeUndefined();
    client.closePoll('poll-1');
    expect(socket().last()).toMatchObject({ closePoll: { pollId: 'poll-1' } });
    expect(client.getState().pollError).toEqual({ code: 'REFUSED', message: 'this poll is closed' });
    client.votePoll('poll-1', 0);
    expect(client.getState().pollError).toBeUndefined();
  });

  it('pollsAreForgottenWhenTheConferenceEnds', () => {
    const client = joinedClient();
    socket().receive({ pollUpdated: { poll: lunch } });
    socket().receive({ conferenceEnded: { reason: 'END_REASON_ENDED' } });
    expect(client.getState().polls).toEqual([]);
  });
});

describe('mutes and the media policy', () => {
  function joinedAsParticipant(policy: { askToUnmuteAudio?: boolean } = {}): SignalClient {
    const client = newClient();
    client.connect(ADA);
    socket().open();
    const message = joined(socket().last().requestId);
    if (message.joined?.conference) {
      message.joined.role = 'ROLE_PARTICIPANT';
      message.joined.conference.roster = [{ id: 'p-ada', displayName: 'Ada', role: 'ROLE_PARTICIPANT' }];
      message.joined.conference.mediaPolicy = policy;
    }
    socket().receive(message);
    return client;
  }

  it('moderatorsMuteOneOrEveryoneAndSetThePolicy', () => {
    const client = joinedClient();
    client.muteParticipant('MUTE_KIND_AUDIO', 'p-bob');
    expect(socket().last()).toMatchObject({ muteParticipant: { participantId: 'p-bob', kind: 'MUTE_KIND_AUDIO' } });
    client.muteParticipant('MUTE_KIND_VIDEO');
    expect(socket().last()).toEqual({ requestId: socket().last().requestId, muteParticipant: { kind: 'MUTE_KIND_VIDEO' } });
    const policy = { startAudioMuted: true, startVideoMuted: false, askToUnmuteAudio: true, askToUnmuteVideo: false };
    client.setMediaPolicy(policy);
    expect(socket().last()).toMatchObject({ setMediaPolicy: { policy } });
    socket().receive({ requestId: socket().last().requestId, ack: {} });
    expect(client.getState().mediaPolicy).toEqual(policy);
  });

  it('joinedAndMediaPolicyChangedSayThePolicy', () => {
    const client = joinedAsParticipant({ askToUnmuteAudio: true });
    expect(client.getState().mediaPolicy.askToUnmuteAudio).toBe(true);
    socket().receive({ mediaPolicyChanged: { policy: { startVideoMuted: true } } });
    expect(client.getState().mediaPolicy).toMatchObject({ askToUnmuteAudio: false, startVideoMuted: true });
  });

  it('mutedByModeratorNamingUsIsAnEventAndUnderAskToUnmuteGatesTheMicrophone', () => {
    const client = joinedAsParticipant({ askToUnmuteAudio: true });
    const events: unknown[] = [];
    client.subscribeEvents((e) => events.push(e));
    socket().receive({ mutedByModerator: { participantIds: ['p-bob'], kind: 'MUTE_KIND_AUDIO' } });
    expect(events).toEqual([]);
    socket().receive({ mutedByModerator: { participantIds: ['p-bob', 'p-ada'], kind: 'MUTE_KIND_AUDIO' } });
    expect(events).toEqual([{ kind: 'mutedByModerator', muteKind: 'MUTE_KIND_AUDIO' }]);
    expect(client.getState().unmuteGate.audio).toBe('ask');
  });

  it('aRefusedUnmuteOffersToAskAndAnAllowanceLetsUsUnmute', () => {
    const client = joinedAsParticipant({ askToUnmuteAudio: true });
    client.setAudioMuted(false);
    socket().receive({ requestId: socket().last().requestId, error: { code: 'FORBIDDEN', message: 'ask a moderator' } });
    expect(client.getState().unmuteGate.audio).toBe('ask');
    expect(client.getState().error).toBeUndefined();
    client.askToUnmute('MUTE_KIND_AUDIO');
    expect(socket().last()).toMatchObject({ askToUnmute: { kind: 'MUTE_KIND_AUDIO' } });
    socket().receive({ requestId: socket().last().requestId, ack: {} });
    expect(client.getState().unmuteGate.audio).toBe('asked');
    const events: unknown[] = [];
    client.subscribeEvents((e) => events.push(e));
    socket().receive({ unmuteAllowed: { participantId: 'p-ada', kind: 'MUTE_KIND_AUDIO' } });
    expect(client.getState().unmuteGate.audio).toBe('free');
    expect(events).toEqual([{ kind: 'unmuteAllowed', muteKind: 'MUTE_KIND_AUDIO' }]);
  });

  it('moderatorsSeeUnmuteAsksUntilAllowed', () => {
    const client = joinedClient();
    socket().receive({ unmuteAsked: { participantId: 'p-bob', kind: 'MUTE_KIND_AUDIO' } });
    socket().receive({ unmuteAsked: { participantId: 'p-bob', kind: 'MUTE_KIND_AUDIO' } });
    expect(client.getState().unmuteAsks).toEqual([{ participantId: 'p-bob', kind: 'MUTE_KIND_AUDIO' }]);
    client.allowUnmute('p-bob', 'MUTE_KIND_AUDIO');
    expect(socket().last()).toMatchObject({ allowUnmute: { participantId: 'p-bob', kind: 'MUTE_KIND_AUDIO' } });
    socket().receive({ requestId: socket().last().requestId, ack: {} });
    expect(client.getState().unmuteAsks).toEqual([]);
  });
});
