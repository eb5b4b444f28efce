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
import { DEFAULT_SPEAKER_OPTIONS, sameSpeakers, SpeakerTracker, type SpeakerState } from './active-speaker';
import {
  cameraConstraints,
  DISPLAY_MEDIA_OPTIONS,
  effectiveCapture,
  userMediaConstraints,
  type CaptureSettings,
  type CapturePreferences,
  type SendHeight,
} from './capture-settings';
import { deviceLists, NO_DEVICES, sameDeviceLists, trackDeviceId, type DeviceLists } from './devices';
import { acquireLocalDevices, deviceProblem, type DeviceProblem } from './local-media';
import { PublishConnection, type LocalTracks, type PublishSignalling } from './publish-connection';
import { receiveConstraintsBody, type ReceivePreferences } from './receive-preferences';
import type { MediaDevicesPort, MediaKind, PeerConnectionFactory } from './rtc';
import { audioLevels, hasDecodedVideo, shapeStats, type MediaStats } from './stats';
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

export interface CapturePreferenceStore {
  load(): CapturePreferences;
  save(preferences: CapturePreferences): void;
}

export interface MediaSessionOptions {
  signal: MediaSignalling;
  createPeerConnection: PeerConnectionFactory;
  /** Null where the page may not capture (an insecure origin). */
  devices: MediaDevicesPort | null;
  capture: CaptureSettings;
  preferences: PreferenceStore;
  /** The chosen camera, microphone and send quality; kept in memory when not given. */
  capturePreferences?: CapturePreferenceStore;
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
  /** The cameras and microphones one may pick (labels once permission was given). */
  readonly devices: DeviceLists;
  /** The chosen largest height to send; undefined = the page's default. */
  readonly maxSendHeight: SendHeight | undefined;
  /** Who speaks (getStats audio levels), while in the room. */
  readonly speakers: SpeakerState;
}

export type MediaStateListener = (state: MediaState, previous: MediaState) => void;

const NO_TRACKS: LocalTracks = { audio: null, video: null, screen: null };
const OUT_OF_ROOM: ReadonlySet<Phase> = new Set(['idle', 'left', 'ended', 'kicked']);
const MEDIA_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 10_000 };
/** How often the statistics are read while waiting for the first remote video frame. */
const FIRST_FRAME_POLL_MS = 100;
/** How often audio levels are read to find who speaks. */
const SPEAKER_POLL_MS = 250;
const NO_SPEAKERS: SpeakerState = { active: undefined, speaking: new Set() };

function memoryCapturePreferences(): CapturePreferenceStore {
  let kept: CapturePreferences = {};
  return { load: () => kept, save: (preferences) => void (kept = preferences) };
}

/**
 * One person's audio and video in the room. Follows the SignalClient: on every join (and
 * every resume) it publishes afresh (the microphone and camera are asked for once and kept);
 * on leaving it lets everything go. A failed connection is rebuilt, with backoff: both
 * connections are closed and the publish offer sent again, which makes the server send a fresh
 * subscribe offer. Mute flips track.enabled at once and tells the server; a change of our own
 * roster entry (acknowledged, or a moderator's mute) is applied to the tracks too.
 * Before joining, prepare() opens the devices for the pre-join preview; they are kept for the
 * join (one permission prompt) and for a refused join's second try, and let go on leaving.
 * Devices can be switched at any time (replaceTrack, no renegotiation).
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
  private readonly capturePreferences: CapturePreferenceStore;
  private speakerTimer: unknown = null;
  private speakerPolling = false;
  private speakerTracker = new SpeakerTracker(DEFAULT_SPEAKER_OPTIONS);
  /** Bumped by every device switch, so that only the latest one's track is kept. */
  private switchCounter: Record<MediaKind, number> = { audio: 0, video: 0 };

  constructor(options: MediaSessionOptions) {
    this.options = options;
    this.capturePreferences = options.capturePreferences ?? memoryCapturePreferences();
    this.state = {
      local: NO_TRACKS,
      remote: [],
      deviceProblem: undefined,
      recovering: false,
      error: undefined,
      preferences: options.preferences.load(),
      canShareScreen: typeof options.devices?.getDisplayMedia === 'function',
      devices: NO_DEVICES,
      maxSendHeight: this.capturePreferences.load().maxSendHeight,
      speakers: NO_SPEAKERS,
    };
    this.unsubscribe.push(
      options.signal.subscribe((session, previous) => this.onSession(session, previous)),
      options.signal.subscribeMedia((signal) => this.onMediaSignal(signal)),
    );
    const stopListening = options.devices?.onDeviceChange?.(() => void this.refreshDevices());
    if (stopListening) this.unsubscribe.push(stopListening);
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

  /** The camera height sent when the person chose no send quality. */
  get defaultSendHeight(): number {
    return this.options.capture.height;
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

  /**
   * Opens the microphone and camera before joining (the pre-join preview). The join then uses
   * them: the browser asks for permission once. Resolves when the devices are there (or known
   * to be missing).
   */
  prepare(): Promise<void> {
    if (this.localReady) return Promise.resolve();
    this.acquiring ??= this.acquire(this.roomEpoch);
    return this.acquiring;
  }

  /**
   * Takes the microphone or camera from another device, now: the new track replaces the old one
   * in the preview and, in the call, on the publish connection's sender. Muted stays muted.
   */
  async switchDevice(kind: MediaKind, deviceId: string): Promise<void> {
    const devices = this.options.devices;
    const old = kind === 'audio' ? this.state.local.audio : this.state.local.video;
    if (!devices || deviceId === '' || trackDeviceId(old) === deviceId) return;
    const attempt = ++this.switchCounter[kind];
    const epoch = this.roomEpoch;
    const want = { audio: kind === 'audio', video: kind === 'video' };
    const choice = { exact: true, ...(kind === 'audio' ? { audioInputId: deviceId } : { videoInputId: deviceId }) };
    const constraints = userMediaConstraints(this.capture(), want, choice);
    let tracks: MediaStreamTrack[];
    try {
      tracks = await devices.getUserMedia(constraints);
    } catch (error) {
      if (deviceProblem(error) !== 'in-use' || !old) {
        this.update({ deviceProblem: deviceProblem(error) });
        return;
      }
      // Some systems open one camera at a time: let the old one go and try again.
      old.stop();
      try {
        tracks = await devices.getUserMedia(constraints);
      } catch (again) {
        this.update({ deviceProblem: deviceProblem(again) });
        return;
      }
    }
    const track = tracks.find((t) => t.kind === kind) ?? null;
    for (const other of tracks) if (other !== track) other.stop();
    if (!track || attempt !== this.switchCounter[kind] || epoch !== this.roomEpoch || !this.localReady) {
      track?.stop();
      return;
    }
    const current = kind === 'audio' ? this.state.local.audio : this.state.local.video;
    track.enabled = current ? current.enabled : !this.selfMuted(kind);
    current?.stop();
    const local = kind === 'audio' ? { ...this.state.local, audio: track } : { ...this.state.local, video: track };
    this.update({ local, deviceProblem: local.audio && local.video ? undefined : this.state.deviceProblem });
    this.saveCapturePreferences(kind === 'audio' ? { audioInputId: deviceId } : { videoInputId: deviceId });
    await this.publisher?.replaceTrack(kind === 'audio' ? 'MEDIA_SOURCE_MICROPHONE' : 'MEDIA_SOURCE_CAMERA', track);
    void this.refreshDevices();
  }

  /** The largest video height to send (undefined: the default), applied to the camera at once. */
  async setMaxSendHeight(height: SendHeight | undefined): Promise<void> {
    this.saveCapturePreferences({ maxSendHeight: height });
    this.update({ maxSendHeight: height });
    const video = this.state.local.video;
    if (video && typeof video.applyConstraints === 'function') {
      // A camera that cannot do the size keeps its current one; nothing else to do about it.
      await video.applyConstraints(cameraConstraints(this.capture())).catch(() => undefined);
    }
  }

  /** Reads the list of cameras and microphones again (after a permission, or a device change). */
  async refreshDevices(): Promise<void> {
    const enumerate = this.options.devices?.enumerateDevices;
    if (!enumerate) return;
    let lists: DeviceLists;
    try {
      lists = deviceLists(await enumerate.call(this.options.devices));
    } catch {
      return;
    }
    if (!sameDeviceLists(lists, this.state.devices)) this.update({ devices: lists });
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
      // Back to the pre-join screen (a refused join): its preview keeps the devices.
      if (session.phase === 'idle') this.hangUp();
      else this.stop();
    } else if (session.phase === 'waiting' && previous.phase !== 'waiting') {
      // Back to waiting (our place was lost and the lobby holds the new join): no media until let in.
      this.hangUp();
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
    this.startSpeakerPoll();
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
    const preferences = this.capturePreferences.load();
    const devices = await acquireLocalDevices(this.options.devices, this.capture(), {
      audioInputId: preferences.audioInputId,
      videoInputId: preferences.videoInputId,
    });
    if (epoch !== this.roomEpoch) {
      // Left while the browser was asking: these tracks belong to no one.
      devices.audio?.stop();
      devices.video?.stop();
      return;
    }
    this.localReady = true;
    this.acquiring = null;
    this.update({ local: { ...this.state.local, audio: devices.audio, video: devices.video }, deviceProblem: devices.problem });
    // Labels and ids are only given once a permission was granted.
    void this.refreshDevices();
  }

  private capture(): CaptureSettings {
    return effectiveCapture(this.options.capture, this.state.maxSendHeight);
  }

  private saveCapturePreferences(change: Partial<CapturePreferences>): void {
    this.capturePreferences.save({ ...this.capturePreferences.load(), ...change });
  }

  /** Whether the server's record of us (or, before joining, nothing) says this kind is muted. */
  private selfMuted(kind: MediaKind): boolean {
    const session = this.options.signal.getState();
    const self = findParticipant(session.roster, session.selfId);
    return kind === 'audio' ? self?.audioMuted ?? false : self?.videoMuted ?? false;
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

  /** Out of the conference for good (left, ended): every device is let go. */
  private stop(): void {
    this.hangUp();
    this.roomEpoch++;
    this.acquiring = null;
    this.localReady = false;
    const { audio, video } = this.state.local;
    for (const track of [audio, video]) track?.stop();
    this.update({ local: NO_TRACKS, deviceProblem: undefined });
  }

  /** Out of the call but still on the page's pre-join screen: connections go, devices stay. */
  private hangUp(): void {
    this.generation++;
    this.seenSelf = undefined;
    this.cancelRestart();
    this.stopFirstFramePoll();
    this.stopSpeakerPoll();
    this.closeConnections();
    this.state.local.screen?.stop();
    this.update({
      local: { ...this.state.local, screen: null },
      remote: [],
      recovering: false,
      error: undefined,
      speakers: NO_SPEAKERS,
    });
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

  // ---- who speaks ----

  private startSpeakerPoll(): void {
    this.stopSpeakerPoll();
    this.speakerTracker = new SpeakerTracker(DEFAULT_SPEAKER_OPTIONS);
    this.speakerTimer = this.options.timers.setInterval(() => void this.pollSpeakers(), SPEAKER_POLL_MS);
  }

  private async pollSpeakers(): Promise<void> {
    if (this.speakerPolling) return;
    this.speakerPolling = true;
    try {
      const publisher = this.publisher;
      const subscriber = this.subscriber;
      const [publish, subscribe] = await Promise.all([publisher?.getStats(), subscriber?.getStats()]);
      if (this.speakerTimer === null) return;
      const session = this.options.signal.getState();
      const levels = audioLevels({ publish, subscribe, remoteTracks: subscriber?.remoteTracks ?? [], selfId: session.selfId });
      // A muted microphone may still measure something on the way (or oneself, before sending).
      for (const p of session.roster.participants) if (p.audioMuted) levels.delete(p.id);
      const speakers = this.speakerTracker.sample({
        levels,
        present: session.roster.participants.map((p) => p.id),
        selfId: session.selfId,
        now: this.options.clock(),
      });
      if (!sameSpeakers(speakers, this.state.speakers)) this.update({ speakers });
    } finally {
      this.speakerPolling = false;
    }
  }

  private stopSpeakerPoll(): void {
    if (this.speakerTimer !== null) {
      this.options.timers.clearInterval(this.speakerTimer);
      this.speakerTimer = null;
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
