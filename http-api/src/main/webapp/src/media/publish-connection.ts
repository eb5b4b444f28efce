import type { MediaSourceKind, PublishOfferBody, TrickleCandidateBody } from '../signal/protocol';
import { CandidateRelay } from './candidate-relay';
import { publishTrackList, sourcesByMid, type PublishedTransceiver } from './publish-tracks';
import { PEER_CONNECTION_CONFIGURATION, type MediaKind, type PeerConnection, type PeerConnectionFactory, type Transceiver } from './rtc';

/**
 * The camera is sent as simulcast layers, smallest first, so that the server can forward each receiver
 * the tallest layer within its "maximum video height" (switching on key frames). How many depends on
 * the captured height, because Chrome itself sends at most 3 VP8 layers from 960x540 up, 2 from 480x270
 * and 1 below (it drops the top ones, whatever the page asks): 1280x720 gives 180/360/720 lines,
 * 640x360 (the default) 180/360, smaller captures one stream. The caps keep the small layers small
 * when the bandwidth estimate is high; Chrome fills the layers from the smallest up.
 */
export function cameraEncodings(capturedHeight: number | undefined): RTCRtpEncodingParameters[] {
  const height = capturedHeight ?? 360;
  if (height >= 540) {
    return [
      { rid: 'q', scaleResolutionDownBy: 4, maxBitrate: 150_000 },
      { rid: 'h', scaleResolutionDownBy: 2, maxBitrate: 500_000 },
      { rid: 'f', scaleResolutionDownBy: 1, maxBitrate: 1_500_000 },
    ];
  }
  if (height >= 270) {
    return [
      { rid: 'h', scaleResolutionDownBy: 2, maxBitrate: 300_000 },
      { rid: 'f', scaleResolutionDownBy: 1, maxBitrate: 1_000_000 },
    ];
  }
  return [];
}
import { CoalescingRunner } from './serial-queue';
import type { ConnectionStateName } from './stats';

export interface PublishSignalling {
  publishOffer(body: PublishOfferBody): Promise<string>;
  sendTrickleCandidate(body: TrickleCandidateBody): void;
}

/** What this browser sends; a missing device is null (its m-line is still negotiated, empty). */
export interface LocalTracks {
  readonly audio: MediaStreamTrack | null;
  readonly video: MediaStreamTrack | null;
  readonly screen: MediaStreamTrack | null;
}

export interface PublishConnectionOptions {
  createPeerConnection: PeerConnectionFactory;
  signal: PublishSignalling;
  onConnectionState(state: RTCPeerConnectionState): void;
  /** A negotiation failed (the server refused the offer, the socket went, WebRTC threw). */
  onError(error: unknown): void;
}

/**
 * The publish connection: the browser offers, the server answers. Microphone and camera always
 * have their sendonly m-line, in that order, even without a device (mute only flips
 * track.enabled, so nothing is renegotiated for it). A screen share adds a third m-line; stopping
 * it sets that m-line inactive and takes its track away, and the next share reuses it: the
 * m-lines (and mids) never change once created, which keeps the server's view simple.
 * Offers are serialized: one in flight at most, later changes folded into one more offer. The
 * camera goes out as simulcast ({@link cameraEncodings}, fixed when its m-line is created: a camera
 * switched later keeps them); the screen share as one stream.
 */
export class PublishConnection {
  private readonly pc: PeerConnection;
  private readonly published: PublishedTransceiver[] = [];
  private readonly relay: CandidateRelay;
  private readonly negotiation: CoalescingRunner;
  private screen: Transceiver | null = null;
  private closed = false;
  private connectionState: ConnectionStateName = 'new';

  constructor(private readonly options: PublishConnectionOptions, tracks: LocalTracks) {
    this.relay = new CandidateRelay('PEER_CONNECTION_KIND_PUBLISH', (body) => {
      if (!this.closed) options.signal.sendTrickleCandidate(body);
    });
    this.pc = options.createPeerConnection(PEER_CONNECTION_CONFIGURATION, {
      iceCandidate: (candidate) => this.relay.candidate(candidate),
      track: () => undefined,
      connectionStateChange: (state) => {
        if (this.closed) return;
        this.connectionState = state;
        options.onConnectionState(state);
      },
    });
    this.negotiation = new CoalescingRunner(() => this.negotiateOnce(), (error) => {
      if (!this.closed) options.onError(error);
    });
    this.add(tracks.audio, 'audio', 'MEDIA_SOURCE_MICROPHONE');
    this.add(tracks.video, 'video', 'MEDIA_SOURCE_CAMERA');
    if (tracks.screen) this.screen = this.add(tracks.screen, 'video', 'MEDIA_SOURCE_SCREEN');
  }

  get state(): ConnectionStateName {
    return this.closed ? 'closed' : this.connectionState;
  }

  /** Offers what is set up now; resolves once that offer (or a later one) is answered or failed. */
  negotiate(): Promise<void> {
    return this.negotiation.request();
  }

  /** Starts (a track) or stops (null) sending a screen share, and renegotiates. */
  async setScreen(track: MediaStreamTrack | null): Promise<void> {
    if (this.closed) return;
    if (track) {
      if (this.screen) {
        this.screen.direction = 'sendonly';
        await this.screen.sender.replaceTrack(track);
      } else {
        this.screen = this.add(track, 'video', 'MEDIA_SOURCE_SCREEN');
      }
    } else {
      if (!this.screen || this.screen.direction === 'inactive') return;
      this.screen.direction = 'inactive';
      await this.screen.sender.replaceTrack(null);
    }
    await this.negotiate();
  }

  /**
   * Sends another microphone or camera track on the same m-line (a device switched during the
   * call): replaceTrack needs no renegotiation, so the others notice nothing but the new picture.
   */
  async replaceTrack(source: 'MEDIA_SOURCE_MICROPHONE' | 'MEDIA_SOURCE_CAMERA', track: MediaStreamTrack | null): Promise<void> {
    if (this.closed) return;
    const published = this.published.find((p) => p.source === source);
    await published?.transceiver.sender.replaceTrack(track);
  }

  /** mid -> source of what is being sent, for the statistics. */
  sources(): Map<string, MediaSourceKind> {
    return sourcesByMid(this.published);
  }

  async getStats(): Promise<ReadonlyMap<string, unknown> | undefined> {
    if (this.closed) return undefined;
    try {
      return await this.pc.getStats();
    } catch {
      return undefined;
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pc.close();
  }

  private add(track: MediaStreamTrack | null, kind: MediaKind, source: MediaSourceKind): Transceiver {
    const encodings = source === 'MEDIA_SOURCE_CAMERA' ? cameraEncodings(capturedHeight(track)) : [];
    const transceiver = encodings.length > 0
      ? this.pc.addTransceiver(track ?? kind, { direction: 'sendonly', sendEncodings: encodings })
      : this.pc.addTransceiver(track ?? kind, { direction: 'sendonly' });
    this.published.push({ transceiver, source });
    return transceiver;
  }

  private async negotiateOnce(): Promise<void> {
    if (this.closed) return;
    const offer = await this.pc.createOffer();
    if (this.closed) return;
    await this.pc.setLocalDescription(offer);
    if (this.closed) return;
    // Mids exist from setLocalDescription on, so the track list is read only now.
    const answer = this.options.signal.publishOffer({ sdp: offer.sdp ?? '', tracks: publishTrackList(this.published) });
    this.relay.descriptionSent();
    let sdp: string;
    try {
      sdp = await answer;
    } catch (error) {
      // Back to "stable", so that the next offer starts from a clean state.
      if (!this.closed) await this.pc.setLocalDescription({ type: 'rollback' }).catch(() => undefined);
      throw error;
    }
    if (this.closed) return;
    await this.pc.setRemoteDescription({ type: 'answer', sdp });
  }
}

function capturedHeight(track: MediaStreamTrack | null): number | undefined {
  if (!track || typeof track.getSettings !== 'function') return undefined;
  return track.getSettings().height;
}
