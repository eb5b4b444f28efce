/**
 * Signalling v1 as the browser sees it: the canonical protobuf JSON mapping of
 * http-api/src/main/proto/parley/signal/v1/signal.proto (the contract; this file follows it).
 *
 * Canonical JSON omits fields that hold their default value, so every server field is optional
 * here and the readers below put the defaults back (false, "", ROLE_UNSPECIFIED...). int64 values
 * arrive as strings.
 */

export const SIGNAL_SUBPROTOCOL = 'parley.signal.v1';
export const SIGNAL_PATH = '/api/v1/signal';

export type Role = 'ROLE_UNSPECIFIED' | 'ROLE_PARTICIPANT' | 'ROLE_MODERATOR';
export type LeaveReason = 'LEAVE_REASON_UNSPECIFIED' | 'LEAVE_REASON_LEFT' | 'LEAVE_REASON_CONNECTION_LOST';

/** The stable codes of signal.proto's Error. */
export const ErrorCode = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNKNOWN_MESSAGE: 'UNKNOWN_MESSAGE',
  TOO_LARGE: 'TOO_LARGE',
  NOT_JOINED: 'NOT_JOINED',
  ALREADY_JOINED: 'ALREADY_JOINED',
  REFUSED: 'REFUSED',
  RESUME_FAILED: 'RESUME_FAILED',
  UNAVAILABLE: 'UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const;

// ---- browser -> server ----

export interface JoinBody {
  room: string;
  displayName: string;
  language: string;
  audioMuted: boolean;
  videoMuted: boolean;
}

export interface ResumeBody {
  room: string;
  participantId: string;
  resumeToken: string;
}

export interface UpdateProfileBody {
  displayName?: string;
  language?: string;
}

export interface SetMediaBody {
  audioMuted?: boolean;
  videoMuted?: boolean;
}

type Empty = Record<string, never>;

/** One request body: exactly one key of the ClientMessage oneof. */
export type ClientBody =
  | { join: JoinBody }
  | { resume: ResumeBody }
  | { leave: Empty }
  | { updateProfile: UpdateProfileBody }
  | { setMedia: SetMediaBody }
  | { ping: Empty };

export type ClientMessage = { requestId: string } & ClientBody;

/** The oneof case of a body, e.g. "join" or "setMedia". */
export type ClientBodyKind = ClientBody extends infer B ? (B extends unknown ? keyof B : never) : never;

export function bodyKind(body: ClientBody): ClientBodyKind {
  return Object.keys(body)[0] as ClientBodyKind;
}

// ---- server -> browser, as it is on the wire ----

export interface WireParticipant {
  id?: string;
  displayName?: string;
  role?: Role;
  language?: string;
  audioMuted?: boolean;
  videoMuted?: boolean;
  joinedAt?: string;
}

export interface WireConference {
  room?: string;
  instance?: string;
  startedAt?: string;
  roster?: WireParticipant[];
}

export interface WireJoined {
  participantId?: string;
  resumeToken?: string;
  role?: Role;
  conference?: WireConference;
  heartbeatIntervalMillis?: string;
}

export interface WireParticipantUpdated {
  participantId?: string;
  displayName?: string;
  language?: string;
  audioMuted?: boolean;
  videoMuted?: boolean;
}

export interface WireError {
  code?: string;
  message?: string;
}

export interface ServerMessage {
  requestId?: string;
  joined?: WireJoined;
  participantJoined?: { participant?: WireParticipant };
  participantLeft?: { participantId?: string; reason?: LeaveReason };
  participantUpdated?: WireParticipantUpdated;
  roleChanged?: { participantId?: string; role?: Role };
  conferenceEnded?: { reason?: string };
  ack?: Empty;
  error?: WireError;
  pong?: Empty;
}

// ---- readers: wire -> the client's model, defaults restored ----

export interface Participant {
  id: string;
  displayName: string;
  role: Role;
  language: string;
  audioMuted: boolean;
  videoMuted: boolean;
  /** RFC 3339, or "" when the server did not say. */
  joinedAt: string;
}

export function readParticipant(wire: WireParticipant): Participant {
  return {
    id: wire.id ?? '',
    displayName: wire.displayName ?? '',
    role: wire.role ?? 'ROLE_UNSPECIFIED',
    language: wire.language ?? '',
    audioMuted: wire.audioMuted ?? false,
    videoMuted: wire.videoMuted ?? false,
    joinedAt: wire.joinedAt ?? '',
  };
}

/** int64 in canonical JSON is a decimal string; a missing or unreadable one gives the fallback. */
export function readInt64(value: string | number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = typeof value === 'number' ? value : Number.parseInt(value, 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** Parses one text frame; anything that is not a JSON object gives null (and is ignored). */
export function parseServerMessage(text: string): ServerMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as ServerMessage) : null;
}

export function encodeClientMessage(message: ClientMessage): string {
  return JSON.stringify(message);
}

/** ws://host/api/v1/signal from an http page, wss:// from an https one. */
export function signalUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${SIGNAL_PATH}`;
}
