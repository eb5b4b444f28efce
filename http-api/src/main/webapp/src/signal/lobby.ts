import { readKnock, readKnockResolved, readLobbyChatMessage, type Knock, type LobbyChatLine, type ServerMessage } from './protocol';

/**
 * The lobby as this browser sees it. A moderator: who is knocking now (in the order they came)
 * and the chat with each of them. A knocker: the chat with the moderators about their own knock.
 * Never mutated; messages that change nothing give back the very same object.
 */
export interface LobbyState {
  readonly knocks: readonly Knock[];
  readonly chat: readonly LobbyChatLine[];
}

export const EMPTY_LOBBY: LobbyState = { knocks: [], chat: [] };

/** Older lines go first past this many (a long wait must not grow the page for ever). */
export const LOBBY_CHAT_KEPT = 200;

export function reduceLobby(state: LobbyState, message: ServerMessage): LobbyState {
  if (message.joined) {
    // Joining (or rejoining) gives the knocks pending now; a knocker who got in leaves their chat behind.
    const knocks = dedupe((message.joined.knocks ?? []).map(readKnock).filter((k) => k.knockId !== ''));
    const chat = state.chat.filter((line) => knocks.some((k) => k.knockId === line.knockId));
    return { knocks, chat };
  }
  if (message.knockReceived) {
    const knock = readKnock(message.knockReceived.knock);
    if (knock.knockId === '') return state;
    const index = state.knocks.findIndex((k) => k.knockId === knock.knockId);
    if (index < 0) return { ...state, knocks: [...state.knocks, knock] };
    const knocks = state.knocks.slice();
    knocks[index] = knock;
    return { ...state, knocks };
  }
  if (message.knockResolved) {
    return dropKnock(state, readKnockResolved(message.knockResolved).knockId);
  }
  if (message.lobbyChatMessage) {
    const line = readLobbyChatMessage(message.lobbyChatMessage);
    if (line.text === '') return state;
    return { ...state, chat: [...state.chat, line].slice(-LOBBY_CHAT_KEPT) };
  }
  return state;
}

/** A knock that ended (decided here or elsewhere) goes, with its chat. */
export function dropKnock(state: LobbyState, knockId: string): LobbyState {
  if (!state.knocks.some((k) => k.knockId === knockId)) return state;
  return {
    knocks: state.knocks.filter((k) => k.knockId !== knockId),
    chat: state.chat.filter((line) => line.knockId !== knockId),
  };
}

/** The chat about one knock, oldest first. */
export function chatOf(state: LobbyState, knockId: string): LobbyChatLine[] {
  return state.chat.filter((line) => line.knockId === knockId);
}

function dedupe(knocks: Knock[]): Knock[] {
  const seen = new Set<string>();
  return knocks.filter((k) => !seen.has(k.knockId) && seen.add(k.knockId));
}
