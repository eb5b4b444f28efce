import { rememberRecentRoom, loadDisplayName, saveDisplayName } from '../../app/storage';
import type { Translator } from '../../i18n/i18n';
import type { MediaSession } from '../../media/media-session';
import { buildStage } from '../../media/stage';
import { describeRosterChanges, type RosterChange } from '../../signal/roster';
import { selfParticipant, type Profile, type SessionState, type SignalClient } from '../../signal/signal-client';
import { el } from '../dom';
import { createConnectionBanner } from '../components/connection-banner';
import { createErrorAlert } from '../components/error-alert';
import { createLiveAnnouncer } from '../components/live-announcer';
import { createMediaNotice } from '../components/media-notice';
import { createMediaToolbar } from '../components/media-toolbar';
import { createNoticePanel } from '../components/notice-panel';
import { createPrejoinForm, type PrejoinChoice } from '../components/prejoin-form';
import { createRemoteAudio } from '../components/remote-audio';
import { createRoomHeader } from '../components/room-header';
import { createRosterList } from '../components/roster-list';
import { createScreenShareArea } from '../components/screen-share-area';
import { createVideoGrid } from '../components/video-grid';

export interface RoomPageDeps {
  client: SignalClient;
  /** Audio and video; it follows the client by itself (publishes on join, stops on leave). */
  media: MediaSession;
  pageUrl(): string;
  copyText(text: string): Promise<boolean>;
}

type View = 'prejoin' | 'connecting' | 'conference' | 'left' | 'ended';

/**
 * "/{room}": the pre-join form, then the conference: the screen shares and a video tile per
 * participant, one's own controls and the live roster. All state comes from the SignalClient and
 * the MediaSession; this page only renders it and forwards clicks.
 */
export function mountRoomPage(root: HTMLElement, t: Translator, room: string, deps: RoomPageDeps): void {
  const { client, media } = deps;
  document.title = t.t('room.documentTitle', { room });

  let profile: Profile = { displayName: loadDisplayName(), language: t.language, audioMuted: false, videoMuted: false, acceptedTerms: false };
  /** Whether the person asked to join from the form (so "connecting" keeps the form, busy). */
  let joiningFromForm = false;
  let everJoined = false;
  let view: View | undefined;

  const enter = (next: Profile) => {
    profile = next;
    client.connect(profile);
  };

  const header = createRoomHeader(t, room, {
    copyLink: () => deps.copyText(deps.pageUrl()),
    leave: () => client.leave(),
  });
  const banner = createConnectionBanner(t, { retryNow: () => client.retryNow(), retryMediaNow: () => media.restartNow() });
  const errorAlert = createErrorAlert(t, () => client.dismissError());
  const announcer = createLiveAnnouncer();

  const prejoin = createPrejoinForm(t, profile.displayName, (choice: PrejoinChoice) => {
    saveDisplayName(choice.displayName);
    joiningFromForm = true;
    enter({ ...profile, ...choice });
  });
  const roster = createRosterList(t);
  const toolbar = createMediaToolbar(t, {
    setAudioMuted: (muted) => media.setAudioMuted(muted),
    setVideoMuted: (muted) => media.setVideoMuted(muted),
    toggleScreenShare: () => {
      if (media.getState().local.screen) media.stopScreenShare();
      else void media.startScreenShare();
    },
    rename: (name) => {
      saveDisplayName(name);
      profile = { ...profile, displayName: name };
      client.rename(name);
    },
    setReceivePreferences: (preferences) => media.setReceivePreferences(preferences),
  });
  let soundBlocked = false;
  const mediaNotice = createMediaNotice(t, () => remoteAudio.resume());
  const remoteAudio = createRemoteAudio((blocked) => {
    soundBlocked = blocked;
    renderMedia();
  });
  const screenShares = createScreenShareArea(t);
  const grid = createVideoGrid(t);
  const stage = el('section', { class: 'stage', attrs: { 'aria-label': t.t('stage.label') } }, [screenShares.element, grid.element]);
  const conference = el('div', { class: 'conference' }, [
    mediaNotice.element, stage, toolbar.element, roster.element, remoteAudio.element,
  ]);
  const connecting = createNoticePanel(t.t('room.connecting'), undefined, [], 'connecting');
  const rejoinButton = () => el('button', {
    class: 'button button-primary',
    attrs: { type: 'button', 'data-testid': 'rejoin-button' },
    on: { click: () => enter(profile) },
  });
  const homeLink = () => el('a', { class: 'button', text: t.t('app.backHome'), attrs: { href: '/' } });
  const content = el('div', { class: 'room-content' });

  root.replaceChildren(
    header.element,
    el('main', { class: 'room', attrs: { id: 'main' } }, [banner.element, errorAlert.element, content, announcer.element]),
  );

  const render = (state: SessionState, previous: SessionState | undefined) => {
    if (state.phase === 'joined') everJoined = true;
    if (state.phase === 'idle' || state.phase === 'left' || state.phase === 'ended') {
      joiningFromForm = false;
      everJoined = false;
    }
    header.update({ canLeave: state.phase === 'joined' || state.phase === 'reconnecting' });
    errorAlert.update({ message: state.error?.message });

    const nextView = viewFor(state);
    if (nextView !== view) {
      view = nextView;
      content.replaceChildren(viewElement(nextView, state));
      if (nextView === 'prejoin') prejoin.focus();
    }
    prejoin.update({ busy: state.phase !== 'idle' });

    roster.update({ roster: state.roster, selfId: state.selfId });
    renderMedia();

    if (previous?.phase === 'joined' && state.phase === 'joined') {
      const changes = describeRosterChanges(previous.roster, state.roster);
      if (changes.length > 0) announcer.announce(changes.map((c) => describe(t, c)).join('. '));
    }
    if (state.phase === 'joined' && previous?.phase !== 'joined') rememberRecentRoom(room);
  };

  function viewFor(state: SessionState): View {
    switch (state.phase) {
      case 'idle':
        return 'prejoin';
      case 'connecting':
        return joiningFromForm ? 'prejoin' : 'connecting';
      case 'joined':
        return 'conference';
      case 'reconnecting':
        return everJoined ? 'conference' : joiningFromForm ? 'prejoin' : 'connecting';
      case 'left':
        return 'left';
      case 'ended':
        return 'ended';
    }
  }

  function viewElement(next: View, state: SessionState): HTMLElement {
    switch (next) {
      case 'prejoin':
        return prejoin.element;
      case 'connecting':
        return connecting;
      case 'conference':
        return conference;
      case 'left': {
        const rejoin = rejoinButton();
        rejoin.textContent = t.t('left.rejoin');
        return createNoticePanel(t.t('left.title'), t.t('left.body'), [rejoin, homeLink()], 'left');
      }
      case 'ended': {
        const restart = rejoinButton();
        restart.textContent = t.t('ended.restart');
        const reason = t.tryT(`ended.reason.${state.endReason ?? ''}`);
        return createNoticePanel(t.t('ended.title'), reason, [restart, homeLink()], 'ended');
      }
    }
  }

  /** What depends on both the session and the media: the stage, the toolbar, the banner. */
  function renderMedia(): void {
    const state = client.getState();
    const mediaState = media.getState();
    const self = selfParticipant(state);
    banner.update({ reconnecting: state.phase === 'reconnecting', mediaRecovering: state.phase === 'joined' && mediaState.recovering });
    toolbar.update({
      audioMuted: self?.audioMuted ?? profile.audioMuted,
      videoMuted: self?.videoMuted ?? profile.videoMuted,
      screenSharing: mediaState.local.screen !== null,
      canShareScreen: mediaState.canShareScreen,
      displayName: self?.displayName ?? profile.displayName,
      preferences: mediaState.preferences,
      enabled: state.phase === 'joined',
    });
    const model = buildStage(state.roster, state.selfId, mediaState);
    screenShares.update({ screens: model.screens });
    grid.update({ tiles: model.tiles });
    remoteAudio.update({ audio: model.audio });
    mediaNotice.update({ deviceProblem: mediaState.deviceProblem, error: mediaState.error, soundBlocked });
  }

  client.subscribe((state, previous) => render(state, previous));
  media.subscribe(() => renderMedia());
  window.addEventListener('online', () => client.retryNow());
  render(client.getState(), undefined);

  // A reload (or a tab that kept its place) goes straight back in; the form is for newcomers.
  if (client.canResume()) enter(profile);
}

function describe(t: Translator, change: RosterChange): string {
  switch (change.kind) {
    case 'joined':
      return t.t('roster.announce.joined', { name: change.name });
    case 'left':
      return t.t('roster.announce.left', { name: change.name });
    case 'renamed':
      return t.t('roster.announce.renamed', { from: change.from, to: change.to });
  }
}
