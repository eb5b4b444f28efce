// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { WireChatMessage, WireParticipant } from '../../signal/protocol';
import { settle } from '../../test-support/fake-webrtc';
import { ada, bob, joined, RoomHarness } from '../../test-support/room-harness';

const cy: WireParticipant = { id: 'p-cy', displayName: 'Cy', role: 'ROLE_PARTICIPANT', language: 'fr' };
const guestAda: WireParticipant = { ...ada, role: 'ROLE_PARTICIPANT' };

let room: RoomHarness;

beforeEach(() => {
  room = new RoomHarness('en');
});

function chat(message: WireChatMessage): void {
  room.socket().receive({ chatMessage: message });
}

function type(text: string): HTMLTextAreaElement {
  const input = room.byTestId<HTMLTextAreaElement>('chat-input');
  if (!input) throw new Error('no chat input');
  input.value = text;
  input.dispatchEvent(new Event('input'));
  return input;
}

function pressEnter(input: HTMLElement, shiftKey = false): void {
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey, bubbles: true, cancelable: true }));
}

describe('raised hands', () => {
  it('theButtonAsksAndIsPressedOnlyOnceTheServerHasTheHandInTheQueue', async () => {
    await room.enter();
    const button = room.byTestId<HTMLButtonElement>('raise-hand');
    expect(button?.getAttribute('aria-pressed')).toBe('false');
    expect(button?.getAttribute('aria-keyshortcuts')).toBe('R');
    button?.click();
    expect(room.socket().last()).toMatchObject({ raiseHand: { raised: true } });
    expect(button?.getAttribute('aria-pressed')).toBe('false');
    room.socket().receive({ handsChanged: { participantIds: ['p-ada'] } });
    expect(button?.getAttribute('aria-pressed')).toBe('true');
    expect(button?.title).toBe('Lower your hand (R)');
    button?.click();
    expect(room.socket().last()).toMatchObject({ raiseHand: { raised: false } });
  });

  it('theQueueIsListedInOrderWithNumbersAndBadgesOnTilesAndRosterEntries', async () => {
    await room.enter(ada, bob, cy);
    room.socket().receive({ handsChanged: { participantIds: ['p-cy', 'p-bob'] } });
    const items = [...(room.byTestId('hands-list')?.children ?? [])] as HTMLElement[];
    expect(items.map((li) => li.dataset['testid'])).toEqual(['hand-p-cy', 'hand-p-bob']);
    expect(items.map((li) => li.textContent)).toEqual(['1CyLower', '2BobLower']);
    expect(room.tile('p-cy')?.querySelector('[data-testid="hand-badge"]')?.getAttribute('aria-label')).toBe('Hand raised, number 1 in the queue');
    expect(room.visible(room.tile('p-ada')?.querySelector('[data-testid="hand-badge"]') ?? null)).toBe(false);
    const bobEntry = document.querySelector('[data-testid="roster-entry"][data-participant-id="p-bob"]');
    expect(bobEntry?.querySelector('[data-testid="hand-badge"]')?.textContent).toBe('2');
    // Someone raised a hand: a screen reader hears of it.
    expect(document.querySelector('[role="status"][aria-atomic]')?.textContent).toBe('Cy raised their hand. Bob raised their hand');
    room.socket().receive({ handsChanged: { participantIds: ['p-bob'] } });
    expect(room.byTestId('hand-p-bob')?.textContent).toContain('1');
  });

  it('aModeratorLowersOneHandOrAll', async () => {
    await room.enter(ada, bob, cy);
    room.socket().receive({ handsChanged: { participantIds: ['p-bob', 'p-cy'] } });
    expect(room.byTestId('lower-hand-p-cy')?.getAttribute('aria-label')).toBe("Lower Cy's hand");
    room.byTestId('lower-hand-p-cy')?.click();
    expect(room.socket().last()).toMatchObject({ lowerHand: { participantId: 'p-cy' } });
    room.byTestId('lower-all-hands')?.click();
    expect(room.socket().last()).toMatchObject({ lowerAllHands: {} });
    room.socket().receive({ handsChanged: {} });
    expect(room.byTestId('hands-list')?.children).toHaveLength(0);
    expect(room.visible(room.byTestId('lower-all-hands'))).toBe(false);
  });

  it('othersSeeTheQueueButCannotLowerAnyone', async () => {
    room.startJoin();
    const message = joined(room.socket().last().requestId, guestAda, bob);
    if (message.joined?.conference) message.joined.conference.raisedHands = ['p-bob'];
    if (message.joined) message.joined.role = 'ROLE_PARTICIPANT';
    room.socket().receive(message);
    await settle();
    expect(room.byTestId('hand-p-bob')).not.toBeNull();
    expect(room.byTestId('lower-hand-p-bob')).toBeNull();
    expect(room.visible(room.byTestId('lower-all-hands'))).toBe(false);
  });
});

describe('reactions', () => {
  it('thePickerSendsOneAndItFloatsOnTheSendersTileForThreeSecondsAndIsAnnounced', async () => {
    await room.enter();
    room.byTestId('reactions')?.click();
    expect(room.byTestId('reactions')?.getAttribute('aria-expanded')).toBe('true');
    const options = room.all('reaction-thumbs-up').concat(room.all('reaction-clap'), room.all('reaction-laugh'),
      room.all('reaction-surprised'), room.all('reaction-heart'), room.all('reaction-party'));
    expect(options.map((o) => o.getAttribute('aria-label'))).toEqual(['Thumbs up', 'Applause', 'Laughter', 'Surprise', 'Love', 'Party']);
    room.byTestId('reaction-party')?.click();
    expect(room.socket().last()).toMatchObject({ react: { reaction: 'REACTION_PARTY' } });
    expect(room.all('reaction-bubble')).toHaveLength(0);
    room.socket().receive({ reacted: { participantId: 'p-bob', reaction: 'REACTION_HEART' } });
    const bubble = room.tile('p-bob')?.querySelector('[data-testid="reaction-bubble"]');
    expect(bubble?.textContent).toBe('❤️');
    expect(document.querySelector('[role="status"][aria-atomic]')?.textContent).toBe('Bob: Love');
    room.timers.advance(3_000);
    expect(room.all('reaction-bubble')).toHaveLength(0);
  });

  it('tooManyTooFastAreNotSentAndSaySo', async () => {
    await room.enter();
    room.byTestId('reactions')?.click();
    room.byTestId('reaction-clap')?.click();
    const sent = room.socket().sent.length;
    room.byTestId('reaction-clap')?.click();
    expect(room.socket().sent).toHaveLength(sent);
    expect(room.byTestId('toast')?.textContent).toBe('One reaction at a time: wait a moment.');
  });

  it('escapeClosesThePickerAndGivesTheFocusBack', async () => {
    await room.enter();
    room.byTestId('reactions')?.click();
    room.byTestId('reaction-clap')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(room.byTestId('reaction-clap')).toBeNull();
    expect(document.activeElement).toBe(room.byTestId('reactions'));
  });
});

describe('chat', () => {
  it('showsTheHistoryFromJoinedWithSenderTimeAndPrivateMarksAndNoUnreadForIt', async () => {
    room.startJoin();
    const message = joined(room.socket().last().requestId, ada, bob);
    if (message.joined) {
      message.joined.chat = [
        { messageId: 'm1', fromParticipantId: 'p-bob', fromDisplayName: 'Bob', text: 'Hello all', at: '2026-01-01T10:00:00Z' },
        { messageId: 'm2', fromParticipantId: 'p-bob', fromDisplayName: 'Bob', toParticipantId: 'p-ada', text: 'just you' },
        { messageId: 'm3', fromParticipantId: 'p-ada', fromDisplayName: 'Ada', toParticipantId: 'p-bob', text: 'ok' },
      ];
    }
    room.socket().receive(message);
    await settle();
    expect(room.visible(room.byTestId('chat-unread'))).toBe(false);
    room.byTestId('toggle-chat')?.click();
    const rows = room.all('chat-message');
    expect(rows.map((r) => r.dataset['messageId'])).toEqual(['m1', 'm2', 'm3']);
    expect(rows[0]?.querySelector('time')?.getAttribute('datetime')).toBe('2026-01-01T10:00:00Z');
    expect(rows[0]?.querySelector('.chat-private')?.textContent).toBe('');
    expect(rows[1]?.textContent).toContain('privately from Bob');
    expect(rows[2]?.textContent).toContain('privately to Bob');
    expect(room.visible(room.byTestId('chat-empty'))).toBe(false);
  });

  it('enterSendsToTheChosenRecipientAndTheMessageAppearsOnlyWhenItComesBack', async () => {
    await room.enter(ada, bob, cy);
    room.byTestId('toggle-chat')?.click();
    const recipient = room.byTestId<HTMLSelectElement>('chat-recipient');
    expect([...(recipient?.options ?? [])].map((o) => o.textContent)).toEqual(['Everyone', 'Bob', 'Cy']);
    const input = type('Hi all');
    pressEnter(input, true);
    expect(room.socket().last()).not.toHaveProperty('sendChat');
    pressEnter(input);
    expect(room.socket().last()).toEqual({ requestId: expect.any(String), sendChat: { text: 'Hi all' } });
    expect(input.value).toBe('');
    expect(room.all('chat-message')).toHaveLength(0);
    if (recipient) recipient.value = 'p-cy';
    recipient?.dispatchEvent(new Event('change'));
    expect(input.placeholder).toBe('Write privately to Cy…');
    type('psst');
    room.byTestId('chat-send')?.closest('form')?.requestSubmit();
    expect(room.socket().last()).toMatchObject({ sendChat: { text: 'psst', toParticipantId: 'p-cy' } });
    chat({ messageId: 'm1', fromParticipantId: 'p-ada', fromDisplayName: 'Ada', text: 'Hi all' });
    expect(room.all('chat-message').map((m) => m.textContent)).toEqual([expect.stringContaining('Hi all')]);
    // Cy leaves: the next message goes to everyone.
    room.socket().receive({ participantLeft: { participantId: 'p-cy', reason: 'LEAVE_REASON_LEFT' } });
    expect(recipient?.value).toBe('');
  });

  it('textIsShownAsTextNeverAsMarkup', async () => {
    await room.enter();
    room.byTestId('toggle-chat')?.click();
    chat({ messageId: 'm1', fromParticipantId: 'p-bob', fromDisplayName: '<i>Bob</i>', text: '<img src=x onerror=alert(1)> see https://example.org' });
    const row = room.byTestId('chat-message');
    expect(row?.querySelector('img, i, a')).toBeNull();
    expect(row?.querySelector('.chat-text')?.textContent).toBe('<img src=x onerror=alert(1)> see https://example.org');
  });

  it('countsUnreadMessagesWhileTheChatIsClosedAndAnnouncesThem', async () => {
    await room.enter();
    chat({ messageId: 'm1', fromParticipantId: 'p-bob', fromDisplayName: 'Bob', text: 'one' });
    chat({ messageId: 'm2', fromParticipantId: 'p-bob', fromDisplayName: 'Bob', toParticipantId: 'p-ada', text: 'two' });
    chat({ messageId: 'm3', fromParticipantId: 'p-ada', fromDisplayName: 'Ada', text: 'mine' });
    expect(room.byTestId('chat-unread')?.textContent).toBe('2');
    expect(room.visible(room.byTestId('chat-unread'))).toBe(true);
    expect(document.querySelector('[role="status"][aria-atomic]')?.textContent).toBe('Private message from Bob');
    room.byTestId('toggle-chat')?.click();
    expect(room.visible(room.byTestId('chat-unread'))).toBe(false);
    room.byTestId('toggle-chat')?.click();
    expect(room.visible(room.byTestId('chat-unread'))).toBe(false);
  });

  it('aRefusedMessageSaysWhyAndGivesTheTextBack', async () => {
    await room.enter();
    room.byTestId('toggle-chat')?.click();
    const input = type('again and again');
    pressEnter(input);
    room.socket().receive({ requestId: room.socket().last().requestId, error: { code: 'RATE_LIMITED', message: 'too fast' } });
    expect(room.byTestId('chat-error')?.textContent).toBe('You are sending messages too fast. Wait a moment, then send it again.');
    expect(input.value).toBe('again and again');
    expect(room.visible(room.byTestId('error'))).toBe(false);
    pressEnter(input);
    expect(room.visible(room.byTestId('chat-error'))).toBe(false);
  });

  it('theCounterShowsNearTheLimit', async () => {
    await room.enter();
    room.byTestId('toggle-chat')?.click();
    type('x'.repeat(100));
    expect(room.byTestId('chat-counter')?.textContent).toBe('');
    type('x'.repeat(1950));
    expect(room.byTestId('chat-counter')?.textContent).toBe('50 characters left');
    expect(room.byTestId('chat-input')?.getAttribute('maxlength')).toBe('2000');
  });

  it('aModeratorDeletesAMessageAndItGoesWhenTheServerSaysSo', async () => {
    await room.enter();
    room.byTestId('toggle-chat')?.click();
    chat({ messageId: 'm1', fromParticipantId: 'p-bob', fromDisplayName: 'Bob', text: 'oops' });
    room.byTestId('chat-delete-m1')?.click();
    expect(room.socket().last()).toMatchObject({ deleteChat: { messageId: 'm1' } });
    room.socket().receive({ chatDeleted: { messageId: 'm1' } });
    expect(room.all('chat-message')).toHaveLength(0);
  });

  it('othersHaveNoDeleteAction', async () => {
    room.startJoin();
    const message = joined(room.socket().last().requestId, guestAda, bob);
    if (message.joined) message.joined.role = 'ROLE_PARTICIPANT';
    room.socket().receive(message);
    room.byTestId('toggle-chat')?.click();
    chat({ messageId: 'm1', fromParticipantId: 'p-bob', fromDisplayName: 'Bob', text: 'hi' });
    expect(room.visible(room.byTestId('chat-delete-m1'))).toBe(false);
  });
});

describe('ending the meeting', () => {
  it('aModeratorsLeaveOffersEndingForEveryoneWithAConfirmation', async () => {
    await room.enter();
    room.byTestId('leave-button')?.click();
    room.byTestId('end-for-all')?.click();
    const dialog = room.byTestId<HTMLDialogElement>('end-dialog');
    expect(dialog?.open).toBe(true);
    const sent = room.socket().sent.length;
    room.byTestId('end-cancel')?.click();
    expect(dialog?.open).toBe(false);
    expect(room.socket().sent).toHaveLength(sent);
    room.byTestId('leave-button')?.click();
    room.byTestId('end-for-all')?.click();
    room.byTestId('end-confirm')?.click();
    expect(room.socket().last()).toMatchObject({ endConference: {} });
    room.socket().receive({ conferenceEnded: { reason: 'ENDED_BY_MODERATOR' } });
    expect(room.visible(room.byTestId('ended-page'))).toBe(true);
  });

  it('everyoneElseLeavesAtOnceAndSeesTheEndedPageWhenAModeratorEndsIt', async () => {
    room.startJoin();
    const message = joined(room.socket().last().requestId, guestAda, bob);
    if (message.joined) message.joined.role = 'ROLE_PARTICIPANT';
    room.socket().receive(message);
    expect(room.byTestId('leave-button')?.hasAttribute('aria-haspopup')).toBe(false);
    room.socket().receive({ conferenceEnded: { reason: 'ENDED_BY_MODERATOR' } });
    expect(room.byTestId('ended-page')?.textContent).toContain('The meeting was ended by a moderator');
    expect(room.credentials.places.size).toBe(0);
  });
});
