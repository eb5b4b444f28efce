/**
 * The seams between the media code and the browser's WebRTC: just the parts of
 * RTCPeerConnection, RTCRtpTransceiver and MediaDevices the media code uses. The real objects
 * satisfy these interfaces as they are (see browser-rtc.ts); tests hand in fakes
 * (test-support/fake-webrtc.ts). Tracks stay the DOM's MediaStreamTrack because the UI puts them
 * into <video> and <audio> elements; fakes cast theirs.
 */

export type MediaKind = 'audio' | 'video';

export interface SessionDescription {
  type: RTCSdpType;
  sdp?: string;
}

export interface RtpSender {
  readonly track: MediaStreamTrack | null;
  replaceTrack(track: MediaStreamTrack | null): Promise<void>;
}

export interface RtpReceiver {
  readonly track: MediaStreamTrack;
}

export interface Transceiver {
  /** Null until a description that names this m-line has been applied. */
  readonly mid: string | null;
  direction: RTCRtpTransceiverDirection;
  readonly sender: RtpSender;
  readonly receiver: RtpReceiver;
}

/** How a transceiver is added: its direction and, for a simulcast camera, its encodings (one per rid). */
export interface TransceiverInit {
  direction: RTCRtpTransceiverDirection;
  sendEncodings?: RTCRtpEncodingParameters[];
}

export interface PeerConnection {
  readonly connectionState: RTCPeerConnectionState;
  addTransceiver(trackOrKind: MediaStreamTrack | MediaKind, init: TransceiverInit): Transceiver;
  getTransceivers(): Transceiver[];
  createOffer(): Promise<SessionDescription>;
  createAnswer(): Promise<SessionDescription>;
  setLocalDescription(description: SessionDescription): Promise<void>;
  setRemoteDescription(description: SessionDescription): Promise<void>;
  /** The RTCStatsReport: stats objects by id. */
  getStats(): Promise<ReadonlyMap<string, unknown>>;
  close(): void;
}

/** An ICE candidate as the browser found it; null candidates (end of gathering) are not passed on. */
export interface IceCandidate {
  candidate: string;
  sdpMid: string | null;
}

/** The events of a peer connection the media code listens to, wired when it is created. */
export interface PeerConnectionEvents {
  iceCandidate(candidate: IceCandidate): void;
  track(transceiver: Transceiver): void;
  connectionStateChange(state: RTCPeerConnectionState): void;
}

export type PeerConnectionFactory = (configuration: RTCConfiguration, events: PeerConnectionEvents) => PeerConnection;

/** One capture device as enumerateDevices lists it (labels are empty before permission). */
export interface DeviceInfo {
  readonly deviceId: string;
  readonly kind: MediaDeviceKind;
  readonly label: string;
}

/** Camera, microphone and screen capture; each call gives the tracks it obtained. */
export interface MediaDevicesPort {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStreamTrack[]>;
  /** Absent where the browser cannot share a screen (most mobile browsers). */
  getDisplayMedia?(options: DisplayMediaStreamOptions): Promise<MediaStreamTrack[]>;
  /** The cameras and microphones there are. */
  enumerateDevices?(): Promise<DeviceInfo[]>;
  /** Calls back when a device is plugged in or out; returns how to stop listening. */
  onDeviceChange?(listener: () => void): () => void;
}

/**
 * Parley's SFU is reached directly: its candidates are in its SDP and the browser's own host
 * candidates are enough on the networks it serves, so no STUN or TURN server is configured.
 */
export const PEER_CONNECTION_CONFIGURATION: RTCConfiguration = {
  iceServers: [],
  bundlePolicy: 'max-bundle',
  rtcpMuxPolicy: 'require',
};
