import { mediaSections } from '../media/sdp';
import type {
  DeviceInfo,
  MediaDevicesPort,
  MediaKind,
  PeerConnection,
  PeerConnectionEvents,
  PeerConnectionFactory,
  SessionDescription,
  Transceiver,
  TransceiverInit,
} from '../media/rtc';

/**
 * Test doubles for the media seams: tracks, a peer connection that behaves like the browser's
 * where the media code depends on it (mids assigned by setLocalDescription, transceivers and
 * track events created by a remote offer's m-lines), and capture devices.
 */

let trackCounter = 0;

export class FakeTrack {
  readonly id: string;
  enabled = true;
  readyState: MediaStreamTrackState = 'live';
  contentHint = '';
  /** What applyConstraints was given, in order. */
  readonly appliedConstraints: MediaTrackConstraints[] = [];
  private readonly ended: Array<() => void> = [];
  constructor(readonly kind: MediaKind, readonly label = `${kind} ${++trackCounter}`, readonly deviceId = '') {
    this.id = `track-${trackCounter}`;
  }
  getSettings(): MediaTrackSettings {
    return { deviceId: this.deviceId };
  }
  async applyConstraints(constraints: MediaTrackConstraints): Promise<void> {
    this.appliedConstraints.push(constraints);
  }
  stop(): void {
    this.readyState = 'ended';
  }
  addEventListener(type: string, listener: () => void): void {
    if (type === 'ended') this.ended.push(listener);
  }
  removeEventListener(): void {}
  /** What the browser does when the person clicks its own "Stop sharing". */
  endFromBrowser(): void {
    this.readyState = 'ended';
    for (const listener of this.ended) listener();
  }
  get stopped(): boolean {
    return this.readyState === 'ended';
  }
}

/** A fake track where the code wants the DOM's MediaStreamTrack. */
export function fakeTrack(kind: MediaKind): MediaStreamTrack {
  return new FakeTrack(kind) as unknown as MediaStreamTrack;
}

export function asFake(track: MediaStreamTrack | null | undefined): FakeTrack {
  if (!(track instanceof FakeTrack)) throw new Error('not a fake track');
  return track;
}

export class FakeTransceiver implements Transceiver {
  mid: string | null;
  /** What addTransceiver was given (simulcast layers); empty for a single stream. */
  sendEncodings: RTCRtpEncodingParameters[] = [];
  direction: RTCRtpTransceiverDirection;
  readonly sender: { track: MediaStreamTrack | null; replaceTrack(track: MediaStreamTrack | null): Promise<void> };
  readonly receiver: { track: MediaStreamTrack };
  constructor(readonly kind: MediaKind, track: MediaStreamTrack | null, direction: RTCRtpTransceiverDirection, mid: string | null = null) {
    this.mid = mid;
    this.direction = direction;
    const sender = {
      track,
      replaceTrack: async (next: MediaStreamTrack | null) => {
        sender.track = next;
      },
    };
    this.sender = sender;
    this.receiver = { track: fakeTrack(kind) };
  }
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export class FakePeerConnection implements PeerConnection {
  connectionState: RTCPeerConnectionState = 'new';
  readonly transceivers: FakeTransceiver[] = [];
  readonly localDescriptions: SessionDescription[] = [];
  readonly remoteDescriptions: SessionDescription[] = [];
  closed = false;
  stats: ReadonlyMap<string, unknown> = new Map();
  /** While set, setRemoteDescription waits for it (to see what else happens meanwhile). */
  remoteDescriptionGate: Promise<void> | null = null;
  /** Makes the next setRemoteDescription throw, like the browser does on a bad SDP. */
  failNextRemoteDescription = false;
  private offers = 0;
  private answers = 0;
  private nextMid = 0;

  constructor(readonly configuration: RTCConfiguration, private readonly events: PeerConnectionEvents) {}

  addTransceiver(trackOrKind: MediaStreamTrack | MediaKind, init: TransceiverInit): FakeTransceiver {
    const track = typeof trackOrKind === 'string' ? null : trackOrKind;
    const kind = typeof trackOrKind === 'string' ? trackOrKind : (trackOrKind.kind as MediaKind);
    const transceiver = new FakeTransceiver(kind, track, init.direction);
    transceiver.sendEncodings = init.sendEncodings ?? [];
    this.transceivers.push(transceiver);
    return transceiver;
  }

  getTransceivers(): FakeTransceiver[] {
    return [...this.transceivers];
  }

  async createOffer(): Promise<SessionDescription> {
    return { type: 'offer', sdp: `offer-${++this.offers}` };
  }

  async createAnswer(): Promise<SessionDescription> {
    return { type: 'answer', sdp: `answer-${++this.answers}` };
  }

  async setLocalDescription(description: SessionDescription): Promise<void> {
    if (description.type === 'rollback') {
      this.localDescriptions.push(description);
      return;
    }
    this.localDescriptions.push(description);
    for (const t of this.transceivers) if (t.mid === null) t.mid = String(this.nextMid++);
  }

  async setRemoteDescription(description: SessionDescription): Promise<void> {
    if (this.remoteDescriptionGate) await this.remoteDescriptionGate;
    if (this.failNextRemoteDescription) {
      this.failNextRemoteDescription = false;
      throw new Error('Failed to set remote description');
    }
    this.remoteDescriptions.push(description);
    if (description.type !== 'offer') return;
    for (const section of mediaSections(description.sdp ?? '')) {
      const kind: MediaKind = section.kind === 'audio' ? 'audio' : 'video';
      const sending = section.port !== 0 && (section.direction === 'sendonly' || section.direction === 'sendrecv');
      let transceiver = this.transceivers.find((t) => t.mid === section.mid);
      const wasReceiving = transceiver !== undefined && transceiver.direction !== 'inactive';
      if (!transceiver) {
        transceiver = new FakeTransceiver(kind, null, 'recvonly', section.mid);
        this.transceivers.push(transceiver);
      }
      transceiver.direction = sending ? 'recvonly' : 'inactive';
      if (sending && !wasReceiving) this.events.track(transceiver);
    }
  }

  async getStats(): Promise<ReadonlyMap<string, unknown>> {
    return this.stats;
  }

  close(): void {
    this.closed = true;
    this.connectionState = 'closed';
  }

  // ---- what the browser would do ----

  findCandidate(candidate: string, sdpMid: string | null = '0'): void {
    this.events.iceCandidate({ candidate, sdpMid });
  }

  changeState(state: RTCPeerConnectionState): void {
    this.connectionState = state;
    this.events.connectionStateChange(state);
  }
}

/** Every peer connection the code created, in order. */
export class FakePeerConnections {
  readonly all: FakePeerConnection[] = [];
  readonly factory: PeerConnectionFactory = (configuration, events) => {
    const pc = new FakePeerConnection(configuration, events);
    this.all.push(pc);
    return pc;
  };
  /** The latest connection that publishes (it has sendonly transceivers). */
  publisher(): FakePeerConnection {
    const pc = [...this.all].reverse().find((p) => p.transceivers.some((t) => t.direction === 'sendonly'));
    if (!pc) throw new Error('no publish connection');
    return pc;
  }
  /** The latest connection that received a remote offer. */
  subscriber(): FakePeerConnection {
    const pc = [...this.all].reverse().find((p) => p.remoteDescriptions.some((d) => d.type === 'offer'));
    if (!pc) throw new Error('no subscribe connection');
    return pc;
  }
  open(): FakePeerConnection[] {
    return this.all.filter((p) => !p.closed);
  }
}

export class FakeDevices implements MediaDevicesPort {
  readonly requests: MediaStreamConstraints[] = [];
  readonly given: FakeTrack[] = [];
  /** getUserMedia fails with this error name for a request that includes the kind. */
  failing: Partial<Record<MediaKind, string>> = {};
  /** While set, getUserMedia waits for it (a permission prompt left open). */
  prompt: Promise<void> | null = null;
  displayRefused = false;
  /** What enumerateDevices lists; the first of each kind is the one opened when none is asked for. */
  list: DeviceInfo[] = [
    { deviceId: 'mic-1', kind: 'audioinput', label: 'Built-in microphone' },
    { deviceId: 'mic-2', kind: 'audioinput', label: 'Headset' },
    { deviceId: 'cam-1', kind: 'videoinput', label: 'Built-in camera' },
    { deviceId: 'cam-2', kind: 'videoinput', label: 'USB camera' },
  ];
  private readonly changeListeners = new Set<() => void>();

  async enumerateDevices(): Promise<DeviceInfo[]> {
    return [...this.list];
  }

  onDeviceChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** A device plugged in or out. */
  changeDevices(list: DeviceInfo[]): void {
    this.list = list;
    for (const listener of this.changeListeners) listener();
  }

  async getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStreamTrack[]> {
    this.requests.push(constraints);
    if (this.prompt) await this.prompt;
    const wanted = (['audio', 'video'] as const).filter((kind) => Boolean(constraints[kind]));
    const failure = wanted.map((kind) => this.failing[kind]).find((name) => name !== undefined);
    if (failure) throw Object.assign(new Error(failure), { name: failure });
    return wanted.map((kind) => this.give(kind, requestedDevice(constraints[kind])));
  }

  async getDisplayMedia(): Promise<MediaStreamTrack[]> {
    if (this.displayRefused) throw Object.assign(new Error('cancelled'), { name: 'NotAllowedError' });
    return [this.give('video', 'screen')];
  }

  private give(kind: MediaKind, deviceId?: string): MediaStreamTrack {
    const first = this.list.find((d) => d.kind === (kind === 'audio' ? 'audioinput' : 'videoinput'))?.deviceId ?? '';
    const track = new FakeTrack(kind, undefined, deviceId ?? first);
    this.given.push(track);
    return track as unknown as MediaStreamTrack;
  }
}

function requestedDevice(constraint: boolean | MediaTrackConstraints | undefined): string | undefined {
  if (typeof constraint !== 'object') return undefined;
  const id = constraint.deviceId;
  if (typeof id === 'string') return id;
  if (typeof id === 'object' && id !== null && !Array.isArray(id)) {
    const value = (id as ConstrainDOMStringParameters).exact ?? (id as ConstrainDOMStringParameters).ideal;
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

/** Let every pending promise settle (the fakes resolve at once; only the chains need turns). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise<void>((resolve) => setTimeout(resolve, 0));
}

/** An SDP offer from the server with these m-lines (what the fake connection reads of it). */
export function offerSdp(...sections: Array<{ mid: string; kind: MediaKind; inactive?: boolean; port0?: boolean }>): string {
  const lines = ['v=0', 'o=- 1 1 IN IP4 127.0.0.1', 's=-', 't=0 0'];
  for (const s of sections) {
    lines.push(`m=${s.kind} ${s.port0 ? 0 : 9} UDP/TLS/RTP/SAVPF 96`, `a=mid:${s.mid}`, s.inactive ? 'a=inactive' : 'a=sendonly');
  }
  return `${lines.join('\r\n')}\r\n`;
}
