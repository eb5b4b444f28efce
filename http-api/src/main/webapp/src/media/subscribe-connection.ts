import type { SubscribeAnswerBody, SubscribeOffer, TrickleCandidateBody } from '../signal/protocol';
import { CandidateRelay } from './candidate-relay';
import { PEER_CONNECTION_CONFIGURATION, type PeerConnection, type PeerConnectionFactory, type Transceiver } from './rtc';
import { SerialQueue } from './serial-queue';
import type { ConnectionStateName } from './stats';
import { liveRemoteTracks, lookupMid, sameRemoteTracks, type RemoteTrack } from './track-map';

export interface SubscribeSignalling {
  sendSubscribeAnswer(body: SubscribeAnswerBody): void;
  sendTrickleCandidate(body: TrickleCandidateBody): void;
}

export interface SubscribeConnectionOptions {
  createPeerConnection: PeerConnectionFactory;
  signal: SubscribeSignalling;
  /** The remote tracks changed (a new offer applied, or a track arrived). */
  onTracks(tracks: readonly RemoteTrack[]): void;
  onConnectionState(state: RTCPeerConnectionState): void;
  onError(error: unknown): void;
}

/**
 * The subscribe connection: the server offers what this browser receives, the browser answers.
 * Offers are applied strictly one after the other, in the order they came. An offer whose version
 * is not above the last one applied starts a new server-side session (the server restarted our
 * media, e.g. after we published again): it gets a fresh peer connection.
 */
export class SubscribeConnection {
  private pc: PeerConnection | null = null;
  private relay: CandidateRelay | null = null;
  private readonly queue: SerialQueue;
  private lastVersion = -1;
  /** The offer being applied, for the track events it fires. */
  private applying: SubscribeOffer | null = null;
  private tracks: readonly RemoteTrack[] = [];
  private closed = false;
  private connectionState: ConnectionStateName = 'none';

  constructor(private readonly options: SubscribeConnectionOptions) {
    this.queue = new SerialQueue((error) => {
      if (!this.closed) options.onError(error);
    });
  }

  get state(): ConnectionStateName {
    return this.closed ? 'closed' : this.connectionState;
  }

  get remoteTracks(): readonly RemoteTrack[] {
    return this.tracks;
  }

  /** Queues the offer; resolves once it has been answered (or failed, or was dropped by close). */
  handleOffer(offer: SubscribeOffer): Promise<void> {
    return this.queue.push(() => this.apply(offer));
  }

  async getStats(): Promise<ReadonlyMap<string, unknown> | undefined> {
    if (this.closed || this.pc === null) return undefined;
    try {
      return await this.pc.getStats();
    } catch {
      return undefined;
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.queue.clear();
    this.pc?.close();
    this.pc = null;
  }

  private async apply(offer: SubscribeOffer): Promise<void> {
    if (this.closed) return;
    if (this.pc === null || offer.version <= this.lastVersion) this.renew();
    const pc = this.pc;
    if (pc === null) return;
    this.applying = offer;
    try {
      await pc.setRemoteDescription({ type: 'offer', sdp: offer.sdp });
      const answer = await pc.createAnswer();
      await pc.setLocalDescription(answer);
      if (this.closed || pc !== this.pc) return;
      this.options.signal.sendSubscribeAnswer({ sdp: answer.sdp ?? '', version: String(offer.version) });
      this.relay?.descriptionSent();
      this.lastVersion = offer.version;
      this.setTracks(liveRemoteTracks(offer, pc.getTransceivers()));
    } finally {
      this.applying = null;
    }
  }

  private renew(): void {
    this.pc?.close();
    const relay = new CandidateRelay('PEER_CONNECTION_KIND_SUBSCRIBE', (body) => {
      if (!this.closed && this.relay === relay) this.options.signal.sendTrickleCandidate(body);
    });
    this.relay = relay;
    this.lastVersion = -1;
    this.connectionState = 'new';
    const pc: PeerConnection = this.options.createPeerConnection(PEER_CONNECTION_CONFIGURATION, {
      iceCandidate: (candidate) => relay.candidate(candidate),
      track: (transceiver) => {
        if (this.pc === pc) this.onTrack(transceiver);
      },
      connectionStateChange: (state) => {
        if (this.closed || this.pc !== pc) return;
        this.connectionState = state;
        this.options.onConnectionState(state);
      },
    });
    this.pc = pc;
    this.setTracks([]);
  }

  /**
   * A track arrived while an offer is applied: shown right away, mapped through that offer's
   * track list. The list computed once the offer is answered is the authority; this only saves
   * the wait.
   */
  private onTrack(transceiver: Transceiver): void {
    const source = lookupMid(this.applying?.tracks ?? [], transceiver.mid);
    if (!source || source.participantId === '') return;
    const track = transceiver.receiver.track;
    const arrived: RemoteTrack = { ...source, kind: track.kind === 'audio' ? 'audio' : 'video', track };
    this.setTracks([...this.tracks.filter((t) => t.mid !== source.mid), arrived]);
  }

  private setTracks(tracks: readonly RemoteTrack[]): void {
    if (sameRemoteTracks(this.tracks, tracks)) return;
    this.tracks = tracks;
    this.options.onTracks(tracks);
  }
}
