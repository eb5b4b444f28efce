import { readChatMessage, type ChatMessage, type ServerMessage } from './protocol';

/**
 * The chat as this person may see it: the history `joined` carries (public messages, and private
 * ones to or from them), then each `chatMessage` in the order the server sent it, minus those a
 * moderator deleted. Nothing is added locally: one's own message is shown when it comes back, so
 * every client has the same list in the same order.
 */
export type ChatLog = readonly ChatMessage[];

export const EMPTY_CHAT: ChatLog = [];

/** The next chat; the same array when the message changes nothing. */
export function reduceChat(chat: ChatLog, message: ServerMessage): ChatLog {
  if (message.joined) {
    // The server's history replaces what this tab had: after a resume it is the whole truth.
    return dedupe((message.joined.chat ?? []).map(readChatMessage));
  }
  if (message.chatMessage) {
    const next = readChatMessage(message.chatMessage);
    if (next.messageId === '' || chat.some((m) => m.messageId === next.messageId)) return chat;
    return [...chat, next];
  }
  if (message.chatDeleted) {
    const id = message.chatDeleted.messageId ?? '';
    return chat.some((m) => m.messageId === id) ? chat.filter((m) => m.messageId !== id) : chat;
  }
  return chat;
}

function dedupe(messages: readonly ChatMessage[]): ChatLog {
  const seen = new Set<string>();
  return messages.filter((m) => {
    if (m.messageId === '' || seen.has(m.messageId)) return false;
    seen.add(m.messageId);
    return true;
  });
}
