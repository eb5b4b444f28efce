// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { WireParticipant } from '../../signal/protocol';
import { asFake, settle } from '../../test-support/fake-webrtc';
import { ada, bob, BOB_TRACKS, RoomHarness } from '../../test-support/room-harness';
import { attachedTrack } from '../media-element';

const cy: WireParticipant = { id: 'p-cy', displayName: 'Cy', role: 'ROLE_PARTICIPANT', language: 'fr' };
const talkingBob: WireParticipant = { ...bob, audioMuted: false };

let room: RoomHarness;

beforeEach(() => {
  room = new RoomHarness('en');
});

describe('the pre-join screen', () => {
  it('showsTheCameraPreviewAndListsTheDevicesBeforeJoining', async () => {
    await settle();
    const preview = room.byTestId<HTMLVideoElement>('preview-video');
    expect(preview && attachedTrack(preview)).toBe(room.media.getState().local.video);
    expect([...(room.byTestId<HTMLSelectElement>('camera-select')?.options ?? [])].map((o) => o.textContent)).toEqual(['Built-in camera', 'USB camera']);
    expect([...(room.byTestId<HTMLSelectElement>('microphone-select')?.options ?? [])].map((o) => o.value)).toEqual(['mic-1', 'mic-2']);
    expect(room.byTestId('mic-level')?.getAttribute('role')).toBe('meter');
  });

  it('choosingAnotherCameraSwitchesThePreviewAndJoinsWithIt', async () => {
    await settle();
    const select = room.byTestId<HTMLSelectElement>('camera-select');
    if (select) select.value = 'cam-2';
    select?.dispatchEvent(new Event('change'));
    await settle();
    const camera = room.media.getState().local.video;
    expect(asFake(camera).deviceId).toBe('cam-2');
    await room.enter();
    expect(room.pcs.publisher().transceivers[1]?.sender.track).toBe(camera);
    expect(room.devices.requests.filter((r) => r.audio && r.video)).toHaveLength(1);
  });

  it('joiningWithTheCameraOffHidesThePreview', async () => {
    await settle();
    room.byTestId<HTMLInputElement>('start-video-muted')?.click();
    expect(room.visible(room.byTestId('preview-video'))).toBe(false);
    expect(room.byTestId('preview')?.textContent).toContain('Your camera is off');
  });

  it('aJoinRefusedForTheTermsSaysSoInThePagesLanguage', async () => {
    room.t.setLanguage('fr');
    const input = room.byTestId<HTMLInputElement>('display-name');
    if (input) input.value = 'Ada';
    room.byTestId<HTMLInputElement>('accept-terms')?.click();
    room.byTestId<HTMLButtonElement>('join-button')?.click();
    room.socket().open();
    room.socket().receive({ requestId: room.socket().last().requestId, error: { code: 'TERMS_NOT_ACCEPTED', message: 'terms of use not accepted' } });
    expect(room.byTestId('error')?.textContent).toBe("Vous devez accepter les conditions d'utilisation pour rejoindre.");
    expect(room.visible(room.byTestId('display-name'))).toBe(true);
  });
});

describe('the toolbar', () => {
  it('everyControlHasANameAndTogglesSayWhetherTheyArePressed', async () => {
    await room.enter();
    // Shown only when it applies: "Ask to unmute" (see the mutes tests).
    const buttons = [...(room.byTestId('toolbar')?.querySelectorAll('button') ?? [])].filter((b) => !b.hidden);
    expect(buttons.map((b) => b.dataset['testid'])).toEqual([
      'toggle-mic', 'toggle-camera', 'toggle-screen', 'toggle-chat', 'toggle-participants', 'raise-hand', 'reactions',
      'toggle-view', 'security-button', 'open-settings', 'open-invite', 'leave-button',
    ]);
    for (const button of buttons) {
      expect(button.getAttribute('aria-label') ?? button.textContent, button.dataset['testid']).not.toBe('');
    }
    expect(buttons.filter((b) => b.hasAttribute('aria-pressed')).map((b) => b.dataset['testid'])).toEqual([
      'toggle-mic', 'toggle-camera', 'toggle-screen', 'toggle-chat', 'toggle-participants', 'raise-hand', 'toggle-view',
    ]);
    expect(room.byTestId('reactions')?.getAttribute('aria-haspopup')).toBe('menu');
  });

  it('inviteShowsTheLinkAndAReadyToSendInvitationAndCopiesThem', async () => {
    await room.enter();
    room.byTestId('open-invite')?.click();
    expect(room.byTestId<HTMLDialogElement>('invite-dialog')?.open).toBe(true);
    expect(room.byTestId<HTMLInputElement>('invite-link')?.value).toBe('http://localhost/LabMeeting');
    const text = room.byTestId<HTMLTextAreaElement>('invite-text')?.value ?? '';
    expect(text).toContain('Ada invites you to a Parley video meeting.');
    expect(text).toContain('http://localhost/LabMeeting');
    room.byTestId('invite-copy-link')?.click();
    room.byTestId('invite-copy-text')?.click();
    await settle();
    expect(room.copied).toEqual(['http://localhost/LabMeeting', text]);
    expect(room.byTestId('invite-status')?.textContent).toBe('Invitation copied to the clipboard.');
  });
});

describe('keyboard shortcuts', () => {
  it('mVAndDActOnTheMicrophoneCameraAndScreen', async () => {
    await room.enter();
    room.press('m');
    expect(room.socket().last()).toMatchObject({ setMedia: { audioMuted: true } });
    room.press('v');
    expect(room.socket().last()).toMatchObject({ setMedia: { videoMuted: true } });
    room.press('d');
    await settle();
    expect(room.media.getState().local.screen).not.toBeNull();
  });

  it('cPWAndQuestionMarkOpenThePanelsTheViewAndTheHelp', async () => {
    await room.enter();
    room.press('c');
    expect(room.byTestId('side-panel')?.getAttribute('data-open')).toBe('chat');
    room.press('p');
    expect(room.byTestId('side-panel')?.getAttribute('data-open')).toBe('participants');
    room.press('p');
    expect(room.visible(room.byTestId('side-panel'))).toBe(false);
    room.press('w');
    expect(room.byTestId('stage')?.getAttribute('data-view')).toBe('speaker');
    expect(localStorage.getItem('parley.view')).toBe('"speaker"');
    room.press('?');
    expect(room.byTestId<HTMLDialogElement>('shortcuts-help')?.open).toBe(true);
  });

  it('rRaisesAndLowersOnesHand', async () => {
    await room.enter();
    room.press('r');
    expect(room.socket().last()).toMatchObject({ raiseHand: { raised: true } });
    room.socket().receive({ handsChanged: { participantIds: ['p-ada'] } });
    room.press('r');
    expect(room.socket().last()).toMatchObject({ raiseHand: { raised: false } });
  });

  it('areIgnoredWhileTypingInAFieldWithModifiersAndWhileADialogIsOpen', async () => {
    await room.enter();
    const sent = room.socket().sent.length;
    const field = document.createElement('input');
    room.root.appendChild(field);
    room.press('m', field);
    room.press('m', document.body, { ctrlKey: true });
    room.byTestId('open-settings')?.click();
    room.press('m');
    expect(room.socket().sent).toHaveLength(sent);
  });

  it('doNothingBeforeJoining', async () => {
    await settle();
    const event = room.press('m');
    expect(event.defaultPrevented).toBe(false);
    expect(room.sockets).toHaveLength(0);
  });
});

describe('the stage', () => {
  it('tileViewLaysOutANearSquareGrid', async () => {
    await room.enter(ada, bob, cy, { ...cy, id: 'p-dee', displayName: 'Dee' }, { ...cy, id: 'p-eve', displayName: 'Eve' });
    const grid = room.byTestId('tile-grid');
    expect(room.byTestId('stage')?.getAttribute('data-view')).toBe('tile');
    expect(grid?.children).toHaveLength(5);
    expect(grid?.style.getPropertyValue('--grid-columns')).toBe('3');
    expect(grid?.style.getPropertyValue('--grid-rows')).toBe('2');
  });

  it('onAPhoneTheGridIsNarrow', async () => {
    room = new RoomHarness('en', 'phone');
    await room.enter(ada, bob, cy, { ...cy, id: 'p-dee', displayName: 'Dee' }, { ...cy, id: 'p-eve', displayName: 'Eve' });
    expect(room.byTestId('tile-grid')?.style.getPropertyValue('--grid-columns')).toBe('2');
    expect(room.byTestId('stage')?.getAttribute('data-form')).toBe('phone');
    expect(room.visible(room.byTestId('side-panel'))).toBe(false);
  });

  it('speakerViewShowsTheActiveSpeakerLargeWithARingAndTheOthersInTheStrip', async () => {
    await room.enter(ada, talkingBob, cy);
    room.pushTracks(BOB_TRACKS);
    await settle();
    room.byTestId('toggle-view')?.click();
    expect(room.byTestId('toggle-view')?.getAttribute('aria-pressed')).toBe('false');
    room.pcs.subscriber().stats = new Map([['b', { type: 'inbound-rtp', kind: 'audio', mid: '0', audioLevel: 0.3 }]]);
    room.timers.advance(250);
    await settle();
    const main = room.byTestId('stage-main')?.querySelector<HTMLElement>('[data-testid="tile"]');
    expect(main?.dataset['participantId']).toBe('p-bob');
    expect(main?.dataset['speaking']).toBe('true');
    expect([...(room.byTestId('tile-strip')?.querySelectorAll<HTMLElement>('[data-testid="tile"]') ?? [])].map((t) => t.dataset['participantId']))
      .toEqual(['p-ada', 'p-cy']);
    expect(room.tile('p-cy')?.dataset['speaking']).toBe('false');
    // The same video element moved: it kept its track.
    const video = main?.querySelector<HTMLVideoElement>('[data-testid="tile-video"]');
    expect(video && attachedTrack(video)?.kind).toBe('video');
  });

  it('aScreenShareTakesTheLargePlaceInSpeakerView', async () => {
    await room.enter();
    room.pushTracks([...BOB_TRACKS, { mid: '2', kind: 'video', source: 'MEDIA_SOURCE_SCREEN', participantId: 'p-bob' }]);
    await settle();
    room.press('w');
    expect(room.byTestId('stage-main')?.querySelector('[data-testid="screen-share"]')).not.toBeNull();
    expect(room.byTestId('tile-strip')?.querySelectorAll('[data-testid="tile"]')).toHaveLength(2);
  });

  it('oneselfShowsTheAvatarPictureWhenTheCameraIsOffOthersTheirInitials', async () => {
    const picture = 'data:image/png;base64,iVBORw0KGgo=';
    room = new RoomHarness('en', 'desktop', { 'parley.avatar': picture });
    await room.enter();
    room.press('v');
    room.socket().receive({ requestId: room.socket().last().requestId, ack: {} });
    expect(room.tile('p-ada')?.querySelector<HTMLImageElement>('.tile-avatar img')?.getAttribute('src')).toBe(picture);
    expect(room.tile('p-bob')?.querySelector('.tile-avatar')?.textContent).toBe('B');
    const ownEntry = document.querySelector('[data-testid="roster-entry"][data-participant-id="p-ada"]');
    expect(ownEntry?.querySelector('img')?.getAttribute('src')).toBe(picture);

    room.byTestId('open-settings')?.click();
    room.byTestId('settings-tab-profile')?.click();
    expect(room.byTestId('avatar-note')?.textContent).toContain('pictures are not shared with others yet');
    room.byTestId('avatar-remove')?.click();
    expect(localStorage.getItem('parley.avatar')).toBeNull();
    expect(room.tile('p-ada')?.querySelector('.tile-avatar')?.textContent).toBe('A');
  });
});

describe('the side panel', () => {
  it('participantsAreOpenBesideTheVideosOnAComputerWithNoHandRaisedYet', async () => {
    await room.enter();
    expect(room.visible(room.byTestId('roster'))).toBe(true);
    expect(room.byTestId('side-panel')?.querySelector('h2')?.textContent).toBe('Participants (2)');
    expect(room.byTestId('hands-list')?.children).toHaveLength(0);
    expect(room.byTestId('raised-hands')?.textContent).toContain('No hand is raised.');
    expect(room.visible(room.byTestId('lower-all-hands'))).toBe(false);
  });

  it('anEmptyChatSaysSoAndNeverMakesAMessageUp', async () => {
    await room.enter();
    room.byTestId('toggle-chat')?.click();
    expect(room.byTestId('toggle-chat')?.getAttribute('aria-pressed')).toBe('true');
    const chat = room.byTestId('chat-panel');
    expect(room.visible(chat)).toBe(true);
    expect(room.byTestId('chat-empty')?.textContent).toContain('No messages yet');
    expect(room.all('chat-message')).toHaveLength(0);
    expect(document.activeElement).toBe(room.byTestId('chat-input'));
    room.byTestId('panel-close')?.click();
    expect(room.visible(chat)).toBe(false);
  });
});

describe('the settings', () => {
  it('openAsADialogWithDevicesProfileAndQuality', async () => {
    await room.enter();
    room.byTestId('open-settings')?.click();
    const dialog = room.byTestId<HTMLDialogElement>('settings');
    expect(dialog?.open).toBe(true);
    expect([...(dialog?.querySelectorAll('[role="tab"]') ?? [])].map((t) => t.textContent)).toEqual(['Devices', 'Profile', 'Video quality']);
    expect(room.visible(room.byTestId('quality-settings'))).toBe(false);
    room.byTestId('settings-tab-quality')?.click();
    expect(room.visible(room.byTestId('quality-settings'))).toBe(true);
  });

  it('switchingTheMicrophoneInTheCallReplacesTheSendersTrack', async () => {
    await room.enter();
    room.byTestId('open-settings')?.click();
    const select = dialogSelect('microphone-select');
    select.value = 'mic-2';
    select.dispatchEvent(new Event('change'));
    await settle();
    const mic = room.media.getState().local.audio;
    expect(asFake(mic).deviceId).toBe('mic-2');
    expect(room.pcs.publisher().transceivers[0]?.sender.track).toBe(mic);
  });

  it('theLanguageSwitchesThePageIsRememberedAndToldToTheServer', async () => {
    await room.enter();
    room.byTestId('open-settings')?.click();
    const select = dialogSelect('language-select');
    select.value = 'fr';
    select.dispatchEvent(new Event('change'));
    expect(room.socket().last()).toMatchObject({ updateProfile: { language: 'fr' } });
    expect(localStorage.getItem('parley.language')).toBe('"fr"');
    expect(room.byTestId('leave-button')?.textContent).toBe('Quitter');
    expect(room.byTestId<HTMLSelectElement>('language-switch')?.value).toBe('fr');
  });

  it('theSendQualityIsAppliedToTheCamera', async () => {
    await room.enter();
    const select = dialogSelect('send-quality');
    expect([...select.options].map((o) => o.textContent)).toEqual(['Automatic (360p)', 'Up to 720p', 'Up to 360p', 'Up to 180p']);
    select.value = '720';
    select.dispatchEvent(new Event('change'));
    await settle();
    expect(asFake(room.media.getState().local.video).appliedConstraints.at(-1)).toMatchObject({ height: { ideal: 720 } });
    expect(JSON.parse(localStorage.getItem('parley.capturePreferences') ?? '{}')).toMatchObject({ maxSendHeight: 720 });
  });
});

function dialogSelect(id: string): HTMLSelectElement {
  const select = room.byTestId('settings')?.querySelector<HTMLSelectElement>(`[data-testid="${id}"]`);
  if (!select) throw new Error(`no ${id}`);
  return select;
}

describe('leaving the conference view', () => {
  it('closesItsOpenDialogsSoThatTheyDoNotComeBackOpen', async () => {
    await room.enter();
    room.byTestId('open-settings')?.click();
    expect(room.byTestId<HTMLDialogElement>('settings')?.open).toBe(true);
    room.socket().receive({ conferenceEnded: { reason: 'LAST_PARTICIPANT_LEFT' } });
    room.byTestId('rejoin-button')?.click();
    room.socket().open();
    room.socket().receive({ requestId: room.socket().last().requestId, joined: { participantId: 'p-ada', resumeToken: 't', conference: { roster: [ada] } } });
    expect(room.byTestId<HTMLDialogElement>('settings')?.open).toBe(false);
    room.press('m');
    expect(room.socket().last()).toMatchObject({ setMedia: { audioMuted: true } });
  });
});
