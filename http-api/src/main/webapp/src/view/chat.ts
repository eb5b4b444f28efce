import { CHAT_MAX_LENGTH, type ChatMessage, type Participant } from '../signal/protocol';

/**
 * The chat as the page shows it, from the session's state alone. No DOM.
 */

/** How a message is marked: to everyone, or private (to whom, from whom). */
export type ChatAudience =
  | { readonly kind: 'everyone' }
  /** We wrote it privately to this person; name "" when nobody here knows them any more. */
  | { readonly kind: 'private-to'; readonly name: string }
  /** Someone wrote it privately to us. */
  | { readonly kind: 'private-from'; readonly name: string };

/**
 * `names`: every participant name this page has seen (the recipient of an old private message
 * may have left since).
 */
export function chatAudience(message: ChatMessage, selfId: string | undefined, names: ReadonlyMap<string, string>): ChatAudience {
  if (message.toParticipantId === '') return { kind: 'everyone' };
  if (message.fromParticipantId === selfId) return { kind: 'private-to', name: names.get(message.toParticipantId) ?? '' };
  return { kind: 'private-from', name: message.fromDisplayName };
}

/** Messages that arrived since the chat was last looked at: others' messages not seen yet. */
export function unreadCount(chat: readonly ChatMessage[], seen: ReadonlySet<string>, selfId: string | undefined): number {
  return chat.filter((m) => m.fromParticipantId !== selfId && !seen.has(m.messageId)).length;
}

/** The badge on the chat button: nothing at zero, "99+" past 99. */
export function unreadBadge(count: number): string | undefined {
  if (count <= 0) return undefined;
  return count > 99 ? '99+' : String(count);
}

/** From this many characters on, the counter says how many are left. */
export const CHAT_COUNTER_FROM = CHAT_MAX_LENGTH - 200;

/** Characters left, once the text is near the limit; undefined before. */
export function charactersLeft(length: number): number | undefined {
  return length >= CHAT_COUNTER_FROM ? Math.max(0, CHAT_MAX_LENGTH - length) : undefined;
}

/** Whom a message may go to: everyone (""), or each other person in the room, in roster order. */
export function chatRecipients(roster: readonly Participant[], selfId: string | undefined): Participant[] {
  return roster.filter((p) => p.id !== selfId);
}

/** The recipient still chosen after a roster change: someone who left falls back to everyone. */
export function keptRecipient(chosen: string, roster: readonly Participant[], selfId: string | undefined): string {
  return chosen !== '' && chatRecipients(roster, selfId).some((p) => p.id === chosen) ? chosen : '';
}

export type ChatProblem = 'rate-limited' | 'too-long' | 'failed';

/** What to tell the writer of a refused message. */
export function chatProblem(code: string): ChatProblem {
  if (code === 'RATE_LIMITED') return 'rate-limited';
  if (code === 'BAD_REQUEST') return 'too-long';
  return 'failed';
}

/** The time a message was written, "14:05" style in the page's language; "" when unknown. */
export function chatTime(at: string, language: string): string {
  const time = Date.parse(at);
  if (Number.isNaN(time)) return '';
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(time);
}
