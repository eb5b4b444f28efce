import { describe, expect, it } from 'vitest';
import { readChatMessage, readParticipant } from '../signal/protocol';
import { charactersLeft, chatAudience, chatProblem, chatRecipients, chatTime, keptRecipient, unreadBadge, unreadCount } from './chat';

const ada = readParticipant({ id: 'p-ada', displayName: 'Ada' });
const bob = readParticipant({ id: 'p-bob', displayName: 'Bob' });
const cy = readParticipant({ id: 'p-cy', displayName: 'Cy' });
const names = new Map([['p-ada', 'Ada'], ['p-bob', 'Bob']]);

describe('chat view rules', () => {
  it('marksPrivateMessagesToAndFromWhomFromOnesOwnSide', () => {
    const everyone = readChatMessage({ messageId: 'm1', fromParticipantId: 'p-bob', fromDisplayName: 'Bob', text: 'hi' });
    const toBob = readChatMessage({ messageId: 'm2', fromParticipantId: 'p-ada', fromDisplayName: 'Ada', toParticipantId: 'p-bob', text: 'psst' });
    const fromBob = readChatMessage({ messageId: 'm3', fromParticipantId: 'p-bob', fromDisplayName: 'Bob', toParticipantId: 'p-ada', text: 'psst' });
    expect(chatAudience(everyone, 'p-ada', names)).toEqual({ kind: 'everyone' });
    expect(chatAudience(toBob, 'p-ada', names)).toEqual({ kind: 'private-to', name: 'Bob' });
    expect(chatAudience(fromBob, 'p-ada', names)).toEqual({ kind: 'private-from', name: 'Bob' });
    expect(chatAudience({ ...toBob, toParticipantId: 'p-gone' }, 'p-ada', names)).toEqual({ kind: 'private-to', name: '' });
  });

  it('countsOthersMessagesNotSeenYet', () => {
    const chat = [
      readChatMessage({ messageId: 'm1', fromParticipantId: 'p-bob' }),
      readChatMessage({ messageId: 'm2', fromParticipantId: 'p-ada' }),
      readChatMessage({ messageId: 'm3', fromParticipantId: 'p-bob' }),
    ];
    expect(unreadCount(chat, new Set(['m1']), 'p-ada')).toBe(1);
    expect(unreadCount(chat, new Set(), 'p-ada')).toBe(2);
    expect(unreadBadge(0)).toBeUndefined();
    expect(unreadBadge(3)).toBe('3');
    expect(unreadBadge(120)).toBe('99+');
  });

  it('theCounterAppearsNearTheLimit', () => {
    expect(charactersLeft(0)).toBeUndefined();
    expect(charactersLeft(1799)).toBeUndefined();
    expect(charactersLeft(1800)).toBe(200);
    expect(charactersLeft(2000)).toBe(0);
  });

  it('offersEveryOtherPersonAndFallsBackToEveryoneWhenTheChosenOneLeaves', () => {
    expect(chatRecipients([ada, bob, cy], 'p-ada').map((p) => p.id)).toEqual(['p-bob', 'p-cy']);
    expect(keptRecipient('p-bob', [ada, bob], 'p-ada')).toBe('p-bob');
    expect(keptRecipient('p-cy', [ada, bob], 'p-ada')).toBe('');
    expect(keptRecipient('p-ada', [ada, bob], 'p-ada')).toBe('');
  });

  it('namesTheProblemOfARefusedMessage', () => {
    expect(chatProblem('RATE_LIMITED')).toBe('rate-limited');
    expect(chatProblem('BAD_REQUEST')).toBe('too-long');
    expect(chatProblem('NOT_JOINED')).toBe('failed');
  });

  it('showsTheTimeInThePagesLanguageOrNothing', () => {
    expect(chatTime('2026-01-01T14:05:00Z', 'fr')).toMatch(/\d\d:\d\d/);
    expect(chatTime('', 'en')).toBe('');
  });
});
