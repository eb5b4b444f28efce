// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { fr } from '../../i18n/fr';
import { createLocale } from '../../i18n/i18n';
import { ada, bob, BOB_TRACKS, joined, RoomHarness } from '../../test-support/room-harness';
import { settle } from '../../test-support/fake-webrtc';
import { shownI18nKeys } from '../dom';
import { mountHomePage } from './home-page';
import { CheckFailure } from '../../selftest/check-runner';
import { ManualTimers } from '../../test-support/fake-signalling';
import { mountSelfTestPage } from './self-test-page';

/**
 * Every word the page shows comes from the dictionaries (each translated element carries
 * data-i18n, each translated attribute data-i18n-attrs), except what is marked data-i18n-skip:
 * people's names, room names, links, device names, key caps. A change of language reaches all of it.
 */

const TRANSLATED_ATTRIBUTES = ['aria-label', 'title', 'placeholder'];

function untranslated(root: Element): string[] {
  const problems: string[] = [];
  const walker = document.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    const parent = node.parentElement;
    if (text === '' || !parent || parent.closest('[data-i18n-skip]') || parent.hasAttribute('data-i18n')) continue;
    problems.push(`text "${text}" in <${parent.tagName.toLowerCase()} class="${parent.className}">`);
  }
  for (const element of root.querySelectorAll('*')) {
    if (element.closest('[data-i18n-skip]')) continue;
    const keys = JSON.parse(element.getAttribute('data-i18n-attrs') ?? '{}') as Record<string, unknown>;
    for (const name of TRANSLATED_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value && !(name in keys)) problems.push(`${name}="${value}" on <${element.tagName.toLowerCase()}>`);
    }
  }
  return problems;
}

/** Words that exist only in English: none of them may be left on a French page. */
const ENGLISH_ONLY = new Set<string>(Object.entries(en).filter(([key, text]) => fr[key as keyof typeof fr] !== text && !/\{\w+\}/.test(text)).map(([, text]) => text));

function englishLeft(root: Element): string[] {
  const found: string[] = [];
  const walker = document.createTreeWalker(root, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    if (ENGLISH_ONLY.has(text)) found.push(text);
  }
  for (const element of root.querySelectorAll('*')) {
    for (const name of TRANSLATED_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value && ENGLISH_ONLY.has(value)) found.push(`${name}=${value}`);
    }
  }
  return found;
}

let room: RoomHarness;

async function fullConference(): Promise<void> {
  await room.enter();
  room.pushTracks([...BOB_TRACKS, { mid: '2', kind: 'video', source: 'MEDIA_SOURCE_SCREEN', participantId: 'p-bob' }]);
  await settle();
  // Hands up (with a moderator's Lower buttons), a reaction floating, every kind of chat message.
  room.socket().receive({ handsChanged: { participantIds: ['p-bob', 'p-ada'] } });
  room.socket().receive({ reacted: { participantId: 'p-bob', reaction: 'REACTION_CLAP' } });
  room.socket().receive({ chatMessage: { messageId: 'm1', fromParticipantId: 'p-bob', fromDisplayName: 'Bob', text: 'Hello', at: '2026-01-01T10:00:00Z' } });
  room.socket().receive({ chatMessage: { messageId: 'm2', fromParticipantId: 'p-bob', fromDisplayName: 'Bob', toParticipantId: 'p-ada', text: 'psst' } });
  room.socket().receive({ chatMessage: { messageId: 'm3', fromParticipantId: 'p-ada', fromDisplayName: 'Ada', toParticipantId: 'p-bob', text: 'ok' } });
  room.socket().receive({ chatMessage: { messageId: 'm4', fromParticipantId: 'p-ada', fromDisplayName: 'Ada', toParticipantId: 'p-gone', text: '?' } });
  // Polls: an open one (anonymous, voted), a closed one, the creation form, a refused vote.
  const poll = { pollId: 'poll-1', question: 'Lunch?', choices: ['Pizza', 'Soup'], creatorParticipantId: 'p-ada', creatorDisplayName: 'Ada', anonymous: true, counts: [1, 1], myChoice: 0 };
  room.socket().receive({ pollUpdated: { poll } });
  room.socket().receive({ pollUpdated: { poll: { ...poll, pollId: 'poll-2', anonymous: false, closed: true } } });
  room.byTestId('create-poll')?.click();
  room.byTestId('poll-add-choice')?.click();
  room.byTestId('poll-vote-poll-1-1')?.click();
  room.socket().receive({ requestId: room.socket().last().requestId, error: { code: 'REFUSED', message: 'this poll is closed' } });
  // Mutes: asks to unmute (moderator), and one's own unmute refused (the "Ask to unmute" button).
  room.socket().receive({ unmuteAsked: { participantId: 'p-bob', kind: 'MUTE_KIND_AUDIO' } });
  room.socket().receive({ unmuteAsked: { participantId: 'p-bob', kind: 'MUTE_KIND_VIDEO' } });
  room.byTestId('toggle-mic')?.click();
  room.socket().receive({ requestId: room.socket().last().requestId, ack: {} });
  room.byTestId('toggle-mic')?.click();
  room.socket().receive({ requestId: room.socket().last().requestId, error: { code: 'FORBIDDEN', message: 'ask first' } });
  room.byTestId('toggle-chat')?.click();
  const recipient = room.byTestId<HTMLSelectElement>('chat-recipient');
  if (recipient) recipient.value = 'p-bob';
  recipient?.dispatchEvent(new Event('change'));
  const input = room.byTestId<HTMLTextAreaElement>('chat-input');
  if (input) input.value = 'again';
  room.byTestId('chat-send')?.closest('form')?.requestSubmit();
  room.socket().receive({ requestId: room.socket().last().requestId, error: { code: 'RATE_LIMITED', message: 'too fast' } });
  if (input) input.value = 'x'.repeat(1900);
  input?.dispatchEvent(new Event('input'));
  room.byTestId('leave-button')?.click();
  room.byTestId('end-for-all')?.click();
  room.byTestId('reactions')?.click();
  room.byTestId('open-settings')?.click();
  room.byTestId('open-invite')?.click();
  room.press('?');
}

beforeEach(() => {
  room = new RoomHarness('en');
});

describe('words on the page', () => {
  it('everyWordOfThePreJoinScreenIsTranslatable', async () => {
    await settle();
    expect(untranslated(document.body)).toEqual([]);
    expect(shownI18nKeys(document.body)).toEqual(expect.arrayContaining(['terms.accept', 'identity.signIn', 'prejoin.join', 'devices.camera']));
  });

  it('everyWordOfTheConferenceWithItsPanelsAndDialogsIsTranslatable', async () => {
    await fullConference();
    expect(untranslated(document.body)).toEqual([]);
    expect(shownI18nKeys(document.body)).toEqual(expect.arrayContaining([
      'toolbar.mic', 'toolbar.raiseHand', 'settings.title', 'invite.title', 'shortcuts.title', 'stage.screenShare',
      'hands.badge', 'hands.lowerAll', 'hands.lowerWho', 'reaction.REACTION_HEART', 'chat.privateFrom', 'chat.privateTo', 'chat.privateToSomeone',
      'chat.error.rateLimited', 'chat.charactersLeft', 'chat.placeholderPrivate', 'chat.delete', 'end.title', 'end.confirm',
      'chat.tabPolls', 'polls.create', 'polls.addChoice', 'polls.removeChoice', 'polls.anonymous', 'polls.count', 'polls.close', 'polls.closedBadge',
      'polls.anonymousBadge', 'polls.yourChoice', 'polls.voteFor', 'polls.error.closed', 'mute.everyoneAudio', 'mute.asksMicrophone', 'mute.asksCamera',
      'mute.allow', 'mute.askToUnmute', 'security.askAudio',
    ]));
  });

  it('switchingToFrenchChangesEveryStringAtOnceAndNoEnglishIsLeft', async () => {
    await fullConference();
    const select = room.byTestId<HTMLSelectElement>('language-switch');
    if (select) select.value = 'fr';
    select?.dispatchEvent(new Event('change'));
    for (const element of document.querySelectorAll('[data-i18n]')) {
      const key = element.getAttribute('data-i18n') ?? '';
      const params = JSON.parse(element.getAttribute('data-i18n-params') ?? 'null') ?? undefined;
      expect(element.textContent, key).toBe(createLocale('fr').tryT(key, params));
    }
    expect(englishLeft(document.body)).toEqual([]);
    expect(document.documentElement.lang).toBe('fr');
    expect(document.title).toBe('LabMeeting · Parley');
    expect(room.byTestId<HTMLTextAreaElement>('invite-text')?.value).toContain('vous invite à une réunion vidéo Parley');
  });

  it('andBackToEnglish', async () => {
    await fullConference();
    room.t.setLanguage('fr');
    room.t.setLanguage('en');
    expect(room.byTestId('toggle-mic')?.getAttribute('aria-label')).toBe('Mute microphone');
    expect(room.byTestId('chat-error')?.textContent).toBe('You are sending messages too fast. Wait a moment, then send it again.');
    expect(room.byTestId('lower-all-hands')?.textContent).toBe('Lower all hands');
  });

  it('theLeftPageFollowsTheLanguageToo', async () => {
    await room.enter();
    room.byTestId('leave-button')?.click();
    expect(untranslated(document.body)).toEqual([]);
    room.byTestId('leave-meeting')?.click();
    room.t.setLanguage('fr');
    expect(room.byTestId('left')?.textContent).toContain('Vous avez quitté la salle');
    expect(englishLeft(document.body)).toEqual([]);
  });

  it('theMeetingEndedByAModeratorPageIsTranslatable', async () => {
    await room.enter();
    room.socket().receive({ conferenceEnded: { reason: 'ENDED_BY_MODERATOR' } });
    expect(untranslated(document.body)).toEqual([]);
    room.t.setLanguage('fr');
    expect(englishLeft(document.body)).toEqual([]);
    expect(room.byTestId('ended-page')?.textContent).toContain('La réunion a été terminée par un modérateur');
  });

  it('everyAccessControlScreenIsTranslatableAndSwitchesToFrench', async () => {
    const check = (shown: string) => {
      expect(room.visible(room.byTestId(shown)), shown).toBe(true);
      expect(untranslated(document.body)).toEqual([]);
      room.t.setLanguage('fr');
      expect(englishLeft(document.body)).toEqual([]);
      room.t.setLanguage('en');
    };
    const join = () => {
      const input = room.byTestId<HTMLInputElement>('display-name');
      if (input) input.value = 'Ada';
      const terms = room.byTestId<HTMLInputElement>('accept-terms');
      if (terms && !terms.checked) terms.click();
      room.byTestId('join-button')?.click();
      room.socket().open();
      return room.socket().last().requestId;
    };
    // The knocker: waiting for the host, then in the lobby with a chat, then turned away.
    let requestId = join();
    room.socket().receive({ requestId, waiting: { reason: 'WAIT_REASON_HOST' } });
    check('waiting-host');
    room.socket().receive({ requestId, waiting: { reason: 'WAIT_REASON_LOBBY', knockId: 'k1' } });
    room.socket().receive({ lobbyChatMessage: { knockId: 'k1', fromDisplayName: 'Grace', fromModerator: true, text: 'One moment' } });
    check('lobby-chat-log');
    room.socket().receive({ requestId, error: { code: 'REJECTED', message: 'Not today' } });
    check('rejected-page');
    // A password, asked for.
    room.byTestId('rejoin-button')?.click();
    room.socket().open();
    room.socket().receive({ requestId: room.socket().last().requestId, error: { code: 'WRONG_PASSWORD', message: 'wrong' } });
    check('password-error');
    room.byTestId<HTMLDialogElement>('password-dialog')?.close();
    // The moderator: knocks with a chat, the security options, a removal to confirm, the lock and lobby icons.
    requestId = join();
    const message = joined(requestId, ada, bob);
    if (message.joined) {
      message.joined.knocks = [{ knockId: 'k2', displayName: 'Dee', signedIn: true }];
      message.joined.conference = { ...message.joined.conference, access: { lobbyEnabled: true, passwordSet: true } };
    }
    room.socket().receive(message);
    room.socket().receive({ lobbyChatMessage: { knockId: 'k2', fromDisplayName: 'Dee', text: 'Hello' } });
    room.byTestId('knock-chat-k2')?.click();
    room.byTestId('security-button')?.click();
    check('security-dialog');
    room.byTestId<HTMLDialogElement>('security-dialog')?.close();
    room.byTestId('participant-actions-p-bob')?.click();
    check('make-moderator');
    room.byTestId('kick-ban')?.click();
    check('kick-dialog');
    room.byTestId<HTMLDialogElement>('kick-dialog')?.close();
    room.byTestId('reject-k2')?.click();
    check('reject-dialog');
    room.byTestId<HTMLDialogElement>('reject-dialog')?.close();
    // Removed.
    room.socket().receive({ kicked: { banned: true, message: 'Bye' } });
    check('kicked-page');
    expect(shownI18nKeys(document.body)).toEqual(expect.arrayContaining(['kicked.titleBanned', 'moderator.message']));
  });

  it('theBannedPageIsTranslatable', () => {
    room.startJoin();
    room.socket().receive({ requestId: room.socket().last().requestId, error: { code: 'BANNED', message: 'banned' } });
    expect(untranslated(document.body)).toEqual([]);
    room.t.setLanguage('fr');
    expect(englishLeft(document.body)).toEqual([]);
    expect(room.byTestId('banned-page')?.textContent).toContain('Vous ne pouvez pas entrer dans cette conférence');
  });

  it('theHomePageIsTranslatableAndSwitchesToo', () => {
    document.body.replaceChildren();
    const root = document.createElement('div');
    document.body.appendChild(root);
    const t = createLocale('en');
    mountHomePage(root, t, { navigate: () => undefined });
    expect(untranslated(root)).toEqual([]);
    t.setLanguage('fr');
    expect(englishLeft(root)).toEqual([]);
    expect(root.querySelector('[data-testid="go-button"]')?.textContent).toBe('Aller dans la salle');
    expect(localStorage.getItem('parley.language')).toBe('"fr"');
  });

  it('theSelfTestPageWithItsResultsIsTranslatableAndSwitchesToo', async () => {
    document.body.replaceChildren();
    const root = document.createElement('div');
    document.body.appendChild(root);
    const t = createLocale('en');
    const page = mountSelfTestPage(root, t, {
      timers: new ManualTimers(),
      createChecks: () => [
        { id: 'browser', timeoutMs: 1_000, run: async () => undefined },
        { id: 'camera', timeoutMs: 1_000, run: async () => { throw new CheckFailure({ key: 'selftest.device.denied' }); } },
        { id: 'microphone', timeoutMs: 1_000, run: async () => undefined },
        { id: 'signalling', timeoutMs: 1_000, run: async () => undefined },
        { id: 'media', timeoutMs: 1_000, run: async () => { throw new CheckFailure({ key: 'selftest.media.udpNoPort' }); } },
      ],
    });
    expect(untranslated(root)).toEqual([]);
    await page.run();
    expect(untranslated(root)).toEqual([]);
    t.setLanguage('fr');
    expect(englishLeft(root)).toEqual([]);
    expect(root.querySelector('[data-testid="check-camera"]')?.textContent).toContain('Autorisez-le');
  });
});
