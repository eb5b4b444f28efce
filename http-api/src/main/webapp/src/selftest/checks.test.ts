import { beforeEach, describe, expect, it } from 'vitest';
import { FakeSocket, ManualTimers } from '../test-support/fake-signalling';
import { FakeDevices, FakePeerConnections, settle } from '../test-support/fake-webrtc';
import type { SocketFactory } from '../signal/signal-client';
import { CheckFailure, type Check, type CheckReason } from './check-runner';
import { CHECK_IDS, createChecks, MEDIA_CONNECT_TIMEOUT_MS, selfTestRoom, udpCandidatePorts, type SelfTestEnvironment } from './checks';

let sockets: FakeSocket[];
let devices: FakeDevices;
let pcs: FakePeerConnections;
let timers: ManualTimers;
let env: SelfTestEnvironment;

const createSocket: SocketFactory = (url, protocol, handlers) => {
  const socket = new FakeSocket(url, protocol, handlers);
  sockets.push(socket);
  return socket;
};

beforeEach(() => {
  sockets = [];
  devices = new FakeDevices();
  pcs = new FakePeerConnections();
  timers = new ManualTimers();
  env = {
    features: { peerConnection: true, getUserMedia: true, webSocket: true },
    devices,
    signalUrl: 'ws://parley.test/api/v1/signal',
    createSocket,
    createPeerConnection: pcs.factory,
    timers,
    random: () => 0.5,
    language: () => 'fr',
  };
});

function find(id: string): Check {
  const check = createChecks(env).find((c) => c.id === id);
  if (!check) throw new Error(`no check ${id}`);
  return check;
}

/** The check's outcome: null when passed, the reason when failed. */
async function outcome(promise: Promise<void>): Promise<CheckReason | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof CheckFailure) return error.reason;
    throw error;
  }
}

const ANSWER = 'v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=candidate:1 1 udp 2130706431 203.0.113.7 10000 typ host\r\na=candidate:2 1 UDP 2130706430 198.51.100.2 10000 typ host\r\n';

describe('self-test checks', () => {
  it('runInTheOrderOfTheGuide', () => {
    expect(createChecks(env).map((c) => c.id)).toEqual([...CHECK_IDS]);
    expect(CHECK_IDS).toEqual(['browser', 'camera', 'microphone', 'signalling', 'media']);
  });

  it('browserSupportNamesWhatIsMissing', async () => {
    expect(await outcome(find('browser').run(new AbortController().signal))).toBeNull();
    env = { ...env, features: { peerConnection: false, getUserMedia: true, webSocket: false } };
    expect(await outcome(find('browser').run(new AbortController().signal))).toEqual({
      key: 'selftest.browser.missing', params: { missing: 'RTCPeerConnection, WebSocket' },
    });
  });

  it('theCameraPassesWithALiveTrackWhichIsThenStopped', async () => {
    expect(await outcome(find('camera').run(new AbortController().signal))).toBeNull();
    expect(devices.requests).toEqual([{ video: true }]);
    expect(devices.given.map((t) => [t.kind, t.stopped])).toEqual([['video', true]]);
  });

  it('aRefusedMicrophoneSaysHowToAllowIt', async () => {
    devices.failing = { audio: 'NotAllowedError' };
    expect(await outcome(find('microphone').run(new AbortController().signal))).toEqual({ key: 'selftest.device.denied' });
    devices.failing = { audio: 'NotReadableError' };
    expect(await outcome(find('microphone').run(new AbortController().signal))).toEqual({ key: 'selftest.device.in-use' });
  });

  it('withoutCaptureTheDeviceChecksSayTheAddressMustBeSecure', async () => {
    env = { ...env, devices: null };
    expect(await outcome(find('camera').run(new AbortController().signal))).toEqual({ key: 'selftest.device.unsupported' });
  });

  it('signallingPassesOnAPongAndClosesTheSocket', async () => {
    const running = outcome(find('signalling').run(new AbortController().signal));
    const socket = sockets[0];
    expect(socket?.url).toBe('ws://parley.test/api/v1/signal');
    expect(socket?.protocol).toBe('parley.signal.v1');
    socket?.open();
    expect(socket?.last()).toEqual({ requestId: 'selftest-ping', ping: {} });
    socket?.receive({ requestId: 'selftest-ping', pong: {} });
    expect(await running).toBeNull();
    expect(socket?.closedWith).toBe(1000);
  });

  it('signallingFailsWhenTheSocketCannotOpen', async () => {
    const running = outcome(find('signalling').run(new AbortController().signal));
    sockets[0]?.drop();
    expect(await running).toEqual({ key: 'selftest.signalling.closed' });
  });

  describe('media', () => {
    async function joinAndOffer(): Promise<{ running: Promise<CheckReason | null>; socket: FakeSocket }> {
      const running = outcome(find('media').run(new AbortController().signal));
      const socket = sockets[0];
      if (!socket) throw new Error('no socket');
      socket.open();
      const join = socket.last();
      expect(join).toMatchObject({
        join: { room: selfTestRoom(() => 0.5), displayName: 'Self-test', language: 'fr', acceptedTerms: true },
      });
      socket.receive({ requestId: join.requestId, joined: { participantId: 'p-1', resumeToken: 'r', conference: { room: 'x' } } });
      await settle();
      const offer = socket.sent.find((m) => 'publishOffer' in m);
      expect(offer).toMatchObject({
        publishOffer: { tracks: [{ mid: '0', source: 'MEDIA_SOURCE_MICROPHONE' }, { mid: '1', source: 'MEDIA_SOURCE_CAMERA' }] },
      });
      expect(pcs.publisher().transceivers.map((t) => t.sender.track?.kind)).toEqual(['audio', 'video']);
      socket.receive({ requestId: offer?.requestId ?? '', publishAnswer: { sdp: ANSWER } });
      await settle();
      return { running, socket };
    }

    it('passesWhenThePublishConnectionConnectsThenLeavesAndClosesEverything', async () => {
      const { running, socket } = await joinAndOffer();
      expect(pcs.publisher().remoteDescriptions).toEqual([{ type: 'answer', sdp: ANSWER }]);
      pcs.publisher().changeState('connected');
      expect(await running).toBeNull();
      expect(socket.last()).toMatchObject({ leave: {} });
      expect(pcs.open()).toEqual([]);
      expect(devices.given.every((t) => t.stopped)).toBe(true);
    });

    it('failsWithTheServersUdpPortWhenNotConnectedWithin15Seconds', async () => {
      const { running, socket } = await joinAndOffer();
      pcs.publisher().changeState('connecting');
      timers.advance(MEDIA_CONNECT_TIMEOUT_MS);
      expect(await running).toEqual({ key: 'selftest.media.udp', params: { port: 10000 } });
      expect(socket.last()).toMatchObject({ leave: {} });
      expect(pcs.open()).toEqual([]);
      expect(devices.given.every((t) => t.stopped)).toBe(true);
    });

    it('failsAtOnceWhenTheConnectionFails', async () => {
      const { running } = await joinAndOffer();
      pcs.publisher().changeState('failed');
      expect(await running).toEqual({ key: 'selftest.media.udp', params: { port: 10000 } });
    });

    it('aRefusedJoinSaysWhatTheServerSaid', async () => {
      const running = outcome(find('media').run(new AbortController().signal));
      sockets[0]?.open();
      sockets[0]?.receive({ requestId: sockets[0].last().requestId, error: { code: 'UNAVAILABLE', message: 'busy' } });
      expect(await running).toEqual({ key: 'selftest.media.joinRefused', params: { message: 'busy' } });
    });

    it('aTestRoomThatWaitsForAHostFailsAndGivesUpWaiting', async () => {
      const running = outcome(find('media').run(new AbortController().signal));
      sockets[0]?.open();
      sockets[0]?.receive({ requestId: sockets[0].last().requestId, waiting: { reason: 'WAIT_REASON_HOST' } });
      expect(await running).toEqual({ key: 'selftest.media.waiting' });
      expect(sockets[0]?.sent.some((m) => 'leave' in m)).toBe(true);
    });

    it('stillTestsTheConnectionWithoutCameraOrMicrophone', async () => {
      devices.failing = { audio: 'NotAllowedError', video: 'NotAllowedError' };
      const running = outcome(find('media').run(new AbortController().signal));
      const socket = sockets[0];
      socket?.open();
      socket?.receive({ requestId: socket.last().requestId, joined: { participantId: 'p-1', resumeToken: 'r' } });
      await settle();
      expect(pcs.publisher().transceivers.map((t) => t.sender.track)).toEqual([null, null]);
      pcs.publisher().changeState('connected');
      expect(await running).toBeNull();
    });
  });
});

describe('selfTestRoom', () => {
  it('isARandomValidRoomName', () => {
    let i = 0;
    const name = selfTestRoom(() => (i++ % 36) / 36);
    expect(name).toBe('selftest-abcdefghijkl');
    expect(selfTestRoom(Math.random)).toMatch(/^selftest-[a-z0-9]{12}$/);
  });
});

describe('udpCandidatePorts', () => {
  it('readsTheUdpPortsOfTheCandidatesOnce', () => {
    expect(udpCandidatePorts(ANSWER)).toEqual([10000]);
    expect(udpCandidatePorts('a=candidate:1 1 tcp 1 203.0.113.7 443 typ host\r\n')).toEqual([]);
  });
});
