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
export type LeaveReason = 'LEAVE_REASON_UNSPECIFIED' | 'LEAVE_REASON_LEFT' | 'LEAVE_REASON_CONNECTION_LOST' | 'LEAVE_REASON_KICKED';
export type WaitReason = 'WAIT_REASON_UNSPECIFIED' | 'WAIT_REASON_HOST' | 'WAIT_REASON_LOBBY';
export type KnockOutcome = 'KNOCK_OUTCOME_UNSPECIFIED' | 'KNOCK_OUTCOME_ADMITTED' | 'KNOCK_OUTCOME_REJECTED' | 'KNOCK_OUTCOME_WITHDRAWN';
/** signal.proto's MediaSource (named so as not to shadow the DOM's MediaSource). */
export type MediaSourceKind = 'MEDIA_SOURCE_UNSPECIFIED' | 'MEDIA_SOURCE_MICROPHONE' | 'MEDIA_SOURCE_CAMERA' | 'MEDIA_SOURCE_SCREEN';
export type PeerConnectionKind = 'PEER_CONNECTION_KIND_UNSPECIFIED' | 'PEER_CONNECTION_KIND_PUBLISH' | 'PEER_CONNECTION_KIND_SUBSCRIBE';

/** The stable codes of signal.proto's Error. */
export const ErrorCode = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNKNOWN_MESSAGE: 'UNKNOWN_MESSAGE',
  TOO_LARGE: 'TOO_LARGE',
  NOT_JOINED: 'NOT_JOINED',
  ALREADY_JOINED: 'ALREADY_JOINED',
  TERMS_NOT_ACCEPTED: 'TERMS_NOT_ACCEPTED',
  REFUSED: 'REFUSED',
  RESUME_FAILED: 'RESUME_FAILED',
  UNAVAILABLE: 'UNAVAILABLE',
  INTERNAL: 'INTERNAL',
  // access control
  FORBIDDEN: 'FORBIDDEN',
  BANNED: 'BANNED',
  PASSWORD_REQUIRED: 'PASSWORD_REQUIRED',
  WRONG_PASSWORD: 'WRONG_PASSWORD',
  TOO_MANY_ATTEMPTS: 'TOO_MANY_ATTEMPTS',
  REJECTED: 'REJECTED',
  UNKNOWN_KNOCK: 'UNKNOWN_KNOCK',
  // hands, reactions, chat
  RATE_LIMITED: 'RATE_LIMITED',
} as const;

/** signal.proto's Reaction, without REACTION_UNSPECIFIED (never sent, never shown). */
export type Reaction =
  | 'REACTION_THUMBS_UP' | 'REACTION_CLAP' | 'REACTION_LAUGH' | 'REACTION_SURPRISED' | 'REACTION_HEART' | 'REACTION_PARTY';
/** In the order the picker offers them. */
export const REACTIONS: readonly Reaction[] = [
  'REACTION_THUMBS_UP', 'REACTION_CLAP', 'REACTION_LAUGH', 'REACTION_SURPRISED', 'REACTION_HEART', 'REACTION_PARTY',
];

export function isReaction(value: unknown): value is Reaction {
  return typeof value === 'string' && (REACTIONS as readonly string[]).includes(value);
}

/** The server refuses longer chat messages (BAD_REQUEST). */
export const CHAT_MAX_LENGTH = 2000;

// ---- browser -> server ----

export interface JoinBody {
  room: string;
  displayName: string;
  language: string;
  audioMuted: boolean;
  videoMuted: boolean;
  /** The person accepted the terms of use; a join without it is refused (TERMS_NOT_ACCEPTED). */
  acceptedTerms: boolean;
  /** The room's password; left out when there is none to give (canonical JSON omits ""). */
  password?: string;
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

/** Which m-line of an SDP carries what (TrackSource). participantId is only set by the server. */
export interface TrackSourceBody {
  mid: string;
  source: MediaSourceKind;
}

/** The offer of the publish connection, with what each of its sending m-lines carries. */
export interface PublishOfferBody {
  sdp: string;
  tracks: TrackSourceBody[];
}

export interface SubscribeAnswerBody {
  sdp: string;
  /** int64: the version of the subscribeOffer this answers, as a decimal string. */
  version: string;
}

export interface TrickleCandidateBody {
  connection: PeerConnectionKind;
  candidate: string;
  sdpMid: string;
}

export interface SetReceiveConstraintsBody {
  /** At most this video height; 0 = no limit. */
  maxVideoHeight: number;
  /** Only audio and screen shares. */
  lowBandwidth: boolean;
}

/** The server refuses longer lobby chat lines. */
export const LOBBY_CHAT_MAX_LENGTH = 500;

/** knockId empty (left out) when a knocker writes about their own knock. */
export interface LobbyChatBody {
  knockId?: string;
  text: string;
}

export interface KickBody {
  participantId: string;
  ban: boolean;
  message?: string;
}

/** toParticipantId left out (canonical JSON omits ""): to everyone. */
export interface SendChatBody {
  text: string;
  toParticipantId?: string;
}

/** signal.proto's MuteKind, without MUTE_KIND_UNSPECIFIED (never sent). */
export type MuteKind = 'MUTE_KIND_AUDIO' | 'MUTE_KIND_VIDEO';

export function isMuteKind(value: unknown): value is MuteKind {
  return value === 'MUTE_KIND_AUDIO' || value === 'MUTE_KIND_VIDEO';
}

/** The server refuses polls outside these bounds (BAD_REQUEST). */
export const POLL_MIN_CHOICES = 2;
export const POLL_MAX_CHOICES = 10;
export const POLL_QUESTION_MAX_LENGTH = 300;
export const POLL_CHOICE_MAX_LENGTH = 200;

export interface CreatePollBody {
  question: string;
  choices: string[];
  anonymous: boolean;
}

type Empty = Record<string, never>;

/** One request body: exactly one key of the ClientMessage oneof. */
export type ClientBody =
  | { join: JoinBody }
  | { resume: ResumeBody }
  | { leave: Empty }
  | { updateProfile: UpdateProfileBody }
  | { setMedia: SetMediaBody }
  | { ping: Empty }
  | { publishOffer: PublishOfferBody }
  | { subscribeAnswer: SubscribeAnswerBody }
  | { trickleCandidate: TrickleCandidateBody }
  | { setReceiveConstraints: SetReceiveConstraintsBody }
  | { admitKnock: { knockId: string } }
  | { rejectKnock: { knockId: string; message?: string } }
  | { lobbyChat: LobbyChatBody }
  | { setLobby: { enabled: boolean } }
  | { setPassword: { password: string } }
  | { grantModerator: { participantId: string } }
  | { kick: KickBody }
  | { raiseHand: { raised: boolean } }
  | { react: { reaction: Reaction } }
  | { lowerHand: { participantId: string } }
  | { lowerAllHands: Empty }
  | { endConference: Empty }
  | { sendChat: SendChatBody }
  | { deleteChat: { messageId: string } }
  | { createPoll: CreatePollBody }
  | { votePoll: { pollId: string; choice: number } }
  | { closePoll: { pollId: string } }
  | { muteParticipant: { participantId?: string; kind: MuteKind } }
  | { setMediaPolicy: { policy: MediaPolicy } }
  | { askToUnmute: { kind: MuteKind } }
  | { allowUnmute: { participantId: string; kind: MuteKind } };

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
  access?: WireAccess;
  raisedHands?: string[];
  mediaPolicy?: WireMediaPolicy;
}

export interface WireAccess {
  lobbyEnabled?: boolean;
  passwordSet?: boolean;
}

export interface WireLobbyKnock {
  knockId?: string;
  displayName?: string;
  at?: string;
  signedIn?: boolean;
}

export interface WireWaiting {
  reason?: WaitReason;
  knockId?: string;
}

export interface WireKnockResolved {
  knockId?: string;
  outcome?: KnockOutcome;
  byParticipantId?: string;
}

export interface WireLobbyChatMessage {
  knockId?: string;
  fromDisplayName?: string;
  fromModerator?: boolean;
  text?: string;
  at?: string;
}

export interface WireKicked {
  banned?: boolean;
  message?: string;
}

export interface WireJoined {
  participantId?: string;
  resumeToken?: string;
  role?: Role;
  conference?: WireConference;
  heartbeatIntervalMillis?: string;
  knocks?: WireLobbyKnock[];
  chat?: WireChatMessage[];
  polls?: WirePoll[];
}

export interface WirePoll {
  pollId?: string;
  question?: string;
  choices?: string[];
  anonymous?: boolean;
  creatorParticipantId?: string;
  creatorDisplayName?: string;
  closed?: boolean;
  counts?: number[];
  myChoice?: number;
  votes?: { participantId?: string; choice?: number }[];
}

export interface WireMediaPolicy {
  startAudioMuted?: boolean;
  startVideoMuted?: boolean;
  askToUnmuteAudio?: boolean;
  askToUnmuteVideo?: boolean;
}

export interface WireChatMessage {
  messageId?: string;
  fromParticipantId?: string;
  fromDisplayName?: string;
  toParticipantId?: string;
  text?: string;
  at?: string;
}

export interface WireParticipantUpdated {
  participantId?: string;
  displayName?: string;
  language?: string;
  audioMuted?: boolean;
  videoMuted?: boolean;
}

export interface WireTrackSource {
  mid?: string;
  source?: MediaSourceKind;
  participantId?: string;
}

export interface WireSubscribeOffer {
  sdp?: string;
  version?: string;
  tracks?: WireTrackSource[];
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
  publishAnswer?: { sdp?: string };
  subscribeOffer?: WireSubscribeOffer;
  waiting?: WireWaiting;
  knockReceived?: { knock?: WireLobbyKnock };
  knockResolved?: WireKnockResolved;
  lobbyChatMessage?: WireLobbyChatMessage;
  accessChanged?: { access?: WireAccess };
  kicked?: WireKicked;
  handsChanged?: { participantIds?: string[] };
  reacted?: { participantId?: string; reaction?: string };
  chatMessage?: WireChatMessage;
  chatDeleted?: { messageId?: string };
  pollUpdated?: { poll?: WirePoll };
  mediaPolicyChanged?: { policy?: WireMediaPolicy };
  unmuteAsked?: { participantId?: string; kind?: string };
  unmuteAllowed?: { participantId?: string; kind?: string };
  mutedByModerator?: { participantIds?: string[]; kind?: string };
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

/** The room's entry rules as everyone sees them. */
export interface Access {
  lobbyEnabled: boolean;
  passwordSet: boolean;
}

export const OPEN_ACCESS: Access = { lobbyEnabled: false, passwordSet: false };

export function readAccess(wire: WireAccess | undefined): Access {
  return { lobbyEnabled: wire?.lobbyEnabled ?? false, passwordSet: wire?.passwordSet ?? false };
}

/** Someone asking to enter (moderators see them). */
export interface Knock {
  knockId: string;
  displayName: string;
  /** RFC 3339, or "". */
  at: string;
  signedIn: boolean;
}

export function readKnock(wire: WireLobbyKnock | undefined): Knock {
  return { knockId: wire?.knockId ?? '', displayName: wire?.displayName ?? '', at: wire?.at ?? '', signedIn: wire?.signedIn ?? false };
}

export interface Waiting {
  reason: WaitReason;
  knockId: string;
}

export function readWaiting(wire: WireWaiting): Waiting {
  return { reason: wire.reason ?? 'WAIT_REASON_UNSPECIFIED', knockId: wire.knockId ?? '' };
}

export interface KnockResolved {
  knockId: string;
  outcome: KnockOutcome;
  byParticipantId: string;
}

export function readKnockResolved(wire: WireKnockResolved): KnockResolved {
  return { knockId: wire.knockId ?? '', outcome: wire.outcome ?? 'KNOCK_OUTCOME_UNSPECIFIED', byParticipantId: wire.byParticipantId ?? '' };
}

export interface LobbyChatLine {
  knockId: string;
  fromDisplayName: string;
  fromModerator: boolean;
  text: string;
  at: string;
}

export function readLobbyChatMessage(wire: WireLobbyChatMessage): LobbyChatLine {
  return {
    knockId: wire.knockId ?? '',
    fromDisplayName: wire.fromDisplayName ?? '',
    fromModerator: wire.fromModerator ?? false,
    text: wire.text ?? '',
    at: wire.at ?? '',
  };
}

export interface Removal {
  banned: boolean;
  /** The moderator's words, or "". */
  message: string;
}

export function readKicked(wire: WireKicked): Removal {
  return { banned: wire.banned ?? false, message: wire.message ?? '' };
}

/** A chat message as everyone concerned received it. */
export interface ChatMessage {
  messageId: string;
  fromParticipantId: string;
  fromDisplayName: string;
  /** "" when to everyone; else private between the sender and this participant. */
  toParticipantId: string;
  text: string;
  /** RFC 3339, or "". */
  at: string;
}

export function readChatMessage(wire: WireChatMessage): ChatMessage {
  return {
    messageId: wire.messageId ?? '',
    fromParticipantId: wire.fromParticipantId ?? '',
    fromDisplayName: wire.fromDisplayName ?? '',
    toParticipantId: wire.toParticipantId ?? '',
    text: wire.text ?? '',
    at: wire.at ?? '',
  };
}

/** The queue of raised hands, oldest first; empty ids and repeats (never expected) are dropped. */
export function readHands(ids: readonly string[] | undefined): string[] {
  return [...new Set((ids ?? []).filter((id) => id !== ''))];
}

export interface Reacted {
  participantId: string;
  reaction: Reaction;
}

/** A reaction, or null when it names nobody or a reaction this client does not know (newer server). */
export function readReacted(wire: { participantId?: string; reaction?: string }): Reacted | null {
  const participantId = wire.participantId ?? '';
  return participantId !== '' && isReaction(wire.reaction) ? { participantId, reaction: wire.reaction } : null;
}

/** A poll as this person sees it. */
export interface Poll {
  pollId: string;
  question: string;
  choices: string[];
  anonymous: boolean;
  creatorParticipantId: string;
  creatorDisplayName: string;
  closed: boolean;
  /** Votes per choice, as many as there are choices. */
  counts: number[];
  /** This person's choice, -1 when they have not voted. */
  myChoice: number;
  /** Who chose what (empty for anonymous polls). */
  votes: { participantId: string; choice: number }[];
}

/**
 * A poll with its defaults restored, or null without an id. myChoice 0 is omitted on the wire
 * (the default), so a missing one is the first choice; -1 is sent for "not voted".
 */
export function readPoll(wire: WirePoll | undefined): Poll | null {
  const pollId = wire?.pollId ?? '';
  if (wire === undefined || pollId === '') return null;
  const choices = wire.choices ?? [];
  const myChoice = wire.myChoice ?? 0;
  return {
    pollId,
    question: wire.question ?? '',
    choices,
    anonymous: wire.anonymous ?? false,
    creatorParticipantId: wire.creatorParticipantId ?? '',
    creatorDisplayName: wire.creatorDisplayName ?? '',
    closed: wire.closed ?? false,
    counts: choices.map((_, i) => Math.max(0, wire.counts?.[i] ?? 0)),
    myChoice: myChoice >= 0 && myChoice < choices.length ? myChoice : -1,
    votes: (wire.votes ?? []).map((v) => ({ participantId: v.participantId ?? '', choice: v.choice ?? 0 })),
  };
}

/** The room's rules for microphones and cameras. */
export interface MediaPolicy {
  startAudioMuted: boolean;
  startVideoMuted: boolean;
  askToUnmuteAudio: boolean;
  askToUnmuteVideo: boolean;
}

export const FREE_MEDIA_POLICY: MediaPolicy = { startAudioMuted: false, startVideoMuted: false, askToUnmuteAudio: false, askToUnmuteVideo: false };

export function readMediaPolicy(wire: WireMediaPolicy | undefined): MediaPolicy {
  return {
    startAudioMuted: wire?.startAudioMuted ?? false,
    startVideoMuted: wire?.startVideoMuted ?? false,
    askToUnmuteAudio: wire?.askToUnmuteAudio ?? false,
    askToUnmuteVideo: wire?.askToUnmuteVideo ?? false,
  };
}

/** Someone's ask, or a moderator's allowance, to unmute; null without a participant or a known kind. */
export function readUnmuteRequest(wire: { participantId?: string; kind?: string } | undefined): { participantId: string; kind: MuteKind } | null {
  const participantId = wire?.participantId ?? '';
  const kind = wire?.kind;
  return participantId !== '' && isMuteKind(kind) ? { participantId, kind } : null;
}

/** One m-line of a subscribe offer: whose track, from which source. */
export interface RemoteTrackSource {
  mid: string;
  source: MediaSourceKind;
  participantId: string;
}

export interface SubscribeOffer {
  sdp: string;
  /** Versions only grow within one subscribe session; the answer echoes it. */
  version: number;
  tracks: RemoteTrackSource[];
}

/** A subscribe offer with its defaults restored; entries without a mid are dropped (nothing to map). */
export function readSubscribeOffer(wire: WireSubscribeOffer): SubscribeOffer {
  return {
    sdp: wire.sdp ?? '',
    version: readVersion(wire.version),
    tracks: (wire.tracks ?? [])
      .map((t) => ({ mid: t.mid ?? '', source: t.source ?? 'MEDIA_SOURCE_UNSPECIFIED', participantId: t.participantId ?? '' }))
      .filter((t) => t.mid !== ''),
  };
}

/** An int64 counter that may legitimately be 0 (omitted in canonical JSON); unreadable gives 0. */
export function readVersion(value: string | number | undefined): number {
  if (value === undefined) return 0;
  const n = typeof value === 'number' ? value : Number.parseInt(value, 10);
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
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
