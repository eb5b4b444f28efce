import { deviceProblem } from '../media/local-media';
import { PublishConnection } from '../media/publish-connection';
import type { MediaDevicesPort, MediaKind, PeerConnectionFactory } from '../media/rtc';
import { encodeClientMessage, parseServerMessage, SIGNAL_SUBPROTOCOL } from '../signal/protocol';
import { SignalClient, type CredentialStore, type SocketFactory, type Timers } from '../signal/signal-client';
import { CheckFailure, whenAborted, type Check, type CheckReason } from './check-runner';

/**
 * The self-test's checks, in the order they run: browser support, camera, microphone,
 * signalling (a ping over the WebSocket), media (a real publish connection to the SFU in a
 * random private room). Each lets go of everything it opened, passed, failed or aborted.
 */

export const CHECK_IDS = ['browser', 'camera', 'microphone', 'signalling', 'media'] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export interface BrowserFeatures {
  readonly peerConnection: boolean;
  readonly getUserMedia: boolean;
  readonly webSocket: boolean;
}

export interface SelfTestEnvironment {
  readonly features: BrowserFeatures;
  /** Null where the page may not capture (no mediaDevices: insecure address, old browser). */
  readonly devices: MediaDevicesPort | null;
  readonly signalUrl: string;
  readonly createSocket: SocketFactory;
  readonly createPeerConnection: PeerConnectionFactory;
  readonly timers: Timers;
  readonly random: () => number;
  /** The page's language, sent with the join. */
  language(): string;
}

export const SIGNALLING_TIMEOUT_MS = 10_000;
/** From the offer sent: the media connection has this long to reach "connected". */
export const MEDIA_CONNECT_TIMEOUT_MS = 15_000;
const DEVICE_TIMEOUT_MS = 60_000; // a permission prompt waits for the person
const MEDIA_TIMEOUT_MS = 30_000; // joining, then MEDIA_CONNECT_TIMEOUT_MS, then margin

export function createChecks(env: SelfTestEnvironment): Check[] {
  return [
    { id: 'browser', timeoutMs: 1_000, run: async () => checkBrowser(env.features) },
    deviceCheck(env, 'camera', 'video'),
    deviceCheck(env, 'microphone', 'audio'),
    {
      id: 'signalling',
      timeoutMs: SIGNALLING_TIMEOUT_MS,
      timeoutReason: { key: 'selftest.signalling.timeout' },
      run: (signal) => checkSignalling(env, signal),
    },
    { id: 'media', timeoutMs: MEDIA_TIMEOUT_MS, run: (signal) => checkMedia(env, signal) },
  ];
}

function checkBrowser(features: BrowserFeatures): void {
  const missing = [
    features.peerConnection ? null : 'RTCPeerConnection',
    features.getUserMedia ? null : 'getUserMedia',
    features.webSocket ? null : 'WebSocket',
  ].filter((name): name is string => name !== null);
  if (missing.length > 0) throw new CheckFailure({ key: 'selftest.browser.missing', params: { missing: missing.join(', ') } });
}

function deviceCheck(env: SelfTestEnvironment, id: 'camera' | 'microphone', kind: MediaKind): Check {
  return {
    id,
    timeoutMs: DEVICE_TIMEOUT_MS,
    timeoutReason: { key: 'selftest.device.prompt' },
    run: async (signal) => {
      if (!env.devices) throw new CheckFailure({ key: 'selftest.device.unsupported' });
      let tracks: MediaStreamTrack[];
      try {
        tracks = await Promise.race([env.devices.getUserMedia({ [kind]: true }), whenAborted(signal)]);
      } catch (error) {
        if (signal.aborted) return;
        throw new CheckFailure({ key: `selftest.device.${deviceProblem(error)}` });
      }
      const live = tracks.some((t) => t.kind === kind && t.readyState === 'live');
      for (const track of tracks) track.stop();
      if (!live) throw new CheckFailure({ key: 'selftest.device.notLive' });
    },
  };
}

async function checkSignalling(env: SelfTestEnvironment, signal: AbortSignal): Promise<void> {
  let settle!: (reason: CheckReason | null) => void;
  const done = new Promise<CheckReason | null>((resolve) => {
    settle = resolve;
  });
  const socket = env.createSocket(env.signalUrl, SIGNAL_SUBPROTOCOL, {
    open: () => socket.send(encodeClientMessage({ requestId: 'selftest-ping', ping: {} })),
    message: (text) => {
      const message = parseServerMessage(text);
      if (message?.pong !== undefined) settle(null);
      else if (message?.error) settle({ key: 'selftest.signalling.refused', params: { message: message.error.message ?? '' } });
    },
    close: () => settle({ key: 'selftest.signalling.closed' }),
  });
  signal.addEventListener('abort', () => settle(null), { once: true });
  try {
    const reason = await done;
    if (reason) throw new CheckFailure(reason);
  } finally {
    socket.close(1000);
  }
}

/** A lower-case random room name nobody will guess: "selftest-" and 12 letters or digits. */
export function selfTestRoom(random: () => number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let name = 'selftest-';
  for (let i = 0; i < 12; i++) name += alphabet[Math.floor(random() * alphabet.length) % alphabet.length];
  return name;
}

/** The UDP ports of the candidates in an SDP (the server's, in its answer), in order, without repeats. */
export function udpCandidatePorts(sdp: string): number[] {
  const ports: number[] = [];
  for (const line of sdp.split(/\r?\n/)) {
    // a=candidate:<foundation> <component> <transport> <priority> <address> <port> typ <type>
    const fields = line.startsWith('a=candidate:') ? line.split(' ') : [];
    if (fields.length < 6 || fields[2]?.toLowerCase() !== 'udp') continue;
    const port = Number.parseInt(fields[5] ?? '', 10);
    if (Number.isInteger(port) && port > 0 && !ports.includes(port)) ports.push(port);
  }
  return ports;
}

const noCredentials: CredentialStore = { load: () => null, save: () => undefined, clear: () => undefined };

async function checkMedia(env: SelfTestEnvironment, signal: AbortSignal): Promise<void> {
  const client = new SignalClient({
    url: env.signalUrl,
    room: selfTestRoom(env.random),
    createSocket: env.createSocket,
    credentials: noCredentials,
    timers: env.timers,
    random: env.random,
  });
  let tracks: MediaStreamTrack[] = [];
  let connection: PublishConnection | null = null;
  let timer: unknown = null;
  const aborted = whenAborted(signal);
  aborted.catch(() => undefined);
  try {
    await Promise.race([joined(client, env.language()), aborted]);
    tracks = await Promise.race([captureForMedia(env.devices), aborted]);

    let answerSdp: string | null = null;
    let fail!: (reason: CheckReason) => void;
    let pass!: () => void;
    const outcome = new Promise<CheckReason | null>((resolve) => {
      fail = resolve;
      pass = () => resolve(null);
    });
    const udpReason = (): CheckReason => {
      const port = answerSdp === null ? undefined : udpCandidatePorts(answerSdp)[0];
      return port === undefined ? { key: 'selftest.media.udpNoPort' } : { key: 'selftest.media.udp', params: { port } };
    };
    connection = new PublishConnection({
      createPeerConnection: env.createPeerConnection,
      signal: {
        publishOffer: async (body) => {
          answerSdp = await client.publishOffer(body);
          return answerSdp;
        },
        sendTrickleCandidate: (body) => client.sendTrickleCandidate(body),
      },
      onConnectionState: (state) => {
        if (state === 'connected') pass();
        else if (state === 'failed') fail(udpReason());
      },
      onError: (error) => fail({ key: 'selftest.media.refused', params: { message: error instanceof Error ? error.message : String(error) } }),
    }, {
      audio: tracks.find((t) => t.kind === 'audio') ?? null,
      video: tracks.find((t) => t.kind === 'video') ?? null,
      screen: null,
    });
    timer = env.timers.setTimeout(() => fail(answerSdp === null ? { key: 'selftest.media.noAnswer' } : udpReason()), MEDIA_CONNECT_TIMEOUT_MS);
    void connection.negotiate();
    const reason = await Promise.race([outcome, aborted]);
    if (reason) throw new CheckFailure(reason);
  } finally {
    if (timer !== null) env.timers.clearTimeout(timer);
    connection?.close();
    for (const track of tracks) track.stop();
    client.leave();
  }
}

/** Joins as "Self-test" with the terms accepted; a refusal or a lost socket fails the check. */
function joined(client: SignalClient, language: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const unsubscribe = client.subscribe((state) => {
      if (state.phase === 'joined') {
        unsubscribe();
        resolve();
      } else if (state.phase === 'waiting') {
        // The test room must not wait for a host: the server has to let the self-test in alone.
        unsubscribe();
        client.leave();
        reject(new CheckFailure({ key: 'selftest.media.waiting' }));
      } else if (state.phase === 'idle' || state.phase === 'reconnecting' || state.phase === 'ended' || state.phase === 'kicked') {
        unsubscribe();
        const message = state.error?.message;
        reject(new CheckFailure(message ? { key: 'selftest.media.joinRefused', params: { message } } : { key: 'selftest.signalling.closed' }));
      }
    });
    client.connect({ displayName: 'Self-test', language, audioMuted: false, videoMuted: false, acceptedTerms: true });
  });
}

/** Camera and microphone for the publish connection; whatever cannot be had is left out (its m-line stays empty). */
async function captureForMedia(devices: MediaDevicesPort | null): Promise<MediaStreamTrack[]> {
  if (!devices) return [];
  for (const constraints of [{ audio: true, video: true }, { audio: true }, { video: true }]) {
    try {
      return await devices.getUserMedia(constraints);
    } catch {
      // try with less
    }
  }
  return [];
}
