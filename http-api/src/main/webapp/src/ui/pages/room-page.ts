import { ANONYMOUS, type Me } from '../../app/me';
import { loadAvatar, loadDisplayName, loadViewMode, rememberRecentRoom, saveAvatar, saveDisplayName, saveLanguage, saveViewMode } from '../../app/storage';
import type { Locale, MessageKey } from '../../i18n/i18n';
import type { MediaSession } from '../../media/media-session';
import { buildStage } from '../../media/stage';
import { describeRosterChanges, type RosterChange } from '../../signal/roster';
import { isModerator, selfParticipant, type Profile, type SessionEvent, type SessionState, type SignalClient } from '../../signal/signal-client';
import { alertWorthy, knockBadge, passwordProblem, refusalPage, type ParticipantAction } from '../../view/access';
import { keptRecipient, unreadBadge, unreadCount } from '../../view/chat';
import { handQueue } from '../../view/hands';
import type { ViewMode } from '../../view/layout';
import { shortcutFor, type ShortcutAction } from '../../view/shortcuts';
import { el, retranslate } from '../dom';
import { browserFormFactor, type FormFactorSource } from '../form-factor';
import { createConferenceToolbar } from '../components/conference-toolbar';
import { createConnectionBanner } from '../components/connection-banner';
import { createEndDialog } from '../components/end-dialog';
import { createErrorAlert } from '../components/error-alert';
import { createInviteDialog } from '../components/invite-dialog';
import { createKickDialog } from '../components/kick-dialog';
import { createPasswordDialog } from '../components/password-dialog';
import { createSecurityDialog } from '../components/security-dialog';
import { createWaitingPanel } from '../components/waiting-panel';
import { createLiveAnnouncer } from '../components/live-announcer';
import { createMediaNotice } from '../components/media-notice';
import { modalOpen } from '../components/modal';
import { createNoticePanel } from '../components/notice-panel';
import { createPrejoinForm, type PrejoinChoice } from '../components/prejoin-form';
import { createRemoteAudio } from '../components/remote-audio';
import { createRoomHeader } from '../components/room-header';
import { createSettingsDialog } from '../components/settings-dialog';
import { createShortcutsDialog } from '../components/shortcuts-dialog';
import { createSidePanel, type PanelName } from '../components/side-panel';
import { createToast } from '../components/toast';
import { createVideoStage } from '../components/video-stage';

export interface RoomPageDeps {
  client: SignalClient;
  /** Audio and video; it follows the client by itself (publishes on join, stops on leave). */
  media: MediaSession;
  pageUrl(): string;
  copyText(text: string): Promise<boolean>;
  /** Phone or computer screen; the browser's media queries when not given. */
  formFactor?: FormFactorSource;
  /** Who is signed in (GET /api/v1/me); nobody when not given. */
  me?: () => Promise<Me>;
}

type View = 'prejoin' | 'connecting' | 'waiting' | 'conference' | 'left' | 'ended' | 'kicked' | 'rejected' | 'banned';

/**
 * "/{room}": the pre-join screen, then the conference: the videos (tile or speaker view), one's
 * controls, the participants and chat panel, the settings and invite dialogs. All state comes
 * from the SignalClient and the MediaSession, plus a few choices of this page (view, open panel,
 * avatar, language); this page only renders it and forwards clicks and keys.
 */
export function mountRoomPage(root: HTMLElement, t: Locale, room: string, deps: RoomPageDeps): void {
  const { client, media } = deps;
  const form = deps.formFactor ?? browserFormFactor();
  document.title = t.t('room.documentTitle', { room });

  let profile: Profile = { displayName: loadDisplayName(), language: t.language, audioMuted: false, videoMuted: false, acceptedTerms: false };
  /** Whether the person asked to join from the form (so "connecting" keeps the form, busy). */
  let joiningFromForm = false;
  let everJoined = false;
  let view: View | undefined;
  let viewMode: ViewMode = loadViewMode() ?? 'tile';
  let panel: PanelName | null = form.get() === 'desktop' && form.roomy() ? 'participants' : null;
  let avatar = loadAvatar();
  let soundBlocked = false;
  let me: Me | undefined;
  /** The refusal the password dialog was opened for (each refusal opens it once). */
  let askedFor: SessionState['error'];
  /** Those whose participantLeft said a moderator removed them (announced as such). */
  const removedIds = new Set<string>();
  /** To whom the next chat message goes: "" everyone, else a participant id. */
  let chatRecipient = '';
  /** Chat messages the person has had in front of them (the panel open), or that were there on joining. */
  const seenChat = new Set<string>();
  /** Every name seen in this room, for the recipients of private messages who have left since. */
  const names = new Map<string, string>();
  const returnPath = () => {
    try {
      return new URL(deps.pageUrl()).pathname;
    } catch {
      return `/${room}`;
    }
  };

  const enter = (next: Profile) => {
    profile = { ...next, language: t.language };
    client.connect(profile);
  };
  const isJoined = () => client.getState().phase === 'joined';

  const header = createRoomHeader(t, room, {
    copyLink: () => deps.copyText(deps.pageUrl()),
    setLanguage: (code) => t.setLanguage(code),
    showShortcuts: () => shortcutsDialog.open(),
  });
  const banner = createConnectionBanner(t, { retryNow: () => client.retryNow(), retryMediaNow: () => media.restartNow() });
  const errorAlert = createErrorAlert(t, () => client.dismissError());
  const announcer = createLiveAnnouncer();
  announcer.element.setAttribute('data-i18n-skip', '');
  const toast = createToast();

  const prejoin = createPrejoinForm(t, profile.displayName, {
    join: (choice: PrejoinChoice) => {
      saveDisplayName(choice.displayName);
      joiningFromForm = true;
      enter({ ...profile, ...choice });
    },
    previewMuted: (audioMuted, videoMuted) => {
      media.setAudioMuted(audioMuted);
      media.setVideoMuted(videoMuted);
    },
    chooseDevice: (kind, id) => void media.switchDevice(kind, id),
    returnPath,
  });
  const passwordDialog = createPasswordDialog(t, (password) => {
    joiningFromForm = true;
    enter({ ...profile, password });
  });
  const waitingPanel = createWaitingPanel(t, returnPath, {
    leave: () => client.leave(),
    sendChat: (text) => client.sendLobbyChat(text),
  });

  const selfMuted = () => {
    const self = selfParticipant(client.getState());
    return { audio: self?.audioMuted ?? profile.audioMuted, video: self?.videoMuted ?? profile.videoMuted };
  };
  const togglePanel = (name: PanelName) => {
    panel = panel === name ? null : name;
    renderMedia();
    if (panel !== null && form.get() === 'phone') sidePanel.focus();
    else if (panel === 'chat') sidePanel.focusChat();
  };
  const handRaised = () => {
    const state = client.getState();
    return state.selfId !== undefined && state.raisedHands.includes(state.selfId);
  };
  const toggleView = () => {
    viewMode = viewMode === 'tile' ? 'speaker' : 'tile';
    saveViewMode(viewMode);
    renderMedia();
  };
  const toggleScreenShare = () => {
    if (media.getState().local.screen) media.stopScreenShare();
    else void media.startScreenShare();
  };

  /** Under "ask to unmute" a muted device is not turned on: the press asks a moderator instead. */
  const askToUnmute = (kind: 'audio' | 'video') => {
    if (client.getState().unmuteGate[kind] === 'ask') client.askToUnmute(kind === 'audio' ? 'MUTE_KIND_AUDIO' : 'MUTE_KIND_VIDEO');
  };
  const toggleDevice = (kind: 'audio' | 'video') => {
    const muted = selfMuted()[kind];
    if (muted && client.getState().unmuteGate[kind] !== 'free') askToUnmute(kind);
    else if (kind === 'audio') media.setAudioMuted(!muted);
    else media.setVideoMuted(!muted);
  };
  const toolbar = createConferenceToolbar(t, {
    toggleMic: () => toggleDevice('audio'),
    toggleCamera: () => toggleDevice('video'),
    askToUnmute: (kind) => askToUnmute(kind),
    toggleScreenShare,
    toggleChat: () => togglePanel('chat'),
    toggleParticipants: () => togglePanel('participants'),
    toggleView,
    openSettings: () => settings.modal.open(),
    openInvite: () => invite.modal.open(),
    openSecurity: () => security.modal.open(),
    leave: () => client.leave(),
    toggleHand: () => client.raiseHand(!handRaised()),
    react: (reaction) => {
      if (!client.react(reaction)) toast.show(t.m('reactions.tooFast'));
    },
    endForAll: () => endDialog.ask(),
  });
  const endDialog = createEndDialog(t, () => client.endConference());
  const kickDialog = createKickDialog(t, (target, message) => client.kick(target.participantId, target.ban, message));
  const act = (action: ParticipantAction, who: { id: string; displayName: string }) => {
    if (action === 'mute-audio') client.muteParticipant('MUTE_KIND_AUDIO', who.id);
    else if (action === 'mute-video') client.muteParticipant('MUTE_KIND_VIDEO', who.id);
    else if (action === 'make-moderator') client.grantModerator(who.id);
    else kickDialog.ask({ participantId: who.id, displayName: who.displayName, ban: action === 'kick-ban' });
  };
  const sidePanel = createSidePanel(t, {
    close: () => {
      const closed = panel;
      panel = null;
      renderMedia();
      root.querySelector<HTMLElement>(`[data-testid="toggle-${closed}"]`)?.focus();
    },
    knocks: {
      admit: (knockId) => client.admitKnock(knockId),
      reject: (knockId, message) => client.rejectKnock(knockId, message),
      chat: (knockId, text) => client.sendLobbyChat(text, knockId),
    },
    act,
    chat: {
      send: (text, to) => client.sendChat(text, to),
      chooseRecipient: (participantId) => {
        chatRecipient = participantId;
        renderMedia();
      },
      delete: (messageId) => client.deleteChat(messageId),
      dismissError: () => client.dismissChatError(),
    },
    lowerHand: (participantId) => client.lowerHand(participantId),
    lowerAllHands: () => client.lowerAllHands(),
    polls: {
      create: (question, choices, anonymous) => client.createPoll(question, choices, anonymous),
      vote: (pollId, choice) => client.votePoll(pollId, choice),
      close: (pollId) => client.closePoll(pollId),
    },
    muteEveryone: (kind) => client.muteParticipant(kind),
    allowUnmute: (participantId, kind) => client.allowUnmute(participantId, kind),
  });
  const security = createSecurityDialog(t, {
    setLobby: (enabled) => client.setLobby(enabled),
    setPassword: (password) => client.setPassword(password),
    setMediaPolicy: (policy) => client.setMediaPolicy(policy),
  });
  sidePanel.element.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && form.get() === 'phone') {
      panel = null;
      renderMedia();
    }
  });
  const settings = createSettingsDialog(t, {
    chooseDevice: (kind, id) => void media.switchDevice(kind, id),
    rename: (name) => {
      saveDisplayName(name);
      profile = { ...profile, displayName: name };
      client.rename(name);
    },
    setLanguage: (code) => t.setLanguage(code),
    setAvatar: (picture) => {
      avatar = picture;
      saveAvatar(picture);
      renderMedia();
      prejoinUpdate();
    },
    setMaxSendHeight: (height) => void media.setMaxSendHeight(height),
    setReceivePreferences: (preferences) => media.setReceivePreferences(preferences),
  });
  const invite = createInviteDialog(t, { room, link: () => deps.pageUrl(), copyText: deps.copyText });
  const shortcutsDialog = createShortcutsDialog(t);

  const mediaNotice = createMediaNotice(t, () => remoteAudio.resume());
  const remoteAudio = createRemoteAudio((blocked) => {
    soundBlocked = blocked;
    renderMedia();
  });
  const stage = createVideoStage(t);
  const conference = el('div', { class: 'conference', attrs: { 'data-testid': 'conference' } }, [
    mediaNotice.element,
    el('div', { class: 'conference-body' }, [stage.element, sidePanel.element]),
    toolbar.element,
    remoteAudio.element,
    toast.element,
    settings.element,
    invite.element,
    shortcutsDialog.element,
    security.element,
    kickDialog.element,
    endDialog.element,
    ...sidePanel.dialogs,
  ]);
  const connecting = createNoticePanel(t.m('room.connecting'), undefined, [], 'connecting');
  const rejoinButton = (label: MessageKey) => el('button', {
    class: 'button button-primary',
    text: t.m(label),
    attrs: { type: 'button', 'data-testid': 'rejoin-button' },
    on: { click: () => enter(profile) },
  });
  const homeLink = () => el('a', { class: 'button', text: t.m('app.backHome'), attrs: { href: '/' } });
  /** The moderator's words on a refusal or removal page: theirs, not ours, so not translated. */
  const moderatorWords = (message: string) => message.trim() === '' ? null : el('blockquote', { class: 'moderator-message' }, [
    el('p', { class: 'label', text: t.m('moderator.message') }),
    el('p', { text: message, attrs: { 'data-i18n-skip': true, 'data-testid': 'moderator-message' } }),
  ]);
  const outcomePanel = (title: MessageKey, body: MessageKey, message: string, actions: HTMLElement[], testId: string) =>
    el('section', { class: 'panel notice', attrs: { 'data-testid': testId } }, [
      el('h2', { class: 'panel-title', text: t.m(title) }),
      el('p', { class: 'notice-body', text: t.m(body) }),
      moderatorWords(message),
      el('div', { class: 'actions' }, actions),
    ]);
  const content = el('div', { class: 'room-content' });

  root.replaceChildren(
    header.element,
    el('main', { class: 'room', attrs: { id: 'main' } }, [banner.element, errorAlert.element, content, announcer.element, passwordDialog.element]),
  );

  const render = (state: SessionState, previous: SessionState | undefined) => {
    if (state.phase === 'joined' && previous !== undefined && previous.phase !== 'joined') {
      // What was said before (the history of a join or a reload) is not news.
      for (const message of state.chat) seenChat.add(message.messageId);
    }
    if (state.phase === 'joined') everJoined = true;
    if (state.phase === 'idle' || state.phase === 'left' || state.phase === 'ended') {
      joiningFromForm = false;
      everJoined = false;
    }
    errorAlert.update({ error: alertWorthy(state.error) });

    const nextView = viewFor(state);
    if (nextView !== view) {
      view = nextView;
      // A dialog of the view going away (the conference ended with Settings open) is closed, so
      // that it neither comes back open nor keeps the keys for itself.
      for (const dialog of content.querySelectorAll('dialog')) if (dialog.open) dialog.close();
      content.replaceChildren(viewElement(nextView, state));
      root.classList.toggle('is-in-conference', nextView === 'conference');
      if (nextView === 'prejoin') {
        prejoin.focus();
        void media.prepare();
      }
    }
    header.update({ language: t.language, inConference: view === 'conference', access: state.access });
    prejoinUpdate();
    if (state.waiting) waitingPanel.update({ waiting: state.waiting, chat: state.lobby.chat, me });
    renderMedia();

    // A join refused for its password: ask for it (again), saying what was wrong.
    const problem = state.phase === 'idle' ? passwordProblem(state.error) : undefined;
    if (problem !== undefined && state.error !== askedFor) passwordDialog.ask(problem);
    askedFor = problem === undefined ? undefined : state.error;
    if (problem === undefined && state.phase !== 'connecting' && passwordDialog.modal.isOpen) passwordDialog.modal.close();

    if (previous?.phase === 'joined' && state.phase === 'joined') {
      const changes = describeRosterChanges(previous.roster, state.roster, removedIds);
      const raised = state.raisedHands.filter((id) => id !== state.selfId && !previous.raisedHands.includes(id))
        .map((id) => t.t('hands.announce.raised', { name: names.get(id) ?? '' }));
      const said = [...changes.map((c) => describe(t, c)), ...raised];
      if (said.length > 0) announcer.announce(said.join('. '));
      const wasModerator = isModerator(selfParticipant(previous)?.role);
      if (!wasModerator && isModerator(selfParticipant(state)?.role) && previous.selfId === state.selfId) toast.show(t.m('role.nowModerator'));
    }
    if (state.phase !== 'joined') removedIds.clear();
    if (state.phase === 'joined' && previous?.phase !== 'joined') rememberRecentRoom(room);
    // An unmute the server refused (ask to unmute is on): the device goes off here again.
    if (previous?.unmuteGate.audio === 'free' && state.unmuteGate.audio === 'ask') media.setAudioMuted(true);
    if (previous?.unmuteGate.video === 'free' && state.unmuteGate.video === 'ask') media.setVideoMuted(true);
  };

  function viewFor(state: SessionState): View {
    switch (state.phase) {
      case 'idle':
        return refusalPage(state.error) ?? 'prejoin';
      case 'connecting':
        return joiningFromForm ? 'prejoin' : 'connecting';
      case 'joined':
        return 'conference';
      case 'reconnecting':
        // Waiting, the connection dropped: the new one waits again, so the waiting screen stays.
        return everJoined ? 'conference' : state.waiting ? 'waiting' : joiningFromForm ? 'prejoin' : 'connecting';
      case 'left':
        return 'left';
      case 'ended':
        return 'ended';
      case 'waiting':
        return 'waiting';
      case 'kicked':
        return 'kicked';
    }
  }

  function viewElement(next: View, state: SessionState): HTMLElement {
    switch (next) {
      case 'prejoin':
        return prejoin.element;
      case 'connecting':
        return connecting;
      case 'waiting':
        return waitingPanel.element;
      case 'rejected':
        return outcomePanel('rejected.title', 'rejected.body', state.error?.message ?? '', [rejoinButton('rejected.again'), homeLink()], 'rejected-page');
      case 'banned':
        return outcomePanel('banned.title', 'banned.body', '', [homeLink()], 'banned-page');
      case 'kicked': {
        const banned = state.removal?.banned ?? false;
        // Never back in by itself; once removed (not banned) one may choose to come back.
        return outcomePanel(banned ? 'kicked.titleBanned' : 'kicked.title', banned ? 'kicked.bodyBanned' : 'kicked.body', state.removal?.message ?? '',
          banned ? [homeLink()] : [rejoinButton('kicked.rejoin'), homeLink()], 'kicked-page');
      }
      case 'conference':
        return conference;
      case 'left':
        return createNoticePanel(t.m('left.title'), t.m('left.body'), [rejoinButton('left.rejoin'), homeLink()], 'left');
      case 'ended': {
        const reasonKey = `ended.reason.${state.endReason ?? ''}`;
        const reason = t.tryT(reasonKey) === undefined ? undefined : t.m(reasonKey as MessageKey);
        // Ended for everyone on purpose: say who did it, and offer no way back in from here.
        if (state.endReason === 'ENDED_BY_MODERATOR') {
          return createNoticePanel(t.m('ended.byModerator.title'), t.m('ended.byModerator.body'), [homeLink()], 'ended-page');
        }
        return createNoticePanel(t.m('ended.title'), reason, [rejoinButton('ended.restart'), homeLink()], 'ended');
      }
    }
  }

  function prejoinUpdate(): void {
    const mediaState = media.getState();
    prejoin.update({
      busy: client.getState().phase !== 'idle',
      video: mediaState.local.video,
      audio: mediaState.local.audio,
      devices: mediaState.devices,
      deviceProblem: mediaState.deviceProblem,
      avatar,
      me,
    });
  }

  /** What depends on both the session and the media: the stage, the toolbar, the panels, the banner. */
  function renderMedia(): void {
    const state = client.getState();
    const mediaState = media.getState();
    const self = selfParticipant(state);
    const muted = selfMuted();
    const moderator = state.phase === 'joined' && isModerator(self?.role);
    for (const p of state.roster.participants) names.set(p.id, p.displayName);
    chatRecipient = keptRecipient(chatRecipient, state.roster.participants, state.selfId);
    const chatVisible = panel === 'chat' && state.phase === 'joined';
    if (chatVisible) for (const message of state.chat) seenChat.add(message.messageId);
    const unread = chatVisible ? 0 : unreadCount(state.chat, seenChat, state.selfId);
    const hands = handQueue(state.raisedHands, state.roster.participants);
    banner.update({ reconnecting: state.phase === 'reconnecting', mediaRecovering: state.phase === 'joined' && mediaState.recovering });
    toolbar.update({
      audioMuted: muted.audio,
      videoMuted: muted.video,
      screenSharing: mediaState.local.screen !== null,
      canShareScreen: mediaState.canShareScreen,
      chatOpen: panel === 'chat',
      participantsOpen: panel === 'participants',
      view: viewMode,
      enabled: state.phase === 'joined',
      moderator,
      knockBadge: knockBadge(state.lobby.knocks.length, moderator),
      knockCount: state.lobby.knocks.length,
      handRaised: handRaised(),
      chatUnreadBadge: unreadBadge(unread),
      chatUnreadCount: unread,
      unmuteGate: state.unmuteGate,
    });
    if (!moderator && endDialog.modal.isOpen) endDialog.modal.close();
    security.update({ access: state.access, mediaPolicy: state.mediaPolicy });
    if (!moderator && security.modal.isOpen) security.modal.close();
    const model = buildStage(state.roster, state.selfId, mediaState);
    stage.update({
      tiles: model.tiles,
      screens: model.screens,
      view: viewMode,
      form: form.get(),
      speakers: mediaState.speakers,
      selfAvatar: avatar,
      hands,
      reactions: state.reactions,
    });
    conference.classList.toggle('has-panel', panel !== null);
    sidePanel.update({
      open: panel, roster: state.roster, selfId: state.selfId, selfAvatar: avatar, speaking: mediaState.speakers.speaking,
      selfIsModerator: moderator, lobby: state.lobby, hands,
      chat: {
        chat: state.chat, names, recipient: chatRecipient, error: state.chatError, language: t.language, enabled: state.phase === 'joined',
      },
      polls: { polls: state.polls, error: state.pollError, enabled: state.phase === 'joined' },
      unmuteAsks: state.unmuteAsks,
    });
    remoteAudio.update({ audio: model.audio });
    mediaNotice.update({ deviceProblem: mediaState.deviceProblem, error: mediaState.error, soundBlocked });
    const displayName = self?.displayName ?? profile.displayName;
    settings.update({
      audio: mediaState.local.audio,
      video: mediaState.local.video,
      videoMuted: muted.video,
      devices: mediaState.devices,
      displayName,
      selfId: state.selfId ?? 'self',
      language: t.language,
      avatar,
      maxSendHeight: mediaState.maxSendHeight,
      defaultSendHeight: media.defaultSendHeight,
      receive: mediaState.preferences,
    });
    invite.update({ inviter: displayName });
  }

  function runShortcut(action: ShortcutAction): void {
    const joined = isJoined();
    switch (action) {
      case 'toggle-mic':
        if (joined) media.setAudioMuted(!selfMuted().audio);
        break;
      case 'toggle-camera':
        if (joined) media.setVideoMuted(!selfMuted().video);
        break;
      case 'toggle-screen':
        if (joined && media.getState().canShareScreen) toggleScreenShare();
        break;
      case 'toggle-chat':
        togglePanel('chat');
        break;
      case 'toggle-participants':
        togglePanel('participants');
        break;
      case 'raise-hand':
        if (joined) client.raiseHand(!handRaised());
        break;
      case 'toggle-view':
        toggleView();
        break;
      case 'show-shortcuts':
        shortcutsDialog.open();
        break;
    }
  }

  document.addEventListener('keydown', (event) => {
    // A page replaced by another (in tests, a new mount) no longer listens.
    if (view !== 'conference' || !root.isConnected) return;
    const target = event.target instanceof Element ? event.target : null;
    const action = shortcutFor({
      key: event.key,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      altKey: event.altKey,
      repeat: event.repeat,
      defaultPrevented: event.defaultPrevented,
      target: target === null ? null : {
        tagName: target.tagName,
        isContentEditable: target instanceof HTMLElement && target.isContentEditable,
        ...(target instanceof HTMLInputElement ? { type: target.type } : {}),
      },
    }, { dialogOpen: modalOpen() });
    if (action === null) return;
    event.preventDefault();
    runShortcut(action);
  });

  t.onChange((language) => {
    saveLanguage(language);
    document.documentElement.lang = language;
    document.title = t.t('room.documentTitle', { room });
    // Every view, also those not shown now, so that the next one is in the new language too.
    for (const element of [root, prejoin.element, conference, connecting, waitingPanel.element]) retranslate(element, t);
    profile = { ...profile, language };
    client.setLanguage(language);
    render(client.getState(), undefined);
  });

  client.subscribe((state, previous) => render(state, previous));
  client.subscribeEvents((event) => onEvent(event));
  void (deps.me?.() ?? Promise.resolve(ANONYMOUS)).then((answer) => {
    me = answer;
    render(client.getState(), undefined);
  });

  function onEvent(event: SessionEvent): void {
    switch (event.kind) {
      case 'knock':
        // Someone asks to join: say so wherever the moderator is looking.
        toast.show(t.m('lobby.knocked', { name: event.knock.displayName }));
        announcer.announce(t.t('lobby.knocked', { name: event.knock.displayName }));
        break;
      case 'removed':
        removedIds.add(event.participantId);
        toast.show(t.m('roster.announce.removed', { name: event.displayName }));
        break;
      case 'reaction':
        announcer.announce(t.t('reaction.announce', {
          name: names.get(event.participantId) ?? '', reaction: t.t(`reaction.${event.reaction}`),
        }));
        break;
      case 'mutedByModerator':
        // As if the person had pressed the button themselves.
        if (event.muteKind === 'MUTE_KIND_AUDIO') media.setAudioMuted(true);
        else media.setVideoMuted(true);
        toast.show(t.m(event.muteKind === 'MUTE_KIND_AUDIO' ? 'mute.byModerator' : 'mute.cameraByModerator'));
        break;
      case 'unmuteAllowed':
        toast.show(t.m(event.muteKind === 'MUTE_KIND_AUDIO' ? 'mute.allowed' : 'mute.allowedVideo'));
        break;
      case 'unmuteAsked':
        toast.show(t.m('mute.askAnnounce', { name: names.get(event.participantId) ?? '' }));
        break;
      case 'chat': {
        // An open chat's log speaks for itself; a closed one is heard of here.
        if (panel === 'chat' || event.message.fromParticipantId === client.getState().selfId) break;
        const key = event.message.toParticipantId === '' ? 'chat.announce' : 'chat.announcePrivate';
        announcer.announce(t.t(key, { name: event.message.fromDisplayName }));
        break;
      }
    }
  }
  media.subscribe(() => {
    prejoinUpdate();
    renderMedia();
  });
  form.onChange(() => renderMedia());
  window.addEventListener('online', () => client.retryNow());
  render(client.getState(), undefined);

  // A reload (or a tab that kept its place) goes straight back in; the form is for newcomers.
  // That place was taken by a join that accepted the terms, in this tab: a join made again for it
  // (when the place cannot be resumed) carries that acceptance.
  if (client.canResume()) enter({ ...profile, acceptedTerms: true });
}

function describe(t: Locale, change: RosterChange): string {
  switch (change.kind) {
    case 'joined':
      return t.t('roster.announce.joined', { name: change.name });
    case 'left':
      return t.t('roster.announce.left', { name: change.name });
    case 'removed':
      return t.t('roster.announce.removed', { name: change.name });
    case 'renamed':
      return t.t('roster.announce.renamed', { from: change.from, to: change.to });
  }
}
