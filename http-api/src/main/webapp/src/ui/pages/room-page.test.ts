// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { receivePreferenceStore } from '../../app/storage';
import { createLocale } from '../../i18n/i18n';
import { DEFAULT_CAPTURE } from '../../media/capture-settings';
import { MediaSession } from '../../media/media-session';
import type { ServerMessage, WireParticipant } from '../../signal/protocol';
import { SignalClient } from '../../signal/signal-client';
import { FakeSocket, ManualTimers, MemoryCredentials } from '../../test-support/fake-signalling';
import { asFake, FakeDevices, FakePeerConnections, offerSdp, settle } from '../../test-support/fake-webrtc';
import { attachedTrack } from '../media-element';
import type { FormFactorSource } from '../form-factor';
import { mountRoomPage } from './room-page';

const ROOM = 'LabMeeting';
const ada: WireParticipant = { id: 'p-ada', displayName: 'Ada', role: 'ROLE_MODERATOR', language: 'en' };
const bob: WireParticipant = { id: 'p-bob', displayName: 'Bob', role: 'ROLE_PARTICIPANT', language: 'en', audioMuted: true };

let sockets: FakeSocket[];
let timers: ManualTimers;
let credentials: MemoryCredentials;
let root: HTMLElement;
let pcs: FakePeerConnections;
let devices: FakeDevices;
let media: MediaSession;
let copied: string[];

const DESKTOP: FormFactorSource = { get: () => 'desktop', roomy: () => true, onChange: () => undefined };

function mount(language = 'en', formFactor: FormFactorSource = DESKTOP): SignalClient {
  const client = new SignalClient({
    url: 'ws://localhost/api/v1/signal',
    room: ROOM,
    createSocket: (url, protocol, handlers) => {
      const socket = new FakeSocket(url, protocol, handlers);
      sockets.push(socket);
      return socket;
    },
    credentials,
    timers,
    random: () => 0,
  });
  media = new MediaSession({
    signal: client,
    createPeerConnection: pcs.factory,
    devices,
    capture: DEFAULT_CAPTURE,
    preferences: receivePreferenceStore,
    timers,
    clock: () => 0,
    random: () => 0,
  });
  mountRoomPage(root, createLocale(language), ROOM, {
    client,
    media,
    pageUrl: () => `http://localhost/${ROOM}`,
    copyText: async (text) => {
      copied.push(text);
      return true;
    },
    formFactor,
  });
  return client;
}

function socket(): FakeSocket {
  const s = sockets.at(-1);
  if (!s) throw new Error('no socket');
  return s;
}

const byTestId = <E extends Element = HTMLElement>(id: string) => root.querySelector<E & Element>(`[data-testid="${id}"]`);
const all = (id: string) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
const visible = (element: Element | null) => element !== null && element.closest('[hidden]') === null && element.isConnected;

function acceptTerms(): void {
  const box = byTestId<HTMLInputElement>('accept-terms');
  if (box && !box.checked) box.click();
}

function joinAs(name: string): void {
  const input = byTestId<HTMLInputElement>('display-name');
  if (!input) throw new Error('no display name field');
  input.value = name;
  acceptTerms();
  byTestId<HTMLButtonElement>('join-button')?.click();
}

function joined(requestId: string, ...roster: WireParticipant[]): ServerMessage {
  return {
    requestId,
    joined: {
      participantId: 'p-ada', resumeToken: 'tok', role: 'ROLE_MODERATOR', heartbeatIntervalMillis: '10000',
      conference: { room: ROOM.toLowerCase(), instance: '1', roster },
    },
  };
}

function enterRoom(): void {
  joinAs('Ada');
  socket().open();
  socket().receive(joined(socket().last().requestId, ada, bob));
}

beforeEach(() => {
  sockets = [];
  timers = new ManualTimers();
  credentials = new MemoryCredentials();
  pcs = new FakePeerConnections();
  devices = new FakeDevices();
  copied = [];
  localStorage.clear();
  document.body.replaceChildren();
  root = document.createElement('div');
  document.body.appendChild(root);
});

describe('room page', () => {
  it('offersThePrejoinFormWithTheRememberedDisplayName', () => {
    localStorage.setItem('parley.displayName', JSON.stringify('Grace'));
    mount();
    expect(byTestId<HTMLInputElement>('display-name')?.value).toBe('Grace');
    expect(byTestId('room-name')?.textContent).toBe(ROOM);
    expect(visible(byTestId('leave-button'))).toBe(false);
    expect(document.title).toBe('LabMeeting · Parley');
  });

  it('aBlankNameIsNotSent', () => {
    mount();
    joinAs('   ');
    expect(sockets).toHaveLength(0);
    expect(root.textContent).toContain('Enter the name others will see.');
  });

  it('joiningShowsTheLiveRosterWithBadgesMediaStateAndOneself', () => {
    mount();
    joinAs('Ada');
    expect(byTestId<HTMLButtonElement>('join-button')?.disabled).toBe(true);
    socket().open();
    expect(socket().last()).toMatchObject({ join: { room: ROOM, displayName: 'Ada', language: 'en', acceptedTerms: true } });
    socket().receive(joined(socket().last().requestId, ada, bob));

    const entries = all('roster-entry');
    expect(entries.map((e) => e.dataset['participantId'])).toEqual(['p-ada', 'p-bob']);
    const [adaEntry, bobEntry] = entries;
    expect(adaEntry?.querySelector('[data-testid="roster-name"]')?.textContent).toBe('Ada');
    expect(visible(adaEntry?.querySelector('.roster-you') ?? null)).toBe(true);
    expect(visible(bobEntry?.querySelector('.roster-you') ?? null)).toBe(false);
    expect(visible(adaEntry?.querySelector('[data-testid="moderator-badge"]') ?? null)).toBe(true);
    expect(visible(bobEntry?.querySelector('[data-testid="moderator-badge"]') ?? null)).toBe(false);
    expect([...(bobEntry?.querySelectorAll('[role="img"]') ?? [])].map((i) => i.getAttribute('aria-label')))
      .toEqual(['Microphone off', 'Camera on']);
    expect(root.textContent).toContain('Participants (2)');
    expect(visible(byTestId('leave-button'))).toBe(true);
    expect(localStorage.getItem('parley.displayName')).toBe('"Ada"');
    expect(localStorage.getItem('parley.recentRooms')).toContain(ROOM);
  });

  it('rosterChangesAreAppliedInPlaceAndAnnounced', () => {
    mount();
    enterRoom();
    const adaElement = all('roster-entry')[0];
    socket().receive({ participantJoined: { participant: { id: 'p-cy', displayName: 'Cy', role: 'ROLE_PARTICIPANT' } } });
    socket().receive({ participantLeft: { participantId: 'p-bob', reason: 'LEAVE_REASON_LEFT' } });
    expect(all('roster-name').map((e) => e.textContent)).toEqual(['Ada', 'Cy']);
    expect(all('roster-entry')[0]).toBe(adaElement);
    expect(root.querySelector('[aria-live="polite"].visually-hidden')?.textContent).toBe('Bob left');
  });

  it('theMediaTogglesAndRenameSpeakTheProtocol', () => {
    mount();
    enterRoom();
    const mic = byTestId<HTMLButtonElement>('toggle-mic');
    expect(mic?.getAttribute('aria-pressed')).toBe('false');
    mic?.click();
    expect(socket().last()).toMatchObject({ setMedia: { audioMuted: true } });
    socket().receive({ requestId: socket().last().requestId, ack: {} });
    expect(mic?.getAttribute('aria-pressed')).toBe('true');
    expect(mic?.getAttribute('aria-label')).toBe('Mute microphone');
    expect(mic?.getAttribute('title')).toBe('Unmute microphone (M)');

    byTestId<HTMLButtonElement>('open-settings')?.click();
    byTestId<HTMLButtonElement>('settings-tab-profile')?.click();
    const input = byTestId<HTMLInputElement>('rename-input');
    expect(visible(input)).toBe(true);
    expect(input?.value).toBe('Ada');
    if (input) input.value = 'Ada Lovelace';
    byTestId<HTMLButtonElement>('rename-save')?.click();
    expect(socket().last()).toMatchObject({ updateProfile: { displayName: 'Ada Lovelace' } });
    expect(localStorage.getItem('parley.displayName')).toBe('"Ada Lovelace"');
  });

  it('aRefusedJoinShowsTheServersMessageInTheAlertArea', () => {
    mount();
    expect(visible(byTestId('error'))).toBe(false);
    joinAs('Ada');
    socket().open();
    socket().receive({ requestId: socket().last().requestId, error: { code: 'REFUSED', message: 'the room is locked' } });
    expect(visible(byTestId('error'))).toBe(true);
    expect(byTestId('error')?.textContent).toBe('the room is locked');
    expect(byTestId('error')?.getAttribute('role')).toBe('alert');
    expect(byTestId<HTMLButtonElement>('join-button')?.disabled).toBe(false);
  });

  it('aDroppedConnectionShowsTheReconnectingBannerUntilBackIn', () => {
    mount();
    enterRoom();
    socket().drop();
    expect(byTestId('connection-banner')?.textContent).toContain('Connection lost, reconnecting…');
    expect(byTestId<HTMLButtonElement>('toggle-mic')?.disabled).toBe(true);
    expect(all('roster-entry')).toHaveLength(2);
    timers.advance(250);
    socket().open();
    socket().receive(joined(socket().last().requestId, ada));
    expect(byTestId('connection-banner')?.textContent).toBe('');
    expect(all('roster-entry')).toHaveLength(1);
  });

  it('leavingShowsAWayBack', () => {
    mount();
    enterRoom();
    // Ada is a moderator: Leave opens the menu with Leave and End meeting for everyone.
    byTestId<HTMLButtonElement>('leave-button')?.click();
    expect(byTestId('leave-button')?.getAttribute('aria-expanded')).toBe('true');
    byTestId<HTMLButtonElement>('leave-meeting')?.click();
    expect(socket().last()).toMatchObject({ leave: {} });
    expect(byTestId('left')?.textContent).toContain('You left the room');
    byTestId<HTMLButtonElement>('rejoin-button')?.click();
    expect(sockets).toHaveLength(2);
  });

  it('aReloadedTabGoesStraightBackInWithoutTheForm', () => {
    credentials.save(ROOM, { participantId: 'p-ada', resumeToken: 'tok' });
    mount();
    expect(byTestId('display-name')).toBeNull();
    expect(byTestId('connecting')).not.toBeNull();
    socket().open();
    expect(socket().last()).toMatchObject({ resume: { room: ROOM, participantId: 'p-ada', resumeToken: 'tok' } });
  });

  it('speaksFrenchToFrenchBrowsers', () => {
    mount('fr');
    expect(byTestId('join-button')?.textContent).toBe('Rejoindre');
    enterRoom();
    expect(root.textContent).toContain('(vous)');
    expect(byTestId('leave-button')?.textContent).toBe('Quitter');
    expect(byTestId('toggle-mic')?.getAttribute('aria-label')).toBe('Couper le micro');
  });

  it('theEndOfTheConferenceIsExplained', () => {
    mount();
    enterRoom();
    socket().receive({ conferenceEnded: { reason: 'ENDED_BY_MODERATOR' } });
    expect(byTestId('ended-page')?.textContent).toContain('The meeting was ended by a moderator');
    expect(byTestId('rejoin-button')).toBeNull();
    timers.advance(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('aConferenceThatEndedByItselfCanBeStartedAgain', () => {
    mount();
    enterRoom();
    socket().receive({ conferenceEnded: { reason: 'LAST_PARTICIPANT_LEFT' } });
    expect(byTestId('ended')?.textContent).toContain('Everyone has left.');
    expect(byTestId('rejoin-button')).not.toBeNull();
  });
});

describe('room page media', () => {
  function bobsTracks(...extra: Array<{ mid: string; kind: 'audio' | 'video'; source: 'MEDIA_SOURCE_SCREEN'; participantId: string }>): void {
    const tracks = [
      { mid: '0', kind: 'audio' as const, source: 'MEDIA_SOURCE_MICROPHONE' as const, participantId: 'p-bob' },
      { mid: '1', kind: 'video' as const, source: 'MEDIA_SOURCE_CAMERA' as const, participantId: 'p-bob' },
      ...extra,
    ];
    socket().receive({
      subscribeOffer: {
        sdp: offerSdp(...tracks.map(({ mid, kind }) => ({ mid, kind }))),
        version: '1',
        tracks: tracks.map(({ mid, source, participantId }) => ({ mid, source, participantId })),
      },
    });
  }

  const tile = (id: string) => root.querySelector<HTMLElement>(`[data-testid="tile"][data-participant-id="${id}"]`);
  const tileVideo = (id: string) => tile(id)?.querySelector<HTMLVideoElement>('[data-testid="tile-video"]') ?? null;

  it('everyoneHasATileOneselfFirstWithAMutedMirroredPreview', async () => {
    mount();
    enterRoom();
    await settle();
    expect(all('tile').map((e) => e.dataset['participantId'])).toEqual(['p-ada', 'p-bob']);
    const preview = tileVideo('p-ada');
    expect(preview?.hasAttribute('muted')).toBe(true);
    expect(preview?.muted).toBe(true);
    expect(preview?.hasAttribute('playsinline')).toBe(true);
    expect(preview?.classList.contains('is-mirrored')).toBe(true);
    expect(preview && attachedTrack(preview)).toBe(media.getState().local.video);
    // Bob's camera has not arrived yet: his initials, and his muted microphone.
    expect(tileVideo('p-bob')).toBeNull();
    expect(tile('p-bob')?.querySelector('.tile-avatar')?.textContent).toBe('B');
    expect(visible(tile('p-bob')?.querySelector('[data-testid="tile-mic-off"]') ?? null)).toBe(true);
    expect(visible(tile('p-ada')?.querySelector('[data-testid="tile-mic-off"]') ?? null)).toBe(false);
  });

  it('remoteCameraAndMicrophoneGoToTheirOwnersTileAndAudioElement', async () => {
    mount();
    enterRoom();
    bobsTracks();
    await settle();
    const video = tileVideo('p-bob');
    expect(video).not.toBeNull();
    expect(video?.hasAttribute('muted')).toBe(false);
    expect(video?.classList.contains('is-mirrored')).toBe(false);
    expect(video && attachedTrack(video)?.kind).toBe('video');
    const audio = root.querySelector<HTMLAudioElement>('[data-testid="remote-audio"][data-participant-id="p-bob"]');
    expect(audio?.hasAttribute('autoplay')).toBe(true);
    expect(audio && attachedTrack(audio)?.kind).toBe('audio');
    expect(audio?.closest('[hidden]')).not.toBeNull();
  });

  it('someoneWhoLeavesTakesTheirTileVideoAndAudioWithThem', async () => {
    mount();
    enterRoom();
    bobsTracks();
    await settle();
    socket().receive({ participantLeft: { participantId: 'p-bob', reason: 'LEAVE_REASON_LEFT' } });
    expect(tile('p-bob')).toBeNull();
    expect(all('remote-audio')).toHaveLength(0);
  });

  it('aScreenShareIsShownLargeWithWhoIsSharing', async () => {
    mount();
    enterRoom();
    bobsTracks({ mid: '2', kind: 'video', source: 'MEDIA_SOURCE_SCREEN', participantId: 'p-bob' });
    await settle();
    const share = byTestId<HTMLVideoElement>('screen-share');
    expect(visible(share)).toBe(true);
    expect(share?.dataset['participantId']).toBe('p-bob');
    expect(root.querySelector('.screen-share-caption')?.textContent).toBe('Bob is sharing their screen');
    const bobCamera = tileVideo('p-bob');
    expect(share && attachedTrack(share)?.kind).toBe('video');
    expect(share && attachedTrack(share)).not.toBe(bobCamera && attachedTrack(bobCamera));
  });

  it('theMicrophoneButtonMutesTheTrackAtOnce', async () => {
    mount();
    enterRoom();
    await settle();
    byTestId<HTMLButtonElement>('toggle-mic')?.click();
    expect(asFake(media.getState().local.audio).enabled).toBe(false);
    expect(socket().last()).toMatchObject({ setMedia: { audioMuted: true } });
    byTestId<HTMLButtonElement>('toggle-camera')?.click();
    expect(asFake(media.getState().local.video).enabled).toBe(false);
    socket().receive({ requestId: socket().last().requestId, ack: {} });
    expect(tileVideo('p-ada')).toBeNull();
    expect(byTestId('toggle-camera')?.getAttribute('aria-pressed')).toBe('true');
    expect(byTestId('toggle-camera')?.getAttribute('title')).toBe('Turn camera on (V)');
  });

  it('theScreenButtonSharesAndStopsSharing', async () => {
    mount();
    enterRoom();
    await settle();
    const button = byTestId<HTMLButtonElement>('toggle-screen');
    expect(button?.getAttribute('aria-label')).toBe('Share screen');
    expect(button?.getAttribute('aria-pressed')).toBe('false');
    button?.click();
    await settle();
    expect(media.getState().local.screen).not.toBeNull();
    expect(button?.getAttribute('aria-pressed')).toBe('true');
    expect(button?.getAttribute('title')).toBe('Stop sharing (D)');
    const screen = asFake(media.getState().local.screen);
    button?.click();
    expect(screen.stopped).toBe(true);
    expect(button?.getAttribute('aria-pressed')).toBe('false');
  });

  it('qualitySettingsAreSentAndRemembered', async () => {
    mount();
    enterRoom();
    await settle();
    const select = byTestId<HTMLSelectElement>('max-video-height');
    expect([...(select?.options ?? [])].map((o) => o.textContent)).toEqual(['Automatic', 'Up to 720p', 'Up to 360p', 'Up to 180p']);
    if (select) select.value = '360';
    select?.dispatchEvent(new Event('change'));
    expect(socket().last()).toMatchObject({ setReceiveConstraints: { maxVideoHeight: 360, lowBandwidth: false } });
    const low = byTestId<HTMLInputElement>('low-bandwidth');
    low?.click();
    expect(socket().last()).toMatchObject({ setReceiveConstraints: { maxVideoHeight: 360, lowBandwidth: true } });
    expect(JSON.parse(localStorage.getItem('parley.receivePreferences') ?? 'null')).toEqual({ maxVideoHeight: 360, lowBandwidth: true });
  });

  it('aFailedMediaConnectionShowsTheBannerUntilItIsBack', async () => {
    mount();
    enterRoom();
    await settle();
    pcs.publisher().changeState('failed');
    expect(byTestId('connection-banner')?.textContent).toContain('Audio and video connection lost, reconnecting…');
    byTestId('connection-banner')?.querySelector('button')?.click();
    await settle();
    pcs.publisher().changeState('connected');
    expect(byTestId('connection-banner')?.textContent).toBe('');
  });

  it('explainsAMissingCameraOrMicrophone', async () => {
    devices.failing = { audio: 'NotAllowedError', video: 'NotAllowedError' };
    mount('fr');
    enterRoom();
    await settle();
    expect(visible(byTestId('device-problem'))).toBe(true);
    expect(byTestId('device-problem')?.textContent).toContain("n'a pas autorisé la caméra et le micro");
  });
});
