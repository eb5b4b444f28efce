// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { readMe } from '../../app/me';
import type { WireParticipant } from '../../signal/protocol';
import { asFake, settle } from '../../test-support/fake-webrtc';
import { ada, bob, joined, RoomHarness } from '../../test-support/room-harness';

const guestAda: WireParticipant = { ...ada, role: 'ROLE_PARTICIPANT' };
const alice = readMe({
  signedIn: true, subject: 'alice', displayName: 'Alice Martin', member: true,
  identityProvider: { development: true, issuer: 'http://localhost:8080/dev', loginUrl: '/auth/login' },
});

let room: RoomHarness;

beforeEach(() => {
  room = new RoomHarness('en');
});

function type(testId: string, value: string): void {
  const input = room.byTestId<HTMLInputElement>(testId);
  if (!input) throw new Error(`no ${testId}`);
  input.value = value;
}

function submit(testId: string): void {
  const button = room.byTestId<HTMLButtonElement>(testId);
  if (!button) throw new Error(`no ${testId}`);
  // happy-dom does not submit a form from a click on its submit button: do what the browser does.
  button.closest('form')?.requestSubmit(button);
}

describe('signing in on the pre-join screen', () => {
  it('aGuestIsOfferedTheHostSignInComingBackToThisRoom', async () => {
    await settle();
    expect(room.meRequests).toBe(1);
    const link = room.byTestId<HTMLAnchorElement>('sign-in-link');
    expect(room.visible(link)).toBe(true);
    expect(link?.textContent).toBe('I am the host — sign in');
    expect(link?.getAttribute('href')).toBe('/auth/login?return=%2FLabMeeting');
    expect(room.visible(room.byTestId('dev-idp-label'))).toBe(false);
  });

  it('aSignedInMemberSeesWhoTheyAreTheirNameAndTheDevelopmentLabel', async () => {
    room = new RoomHarness('en', 'desktop', {}, alice);
    await settle();
    expect(room.visible(room.byTestId('sign-in-link'))).toBe(false);
    expect(room.byTestId('signed-in-name')?.textContent).toBe('Alice Martin');
    expect(room.visible(room.byTestId('sign-out'))).toBe(true);
    expect(room.byTestId('dev-idp-label')?.textContent).toBe('Development sign-in — test accounts, not for production');
    expect(room.byTestId<HTMLInputElement>('display-name')?.value).toBe('Alice Martin');
  });

  it('theDevelopmentLabelIsInFrenchToo', async () => {
    room = new RoomHarness('fr', 'desktop', {}, alice);
    await settle();
    expect(room.byTestId('dev-idp-label')?.textContent).toBe('Connexion de développement — comptes de test, pas pour la production');
  });
});

describe('waiting to enter', () => {
  it('aGuestBeforeTheHostWaitsWithASignInLinkAndEntersWhenTheHostArrives', async () => {
    const requestId = room.startJoin();
    room.socket().receive({ requestId, waiting: { reason: 'WAIT_REASON_HOST' } });
    const waiting = room.byTestId('waiting-host');
    expect(room.visible(waiting)).toBe(true);
    expect(waiting?.textContent).toContain('Waiting for the host…');
    expect(waiting?.textContent).toContain('You will enter automatically when a host starts the meeting.');
    expect(room.visible(room.byTestId('sign-in-link'))).toBe(true);
    expect(room.visible(room.byTestId('conference'))).toBe(false);
    room.socket().receive(joined(requestId, guestAda, bob));
    await settle();
    expect(room.visible(room.byTestId('conference'))).toBe(true);
    expect(room.pcs.publisher()).toBeDefined();
  });

  it('aKnockerChatsWithTheModeratorsAndCanGiveUp', () => {
    const requestId = room.startJoin();
    room.socket().receive({ requestId, waiting: { reason: 'WAIT_REASON_LOBBY', knockId: 'k1' } });
    expect(room.visible(room.byTestId('waiting-lobby'))).toBe(true);
    expect(room.byTestId('waiting-lobby')?.textContent).toContain('Asking to join…');
    type('lobby-chat-input', 'I am presenting at 10');
    submit('lobby-chat-send');
    expect(room.socket().last()).toMatchObject({ lobbyChat: { text: 'I am presenting at 10' } });
    room.socket().receive({ lobbyChatMessage: { knockId: 'k1', fromDisplayName: 'Ada', text: 'I am presenting at 10' } });
    room.socket().receive({ lobbyChatMessage: { knockId: 'k1', fromDisplayName: 'Grace', fromModerator: true, text: 'Coming!' } });
    const log = room.byTestId('lobby-chat-log');
    expect([...(log?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual(['Ada I am presenting at 10', 'Gracemoderator Coming!']);
    room.byTestId('waiting-leave')?.click();
    expect(room.socket().last()).toMatchObject({ leave: {} });
    expect(room.visible(room.byTestId('left'))).toBe(true);
  });

  it('aRefusalShowsTheModeratorsWordsAndAskingAgainKnocksAgain', () => {
    const requestId = room.startJoin();
    room.socket().receive({ requestId, waiting: { reason: 'WAIT_REASON_LOBBY', knockId: 'k1' } });
    room.socket().receive({ requestId, error: { code: 'REJECTED', message: 'Lab members only today' } });
    const page = room.byTestId('rejected-page');
    expect(room.visible(page)).toBe(true);
    expect(page?.textContent).toContain('You were not let in');
    expect(room.byTestId('moderator-message')?.textContent).toBe('Lab members only today');
    expect(room.visible(room.byTestId('error'))).toBe(false);
    room.byTestId('rejoin-button')?.click();
    room.socket().open();
    expect(room.socket().last()).toMatchObject({ join: { displayName: 'Ada' } });
  });

  it('aDroppedConnectionWhileWaitingKeepsTheWaitingScreen', () => {
    const requestId = room.startJoin();
    room.socket().receive({ requestId, waiting: { reason: 'WAIT_REASON_HOST' } });
    room.socket().drop();
    expect(room.visible(room.byTestId('waiting-host'))).toBe(true);
    expect(room.visible(room.byTestId('connection-banner'))).toBe(true);
  });
});

describe('the room password', () => {
  it('asksForThePasswordAndJoinsAgainWithIt', () => {
    const requestId = room.startJoin();
    room.socket().receive({ requestId, error: { code: 'PASSWORD_REQUIRED', message: 'password required' } });
    const dialog = room.byTestId<HTMLDialogElement>('password-dialog');
    expect(dialog?.open).toBe(true);
    expect(document.activeElement).toBe(room.byTestId('password-input'));
    expect(room.byTestId('password-error')?.textContent).toBe('Enter the meeting password to join.');
    expect(room.visible(room.byTestId('error'))).toBe(false);
    type('password-input', 'nope');
    submit('password-submit');
    expect(dialog?.open).toBe(false);
    room.socket().open();
    expect(room.socket().last()).toMatchObject({ join: { password: 'nope', acceptedTerms: true } });
    room.socket().receive({ requestId: room.socket().last().requestId, error: { code: 'WRONG_PASSWORD', message: 'wrong' } });
    expect(dialog?.open).toBe(true);
    expect(room.byTestId('password-error')?.textContent).toBe('Wrong password');
    type('password-input', 'guess');
    submit('password-submit');
    room.socket().open();
    room.socket().receive({ requestId: room.socket().last().requestId, error: { code: 'TOO_MANY_ATTEMPTS', message: 'slow down' } });
    expect(room.byTestId('password-error')?.textContent).toBe('Too many attempts; wait a moment');
    type('password-input', 's3cret');
    submit('password-submit');
    room.socket().open();
    room.socket().receive(joined(room.socket().last().requestId, guestAda, bob));
    expect(room.visible(room.byTestId('conference'))).toBe(true);
  });

  it('anEmptyPasswordIsNotSent', () => {
    const requestId = room.startJoin();
    room.socket().receive({ requestId, error: { code: 'PASSWORD_REQUIRED', message: 'password required' } });
    const sockets = room.sockets.length;
    submit('password-submit');
    expect(room.sockets).toHaveLength(sockets);
  });
});

describe('bans and removals', () => {
  it('aBannedPersonIsToldTheyCannotEnter', () => {
    const requestId = room.startJoin();
    room.socket().receive({ requestId, error: { code: 'BANNED', message: 'banned' } });
    expect(room.visible(room.byTestId('banned-page'))).toBe(true);
    expect(room.byTestId('banned-page')?.textContent).toContain('You cannot enter this conference');
    expect(room.byTestId('rejoin-button')).toBeNull();
  });

  it('someoneRemovedLeavesTheConferenceStopsTheirCameraAndIsNotBroughtBack', async () => {
    await room.enter(guestAda, bob);
    const camera = room.media.getState().local.video;
    room.socket().receive({ kicked: { banned: true, message: 'Please respect the others' } });
    await settle();
    const page = room.byTestId('kicked-page');
    expect(room.visible(page)).toBe(true);
    expect(page?.textContent).toContain('You were removed and banned from this conference');
    expect(room.byTestId('moderator-message')?.textContent).toBe('Please respect the others');
    expect(room.byTestId('rejoin-button')).toBeNull();
    expect(asFake(camera).stopped).toBe(true);
    room.timers.advance(120_000);
    expect(room.sockets).toHaveLength(1);
  });

  it('someoneRemovedWithoutABanMayChooseToComeBack', async () => {
    await room.enter(guestAda, bob);
    room.socket().receive({ kicked: {} });
    expect(room.byTestId('kicked-page')?.textContent).toContain('You were removed from the conference');
    expect(room.byTestId('moderator-message')).toBeNull();
    expect(room.visible(room.byTestId('rejoin-button'))).toBe(true);
  });

  it('othersSeeWhoWasRemoved', async () => {
    await room.enter(guestAda, bob);
    room.socket().receive({ participantLeft: { participantId: 'p-bob', reason: 'LEAVE_REASON_KICKED' } });
    expect(room.byTestId('toast')?.textContent).toBe('Bob was removed');
    expect(document.querySelector('[aria-live][aria-atomic]')?.textContent).toBe('Bob was removed');
    expect(room.tile('p-bob')).toBeNull();
  });
});

describe('moderating', () => {
  it('onlyModeratorsHaveTheSecurityButtonAndParticipantActions', async () => {
    await room.enter(guestAda, bob);
    expect(room.visible(room.byTestId('security-button'))).toBe(false);
    expect(room.visible(room.byTestId('participant-actions-p-bob'))).toBe(false);
    room.socket().receive({ roleChanged: { participantId: 'p-ada', role: 'ROLE_MODERATOR' } });
    expect(room.visible(room.byTestId('security-button'))).toBe(true);
    expect(room.visible(room.byTestId('participant-actions-p-bob'))).toBe(true);
    expect(room.byTestId('participant-actions-p-ada')?.hidden).toBe(true);
    expect(room.byTestId('toast')?.textContent).toBe('You are now a moderator.');
  });

  it('theSecurityDialogSwitchesTheLobbyAndSetsThePasswordWithoutShowingIt', async () => {
    await room.enter();
    room.byTestId('security-button')?.click();
    expect(room.byTestId<HTMLDialogElement>('security-dialog')?.open).toBe(true);
    expect(room.byTestId('password-status')?.textContent).toBe('No password is set.');
    expect(room.visible(room.byTestId('password-remove-button'))).toBe(false);
    const lobby = room.byTestId<HTMLInputElement>('lobby-switch');
    lobby?.click();
    expect(room.socket().last()).toMatchObject({ setLobby: { enabled: true } });
    type('password-set-input', 's3cret');
    submit('password-set-button');
    expect(room.socket().last()).toMatchObject({ setPassword: { password: 's3cret' } });
    expect(room.byTestId<HTMLInputElement>('password-set-input')?.value).toBe('');
    room.socket().receive({ accessChanged: { access: { lobbyEnabled: true, passwordSet: true } } });
    expect(room.byTestId('password-status')?.textContent).toBe('A password is set.');
    expect(room.byTestId<HTMLInputElement>('password-set-input')?.value).toBe('');
    expect(room.visible(room.byTestId('access-password'))).toBe(true);
    expect(room.visible(room.byTestId('access-lobby'))).toBe(true);
    room.byTestId('password-remove-button')?.click();
    expect(room.socket().last()).toMatchObject({ setPassword: { password: '' } });
  });

  it('everyoneSeesTheLockAndLobbyInTheHeader', async () => {
    await room.enter(guestAda, bob);
    expect(room.visible(room.byTestId('access-indicator'))).toBe(false);
    room.socket().receive({ accessChanged: { access: { passwordSet: true } } });
    expect(room.visible(room.byTestId('access-password'))).toBe(true);
    expect(room.visible(room.byTestId('access-lobby'))).toBe(false);
    expect(room.byTestId('access-password')?.getAttribute('aria-label')).toBe('This meeting has a password');
  });

  it('aForbiddenActionIsExplained', async () => {
    await room.enter();
    room.byTestId('security-button')?.click();
    room.byTestId<HTMLInputElement>('lobby-switch')?.click();
    room.socket().receive({ requestId: room.socket().last().requestId, error: { code: 'FORBIDDEN', message: 'moderators only' } });
    expect(room.byTestId('error')?.textContent).toBe('Only moderators can do that.');
  });

  it('knocksAreListedLiveWithACountAndAToastAndCanBeAdmitted', async () => {
    await room.enter();
    room.socket().receive({ knockReceived: { knock: { knockId: 'k1', displayName: 'Cy', signedIn: false } } });
    expect(room.byTestId('toast')?.textContent).toBe('Cy asks to join');
    expect(room.byTestId('knock-count')?.textContent).toBe('1');
    const described = room.byTestId('toggle-participants')?.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(described)?.textContent).toBe('1 waiting to join');
    expect(room.visible(room.byTestId('knock-list'))).toBe(true);
    const panel = room.byTestId('participants-panel');
    expect(panel?.firstElementChild).toBe(room.byTestId('knock-list'));
    expect(room.byTestId('knock-k1')?.textContent).toContain('Cy');
    expect(room.byTestId('admit-k1')?.getAttribute('aria-label')).toBe('Admit Cy');
    room.byTestId('admit-k1')?.click();
    expect(room.socket().last()).toMatchObject({ admitKnock: { knockId: 'k1' } });
    room.socket().receive({ knockResolved: { knockId: 'k1', outcome: 'KNOCK_OUTCOME_ADMITTED', byParticipantId: 'p-ada' } });
    expect(room.byTestId('knock-k1')).toBeNull();
    expect(room.visible(room.byTestId('knock-list'))).toBe(false);
    expect(room.visible(room.byTestId('knock-count'))).toBe(false);
  });

  it('theKnocksPendingAtJoinAreListedAndCanBeRejectedWithAMessage', async () => {
    room.startJoin();
    const message = joined(room.socket().last().requestId, ada, bob);
    if (message.joined) message.joined.knocks = [{ knockId: 'k2', displayName: 'Dee', signedIn: true }];
    room.socket().receive(message);
    expect(room.byTestId('knock-k2')?.textContent).toContain('signed in');
    room.byTestId('reject-k2')?.click();
    expect(room.byTestId<HTMLDialogElement>('reject-dialog')?.open).toBe(true);
    expect(document.activeElement).toBe(room.byTestId('reject-message'));
    type('reject-message', 'Not today, sorry');
    room.byTestId('reject-confirm')?.click();
    expect(room.socket().last()).toMatchObject({ rejectKnock: { knockId: 'k2', message: 'Not today, sorry' } });
    expect(room.byTestId<HTMLDialogElement>('reject-dialog')?.open).toBe(false);
  });

  it('aModeratorChatsWithOneKnocker', async () => {
    await room.enter();
    room.socket().receive({ knockReceived: { knock: { knockId: 'k1', displayName: 'Cy' } } });
    room.byTestId('knock-chat-k1')?.click();
    expect(room.byTestId('knock-chat-k1')?.getAttribute('aria-expanded')).toBe('true');
    type('lobby-chat-input-k1', 'Which lab are you from?');
    submit('lobby-chat-send-k1');
    expect(room.socket().last()).toMatchObject({ lobbyChat: { knockId: 'k1', text: 'Which lab are you from?' } });
    room.socket().receive({ lobbyChatMessage: { knockId: 'k1', fromDisplayName: 'Cy', text: 'Physics' } });
    expect(room.byTestId('lobby-chat-log-k1')?.textContent).toContain('Physics');
  });

  it('aModeratorPromotesAGuest', async () => {
    await room.enter();
    room.byTestId('participant-actions-p-bob')?.click();
    expect(room.byTestId('participant-actions-p-bob')?.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(room.byTestId('mute-video'));
    room.byTestId('make-moderator')?.click();
    expect(room.socket().last()).toMatchObject({ grantModerator: { participantId: 'p-bob' } });
    expect(room.byTestId('make-moderator')).toBeNull();
  });

  it('removingAndBanningAsksFirstWithAnOptionalMessage', async () => {
    await room.enter();
    room.byTestId('participant-actions-p-bob')?.click();
    room.byTestId('kick-ban')?.click();
    const dialog = room.byTestId<HTMLDialogElement>('kick-dialog');
    expect(dialog?.open).toBe(true);
    expect(room.byTestId('kick-body')?.textContent).toBe('Remove Bob and ban them from this conference? They will not be able to come back.');
    const sent = room.socket().sent.length;
    room.byTestId('kick-cancel')?.click();
    expect(room.socket().sent).toHaveLength(sent);
    room.byTestId('participant-actions-p-bob')?.click();
    room.byTestId('kick-ban')?.click();
    type('kick-message', 'Spam in the chat');
    room.byTestId('kick-confirm')?.click();
    expect(room.socket().last()).toMatchObject({ kick: { participantId: 'p-bob', ban: true, message: 'Spam in the chat' } });
  });

  it('aModeratorIsNotOfferedToPromoteAnotherModerator', async () => {
    await room.enter(ada, { ...bob, role: 'ROLE_MODERATOR' });
    room.byTestId('participant-actions-p-bob')?.click();
    expect(room.byTestId('make-moderator')).toBeNull();
    expect(room.byTestId('kick')).not.toBeNull();
  });
});

describe('on a phone', () => {
  it('theLobbyAndTheSecurityOptionsAreReachable', async () => {
    room = new RoomHarness('en', 'phone');
    await room.enter();
    room.socket().receive({ knockReceived: { knock: { knockId: 'k1', displayName: 'Cy' } } });
    expect(room.byTestId('knock-count')?.textContent).toBe('1');
    room.byTestId('toggle-participants')?.click();
    expect(room.visible(room.byTestId('admit-k1'))).toBe(true);
    expect(room.visible(room.byTestId('security-button'))).toBe(true);
  });
});

describe('the actions menu', () => {
  it('closesWithEscapeGivingFocusBackAndWithAClickOutside', async () => {
    await room.enter();
    const button = room.byTestId('participant-actions-p-bob');
    button?.click();
    room.press('Escape', room.byTestId('make-moderator') ?? document.body);
    expect(room.byTestId('make-moderator')).toBeNull();
    expect(document.activeElement).toBe(button);
    button?.click();
    expect(room.byTestId('kick')).not.toBeNull();
    room.byTestId('stage')?.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(room.byTestId('kick')).toBeNull();
    expect(button?.getAttribute('aria-expanded')).toBe('false');
  });
});
