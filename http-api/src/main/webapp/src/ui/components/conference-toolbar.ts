import type { MessageKey, Translator } from '../../i18n/i18n';
import { REACTIONS, type Reaction } from '../../signal/protocol';
import { REACTION_LOOK } from '../../view/hands';
import type { ViewMode } from '../../view/layout';
import { SHORTCUTS, type ShortcutAction } from '../../view/shortcuts';
import { el, setAttributes, setText, show, uniqueId, type Component } from '../dom';
import { icon, type IconName } from './icons';
import { createPopupMenu } from './popup-menu';
import type { UnmuteGate } from '../../signal/signal-client';

export interface ConferenceToolbarState {
  audioMuted: boolean;
  videoMuted: boolean;
  screenSharing: boolean;
  /** False where the browser cannot share a screen (most phones): the button is not offered. */
  canShareScreen: boolean;
  chatOpen: boolean;
  participantsOpen: boolean;
  view: ViewMode;
  /** False while (re)connecting: nothing can be sent. */
  enabled: boolean;
  /** Moderators get the security options. */
  moderator: boolean;
  /** How many knock, on the participants button (moderators); undefined shows nothing. */
  knockBadge: string | undefined;
  knockCount: number;
  /** One's own hand is up. */
  handRaised: boolean;
  /** Unread chat messages, on the chat button (while the chat is closed); undefined shows nothing. */
  chatUnreadBadge: string | undefined;
  chatUnreadCount: number;
  /** Under "ask to unmute", after a moderator muted us: ask first ("asked" while waiting). */
  unmuteGate: { readonly audio: UnmuteGate; readonly video: UnmuteGate };
}

export interface ConferenceToolbarActions {
  toggleMic(): void;
  toggleCamera(): void;
  toggleScreenShare(): void;
  toggleChat(): void;
  toggleParticipants(): void;
  toggleView(): void;
  openSettings(): void;
  openInvite(): void;
  openSecurity(): void;
  leave(): void;
  toggleHand(): void;
  react(reaction: Reaction): void;
  /** A moderator chose "End meeting for everyone" (the caller confirms). */
  endForAll(): void;
  askToUnmute(kind: 'audio' | 'video'): void;
}

/**
 * The bar at the bottom of the conference. Buttons are icons with a stable accessible name
 * (aria-label) and, for toggles, aria-pressed; the tooltip says what a press does now and its key.
 * Reactions open a small picker of six; for moderators Leave opens a menu with "End meeting for
 * everyone". The chat button carries the number of unread messages.
 */
export function createConferenceToolbar(t: Translator, actions: ConferenceToolbarActions): Component<ConferenceToolbarState> {
  const mic = button(t, 'toggle-mic', 'toolbar.mic', () => actions.toggleMic(), 'toggle-mic');
  const askAudio = el('button', {
    class: 'button toolbar-ask', attrs: { type: 'button', 'data-testid': 'ask-to-unmute', hidden: true },
    on: { click: () => actions.askToUnmute('audio') },
  });
  const askVideo = el('button', {
    class: 'button toolbar-ask', attrs: { type: 'button', 'data-testid': 'ask-to-unmute-video', hidden: true },
    on: { click: () => actions.askToUnmute('video') },
  });
  const camera = button(t, 'toggle-camera', 'toolbar.camera', () => actions.toggleCamera(), 'toggle-camera');
  const screen = button(t, 'toggle-screen', 'toolbar.screen', () => actions.toggleScreenShare(), 'toggle-screen');
  const chat = button(t, 'toggle-chat', 'toolbar.chat', () => actions.toggleChat(), 'toggle-chat');
  const participants = button(t, 'toggle-participants', 'toolbar.participants', () => actions.toggleParticipants(), 'toggle-participants');
  const raiseHand = button(t, 'raise-hand', 'toolbar.raiseHand', () => actions.toggleHand(), 'raise-hand');
  const reactions = button(t, 'reactions', 'toolbar.reactions', () => reactionMenu.toggle());
  const reactionMenu = createPopupMenu(reactions.button, {
    label: t.m('reactions.menu'),
    class: 'menu-up reaction-menu',
    keepOpen: true,
    items: () => REACTIONS.map((reaction) => el('button', {
      class: 'menu-item reaction-item',
      text: REACTION_LOOK[reaction].emoji,
      attrs: {
        type: 'button', 'data-testid': `reaction-${REACTION_LOOK[reaction].name}`, 'data-i18n-skip': true,
        'aria-label': t.m(`reaction.${reaction}`), title: t.m(`reaction.${reaction}`),
      },
      on: { click: () => actions.react(reaction) },
    })),
  });
  const chatBadge = el('span', { class: 'toolbar-badge', attrs: { 'data-testid': 'chat-unread', 'aria-hidden': 'true', 'data-i18n-skip': true, hidden: true } });
  const chatBadgeLabel = el('span', { class: 'visually-hidden', attrs: { id: uniqueId('chat-unread') } });
  chat.button.setAttribute('aria-describedby', chatBadgeLabel.id);
  const view = button(t, 'toggle-view', 'toolbar.tileView', () => actions.toggleView(), 'toggle-view');
  const settings = button(t, 'open-settings', 'toolbar.settings', () => actions.openSettings());
  const invite = button(t, 'open-invite', 'toolbar.invite', () => actions.openInvite());
  const security = button(t, 'security-button', 'security.button', () => actions.openSecurity());
  security.button.setAttribute('aria-haspopup', 'dialog');
  security.render('shield', t.m('security.button'));
  const badge = el('span', { class: 'toolbar-badge', attrs: { 'data-testid': 'knock-count', 'aria-hidden': 'true', 'data-i18n-skip': true, hidden: true } });
  // The button's name is fixed (aria-label): the count is its description.
  const badgeLabel = el('span', { class: 'visually-hidden', attrs: { id: uniqueId('knock-count') } });
  participants.button.setAttribute('aria-describedby', badgeLabel.id);
  settings.button.setAttribute('aria-haspopup', 'dialog');
  invite.button.setAttribute('aria-haspopup', 'dialog');
  settings.render('gear', t.m('toolbar.settings'));
  invite.render('userPlus', t.m('toolbar.invite'));
  let moderator = false;
  const leave = el('button', {
    class: 'button button-danger toolbar-leave',
    attrs: { type: 'button', 'data-testid': 'leave-button', title: t.m('room.leave') },
    on: { click: () => (moderator ? leaveMenu.toggle() : actions.leave()) },
  }, [icon('phoneOff'), el('span', { class: 'toolbar-leave-text', text: t.m('room.leave') })]);
  const leaveMenu = createPopupMenu(leave, {
    label: t.m('leave.menu'),
    class: 'menu-up',
    items: () => [
      el('button', { class: 'menu-item', text: t.m('leave.leave'), attrs: { type: 'button', 'data-testid': 'leave-meeting' }, on: { click: () => actions.leave() } }),
      el('button', {
        class: 'menu-item is-danger', text: t.m('leave.endForAll'), attrs: { type: 'button', 'data-testid': 'end-for-all' },
        on: { click: () => actions.endForAll() },
      }),
    ],
  });
  // Only a moderator's Leave opens a menu; for everyone else it leaves at once.
  leave.removeAttribute('aria-haspopup');
  leave.removeAttribute('aria-expanded');

  const element = el('div', { class: 'toolbar', attrs: { role: 'toolbar', 'aria-label': t.m('toolbar.label'), 'data-testid': 'toolbar' } }, [
    el('div', { class: 'toolbar-group' }, [mic.button, askAudio, camera.button, askVideo, screen.button]),
    el('div', { class: 'toolbar-group' }, [
      chat.button, participants.button, raiseHand.button,
      el('span', { class: 'menu-anchor' }, [reactions.button, reactionMenu.element]), view.button,
    ]),
    el('div', { class: 'toolbar-group' }, [security.button, settings.button, invite.button, el('span', { class: 'menu-anchor' }, [leave, leaveMenu.element])]),
  ]);

  return {
    element,
    update(s) {
      mic.render(s.audioMuted ? 'micOff' : 'mic', t.m(s.audioMuted ? 'toolbar.unmuteMic' : 'toolbar.muteMic'), s.audioMuted, s.enabled);
      mic.button.classList.toggle('is-off', s.audioMuted);
      for (const [ask, gate, label] of [[askAudio, s.unmuteGate.audio, 'mute.askToUnmute'], [askVideo, s.unmuteGate.video, 'mute.askToUnmuteVideo']] as const) {
        show(ask, gate !== 'free' && s.enabled);
        setText(ask, t.m(gate === 'asked' ? 'mute.asked' : label));
        ask.disabled = gate === 'asked';
      }
      camera.render(s.videoMuted ? 'cameraOff' : 'camera', t.m(s.videoMuted ? 'toolbar.startCamera' : 'toolbar.stopCamera'), s.videoMuted, s.enabled);
      camera.button.classList.toggle('is-off', s.videoMuted);
      screen.render(s.screenSharing ? 'screenOff' : 'screen', t.m(s.screenSharing ? 'toolbar.stopSharing' : 'toolbar.shareScreen'), s.screenSharing, s.enabled);
      screen.button.classList.toggle('is-active', s.screenSharing);
      show(screen.button, s.canShareScreen);
      chat.render('chat', t.m(s.chatOpen ? 'toolbar.closeChat' : 'toolbar.openChat'), s.chatOpen);
      if (chatBadge.parentElement !== chat.button) chat.button.append(chatBadge, chatBadgeLabel);
      chatBadge.textContent = s.chatUnreadBadge ?? '';
      show(chatBadge, s.chatUnreadBadge !== undefined);
      setText(chatBadgeLabel, s.chatUnreadBadge === undefined ? '' : t.m('chat.unread', { count: s.chatUnreadCount }));
      raiseHand.render('hand', t.m(s.handRaised ? 'toolbar.lowerYourHand' : 'toolbar.raiseYourHand'), s.handRaised, s.enabled);
      raiseHand.button.classList.toggle('is-active', s.handRaised);
      reactions.render('smile', t.m(reactionMenu.isOpen ? 'toolbar.closeReactions' : 'toolbar.openReactions'), undefined, s.enabled);
      if (!s.enabled) reactionMenu.close(false);
      if (moderator !== s.moderator) {
        moderator = s.moderator;
        leaveMenu.close(false);
        setAttributes(leave, { 'aria-haspopup': moderator ? 'menu' : null, 'aria-expanded': moderator ? 'false' : null });
      }
      participants.render('users', t.m(s.participantsOpen ? 'toolbar.closeParticipants' : 'toolbar.openParticipants'), s.participantsOpen);
      // render() replaced the icon: the count goes back on top of it.
      if (badge.parentElement !== participants.button) participants.button.append(badge, badgeLabel);
      badge.textContent = s.knockBadge ?? '';
      show(badge, s.knockBadge !== undefined);
      setText(badgeLabel, s.knockBadge === undefined ? '' : t.m('lobby.count', { count: s.knockCount }));
      show(security.button, s.moderator);
      const tiles = s.view === 'tile';
      view.render('grid', t.m(tiles ? 'toolbar.showSpeaker' : 'toolbar.showTiles'), tiles);
    },
  };
}

function keyOf(action: ShortcutAction | undefined): string | undefined {
  return action === undefined ? undefined : SHORTCUTS.find((s) => s.action === action)?.key.toUpperCase();
}

/** An icon button with a fixed name; render() sets its icon, its tooltip and (for toggles) aria-pressed. */
function button(t: Translator, testId: string, name: MessageKey, onClick: () => void, shortcut?: ShortcutAction) {
  const key = keyOf(shortcut);
  const element = el('button', {
    class: 'button toolbar-button',
    attrs: { type: 'button', 'data-testid': testId, 'aria-label': t.m(name), 'aria-keyshortcuts': key },
    on: { click: onClick },
  });
  let shownIcon = '';
  return {
    button: element,
    render(iconName: IconName, tooltip: ReturnType<Translator['m']>, pressed?: boolean, enabled = true) {
      if (shownIcon !== iconName) {
        shownIcon = iconName;
        element.replaceChildren(icon(iconName));
      }
      setAttributes(element, {
        title: key ? t.m('toolbar.withKey', { label: tooltip.text, key }) : tooltip,
        'aria-pressed': pressed === undefined ? null : String(pressed),
      });
      element.disabled = !enabled;
    },
  };
}
