import { describe, expect, it } from 'vitest';
import { EMPTY_CHAT, reduceChat } from './chat';

const hello = { messageId: 'm1', fromParticipantId: 'p-ada', fromDisplayName: 'Ada', text: 'Hello', at: '2026-01-01T10:00:00Z' };
const secret = { messageId: 'm2', fromParticipantId: 'p-bob', fromDisplayName: 'Bob', toParticipantId: 'p-ada', text: 'psst' };

describe('chat log', () => {
  it('startsFromTheHistoryOfJoinedOldestFirst', () => {
    const chat = reduceChat(EMPTY_CHAT, { joined: { chat: [hello, secret] } });
    expect(chat.map((m) => m.messageId)).toEqual(['m1', 'm2']);
    expect(chat[1]).toMatchObject({ toParticipantId: 'p-ada', text: 'psst' });
  });

  it('aNewJoinReplacesWhatThisTabHad', () => {
    const before = reduceChat(EMPTY_CHAT, { chatMessage: hello });
    expect(reduceChat(before, { joined: { chat: [secret] } }).map((m) => m.messageId)).toEqual(['m2']);
    expect(reduceChat(before, { joined: {} })).toEqual([]);
  });

  it('appendsMessagesInTheOrderTheServerSentThemOnceEach', () => {
    let chat = reduceChat(EMPTY_CHAT, { chatMessage: secret });
    chat = reduceChat(chat, { chatMessage: hello });
    expect(reduceChat(chat, { chatMessage: hello })).toBe(chat);
    expect(chat.map((m) => m.messageId)).toEqual(['m2', 'm1']);
  });

  it('dropsADeletedMessageAndIgnoresAnUnknownOne', () => {
    const chat = reduceChat(EMPTY_CHAT, { joined: { chat: [hello, secret] } });
    expect(reduceChat(chat, { chatDeleted: { messageId: 'm1' } }).map((m) => m.messageId)).toEqual(['m2']);
    expect(reduceChat(chat, { chatDeleted: { messageId: 'nope' } })).toBe(chat);
  });

  it('otherMessagesChangeNothing', () => {
    expect(reduceChat(EMPTY_CHAT, { pong: {} })).toBe(EMPTY_CHAT);
  });
});
