import { beforeEach, describe, expect, it } from 'vitest';
import type { ClientBodyKind, ClientMessage, ServerMessage, WireParticipant } from '../signal/protocol';
import { SignalClient, type Profile } from '../signal/signal-client';
import { FakeSocket, ManualTimers, MemoryCredentials } from '../test-support/fake-signalling';
import { asFake, deferred, FakeDevices, FakePeerConnections, offerSdp, settle } from '../test-support/fake-webrtc';
import { DEFAULT_CAPTURE } from './capture-settings';
import { MediaSession } from './media-session';
import { DEFAULT_RECEIVE_PREFERENCES, type ReceivePreferences } from './receive-preferences';

const ROOM = 'LabMeeting';
const ADA: Profile = { displayName: 'Ada', language: 'en', audioMuted: false, videoMuted: false, acceptedTerms: true };
const bob: WireParticipant = { id: 'p-bob', displayName: 'Bob', role: 'ROLE_PARTICIPANT' };

let sockets: FakeSocket[];
let timers: ManualTimers;
let pcs: FakePeerConnections;
let devices: FakeDevices;
let stored: ReceivePreferences;
let clock: number;
let client: SignalClient;
let media: MediaSession;

function socket(): FakeSocket {
  const s = sockets.at(-1);
  if (!s) throw new Error('no socket');
  return s;
}

type Sent<K extends ClientBodyKind> = Extract<ClientMessage, Record<K, unknown>>;

function sent<K extends ClientBodyKind>(kind: K): Array<Sent<K>> {
  return socket().sent.filter((m): m is Sent<K> => kind in m);
}

function joined(requestId: string, self: WireParticipant = { id: 'p-ada', displayName: 'Ada', role: 'ROLE_MODERATOR' }): ServerMessage {
  return {
    requestId,
    joined: {
      participantId: self.id ?? '', resumeToken: 'tok', role: 'ROLE_MODERATOR', heartbeatIntervalMillis: '10000',
      conference: { room: ROOM.toLowerCase(), instance: '1', roster: [self, bob] },
    },
  };
}

function start(profile: Profile = ADA): void {
  client = new SignalClient({
    url: 'ws://localhost/api/v1/signal',
    room: ROOM,
    createSocket: (url, protocol, handlers) => {
      const s = new FakeSocket(url, protocol, handlers);
      sockets.push(s);
      return s;
    },
    credentials: new MemoryCredentials(),
    timers,
    random: () => 0,
  });
  media = new MediaSession({
    signal: client,
    createPeerConnection: pcs.factory,
    devices,
    capture: DEFAULT_CAPTURE,
    preferences: { load: () => stored, save: (p) => (stored = p) },
    timers,
    clock: () => clock,
    random: () => 0,
  });
  client.connect(profile);
  socket().open();
}

/** Joins (with the profile's mute choices echoed by the server) and lets the devices come. */
async function join(profile: Profile = ADA): Promise<void> {
  start(profile);
  socket().receive(joined(socket().last().requestId, {
    id: 'p-ada', displayName: 'Ada', role: 'ROLE_MODERATOR', audioMuted: profile.audioMuted, videoMuted: profile.videoMuted,
  }));
  await settle();
}

function answerPublish(sdp = 'server-answer'): void {
  const offer = sent('publishOffer').at(-1);
  if (!offer) throw new Error('no publishOffer sent');
  socket().receive({ requestId: offer.requestId, publishAnswer: { sdp } });
}

function pushSubscribeOffer(version: string, tracks: Array<{ mid: string; kind: 'audio' | 'video'; source: string; participantId: string }>): void {
  socket().receive({
    subscribeOffer: {
      sdp: offerSdp(...tracks.map(({ mid, kind }) => ({ mid, kind }))),
      version,
      tracks: tracks.map(({ mid, source, participantId }) => ({ mid, source: source as 'MEDIA_SOURCE_CAMERA', participantId })),
    },
  });
}

const BOB_TRACKS = [
  { mid: '0', kind: 'audio' as const, source: 'MEDIA_SOURCE_MICROPHONE', participantId: 'p-bob' },
  { mid: '1', kind: 'video' as const, source: 'MEDIA_SOURCE_CAMERA', participantId: 'p-bob' },
];

beforeEach(() => {
  sockets = [];
  timers = new ManualTimers();
  pcs = new FakePeerConnections();
  devices = new FakeDevices();
  stored = DEFAULT_RECEIVE_PREFERENCES;
  clock = 0;
});

describe('MediaSession publishing', () => {
  it('afterJoiningItTakesCameraAndMicrophoneAndPublishesThemWithTheirSources', async () => {
    await join();
    expect(devices.requests).toHaveLength(1);
    expect(devices.requests[0]?.video).toMatchObject({ width: { ideal: 640 }, height: { ideal: 360 } });
    expect(sent('setReceiveConstraints')[0]?.setReceiveConstraints).toEqual({ maxVideoHeight: 0, lowBandwidth: false });
    const [offer] = sent('publishOffer');
    expect(offer?.publishOffer).toEqual({
      sdp: 'offer-1',
      tracks: [{ mid: '0', source: 'MEDIA_SOURCE_MICROPHONE' }, { mid: '1', source: 'MEDIA_SOURCE_CAMERA' }],
    });
    answerPublish('v=0 server');
    await settle();
    expect(pcs.publisher().remoteDescriptions).toEqual([{ type: 'answer', sdp: 'v=0 server' }]);
    expect(media.getState().local.audio?.kind).toBe('audio');
    expect(media.getState().local.video?.kind).toBe('video');
  });

  it('joiningWithTheCameraOffStillSendsItsTrackButDisabled', async () => {
    await join({ ...ADA, videoMuted: true });
    expect(asFake(media.getState().local.video).enabled).toBe(false);
    expect(asFake(media.getState().local.audio).enabled).toBe(true);
    expect(sent('publishOffer')[0]?.publishOffer.tracks.map((t) => t.source)).toEqual(['MEDIA_SOURCE_MICROPHONE', 'MEDIA_SOURCE_CAMERA']);
    expect(pcs.publisher().transceivers[1]?.sender.track).toBe(media.getState().local.video);
  });

  it('theMuteTogglesFlipTheTrackAtOnceAndTellTheServer', async () => {
    await join();
    media.setAudioMuted(true);
    expect(asFake(media.getState().local.audio).enabled).toBe(false);
    expect(socket().last()).toMatchObject({ setMedia: { audioMuted: true } });
    socket().receive({ requestId: socket().last().requestId, ack: {} });
    expect(asFake(media.getState().local.audio).enabled).toBe(false);
    media.setVideoMuted(true);
    expect(asFake(media.getState().local.video).enabled).toBe(false);
    expect(socket().last()).toMatchObject({ setMedia: { videoMuted: true } });
    expect(sent('publishOffer')).toHaveLength(1);
  });

  it('aMuteDecidedByTheServerIsAppliedToTheTrack', async () => {
    await join();
    socket().receive({ participantUpdated: { participantId: 'p-ada', displayName: 'Ada', audioMuted: true } });
    expect(asFake(media.getState().local.audio).enabled).toBe(false);
    socket().receive({ participantJoined: { participant: { id: 'p-cy', displayName: 'Cy' } } });
    expect(asFake(media.getState().local.audio).enabled).toBe(false);
  });

  it('withoutACameraItPublishesTheMicrophoneAndSaysWhatIsMissing', async () => {
    devices.failing = { video: 'NotFoundError' };
    await join();
    expect(media.getState().deviceProblem).toBe('not-found');
    expect(media.getState().local.video).toBeNull();
    expect(sent('publishOffer')).toHaveLength(1);
  });

  it('iceCandidatesOfBothConnectionsAreTrickledWithTheirKind', async () => {
    await join();
    pcs.publisher().findCandidate('candidate:pub', '0');
    pushSubscribeOffer('1', BOB_TRACKS);
    await settle();
    pcs.subscriber().findCandidate('candidate:sub', '0');
    expect(sent('trickleCandidate').map((m) => m.trickleCandidate)).toEqual([
      { connection: 'PEER_CONNECTION_KIND_PUBLISH', candidate: 'candidate:pub', sdpMid: '0' },
      { connection: 'PEER_CONNECTION_KIND_SUBSCRIBE', candidate: 'candidate:sub', sdpMid: '0' },
    ]);
  });

  it('aRefusedPublishSaysWhyAndDoesNotRetryForEver', async () => {
    await join();
    const offer = sent('publishOffer')[0];
    socket().receive({ requestId: offer?.requestId ?? '', error: { code: 'REFUSED', message: 'media is switched off' } });
    await settle();
    expect(media.getState().error).toBe('media is switched off');
    expect(client.getState().error).toBeUndefined();
    timers.advance(9_000); // longer than any media backoff, shorter than a heartbeat
    await settle();
    expect(sent('publishOffer')).toHaveLength(1);
  });
});

describe('MediaSession receiving', () => {
  it('answersEachSubscribeOfferWithItsVersionAndShowsWhoseTracksArrived', async () => {
    await join();
    pushSubscribeOffer('7', BOB_TRACKS);
    await settle();
    expect(sent('subscribeAnswer').map((m) => m.subscribeAnswer)).toEqual([{ sdp: 'answer-1', version: '7' }]);
    expect(media.getState().remote.map((t) => [t.participantId, t.source, t.kind])).toEqual([
      ['p-bob', 'MEDIA_SOURCE_MICROPHONE', 'audio'],
      ['p-bob', 'MEDIA_SOURCE_CAMERA', 'video'],
    ]);
  });

  it('offersArrivingWhileThePermissionPromptIsOpenAreAnsweredAtOnce', async () => {
    const prompt = deferred();
    devices.prompt = prompt.promise;
    await join();
    pushSubscribeOffer('1', BOB_TRACKS);
    await settle();
    expect(sent('subscribeAnswer')).toHaveLength(1);
    expect(sent('publishOffer')).toHaveLength(0);
    prompt.resolve();
    await settle();
    expect(sent('publishOffer')).toHaveLength(1);
  });

  it('exposesStatsPerRemoteTrackAndTheTimeOfTheFirstDecodedFrame', async () => {
    clock = 1_000;
    await join();
    expect(media.joinedAt).toBe(1_000);
    pushSubscribeOffer('1', BOB_TRACKS);
    await settle();
    pcs.subscriber().stats = new Map([
      ['in-v', { type: 'inbound-rtp', kind: 'video', mid: '1', framesDecoded: 0, frameHeight: 0, packetsReceived: 3, bytesReceived: 900 }],
    ]);
    timers.advance(100);
    await settle();
    expect(media.firstFrameAt).toBeNull();
    pcs.subscriber().stats = new Map([
      ['in-v', { type: 'inbound-rtp', kind: 'video', mid: '1', framesDecoded: 2, frameHeight: 0, packetsReceived: 9, bytesReceived: 4000 }],
    ]);
    pcs.publisher().stats = new Map([['out-a', { type: 'outbound-rtp', kind: 'audio', mid: '0', packetsSent: 50 }]]);
    pcs.publisher().changeState('connected');
    clock = 1_450;
    timers.advance(100);
    await settle();
    expect(media.firstFrameAt).toBe(1_450);
    const stats = await media.stats();
    expect(stats).toEqual({
      inbound: [
        { kind: 'audio', participantId: 'p-bob', source: 'MEDIA_SOURCE_MICROPHONE', mid: '0', framesDecoded: 0, frameHeight: 0, packetsReceived: 0, bytesReceived: 0 },
        { kind: 'video', participantId: 'p-bob', source: 'MEDIA_SOURCE_CAMERA', mid: '1', framesDecoded: 2, frameHeight: 0, packetsReceived: 9, bytesReceived: 4000 },
      ],
      outbound: [{ kind: 'audio', source: 'MEDIA_SOURCE_MICROPHONE', mid: '0', rid: '', frameHeight: 0, packetsSent: 50, framesEncoded: 0, bytesSent: 0 }],
      publishState: 'connected',
      subscribeState: 'new',
    });
  });

  it('receivePreferencesAreRememberedAndSentToTheServer', async () => {
    stored = { maxVideoHeight: 360, lowBandwidth: false };
    await join();
    expect(sent('setReceiveConstraints')[0]?.setReceiveConstraints).toEqual({ maxVideoHeight: 360, lowBandwidth: false });
    media.setReceivePreferences({ maxVideoHeight: 180, lowBandwidth: true });
    expect(stored).toEqual({ maxVideoHeight: 180, lowBandwidth: true });
    expect(socket().last()).toMatchObject({ setReceiveConstraints: { maxVideoHeight: 180, lowBandwidth: true } });
    expect(media.getState().preferences).toEqual({ maxVideoHeight: 180, lowBandwidth: true });
  });
});

describe('MediaSession screen sharing', () => {
  it('sharingAddsTheScreenToThePublishOfferAndTheBrowsersStopButtonRemovesIt', async () => {
    await join();
    answerPublish();
    await settle();
    await media.startScreenShare();
    await settle();
    const screen = asFake(media.getState().local.screen);
    expect(screen.contentHint).toBe('detail');
    expect(sent('publishOffer').at(-1)?.publishOffer.tracks.map((t) => t.source))
      .toEqual(['MEDIA_SOURCE_MICROPHONE', 'MEDIA_SOURCE_CAMERA', 'MEDIA_SOURCE_SCREEN']);
    answerPublish();
    await settle();
    screen.endFromBrowser();
    await settle();
    expect(media.getState().local.screen).toBeNull();
    expect(sent('publishOffer')).toHaveLength(3);
    expect(sent('publishOffer').at(-1)?.publishOffer.tracks.map((t) => t.source)).toEqual(['MEDIA_SOURCE_MICROPHONE', 'MEDIA_SOURCE_CAMERA']);
  });

  it('cancellingThePickerChangesNothing', async () => {
    await join();
    devices.displayRefused = true;
    await media.startScreenShare();
    await settle();
    expect(media.getState().local.screen).toBeNull();
    expect(sent('publishOffer')).toHaveLength(1);
  });
});

describe('MediaSession recovery', () => {
  it('aFailedConnectionShowsRecoveringThenPublishesAgainOnFreshConnections', async () => {
    await join();
    answerPublish();
    pushSubscribeOffer('1', BOB_TRACKS);
    await settle();
    const [oldPublisher, oldSubscriber] = [pcs.publisher(), pcs.subscriber()];
    oldSubscriber.changeState('failed');
    expect(media.getState().recovering).toBe(true);
    timers.advance(250);
    await settle();
    expect(oldPublisher.closed && oldSubscriber.closed).toBe(true);
    expect(media.getState().remote).toEqual([]);
    expect(sent('publishOffer')).toHaveLength(2);
    expect(devices.requests).toHaveLength(1);
    answerPublish();
    pushSubscribeOffer('1', BOB_TRACKS);
    await settle();
    expect(pcs.subscriber()).not.toBe(oldSubscriber);
    expect(sent('subscribeAnswer').at(-1)?.subscribeAnswer.version).toBe('1');
    pcs.publisher().changeState('connected');
    expect(media.getState().recovering).toBe(false);
  });

  it('aRefusedSubscribeAnswerDoesNotRestartTheMedia', async () => {
    await join();
    pushSubscribeOffer('1', BOB_TRACKS);
    await settle();
    const answer = sent('subscribeAnswer')[0];
    socket().receive({ requestId: answer?.requestId ?? '', error: { code: 'BAD_REQUEST', message: 'version 1 is stale' } });
    timers.advance(5_000);
    await settle();
    expect(media.getState().recovering).toBe(false);
    expect(sent('publishOffer')).toHaveLength(1);
    expect(client.getState().error).toBeUndefined();
  });

  it('failuresInARowWaitLongerEachTime', async () => {
    await join();
    pcs.publisher().changeState('failed');
    timers.advance(250);
    await settle();
    pcs.publisher().changeState('failed');
    timers.advance(250);
    await settle();
    expect(sent('publishOffer')).toHaveLength(2);
    timers.advance(250);
    await settle();
    expect(sent('publishOffer')).toHaveLength(3);
  });

  it('aResumeAfterADroppedSocketPublishesAgainWithTheSameDevices', async () => {
    await join();
    answerPublish();
    await settle();
    const camera = media.getState().local.video;
    const first = pcs.publisher();
    socket().drop();
    timers.advance(250);
    socket().open();
    expect(socket().last()).toMatchObject({ resume: { participantId: 'p-ada' } });
    socket().receive(joined(socket().last().requestId));
    await settle();
    expect(first.closed).toBe(true);
    expect(sent('publishOffer')).toHaveLength(1);
    expect(pcs.publisher()).not.toBe(first);
    expect(media.getState().local.video).toBe(camera);
    expect(devices.requests).toHaveLength(1);
  });

  it('anOfferWhoseSocketDroppedIsNotAnErrorTheRejoinPublishesAgain', async () => {
    await join();
    socket().drop();
    await settle();
    expect(media.getState().error).toBeUndefined();
    expect(media.getState().recovering).toBe(false);
  });
});

describe('MediaSession leaving', () => {
  it('leavingStopsEveryTrackAndClosesBothConnections', async () => {
    await join();
    pushSubscribeOffer('1', BOB_TRACKS);
    await media.startScreenShare();
    await settle();
    const { audio, video, screen } = media.getState().local;
    client.leave();
    expect([audio, video, screen].map((t) => asFake(t).stopped)).toEqual([true, true, true]);
    expect(pcs.open()).toEqual([]);
    expect(media.getState()).toMatchObject({ local: { audio: null, video: null, screen: null }, remote: [] });
  });

  it('devicesGrantedAfterLeavingAreReleasedAtOnce', async () => {
    const prompt = deferred();
    devices.prompt = prompt.promise;
    await join();
    client.leave();
    prompt.resolve();
    await settle();
    expect(devices.given.every((t) => t.stopped)).toBe(true);
    expect(media.getState().local.audio).toBeNull();
    expect(pcs.open()).toEqual([]);
  });
});

describe('MediaSession before joining', () => {
  it('thePreviewsDevicesAreTheOnesTheJoinPublishesWithASinglePrompt', async () => {
    client = new SignalClient({
      url: 'ws://localhost/api/v1/signal', room: ROOM, createSocket: (url, protocol, handlers) => {
        const s = new FakeSocket(url, protocol, handlers);
        sockets.push(s);
        return s;
      }, credentials: new MemoryCredentials(), timers, random: () => 0,
    });
    media = new MediaSession({
      signal: client, createPeerConnection: pcs.factory, devices, capture: DEFAULT_CAPTURE,
      preferences: { load: () => stored, save: (p) => (stored = p) }, timers, clock: () => clock,
    });
    await media.prepare();
    const { audio, video } = media.getState().local;
    expect(audio?.kind).toBe('audio');
    expect(media.getState().devices.videoinput.map((d) => d.label)).toEqual(['Built-in camera', 'USB camera']);
    client.connect(ADA);
    socket().open();
    socket().receive(joined(socket().last().requestId));
    await settle();
    expect(devices.requests).toHaveLength(1);
    expect(pcs.publisher().transceivers.map((t) => t.sender.track)).toEqual([audio, video]);
  });

  it('aRefusedJoinKeepsThePreviewForTheNextTry', async () => {
    start({ ...ADA, acceptedTerms: false });
    await media.prepare();
    const { audio, video } = media.getState().local;
    socket().receive({ requestId: socket().last().requestId, error: { code: 'TERMS_NOT_ACCEPTED', message: 'accept the terms' } });
    await settle();
    expect(client.getState().phase).toBe('idle');
    expect(media.getState().local).toMatchObject({ audio, video });
    expect([audio, video].map((t) => asFake(t).stopped)).toEqual([false, false]);
  });
});

describe('MediaSession devices and quality', () => {
  it('switchingTheCameraReplacesTheTrackOnTheSenderWithoutRenegotiatingAndKeepsItMuted', async () => {
    await join({ ...ADA, videoMuted: true });
    answerPublish();
    await settle();
    const old = media.getState().local.video;
    const offers = sent('publishOffer').length;
    await media.switchDevice('video', 'cam-2');
    const next = media.getState().local.video;
    expect(asFake(old).stopped).toBe(true);
    expect(asFake(next).deviceId).toBe('cam-2');
    expect(asFake(next).enabled).toBe(false);
    expect(devices.requests.at(-1)?.video).toMatchObject({ deviceId: { exact: 'cam-2' } });
    expect(pcs.publisher().transceivers[1]?.sender.track).toBe(next);
    expect(sent('publishOffer')).toHaveLength(offers);
  });

  it('theChosenMicrophoneIsOpenedNextTime', async () => {
    const kept: Record<string, unknown> = {};
    await join();
    await media.switchDevice('audio', 'mic-2');
    expect(asFake(media.getState().local.audio).deviceId).toBe('mic-2');
    client.leave();
    media = new MediaSession({
      signal: client, createPeerConnection: pcs.factory, devices, capture: DEFAULT_CAPTURE,
      preferences: { load: () => stored, save: (p) => (stored = p) }, timers, clock: () => clock,
      capturePreferences: { load: () => ({ audioInputId: 'mic-2' }), save: (p) => Object.assign(kept, p) },
    });
    await media.prepare();
    expect(devices.requests.at(-1)?.audio).toMatchObject({ deviceId: { ideal: 'mic-2' } });
  });

  it('choosingTheSameDeviceAgainDoesNothing', async () => {
    await join();
    const before = devices.requests.length;
    await media.switchDevice('video', 'cam-1');
    expect(devices.requests).toHaveLength(before);
  });

  it('theSendQualityIsAppliedToTheCameraAtOnce', async () => {
    await join();
    await media.setMaxSendHeight(180);
    expect(asFake(media.getState().local.video).appliedConstraints.at(-1)).toMatchObject({ width: { ideal: 320 }, height: { ideal: 180 } });
    expect(media.getState().maxSendHeight).toBe(180);
  });

  it('aPluggedInDeviceAppearsInTheLists', async () => {
    await join();
    devices.changeDevices([...devices.list, { deviceId: 'cam-3', kind: 'videoinput', label: 'Document camera' }]);
    await settle();
    expect(media.getState().devices.videoinput.map((d) => d.id)).toEqual(['cam-1', 'cam-2', 'cam-3']);
  });
});

describe('MediaSession active speaker', () => {
  it('findsWhoSpeaksFromTheAudioLevelsOfTheStatistics', async () => {
    await join();
    pushSubscribeOffer('1', BOB_TRACKS);
    await settle();
    pcs.subscriber().stats = new Map([['a', { type: 'inbound-rtp', kind: 'audio', mid: '0', audioLevel: 0.3 }]]);
    timers.advance(250);
    await settle();
    expect(media.getState().speakers.active).toBe('p-bob');
    expect([...media.getState().speakers.speaking]).toEqual(['p-bob']);
  });

  it('aMutedParticipantIsNotSpeaking', async () => {
    await join({ ...ADA, audioMuted: true });
    pcs.publisher().stats = new Map([['a', { type: 'media-source', kind: 'audio', audioLevel: 0.5 }]]);
    timers.advance(250);
    await settle();
    expect(media.getState().speakers.speaking.size).toBe(0);
  });
});
