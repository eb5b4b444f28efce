import { backoffDelay, type BackoffPolicy } from '../signal/backoff';
import { ErrorCode, type SetReceiveConstraintsBody } from '../signal/protocol';
import { findParticipant } from '../signal/roster';
import {
  CONNECTION_LOST,
  SignalRequestError,
  type MediaListener,
  type MediaSignal,
  type Phase,
  type SessionListener,
  type SessionState,
  type Timers,
} from '../signal/signal-client';
import { DISPLAY_MEDIA_OPTIONS, type CaptureSettings } from './capture-settings';
import { acquireLocalDevices, type DeviceProblem } from './local-media';
import { PublishConnection, type LocalTracks, type PublishSignalling } from './publish-connection';
import { receiveConstraintsBody, type ReceivePreferences } from './receive-preferences';
import type { MediaDevicesPort, PeerConnectionFactory } from './rtc';
import { hasDecodedVideo, shapeStats, type MediaStats } from './stats';
import { SubscribeConnection, type SubscribeSignalling } from './subscribe-connection';
import type { RemoteTrack } from './track-map';

/** What the media code needs from the SignalClient (which it is, in the app). */
export interface MediaSignalling extends PublishSignalling, SubscribeSignalling {
  getState(): SessionState;
  subscribe(listener: SessionListener): () => void;
  subscribeMedia(listener: MediaListener): () => void;
  setReceiveConstraints(body: SetReceiveConstraintsBody): void;
  setAudioMuted(muted: boolean): void;
  setVideoMuted(muted: boolean): void;
}

export interface PreferenceStore {
  load(): ReceivePreferences;
  save(preferences: ReceivePreferences): void;
}

export interface MediaSessionOptions {
  signal: MediaSignalling;
  createPeerConnection: PeerConnectionFactory;
  /** Null where the page may not capture (an insecure origin). */
  devices: MediaDevicesPort | null;
  capture: CaptureSettings;
  preferences: PreferenceStore;
  timers: Timers;
  /** A monotonic clock in milliseconds (performance.now in the browser), for joinedAt and firstFrameAt. */
  clock: () => number;
  random?: () => number;
  backoff?: BackoffPolicy;
}

export interface MediaState {
  readonly local: LocalTracks;
  /** What the server forwards to us, per m-line. */
  readonly remote: readonly RemoteTrack[];
  /** Why the microphone or camera is missing, if one is. */
  readonly deviceProblem: DeviceProblem | undefined;
  /** A media connection failed and is being set up again. */
  readonly recovering: boolean;
  /** The server refused our media (its message); cleared by the next join. */
  readonly error: string | undefined;
  readonly preferences: ReceivePreferences;
  readonly canShareScreen: boolean;
}

export type MediaStateListener = (state: MediaState, previous: MediaState) => void;

const NO_TRACKS: LocalTracks = { audio: null, video: null, screen: null };
const OUT_OF_ROOM: ReadonlySet<Phase> = new Set(['idle', 'left', 'ended']);
const MEDIA_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 10_000 };
/** How often the statistics are read while waiting for the first remote video frame. */
const FIRST_FRAME_POLL_MS = 100;

/**
 * One person's audio and video in the room. Follows the SignalClient: on every join (and
 * every resume) it publishes afresh (the microphone and camera are asked for once and kept);
 * on leaving it lets everything go. A failed connection is rebuilt, with backoff: both
 * connections are closed and the publish offer sent again, which makes the server send a fresh
 * subscribe offer. Mute flips track.enabled at once and tells the server; a change of our own
 * roster entry (acknowledged, or a moderator's mute) is applied to the tracks too.
 * No DOM: the browser comes in through PeerConnectionFactory and MediaDevicesPort.
 */
export class MediaSession {
  private readonly options: MediaSessionOptions;
  private readonly listeners = new Set<MediaStateListener>();
  private readonly unsubscribe: Array<() => void> = [];
  private state: MediaState;
  private publisher: PublishConnection | null = null;
  private subscriber: SubscribeConnection | null = null;
  /** Bumped on every join and leave, so that late results of an earlier one are dropped. */
  private generation = 0;
  /** Bumped on leaving only: devices asked for before a rejoin are still wanted after it. */
  private roomEpoch = 0;
  private acquiring: Promise<void> | null = null;
  private localReady = false;
  private screenStarting = false;
  /** Our roster entry's media flags as last seen, to apply their changes (not their level). */
  private seenSelf: { audioMuted: boolean; videoMuted: boolean } | undefined;
  private restartAttempt = 0;
  private restartTimer: unknown = null;
  private pollTimer: unknown = null;
  private polling = false;
  private joinedAtMs: number | null = null;
  private firstFrameAtMs: number | null = null;

  constructor(options: MediaSessionOptions) {
    this.options = options;
    this.state = {
      local: NO_TRACKS,
      remote: [],
      deviceProblem: undefined,
      recovering: false,
      error: undefined,
      preferences: options.preferences.load(),
      canShareScreen: typeof options.devices?.getDisplayMedia === 'function',
    };
    this.unsubscribe.push(
      options.signal.subscribe((session, previous) => this.onSession(session, previous)),
      options.signal.subscribeMedia((signal) => this.onMediaSignal(signal)),
    );
    const session = options.signal.getState();
    if (session.phase === 'joined') this.onSession(session, { ...session, phase: 'idle' });
  }

  getState(): MediaState {
    return this.state;
  }

  subscribe(listener: MediaStateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** performance.now() of the last join, or null before any. */
  get joinedAt(): number | null {
    return this.joinedAtMs;
  }

  /** performance.now() when a remote video frame was first decoded since the last join. */
  get firstFrameAt(): number | null {
    return this.firstFrameAtMs;
  }

  setAudioMuted(muted: boolean): void {
    setEnabled(this.state.local.audio, !muted);
    this.options.signal.setAudioMuted(muted);
  }

  setVideoMuted(muted: boolean): void {
    setEnabled(this.state.local.video, !muted);
    this.options.signal.setVideoMuted(muted);
  }

  /** Asks the browser for a screen (it shows its own picker); nothing happens if the person cancels. */
  async startScreenShare(): Promise<void> {
    const devices = this.options.devices;
    if (!devices?.getDisplayMedia || this.state.local.screen || this.screenStarting || !this.joined()) return;
    this.screenStarting = true;
    let tracks: MediaStreamTrack[];
    try {
      tracks = await devices.getDisplayMedia(DISPLAY_MEDIA_OPTIONS);
    } catch {
      return; // cancelled in the picker, or not allowed
    } finally {
      this.screenStarting = false;
    }
    const track = tracks.find((t) => t.kind === 'video');
    for (const other of tracks) if (other !== track) other.stop();
    if (!track) return;
    if (!this.joined()) {
      track.stop();
      return;
    }
    track.contentHint = 'detail';
    // The browser's own "Stop sharing" ends the track.
    track.addEventListener('ended', () => this.stopScreenShare(track));
    this.update({ local: { ...this.state.local, screen: track } });
    void this.publisher?.setScreen(track);
  }

  /** Stops the screen share (the one given, if it is still the current one). */
  stopScreenShare(which?: MediaStreamTrack): void {
    const screen = this.state.local.screen;
    if (!screen || (which !== undefined && which !== screen)) return;
    screen.stop();
    this.update({ local: { ...this.state.local, screen: null } });
    void this.publisher?.setScreen(null);
  }

  setReceivePreferences(preferences: ReceivePreferences): void {
    this.options.preferences.save(preferences);
    this.update({ preferences });
    if (this.joined()) this.options.signal.setReceiveConstraints(receiveConstraintsBody(preferences));
  }

  /** Skips the rest of the wait before rebuilding a failed connection. */
  restartNow(): void {
    if (this.restartTimer === null) return;
    this.cancelRestart();
    this.restart();
  }

  /** Both connections' statistics, per track (window.parleyMedia.stats()). */
  async stats(): Promise<MediaStats> {
    const publisher = this.publisher;
    const subscriber = this.subscriber;
    const [publish, subscribe] = await Promise.all([publisher?.getStats(), subscriber?.getStats()]);
    return shapeStats({
      publish,
      subscribe,
      publishSources: publisher?.sources() ?? new Map(),
      remoteTracks: subscriber?.remoteTracks ?? [],
      publishState: publisher?.state ?? 'none',
      subscribeState: subscriber?.state ?? 'none',
    });
  }

  dispose(): void {
    for (const off of this.unsubscribe.splice(0)) off();
    this.stop();
    this.listeners.clear();
  }

  // ---- following the session ----

  private onSession(session: SessionState, previous: SessionState): void {
    if (session.phase === 'joined' && previous.phase !== 'joined') {
      this.joinedAtMs = this.options.clock();
      this.firstFrameAtMs = null;
      void this.begin(session);
    } else if (OUT_OF_ROOM.has(session.phase) && !OUT_OF_ROOM.has(previous.phase)) {
      this.stop();
    }
    if (session.phase === 'joined') this.followSelf(session);
  }

  /**
   * Refused media requests are not acted on here: a publishOffer's refusal reaches its
   * negotiation as a rejected promise, and a refused subscribeAnswer may only be one for an offer
   * the server has already replaced (restarting for it could loop). A subscribe connection that
   * really broke ends in connectionState "failed", which rebuilds everything.
   */
  private onMediaSignal(signal: MediaSignal): void {
    if (signal.kind === 'subscribeOffer' && this.joined()) void this.subscriber?.handleOffer(signal.offer);
  }

  /** A (re)join: fresh connections, the devices asked for if they are not held yet. */
  private async begin(session: SessionState): Promise<void> {
    const generation = ++this.generation;
    this.cancelRestart();
    this.restartAttempt = 0;
    this.closeConnections();
    this.update({ recovering: false, error: undefined });
    // Receive at once, even while the permission prompt is open.
    this.subscriber = this.newSubscriber();
    this.options.signal.setReceiveConstraints(receiveConstraintsBody(this.state.preferences));
    this.startFirstFramePoll();
    if (!this.localReady) {
      this.acquiring ??= this.acquire(this.roomEpoch);
      await this.acquiring;
      if (generation !== this.generation || !this.localReady) return;
    }
    // The server's record of us (the join's choice, or what a resume found) sets the tracks.
    const now = this.options.signal.getState();
    this.applyMute(findParticipant(now.roster, now.selfId) ?? findParticipant(session.roster, session.selfId));
    this.publish();
  }

  private async acquire(epoch: number): Promise<void> {
    const devices = await acquireLocalDevices(this.options.devices, this.options.capture);
    if (epoch !== this.roomEpoch) {
      // Left while the browser was asking: these tracks belong to no one.
      devices.audio?.stop();
      devices.video?.stop();
      return;
    }
    this.localReady = true;
    this.acquiring = null;
    this.update({ local: { ...this.state.local, audio: devices.audio, video: devices.video }, deviceProblem: devices.problem });
  }

  private followSelf(session: SessionState): void {
    const self = findParticipant(session.roster, session.selfId);
    if (!self) return;
    const seen = this.seenSelf;
    this.seenSelf = { audioMuted: self.audioMuted, videoMuted: self.videoMuted };
    if (!seen) return;
    if (seen.audioMuted !== self.audioMuted) setEnabled(this.state.local.audio, !self.audioMuted);
    if (seen.videoMuted !== self.videoMuted) setEnabled(this.state.local.video, !self.videoMuted);
  }

  /** Starting state of the tracks: what the server knows of us (the join's or the resume's). */
  private applyMute(self: { audioMuted: boolean; videoMuted: boolean } | undefined): void {
    if (!self) return;
    this.seenSelf = { audioMuted: self.audioMuted, videoMuted: self.videoMuted };
    setEnabled(this.state.local.audio, !self.audioMuted);
    setEnabled(this.state.local.video, !self.videoMuted);
  }

  private stop(): void {
    this.generation++;
    this.roomEpoch++;
    this.acquiring = null;
    this.localReady = false;
    this.seenSelf = undefined;
    this.cancelRestart();
    this.stopFirstFramePoll();
    this.closeConnections();
    const { audio, video, screen } = this.state.local;
    for (const track of [audio, video, screen]) track?.stop();
    this.update({ local: NO_TRACKS, remote: [], recovering: false, deviceProblem: undefined, error: undefined });
  }

  // ---- the connections ----

  private publish(): void {
    this.publisher?.close();
    const publisher = new PublishConnection({
      createPeerConnection: this.options.createPeerConnection,
      signal: this.options.signal,
      onConnectionState: (state) => this.onConnectionState(state),
      onError: (error) => this.onNegotiationError(error),
    }, this.state.local);
    this.publisher = publisher;
    void publisher.negotiate();
  }

  private newSubscriber(): SubscribeConnection {
    const subscriber: SubscribeConnection = new SubscribeConnection({
      createPeerConnection: this.options.createPeerConnection,
      signal: this.options.signal,
      onTracks: (remote) => {
        if (this.subscriber === subscriber) this.update({ remote });
      },
      onConnectionState: (state) => this.onConnectionState(state),
      onError: (error) => this.onNegotiationError(error),
    });
    return subscriber;
  }

  private closeConnections(): void {
    this.publisher?.close();
    this.publisher = null;
    this.subscriber?.close();
    this.subscriber = null;
    if (this.state.remote.length > 0) this.update({ remote: [] });
  }

  private onConnectionState(state: RTCPeerConnectionState): void {
    if (state === 'failed') {
      this.recover();
    } else if (state === 'connected' && this.state.recovering && this.restartTimer === null) {
      const failed = this.publisher?.state === 'failed' || this.subscriber?.state === 'failed';
      if (!failed) {
        this.restartAttempt = 0;
        this.update({ recovering: false });
      }
    }
  }

  private onNegotiationError(error: unknown): void {
    if (error instanceof SignalRequestError) {
      // A lost socket or place: the SignalClient gets back in and the join starts media again.
      if (error.code === CONNECTION_LOST || error.code === ErrorCode.NOT_JOINED) return;
      if (error.code !== ErrorCode.UNAVAILABLE) {
        // Refused: trying again would be refused again. Say so.
        this.update({ error: error.message || error.code, recovering: false });
        return;
      }
    }
    this.recover();
  }

  /** Rebuilds both connections after a pause that grows with each failure in a row. */
  private recover(): void {
    if (this.restartTimer !== null || !this.joined() || !this.localReady) return;
    this.restartAttempt++;
    this.update({ recovering: true });
    const delay = backoffDelay(this.restartAttempt, this.options.backoff ?? MEDIA_BACKOFF, this.options.random ?? Math.random);
    this.restartTimer = this.options.timers.setTimeout(() => {
      this.restartTimer = null;
      this.restart();
    }, delay);
  }

  private restart(): void {
    if (!this.joined() || !this.localReady) return;
    this.closeConnections();
    this.subscriber = this.newSubscriber();
    this.options.signal.setReceiveConstraints(receiveConstraintsBody(this.state.preferences));
    this.publish();
  }

  private cancelRestart(): void {
    if (this.restartTimer !== null) {
      this.options.timers.clearTimeout(this.restartTimer);
      this.restartTimer = null;
    }
  }

  // ---- time to first frame ----

  private startFirstFramePoll(): void {
    this.stopFirstFramePoll();
    this.pollTimer = this.options.timers.setInterval(() => void this.pollFirstFrame(), FIRST_FRAME_POLL_MS);
  }

  private async pollFirstFrame(): Promise<void> {
    if (this.polling || !this.state.remote.some((t) => t.kind === 'video')) return;
    this.polling = true;
    try {
      const stats = await this.stats();
      if (this.firstFrameAtMs === null && this.pollTimer !== null && hasDecodedVideo(stats)) {
        this.firstFrameAtMs = this.options.clock();
        this.stopFirstFramePoll();
      }
    } finally {
      this.polling = false;
    }
  }

  private stopFirstFramePoll(): void {
    if (this.pollTimer !== null) {
      this.options.timers.clearInterval(this.pollTimer);
      this.pollTimer = null;
    }
  }

  // ---- state ----

  private joined(): boolean {
    return this.options.signal.getState().phase === 'joined';
  }

  private update(changes: Partial<MediaState>): void {
    const previous = this.state;
    this.state = { ...previous, ...changes };
    for (const listener of [...this.listeners]) listener(this.state, previous);
  }
}

function setEnabled(track: MediaStreamTrack | null, enabled: boolean): void {
  if (track && track.enabled !== enabled) track.enabled = enabled;
}
