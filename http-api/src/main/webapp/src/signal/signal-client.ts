import { backoffDelay, RECONNECT_BACKOFF, type BackoffPolicy } from './backoff';
import {
  bodyKind,
  encodeClientMessage,
  ErrorCode,
  parseServerMessage,
  OPEN_ACCESS,
  readAccess,
  readInt64,
  readKicked,
  readKnock,
  readSubscribeOffer,
  readWaiting,
  SIGNAL_SUBPROTOCOL,
  LOBBY_CHAT_MAX_LENGTH,
  CHAT_MAX_LENGTH,
  readHands,
  readReacted,
  readMediaPolicy,
  readUnmuteRequest,
  isMuteKind,
  FREE_MEDIA_POLICY,
  POLL_MAX_CHOICES,
  POLL_MIN_CHOICES,
  type MediaPolicy,
  type MuteKind,
  type ChatMessage,
  type Reaction,
  type ClientBody,
  type ClientBodyKind,
  type Access,
  type Knock,
  type Removal,
  type Waiting,
  type PublishOfferBody,
  type Role,
  type ServerMessage,
  type SetMediaBody,
  type SetReceiveConstraintsBody,
  type SubscribeAnswerBody,
  type SubscribeOffer,
  type TrickleCandidateBody,
} from './protocol';
import { EMPTY_CHAT, reduceChat, type ChatLog } from './chat';
import { applyPollUpdate, NO_POLLS, readPolls, type PollList } from './polls';
import { dropKnock, EMPTY_LOBBY, reduceLobby, type LobbyState } from './lobby';
import { EMPTY_ROSTER, findParticipant, patchParticipant, reduceRoster, type ParticipantPatch, type RosterState } from './roster';

/**
 * One person's place in one room, kept over a WebSocket that may drop: joins, resumes after a drop
 * (with backoff), keeps the heartbeat and the roster, and tells listeners about every change.
 * It knows nothing of the DOM: the socket, the timers, the random source and the credential
 * storage are handed in, so its behaviour is unit-tested with fakes.
 */

// ---- what the client needs from its surroundings ----

export interface SocketHandlers {
  open(): void;
  message(text: string): void;
  /** Called once, whether the socket closed cleanly, failed to open or broke. */
  close(): void;
}

export interface SignalSocket {
  send(text: string): void;
  close(code?: number, reason?: string): void;
}

export type SocketFactory = (url: string, protocol: string, handlers: SocketHandlers) => SignalSocket;

export interface Timers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** What lets a dropped connection (or a reloaded tab) take back its place. */
export interface Credentials {
  participantId: string;
  resumeToken: string;
}

export interface CredentialStore {
  load(room: string): Credentials | null;
  save(room: string, credentials: Credentials): void;
  clear(room: string): void;
}

export interface Profile {
  displayName: string;
  language: string;
  audioMuted: boolean;
  videoMuted: boolean;
  /** Whether the person accepted the terms of use; every join says so (the server requires it). */
  acceptedTerms: boolean;
  /** The room's password, when it asked for one (kept in memory only, for the joins that follow). */
  password?: string;
}

export interface SignalClientOptions {
  url: string;
  room: string;
  createSocket: SocketFactory;
  credentials: CredentialStore;
  timers?: Timers;
  random?: () => number;
  backoff?: BackoffPolicy;
}

// ---- what listeners see ----

export type Phase =
  /** Not in the room: before the first join, or after a refused one. */
  | 'idle'
  /** First connection under way: socket opening, join or resume sent. */
  | 'connecting'
  /** The join is pending: waiting for a host, or knocking at the lobby (see `waiting`). */
  | 'waiting'
  | 'joined'
  /** The connection dropped (or our place expired): trying to get back in. */
  | 'reconnecting'
  /** Left on purpose. */
  | 'left'
  | 'ended'
  /** A moderator removed us (see `removal`); nothing joins again by itself. */
  | 'kicked';

export interface SessionState {
  readonly phase: Phase;
  readonly room: string;
  readonly selfId: string | undefined;
  readonly conference: { readonly room: string; readonly instance: string; readonly startedAt: string } | undefined;
  readonly roster: RosterState;
  /** The last error the server sent, until the next successful join. */
  readonly error: { readonly code: string; readonly message: string } | undefined;
  /** Why the conference ended (EndReason name), once phase is "ended". */
  readonly endReason: string | undefined;
  /** Retries since the connection dropped; 0 while connected. */
  readonly reconnectAttempt: number;
  /** The room's entry rules (lobby, password), as the server last said. */
  readonly access: Access;
  /** Knocks and lobby chat: a moderator's list, or a knocker's own chat. */
  readonly lobby: LobbyState;
  /** Why the join is pending, while phase is "waiting" (kept while reconnecting from there). */
  readonly waiting: Waiting | undefined;
  /** How we were removed, once phase is "kicked". */
  readonly removal: Removal | undefined;
  /** Participant ids with a raised hand, oldest first, as the server last said (the same for everyone). */
  readonly raisedHands: readonly string[];
  /** The chat this person may see, in the server's order. */
  readonly chat: ChatLog;
  /** Why the server refused our last chat message (with its text, to give it back), until the next one goes through. */
  readonly chatError: ChatError | undefined;
  /** Reactions being shown now (each for REACTION_SHOW_MS), oldest first. */
  readonly reactions: readonly ShownReaction[];
  /** Open and past polls, oldest first, as the server last said. */
  readonly polls: PollList;
  /** Why the server refused our last poll request (create, vote, close), until the next one. */
  readonly pollError: { readonly code: string; readonly message: string } | undefined;
  /** The room's microphone and camera rules. */
  readonly mediaPolicy: MediaPolicy;
  /** For moderators: who asked to unmute what, oldest first. */
  readonly unmuteAsks: readonly UnmuteAsk[];
  /** Whether this person must ask before turning the microphone / camera back on. */
  readonly unmuteGate: { readonly audio: UnmuteGate; readonly video: UnmuteGate };
}

export interface UnmuteAsk {
  readonly participantId: string;
  readonly kind: MuteKind;
}

/** "free": unmute at will; "ask": the server refuses an unmute until allowed; "asked": waiting for a moderator. */
export type UnmuteGate = 'free' | 'ask' | 'asked';

const FREE_GATE = { audio: 'free', video: 'free' } as const;

const POLL_REQUESTS: ReadonlySet<ClientBodyKind> = new Set<ClientBodyKind>(['createPoll', 'votePoll', 'closePoll']);

export interface ChatError {
  readonly code: string;
  readonly message: string;
  /** The refused message's text. */
  readonly text: string;
}

export interface ShownReaction {
  /** Unique within this client, to key what shows it. */
  readonly id: number;
  readonly participantId: string;
  readonly reaction: Reaction;
}

/** How long a reaction floats on its sender's tile. */
export const REACTION_SHOW_MS = 3_000;
/** The server refuses reactions faster than this (RATE_LIMITED); the client does not even send them. */
export const REACTION_MIN_INTERVAL_MS = 700;

/** Things that happen once, for toasts and announcements (the state has the lasting part). */
export type SessionEvent =
  | { readonly kind: 'knock'; readonly knock: Knock }
  | { readonly kind: 'removed'; readonly participantId: string; readonly displayName: string }
  | { readonly kind: 'reaction'; readonly participantId: string; readonly reaction: Reaction }
  | { readonly kind: 'chat'; readonly message: ChatMessage }
  /** A moderator muted this person (the device must be turned off here too). */
  | { readonly kind: 'mutedByModerator'; readonly muteKind: MuteKind }
  /** A moderator let this person unmute. */
  | { readonly kind: 'unmuteAllowed'; readonly muteKind: MuteKind }
  /** Someone asks a moderator (us) to unmute. */
  | { readonly kind: 'unmuteAsked'; readonly participantId: string; readonly muteKind: MuteKind };

export type EventListener = (event: SessionEvent) => void;

export type SessionListener = (state: SessionState, previous: SessionState) => void;

/** What the server says about media: pushed subscribe offers, and refusals of media requests. */
export type MediaSignal =
  | { readonly kind: 'subscribeOffer'; readonly offer: SubscribeOffer }
  | { readonly kind: 'error'; readonly request: ClientBodyKind; readonly code: string; readonly message: string };

export type MediaListener = (signal: MediaSignal) => void;

/** A request the server refused (its Error), or that lost its socket before an answer came. */
export class SignalRequestError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'SignalRequestError';
  }
}

/** Refusals of a join that put it to an end (the page then explains, or asks for the password). */
const JOIN_REFUSALS: ReadonlySet<string> = new Set([
  ErrorCode.BANNED, ErrorCode.REJECTED, ErrorCode.PASSWORD_REQUIRED, ErrorCode.WRONG_PASSWORD, ErrorCode.TOO_MANY_ATTEMPTS,
]);

/** Requests whose errors belong to the media code, not to the page's error alert. */
const MEDIA_REQUESTS: ReadonlySet<ClientBodyKind> = new Set(['publishOffer', 'subscribeAnswer', 'trickleCandidate', 'setReceiveConstraints']);
/** The code a publishOffer is rejected with when its socket goes away before the answer. */
export const CONNECTION_LOST = 'CONNECTION_LOST';

export const DEFAULT_HEARTBEAT_MS = 10_000;
/** A ping unanswered for this many heartbeat intervals means the socket is dead, even if still "open". */
const PING_TIMEOUT_HEARTBEATS = 2;
/** How long a leave waits for its ack before the socket is closed anyway. */
const LEAVE_ACK_TIMEOUT_MS = 2_000;
/** WebSocket close code for "we gave up on this socket" (application range 4000-4999). */
const CLOSE_STALE = 4000;
const CLOSE_NORMAL = 1000;
/** Phases with a socket that should be there: a drop is retried. */
const IN_ROOM: ReadonlySet<Phase> = new Set(['connecting', 'waiting', 'joined', 'reconnecting']);

export const browserTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  setInterval: (callback, ms) => globalThis.setInterval(callback, ms),
  clearInterval: (handle) => globalThis.clearInterval(handle as ReturnType<typeof setInterval>),
};

interface PendingRequest {
  kind: ClientBodyKind;
  /** For setMedia and updateProfile: what to apply to our own roster entry once acknowledged. */
  patch?: ParticipantPatch;
  /** For publishOffer: who waits for the publishAnswer. */
  answer?: { resolve(sdp: string): void; reject(error: SignalRequestError): void };
  /** For moderator actions: what to apply once acknowledged (the server's events say it too). */
  acked?: () => void;
  /** For admitKnock and rejectKnock: the knock concerned. */
  knockId?: string;
  /** For sendChat: its text, given back when refused. */
  chatText?: string;
}

type RequestExtra = Pick<PendingRequest, 'acked' | 'knockId' | 'chatText'>;

export class SignalClient {
  private readonly options: SignalClientOptions;
  private readonly timers: Timers;
  private readonly random: () => number;
  private readonly listeners = new Set<SessionListener>();
  private readonly mediaListeners = new Set<MediaListener>();
  private readonly eventListeners = new Set<EventListener>();
  private readonly pending = new Map<string, PendingRequest>();

  private state: SessionState;
  private profile: Profile | undefined;
  private socket: SignalSocket | null = null;
  /** Bumped for every socket, so late events from an abandoned one are ignored. */
  private generation = 0;
  private requestCounter = 0;
  private heartbeatMs = DEFAULT_HEARTBEAT_MS;
  private heartbeat: unknown = null;
  private retry: unknown = null;
  private leaveTimeout: unknown = null;
  /** When the oldest ping still without any answer was sent; null when the server has spoken since. */
  private unansweredPingSince: number | null = null;
  private reactionCounter = 0;
  private readonly reactionTimers = new Map<number, unknown>();
  /** When our last reaction was sent (timers.now()), for the rate limit. */
  private lastReactionAt: number | null = null;

  constructor(options: SignalClientOptions) {
    this.options = options;
    this.timers = options.timers ?? browserTimers;
    this.random = options.random ?? Math.random;
    this.state = {
      phase: 'idle',
      room: options.room,
      selfId: undefined,
      conference: undefined,
      roster: EMPTY_ROSTER,
      error: undefined,
      endReason: undefined,
      reconnectAttempt: 0,
      access: OPEN_ACCESS,
      lobby: EMPTY_LOBBY,
      waiting: undefined,
      removal: undefined,
      raisedHands: [],
      chat: EMPTY_CHAT,
      chatError: undefined,
      reactions: [],
      polls: NO_POLLS,
      pollError: undefined,
      mediaPolicy: FREE_MEDIA_POLICY,
      unmuteAsks: [],
      unmuteGate: FREE_GATE,
    };
  }

  getState(): SessionState {
    return this.state;
  }

  subscribe(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Hears subscribe offers and media request errors (only from the current socket). */
  subscribeMedia(listener: MediaListener): () => void {
    this.mediaListeners.add(listener);
    return () => this.mediaListeners.delete(listener);
  }

  /** Hears knocks and removals as they come. */
  subscribeEvents(listener: EventListener): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** True when this tab holds a place in the room it may take back (e.g. after a reload). */
  canResume(): boolean {
    return this.options.credentials.load(this.options.room) !== null;
  }

  /** Enters the room: resumes the place this tab had, if any, or joins with this profile. */
  connect(profile: Profile): void {
    if (IN_ROOM.has(this.state.phase)) return;
    this.profile = { ...profile };
    // A socket still waiting for the ack of a leave goes now; what was sent on it is still delivered.
    this.closeSocket(CLOSE_NORMAL);
    this.update({ phase: 'connecting', error: undefined, endReason: undefined, reconnectAttempt: 0, removal: undefined, waiting: undefined });
    this.openSocket();
  }

  leave(): void {
    // Leaving while waiting gives up waiting (the server withdraws the knock).
    const wasConnected = this.socket !== null && (this.state.phase === 'joined' || this.state.phase === 'waiting');
    this.forgetPlace();
    this.stopHeartbeat();
    this.cancelRetry();
    this.update({ phase: 'left', selfId: undefined, roster: EMPTY_ROSTER, lobby: EMPTY_LOBBY, waiting: undefined, reconnectAttempt: 0, ...this.outOfConference() });
    if (wasConnected) {
      this.send({ leave: {} });
      this.leaveTimeout = this.timers.setTimeout(() => this.closeSocket(CLOSE_NORMAL), LEAVE_ACK_TIMEOUT_MS);
    } else {
      this.closeSocket(CLOSE_NORMAL);
    }
  }

  rename(displayName: string): void {
    if (this.profile) this.profile.displayName = displayName;
    this.sendWhenJoined({ updateProfile: { displayName } }, { displayName });
  }

  /** The language others' clients and the server speak to us in (updateProfile). */
  setLanguage(language: string): void {
    if (this.profile) this.profile.language = language;
    this.sendWhenJoined({ updateProfile: { language } }, { language });
  }

  setAudioMuted(audioMuted: boolean): void {
    this.setMedia({ audioMuted });
  }

  setVideoMuted(videoMuted: boolean): void {
    this.setMedia({ videoMuted });
  }

  /**
   * Sends the publish connection's offer; resolves with the answer's SDP. Rejects with a
   * SignalRequestError when the server refuses it, when not joined, or when the socket goes away
   * first (code CONNECTION_LOST): media is negotiated again after the next join.
   */
  publishOffer(body: PublishOfferBody): Promise<string> {
    return new Promise((resolve, reject) => {
      if (this.state.phase !== 'joined' || this.socket === null) {
        reject(new SignalRequestError(ErrorCode.NOT_JOINED, 'not in the conference'));
        return;
      }
      this.send({ publishOffer: body }, undefined, { resolve, reject });
    });
  }

  sendSubscribeAnswer(body: SubscribeAnswerBody): void {
    this.sendWhenJoined({ subscribeAnswer: body });
  }

  sendTrickleCandidate(body: TrickleCandidateBody): void {
    this.sendWhenJoined({ trickleCandidate: body });
  }

  setReceiveConstraints(body: SetReceiveConstraintsBody): void {
    this.sendWhenJoined({ setReceiveConstraints: body });
  }

  // ---- access control (moderators; lobby chat also from a knocker) ----

  /** Lets a knocking person in. */
  admitKnock(knockId: string): void {
    this.sendWhenJoined({ admitKnock: { knockId } }, undefined, { knockId, acked: () => this.dropKnockHere(knockId) });
  }

  /** Turns a knocking person away, with the moderator's words if any. */
  rejectKnock(knockId: string, message = ''): void {
    const text = message.trim();
    this.sendWhenJoined({ rejectKnock: text === '' ? { knockId } : { knockId, message: text } }, undefined, {
      knockId, acked: () => this.dropKnockHere(knockId),
    });
  }

  /** A moderator writes to one knocker (knockId), or a knocker to the moderators (no knockId). */
  sendLobbyChat(text: string, knockId?: string): void {
    const line = text.trim().slice(0, LOBBY_CHAT_MAX_LENGTH);
    if (line === '') return;
    const body = { lobbyChat: knockId ? { knockId, text: line } : { text: line } };
    if (this.state.phase === 'waiting' && knockId === undefined) this.send(body);
    else this.sendWhenJoined(body);
  }

  setLobby(enabled: boolean): void {
    this.sendWhenJoined({ setLobby: { enabled } }, undefined, { acked: () => this.patchAccess({ lobbyEnabled: enabled }) });
  }

  /** Sets the room password; an empty one removes it. */
  setPassword(password: string): void {
    this.sendWhenJoined({ setPassword: { password } }, undefined, { acked: () => this.patchAccess({ passwordSet: password !== '' }) });
  }

  grantModerator(participantId: string): void {
    this.sendWhenJoined({ grantModerator: { participantId } });
  }

  /** Removes someone; with ban, they cannot come back to this conference. */
  kick(participantId: string, ban: boolean, message = ''): void {
    const text = message.trim();
    this.sendWhenJoined({ kick: text === '' ? { participantId, ban } : { participantId, ban, message: text } });
  }

  // ---- hands, reactions, chat (everyone); lowering hands and ending (moderators) ----

  /** Raises or lowers one's own hand; the queue changes when the server says so (handsChanged). */
  raiseHand(raised: boolean): void {
    this.sendWhenJoined({ raiseHand: { raised } });
  }

  /**
   * Sends a reaction, shown to everyone (us included) when the server passes it on. Within
   * REACTION_MIN_INTERVAL_MS of the last one it is not sent (the server would refuse it): false.
   */
  react(reaction: Reaction): boolean {
    if (this.state.phase !== 'joined') return false;
    const now = this.timers.now();
    if (this.lastReactionAt !== null && now - this.lastReactionAt < REACTION_MIN_INTERVAL_MS) return false;
    this.lastReactionAt = now;
    this.send({ react: { reaction } });
    return true;
  }

  lowerHand(participantId: string): void {
    this.sendWhenJoined({ lowerHand: { participantId } });
  }

  lowerAllHands(): void {
    this.sendWhenJoined({ lowerAllHands: {} });
  }

  /** Ends the conference for everyone: all get conferenceEnded, us included. */
  endConference(): void {
    this.sendWhenJoined({ endConference: {} });
  }

  /**
   * A chat message to everyone, or privately to one participant. Shown when it comes back from
   * the server (chatMessage), never before; a refusal is in chatError with the text.
   */
  sendChat(text: string, toParticipantId = ''): void {
    if (text.trim() === '' || this.state.phase !== 'joined') return;
    if (text.length > CHAT_MAX_LENGTH) {
      // The server would refuse it (BAD_REQUEST): say so without sending.
      this.update({ chatError: { code: ErrorCode.BAD_REQUEST, message: `at most ${CHAT_MAX_LENGTH} characters`, text } });
      return;
    }
    if (this.state.chatError) this.update({ chatError: undefined });
    const body = toParticipantId === '' ? { text } : { text, toParticipantId };
    this.send({ sendChat: body }, undefined, undefined, { chatText: text });
  }

  /** A moderator deletes a message for everyone who saw it. */
  deleteChat(messageId: string): void {
    this.sendWhenJoined({ deleteChat: { messageId } });
  }

  // ---- polls (everyone; closing: the creator or a moderator) ----

  /** Asks everyone a question; the poll appears when the server sends it back (pollUpdated). */
  createPoll(question: string, choices: readonly string[], anonymous: boolean): boolean {
    const q = question.trim();
    const cs = choices.map((c) => c.trim()).filter((c) => c !== '');
    if (this.state.phase !== 'joined') return false;
    if (q === '' || cs.length < POLL_MIN_CHOICES || cs.length > POLL_MAX_CHOICES) {
      // The server would refuse it (BAD_REQUEST): say so without sending.
      this.update({ pollError: { code: ErrorCode.BAD_REQUEST, message: `a question and ${POLL_MIN_CHOICES} to ${POLL_MAX_CHOICES} choices` } });
      return false;
    }
    if (this.state.pollError) this.update({ pollError: undefined });
    this.send({ createPoll: { question: q, choices: cs, anonymous } });
    return true;
  }

  /** Votes, or changes one's vote, until the poll is closed. */
  votePoll(pollId: string, choice: number): void {
    if (this.state.pollError) this.update({ pollError: undefined });
    this.sendWhenJoined({ votePoll: { pollId, choice } });
  }

  closePoll(pollId: string): void {
    this.sendWhenJoined({ closePoll: { pollId } });
  }

  dismissPollError(): void {
    if (this.state.pollError) this.update({ pollError: undefined });
  }

  // ---- microphones and cameras: moderators mute and set the rules; a muted person may ask ----

  /** Mutes one participant, or (no id) everyone who does not moderate. */
  muteParticipant(kind: MuteKind, participantId = ''): void {
    this.sendWhenJoined({ muteParticipant: participantId === '' ? { kind } : { participantId, kind } });
  }

  setMediaPolicy(policy: MediaPolicy): void {
    this.sendWhenJoined({ setMediaPolicy: { policy } }, undefined, { acked: () => this.update({ mediaPolicy: policy }) });
  }

  /** Asks the moderators to let us turn the microphone / camera back on. */
  askToUnmute(kind: MuteKind): void {
    const key = gateKey(kind);
    this.sendWhenJoined({ askToUnmute: { kind } }, undefined, { acked: () => this.setGate(key, 'asked') });
  }

  allowUnmute(participantId: string, kind: MuteKind): void {
    this.sendWhenJoined({ allowUnmute: { participantId, kind } }, undefined, {
      acked: () => this.update({ unmuteAsks: this.state.unmuteAsks.filter((a) => a.participantId !== participantId || a.kind !== kind) }),
    });
  }

  dismissChatError(): void {
    if (this.state.chatError) this.update({ chatError: undefined });
  }

  /** Skips the rest of the backoff wait (e.g. the browser says it is back online). */
  retryNow(): void {
    if (this.state.phase !== 'reconnecting' || this.retry === null) return;
    this.cancelRetry();
    this.openSocket();
  }

  dismissError(): void {
    if (this.state.error) this.update({ error: undefined });
  }

  /** Lets go of the socket and timers without leaving: the place stays resumable (tab reload). */
  dispose(): void {
    this.stopHeartbeat();
    this.cancelRetry();
    this.closeSocket(CLOSE_NORMAL);
    this.clearReactions();
    this.listeners.clear();
    this.mediaListeners.clear();
    this.eventListeners.clear();
  }

  // ---- the socket ----

  private openSocket(): void {
    const generation = ++this.generation;
    const isCurrent = () => generation === this.generation;
    this.socket = this.options.createSocket(this.options.url, SIGNAL_SUBPROTOCOL, {
      open: () => isCurrent() && this.onOpen(),
      message: (text) => isCurrent() && this.onMessage(text),
      close: () => isCurrent() && this.onClose(),
    });
  }

  private closeSocket(code: number): void {
    if (this.leaveTimeout !== null) {
      this.timers.clearTimeout(this.leaveTimeout);
      this.leaveTimeout = null;
    }
    const socket = this.socket;
    this.socket = null;
    this.generation++;
    this.forgetPending();
    socket?.close(code);
  }

  private onOpen(): void {
    const credentials = this.options.credentials.load(this.options.room);
    if (credentials) {
      this.send({ resume: { room: this.options.room, ...credentials } });
    } else {
      this.sendJoin();
    }
  }

  private onClose(): void {
    this.socket = null;
    this.generation++;
    this.forgetPending();
    this.stopHeartbeat();
    // Waiting too: the new socket joins again and the server answers "waiting" again.
    if (IN_ROOM.has(this.state.phase)) this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.cancelRetry();
    const attempt = this.state.reconnectAttempt + 1;
    this.update({ phase: 'reconnecting', reconnectAttempt: attempt });
    const delay = backoffDelay(attempt, this.options.backoff ?? RECONNECT_BACKOFF, this.random);
    this.retry = this.timers.setTimeout(() => {
      this.retry = null;
      this.openSocket();
    }, delay);
  }

  /** Gives up on the current socket (broken, or a transient refusal) and tries again later. */
  private dropAndReconnect(): void {
    this.closeSocket(CLOSE_STALE);
    this.stopHeartbeat();
    this.scheduleReconnect();
  }

  // ---- messages ----

  private onMessage(text: string): void {
    this.unansweredPingSince = null;
    const message = parseServerMessage(text);
    if (message === null) return;
    const request = message.requestId ? this.pending.get(message.requestId) : undefined;
    // "waiting" is a first answer: joined or an error comes later with the same request id.
    if (message.requestId && !message.waiting) this.pending.delete(message.requestId);

    if (message.kicked) {
      this.onKicked(readKicked(message.kicked));
    } else if (this.state.phase === 'kicked') {
      // Out: what the old place still receives (roster news, a late ack) is no longer ours.
    } else if (message.waiting) {
      this.onWaiting(readWaiting(message.waiting));
    } else if (message.joined) {
      this.onJoined(message);
    } else if (message.error) {
      this.onError(message, request);
    } else if (message.ack) {
      this.onAck(request);
    } else if (message.publishAnswer) {
      request?.answer?.resolve(message.publishAnswer.sdp ?? '');
    } else if (message.subscribeOffer) {
      const offer = readSubscribeOffer(message.subscribeOffer);
      this.emitMedia({ kind: 'subscribeOffer', offer });
    } else if (message.conferenceEnded) {
      this.onConferenceEnded(message.conferenceEnded.reason ?? '');
    } else if (message.participantLeft?.participantId !== undefined && message.participantLeft.participantId === this.state.selfId
      && message.participantLeft.reason === 'LEAVE_REASON_KICKED') {
      // Removed: the `kicked` message with the details may come after this; wait a little for it.
      this.onKicked({ banned: false, message: '' }, true);
    } else if (message.participantLeft?.participantId !== undefined && message.participantLeft.participantId === this.state.selfId) {
      // The conference let our place go (we were silent too long). This socket may still be tied
      // to the old place on the server, so take a new place over a new socket.
      this.forgetPlace();
      this.update({ selfId: undefined, roster: reduceRoster(this.state.roster, message) });
      this.dropAndReconnect();
    } else if (message.accessChanged) {
      if (this.state.phase === 'joined') this.update({ access: readAccess(message.accessChanged.access) });
    } else if (message.knockReceived || message.knockResolved || message.lobbyChatMessage) {
      this.onLobbyMessage(message);
    } else if (message.handsChanged) {
      if (this.state.phase === 'joined') this.update({ raisedHands: readHands(message.handsChanged.participantIds) });
    } else if (message.reacted) {
      this.onReacted(message);
    } else if (message.chatMessage || message.chatDeleted) {
      this.onChat(message);
    } else if (message.pollUpdated) {
      if (this.state.phase === 'joined') {
        const polls = applyPollUpdate(this.state.polls, message.pollUpdated.poll);
        if (polls !== this.state.polls) this.update({ polls });
      }
    } else if (message.mediaPolicyChanged || message.unmuteAsked || message.unmuteAllowed || message.mutedByModerator) {
      if (this.state.phase === 'joined') this.onMuteMessage(message);
    } else if (this.state.phase === 'joined') {
      const left = message.participantLeft;
      if (left?.reason === 'LEAVE_REASON_KICKED') {
        const who = findParticipant(this.state.roster, left.participantId);
        if (who) this.emitEvent({ kind: 'removed', participantId: who.id, displayName: who.displayName });
      }
      const roster = reduceRoster(this.state.roster, message);
      if (roster !== this.state.roster) this.update({ roster });
    }
  }

  private onReacted(message: ServerMessage): void {
    const reacted = message.reacted ? readReacted(message.reacted) : null;
    if (this.state.phase !== 'joined' || reacted === null) return;
    const id = ++this.reactionCounter;
    this.update({ reactions: [...this.state.reactions, { id, ...reacted }] });
    this.reactionTimers.set(id, this.timers.setTimeout(() => {
      this.reactionTimers.delete(id);
      this.update({ reactions: this.state.reactions.filter((r) => r.id !== id) });
    }, REACTION_SHOW_MS));
    this.emitEvent({ kind: 'reaction', ...reacted });
  }

  private onChat(message: ServerMessage): void {
    if (this.state.phase !== 'joined') return;
    const chat = reduceChat(this.state.chat, message);
    if (chat === this.state.chat) return;
    this.update({ chat });
    const added = message.chatMessage ? chat.at(-1) : undefined;
    if (added) this.emitEvent({ kind: 'chat', message: added });
  }

  private onMuteMessage(message: ServerMessage): void {
    const selfId = this.state.selfId;
    if (message.mediaPolicyChanged) {
      this.update({ mediaPolicy: readMediaPolicy(message.mediaPolicyChanged.policy) });
    } else if (message.unmuteAsked) {
      const ask = readUnmuteRequest(message.unmuteAsked);
      if (ask === null) return;
      const others = this.state.unmuteAsks.filter((a) => a.participantId !== ask.participantId || a.kind !== ask.kind);
      this.update({ unmuteAsks: [...others, ask] });
      this.emitEvent({ kind: 'unmuteAsked', participantId: ask.participantId, muteKind: ask.kind });
    } else if (message.unmuteAllowed) {
      const allowed = readUnmuteRequest(message.unmuteAllowed);
      if (allowed === null) return;
      const unmuteAsks = this.state.unmuteAsks.filter((a) => a.participantId !== allowed.participantId || a.kind !== allowed.kind);
      if (unmuteAsks.length !== this.state.unmuteAsks.length) this.update({ unmuteAsks });
      if (allowed.participantId === selfId) {
        this.setGate(gateKey(allowed.kind), 'free');
        this.emitEvent({ kind: 'unmuteAllowed', muteKind: allowed.kind });
      }
    } else if (message.mutedByModerator) {
      const kind = message.mutedByModerator.kind;
      if (!isMuteKind(kind) || selfId === undefined || !(message.mutedByModerator.participantIds ?? []).includes(selfId)) return;
      const key = gateKey(kind);
      const mustAsk = key === 'audio' ? this.state.mediaPolicy.askToUnmuteAudio : this.state.mediaPolicy.askToUnmuteVideo;
      if (mustAsk && !isModerator(selfParticipant(this.state)?.role)) this.setGate(key, 'ask');
      this.emitEvent({ kind: 'mutedByModerator', muteKind: kind });
    }
  }

  private setGate(key: 'audio' | 'video', gate: UnmuteGate): void {
    if (this.state.unmuteGate[key] !== gate) this.update({ unmuteGate: { ...this.state.unmuteGate, [key]: gate } });
  }

  private clearReactions(): void {
    for (const handle of this.reactionTimers.values()) this.timers.clearTimeout(handle);
    this.reactionTimers.clear();
  }

  /** What belongs to being in a conference, emptied when out of it. */
  private outOfConference(): Pick<SessionState, 'raisedHands' | 'chat' | 'chatError' | 'reactions' | 'polls' | 'pollError' | 'unmuteAsks' | 'unmuteGate'> {
    this.clearReactions();
    return {
      raisedHands: [], chat: EMPTY_CHAT, chatError: undefined, reactions: [], polls: NO_POLLS, pollError: undefined, unmuteAsks: [], unmuteGate: FREE_GATE,
    };
  }

  private onWaiting(waiting: Waiting): void {
    const wasWaiting = this.state.phase === 'waiting';
    this.update({ phase: 'waiting', waiting, selfId: undefined, roster: EMPTY_ROSTER, error: undefined, reconnectAttempt: 0 });
    // The server expects to hear from us while we wait, as in the room.
    if (!wasWaiting || this.heartbeat === null) this.startHeartbeat(DEFAULT_HEARTBEAT_MS);
  }

  private onLobbyMessage(message: ServerMessage): void {
    if (this.state.phase !== 'joined' && this.state.phase !== 'waiting') return;
    const lobby = reduceLobby(this.state.lobby, message);
    if (lobby !== this.state.lobby) this.update({ lobby });
    if (message.knockReceived && this.state.phase === 'joined') {
      const knock = readKnock(message.knockReceived.knock);
      if (knock.knockId !== '') this.emitEvent({ kind: 'knock', knock });
    }
  }

  /**
   * A moderator removed us. The server keeps the socket open but we are out: nothing more is
   * sent and nothing joins again by itself. `provisional`: only our participantLeft came so far,
   * the `kicked` with the details may follow, so the socket stays open a moment for it.
   */
  private onKicked(removal: Removal, provisional = false): void {
    this.forgetPlace();
    this.stopHeartbeat();
    this.cancelRetry();
    this.update({
      phase: 'kicked', removal, selfId: undefined, roster: EMPTY_ROSTER, lobby: EMPTY_LOBBY, waiting: undefined, reconnectAttempt: 0,
      ...this.outOfConference(),
    });
    if (!provisional) {
      this.closeSocket(CLOSE_NORMAL);
    } else if (this.leaveTimeout === null) {
      this.leaveTimeout = this.timers.setTimeout(() => this.closeSocket(CLOSE_NORMAL), LEAVE_ACK_TIMEOUT_MS);
    }
  }

  private dropKnockHere(knockId: string): void {
    const lobby = dropKnock(this.state.lobby, knockId);
    if (lobby !== this.state.lobby) this.update({ lobby });
  }

  private patchAccess(change: Partial<Access>): void {
    const access = { ...this.state.access, ...change };
    if (access.lobbyEnabled !== this.state.access.lobbyEnabled || access.passwordSet !== this.state.access.passwordSet) this.update({ access });
  }

  private onJoined(message: ServerMessage): void {
    const joined = message.joined ?? {};
    const participantId = joined.participantId ?? '';
    const resumeToken = joined.resumeToken ?? '';
    if (participantId !== '' && resumeToken !== '') {
      this.options.credentials.save(this.options.room, { participantId, resumeToken });
    }
    const conference = joined.conference ?? {};
    const roster = reduceRoster(this.state.roster, message);
    const self = findParticipant(roster, participantId);
    if (self && this.profile) {
      // After a resume the server's record of us wins over what this tab remembered.
      this.profile = { ...this.profile, displayName: self.displayName, audioMuted: self.audioMuted, videoMuted: self.videoMuted };
    }
    this.update({
      phase: 'joined',
      selfId: participantId,
      conference: { room: conference.room ?? this.options.room, instance: conference.instance ?? '', startedAt: conference.startedAt ?? '' },
      roster,
      error: undefined,
      reconnectAttempt: 0,
      access: readAccess(conference.access),
      lobby: reduceLobby(this.state.lobby, message),
      waiting: undefined,
      removal: undefined,
      raisedHands: readHands(conference.raisedHands),
      chat: reduceChat(this.state.chat, message),
      polls: readPolls(joined.polls),
      mediaPolicy: readMediaPolicy(conference.mediaPolicy),
    });
    this.startHeartbeat(readInt64(joined.heartbeatIntervalMillis, DEFAULT_HEARTBEAT_MS));
  }

  private onError(message: ServerMessage, request: PendingRequest | undefined): void {
    const code = message.error?.code ?? '';
    const error = { code, message: message.error?.message ?? code };
    const transient = code === ErrorCode.UNAVAILABLE;
    if (request?.kind === 'sendChat') {
      this.update({ chatError: { ...error, text: request.chatText ?? '' } });
      return;
    }
    if (request !== undefined && POLL_REQUESTS.has(request.kind)) {
      this.update({ pollError: error });
      return;
    }
    if (request?.kind === 'setMedia' && code === ErrorCode.FORBIDDEN && request.patch) {
      // Ask-to-unmute is on: the unmute did not happen. Stay muted here, and offer to ask.
      const patch = request.patch as SetMediaBody;
      if (patch.audioMuted === false) this.refuseUnmute('audio');
      if (patch.videoMuted === false) this.refuseUnmute('video');
      return;
    }
    if (request?.kind === 'askToUnmute' && code === ErrorCode.REFUSED) return;
    // Our own rate limit should keep reactions under the server's; one that slips through is just not shown.
    if (request?.kind === 'react' && code === ErrorCode.RATE_LIMITED) return;
    if (request !== undefined && MEDIA_REQUESTS.has(request.kind)) {
      request.answer?.reject(new SignalRequestError(code, error.message));
      this.emitMedia({ kind: 'error', request: request.kind, code, message: error.message });
      if (code === ErrorCode.NOT_JOINED && this.state.phase === 'joined') this.joinAfresh();
      return;
    }
    if (request?.kind === 'resume') {
      if (transient) {
        this.update({ error });
        this.dropAndReconnect();
      } else {
        // RESUME_FAILED (the grace period is over, or the token is stale): start over.
        this.joinAfresh();
      }
    } else if (request?.kind === 'join' || (request === undefined && this.state.phase === 'waiting' && JOIN_REFUSALS.has(code))) {
      if (code === ErrorCode.ALREADY_JOINED) {
        // This socket is still tied to an old place on the server: start over on a new one.
        this.dropAndReconnect();
        return;
      }
      this.update({ error });
      if (transient) {
        this.dropAndReconnect();
      } else {
        this.forgetPlace();
        this.stopHeartbeat();
        this.closeSocket(CLOSE_NORMAL);
        this.update({ phase: 'idle', selfId: undefined, roster: EMPTY_ROSTER, lobby: EMPTY_LOBBY, waiting: undefined, reconnectAttempt: 0, ...this.outOfConference() });
      }
    } else if (code === ErrorCode.NOT_JOINED) {
      // Our place expired while the socket stayed open (e.g. a frozen tab): take a new one.
      if (this.state.phase === 'joined') this.joinAfresh();
    } else if (request?.kind !== 'leave' && request?.kind !== 'ping') {
      // A knock decided by another moderator meanwhile: it is gone, whatever this one wanted.
      if (code === ErrorCode.UNKNOWN_KNOCK && request?.knockId !== undefined) this.dropKnockHere(request.knockId);
      this.update({ error });
    }
  }

  private onAck(request: PendingRequest | undefined): void {
    // An offer needs an answer; a bare ack would leave the negotiation hanging for ever.
    request?.answer?.reject(new SignalRequestError(ErrorCode.INTERNAL, 'the offer was acknowledged without an answer'));
    if (request?.kind === 'leave') {
      this.closeSocket(CLOSE_NORMAL);
      return;
    }
    request?.acked?.();
    if (request?.patch && this.state.selfId !== undefined) {
      const roster = patchParticipant(this.state.roster, this.state.selfId, request.patch);
      if (roster !== this.state.roster) this.update({ roster });
    }
  }

  private onConferenceEnded(reason: string): void {
    this.forgetPlace();
    this.stopHeartbeat();
    this.cancelRetry();
    this.closeSocket(CLOSE_NORMAL);
    this.update({ phase: 'ended', endReason: reason, selfId: undefined, roster: EMPTY_ROSTER, reconnectAttempt: 0, lobby: EMPTY_LOBBY, ...this.outOfConference() });
  }

  /** Forgets the old place and joins again on the open socket. */
  private joinAfresh(): void {
    this.forgetPlace();
    this.stopHeartbeat();
    if ([...this.pending.values()].some((r) => r.kind === 'join')) return;
    if (!this.profile || this.profile.displayName.trim() === '') {
      // A reloaded tab whose place is gone and that never stored a name: ask for one.
      this.closeSocket(CLOSE_NORMAL);
      this.update({ phase: 'idle', selfId: undefined, roster: EMPTY_ROSTER, reconnectAttempt: 0 });
      return;
    }
    if (this.state.phase === 'joined') this.update({ phase: 'reconnecting', selfId: undefined });
    this.sendJoin();
  }

  private sendJoin(): void {
    const profile = this.profile;
    if (!profile) return;
    this.send({
      join: {
        room: this.options.room,
        displayName: profile.displayName,
        language: profile.language,
        audioMuted: profile.audioMuted,
        videoMuted: profile.videoMuted,
        acceptedTerms: profile.acceptedTerms,
        ...(profile.password ? { password: profile.password } : {}),
      },
    });
  }

  private refuseUnmute(key: 'audio' | 'video'): void {
    if (this.profile) this.profile[key === 'audio' ? 'audioMuted' : 'videoMuted'] = true;
    if (this.state.unmuteGate[key] === 'free') this.setGate(key, 'ask');
  }

  private setMedia(change: SetMediaBody): void {
    if (this.profile) Object.assign(this.profile, change);
    this.sendWhenJoined({ setMedia: change }, change as ParticipantPatch);
  }

  private sendWhenJoined(body: ClientBody, patch?: ParticipantPatch, extra?: RequestExtra): void {
    if (this.state.phase !== 'joined') return;
    this.send(body, patch, undefined, extra);
  }

  private send(body: ClientBody, patch?: ParticipantPatch, answer?: PendingRequest['answer'], extra?: RequestExtra): void {
    const socket = this.socket;
    if (socket === null) {
      answer?.reject(new SignalRequestError(CONNECTION_LOST, 'not connected'));
      return;
    }
    const requestId = String(++this.requestCounter);
    const request: PendingRequest = { kind: bodyKind(body) };
    if (patch) request.patch = patch;
    if (answer) request.answer = answer;
    if (extra) Object.assign(request, extra);
    this.pending.set(requestId, request);
    socket.send(encodeClientMessage({ requestId, ...body }));
  }

  /** Requests of a socket that is gone get no answer; whoever waits for one is told so. */
  private forgetPending(): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const request of waiting) request.answer?.reject(new SignalRequestError(CONNECTION_LOST, 'the connection was lost'));
  }

  private emitEvent(event: SessionEvent): void {
    for (const listener of [...this.eventListeners]) listener(event);
  }

  private emitMedia(signal: MediaSignal): void {
    for (const listener of [...this.mediaListeners]) listener(signal);
  }

  // ---- heartbeat ----

  private startHeartbeat(intervalMs: number): void {
    this.stopHeartbeat();
    this.heartbeatMs = intervalMs;
    this.heartbeat = this.timers.setInterval(() => this.onHeartbeat(), intervalMs);
  }

  private onHeartbeat(): void {
    const now = this.timers.now();
    if (this.unansweredPingSince !== null && now - this.unansweredPingSince >= PING_TIMEOUT_HEARTBEATS * this.heartbeatMs) {
      // The socket still looks open but the server stopped answering (sleeping laptop, changed
      // network): the browser may take minutes to notice, so give up on it now. Measured from the
      // unanswered ping, not from the last message, so that a throttled background tab whose
      // timers fire late is not mistaken for a dead connection.
      this.dropAndReconnect();
      return;
    }
    this.unansweredPingSince ??= now;
    this.send({ ping: {} });
  }

  private stopHeartbeat(): void {
    this.unansweredPingSince = null;
    if (this.heartbeat !== null) {
      this.timers.clearInterval(this.heartbeat);
      this.heartbeat = null;
    }
  }

  private cancelRetry(): void {
    if (this.retry !== null) {
      this.timers.clearTimeout(this.retry);
      this.retry = null;
    }
  }

  private forgetPlace(): void {
    this.options.credentials.clear(this.options.room);
  }

  private update(changes: Partial<SessionState>): void {
    const previous = this.state;
    this.state = { ...previous, ...changes };
    for (const listener of [...this.listeners]) listener(this.state, previous);
  }
}

/** The own participant's entry, when joined. */
export function selfParticipant(state: SessionState) {
  return findParticipant(state.roster, state.selfId);
}

export function gateKey(kind: MuteKind): 'audio' | 'video' {
  return kind === 'MUTE_KIND_AUDIO' ? 'audio' : 'video';
}

export function isModerator(role: Role | undefined): boolean {
  return role === 'ROLE_MODERATOR';
}

/** The real browser WebSocket behind the SocketFactory seam. */
export const browserSocketFactory: SocketFactory = (url, protocol, handlers) => {
  const ws = new WebSocket(url, protocol);
  let closed = false;
  const closeOnce = () => {
    if (closed) return;
    closed = true;
    handlers.close();
  };
  ws.onopen = () => handlers.open();
  ws.onmessage = (event: MessageEvent) => {
    if (typeof event.data === 'string') handlers.message(event.data);
  };
  // An error is always followed by close; reporting close once is enough.
  ws.onclose = closeOnce;
  return {
    send: (text) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(text);
    },
    close: (code, reason) => {
      closed = true;
      ws.close(code, reason);
    },
  };
};
