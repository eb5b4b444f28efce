import type { MessageKey, Translator } from '../../i18n/i18n';
import type { ViewMode } from '../../view/layout';
import { SHORTCUTS, type ShortcutAction } from '../../view/shortcuts';
import { el, setAttributes, setText, show, uniqueId, type Component } from '../dom';
import { icon, type IconName } from './icons';

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
  /** A button whose feature is not there yet was pressed: say why it does nothing. */
  explain(message: MessageKey): void;
}

/**
 * The bar at the bottom of the conference. Buttons are icons with a stable accessible name
 * (aria-label) and, for toggles, aria-pressed; the tooltip says what a press does now and its key.
 * Raise hand and reactions need the server's moderation features: they are there, marked
 * aria-disabled with a tooltip saying so, and change nothing (no state is faked).
 */
export function createConferenceToolbar(t: Translator, actions: ConferenceToolbarActions): Component<ConferenceToolbarState> {
  const mic = button(t, 'toggle-mic', 'toolbar.mic', () => actions.toggleMic(), 'toggle-mic');
  const camera = button(t, 'toggle-camera', 'toolbar.camera', () => actions.toggleCamera(), 'toggle-camera');
  const screen = button(t, 'toggle-screen', 'toolbar.screen', () => actions.toggleScreenShare(), 'toggle-screen');
  const chat = button(t, 'toggle-chat', 'toolbar.chat', () => actions.toggleChat(), 'toggle-chat');
  const participants = button(t, 'toggle-participants', 'toolbar.participants', () => actions.toggleParticipants(), 'toggle-participants');
  const raiseHand = unavailable(t, 'raise-hand', 'toolbar.raiseHand', 'hand', 'toolbar.raiseHandLater', actions);
  const reactions = unavailable(t, 'reactions', 'toolbar.reactions', 'smile', 'toolbar.reactionsLater', actions);
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
  const leave = el('button', {
    class: 'button button-danger toolbar-leave',
    attrs: { type: 'button', 'data-testid': 'leave-button', title: t.m('room.leave') },
    on: { click: () => actions.leave() },
  }, [icon('phoneOff'), el('span', { class: 'toolbar-leave-text', text: t.m('room.leave') })]);

  const element = el('div', { class: 'toolbar', attrs: { role: 'toolbar', 'aria-label': t.m('toolbar.label'), 'data-testid': 'toolbar' } }, [
    el('div', { class: 'toolbar-group' }, [mic.button, camera.button, screen.button]),
    el('div', { class: 'toolbar-group' }, [chat.button, participants.button, raiseHand, reactions, view.button]),
    el('div', { class: 'toolbar-group' }, [security.button, settings.button, invite.button, leave]),
  ]);

  return {
    element,
    update(s) {
      mic.render(s.audioMuted ? 'micOff' : 'mic', t.m(s.audioMuted ? 'toolbar.unmuteMic' : 'toolbar.muteMic'), s.audioMuted, s.enabled);
      mic.button.classList.toggle('is-off', s.audioMuted);
      camera.render(s.videoMuted ? 'cameraOff' : 'camera', t.m(s.videoMuted ? 'toolbar.startCamera' : 'toolbar.stopCamera'), s.videoMuted, s.enabled);
      camera.button.classList.toggle('is-off', s.videoMuted);
      screen.render(s.screenSharing ? 'screenOff' : 'screen', t.m(s.screenSharing ? 'toolbar.stopSharing' : 'toolbar.shareScreen'), s.screenSharing, s.enabled);
      screen.button.classList.toggle('is-active', s.screenSharing);
      show(screen.button, s.canShareScreen);
      chat.render('chat', t.m(s.chatOpen ? 'toolbar.closeChat' : 'toolbar.openChat'), s.chatOpen);
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

/** A button for a feature the server does not have yet: focusable, explained, inert. */
function unavailable(t: Translator, testId: string, name: MessageKey, iconName: IconName, why: MessageKey, actions: ConferenceToolbarActions) {
  const descriptionId = uniqueId(`${testId}-why`);
  return el('button', {
    class: 'button toolbar-button is-unavailable',
    attrs: {
      type: 'button', 'data-testid': testId, 'aria-label': t.m(name), 'aria-disabled': 'true',
      'aria-describedby': descriptionId, title: t.m(why),
    },
    on: { click: () => actions.explain(why) },
  }, [icon(iconName), el('span', { class: 'visually-hidden', text: t.m(why), attrs: { id: descriptionId } })]);
}
