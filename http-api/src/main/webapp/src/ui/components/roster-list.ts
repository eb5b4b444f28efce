import type { Translator } from '../../i18n/i18n';
import type { Participant } from '../../signal/protocol';
import type { RosterState } from '../../signal/roster';
import { isModerator } from '../../signal/signal-client';
import { participantActions, type ParticipantAction } from '../../view/access';
import { handPosition, type HandEntry } from '../../view/hands';
import { el, setAttributes, setText, show, uniqueId, type Component } from '../dom';
import { avatarHue, renderAvatar } from './avatar';
import { icon, labelledIcon } from './icons';

export interface RosterListState {
  roster: RosterState;
  selfId: string | undefined;
  /** One's own avatar picture (others' are not shared yet). */
  selfAvatar: string | null;
  /** Who is speaking now. */
  speaking: ReadonlySet<string>;
  /** One is a moderator: each other entry gets its actions menu. */
  selfIsModerator: boolean;
  /** The raised hands, numbered. */
  hands: readonly HandEntry[];
}

/** A moderator chose an action for someone (confirmations are the caller's). */
export type RosterAct = (action: ParticipantAction, participant: Participant) => void;

const ACTION_LABELS = {
  'mute-audio': 'participant.muteAudio',
  'mute-video': 'participant.muteVideo',
  'make-moderator': 'participant.makeModerator',
  kick: 'participant.kick',
  'kick-ban': 'participant.kickBan',
} as const;

/**
 * The people in the room, in join order. Entries are keyed by participant id and kept across
 * updates, so a change touches only the entry it concerns (and focus or a screen reader's place in
 * the list is not lost when someone else joins).
 */
export function createRosterList(t: Translator, act: RosterAct = () => undefined): Component<RosterListState> {
  const headingId = uniqueId('roster-heading');
  const heading = el('h3', { class: 'visually-hidden', attrs: { id: headingId } });
  const list = el('ul', { class: 'roster', attrs: { 'data-testid': 'roster', 'aria-labelledby': headingId } });
  const element = el('section', { class: 'roster-panel', attrs: { 'aria-labelledby': headingId } }, [heading, list]);
  const entries = new Map<string, RosterEntry>();
  /** At most one actions menu is open. */
  const closeMenus = () => {
    for (const entry of entries.values()) entry.closeMenu();
  };

  return {
    element,
    update({ roster, selfId, selfAvatar, speaking, selfIsModerator, hands }) {
      setText(heading, t.m('roster.title', { count: roster.participants.length }));
      const present = new Set(roster.participants.map((p) => p.id));
      for (const [id, entry] of entries) {
        if (!present.has(id)) {
          entry.element.remove();
          entries.delete(id);
        }
      }
      roster.participants.forEach((participant, index) => {
        let entry = entries.get(participant.id);
        if (!entry) {
          entry = createRosterEntry(t, participant.id, act, closeMenus);
          entries.set(participant.id, entry);
        }
        const isSelf = participant.id === selfId;
        entry.update({
          participant, isSelf, avatar: isSelf ? selfAvatar : null, speaking: speaking.has(participant.id),
          actions: participantActions(participant, selfId, selfIsModerator),
          hand: handPosition(hands, participant.id),
        });
        const atIndex = list.children[index];
        if (atIndex !== entry.element) list.insertBefore(entry.element, atIndex ?? null);
      });
    },
  };
}

interface RosterEntryState {
  participant: Participant;
  isSelf: boolean;
  avatar: string | null;
  speaking: boolean;
  actions: readonly ParticipantAction[];
  /** Place in the raised-hands queue, when the hand is up. */
  hand: number | undefined;
}

type RosterEntry = Component<RosterEntryState> & { closeMenu(): void };

function createRosterEntry(t: Translator, id: string, act: RosterAct, closeMenus: () => void): RosterEntry {
  const avatar = el('span', { class: 'avatar', attrs: { 'aria-hidden': 'true' } });
  avatar.style.setProperty('--avatar-hue', String(avatarHue(id)));
  const name = el('span', { class: 'roster-name', attrs: { 'data-testid': 'roster-name', 'data-i18n-skip': true } });
  const you = el('span', { class: 'roster-you', text: t.m('roster.you') });
  const badge = el('span', { class: 'badge', text: t.m('roster.moderator'), attrs: { 'data-testid': 'moderator-badge' } });
  const media = el('span', { class: 'roster-media' });
  const hand = createHandBadge(t);
  let current: RosterEntryState | undefined;
  let menu: HTMLElement | null = null;
  const menuButton = el('button', {
    class: 'icon-button roster-actions',
    attrs: { type: 'button', 'data-testid': `participant-actions-${id}`, 'aria-haspopup': 'menu', 'aria-expanded': 'false', hidden: true },
    on: {
      click: () => {
        if (menu) closeMenu(true);
        else openMenu();
      },
    },
  }, [icon('more')]);
  const element = el('li', {
    class: 'roster-entry',
    attrs: { 'data-testid': 'roster-entry', 'data-participant-id': id },
  }, [avatar, el('span', { class: 'roster-who' }, [name, ' ', you, ' ', badge]), hand.element, media, menuButton]);

  /** The menu exists only while open, so each of its test ids is in the page once at most. */
  function openMenu(): void {
    if (!current || current.actions.length === 0) return;
    closeMenus();
    const participant = current.participant;
    const items = current.actions.map((action) => el('button', {
      class: action === 'kick' || action === 'kick-ban' ? 'menu-item is-danger' : 'menu-item',
      text: t.m(ACTION_LABELS[action]),
      attrs: { type: 'button', role: 'menuitem', 'data-testid': action },
      on: {
        click: () => {
          closeMenu(false);
          act(action, participant);
        },
      },
    }));
    menu = el('div', {
      class: 'menu',
      attrs: { role: 'menu', 'aria-label': t.m('participant.actions', { name: participant.displayName }) },
      on: {
        keydown: (event) => {
          const index = items.indexOf(document.activeElement as HTMLButtonElement);
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            closeMenu(true);
          } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const step = event.key === 'ArrowDown' ? 1 : items.length - 1;
            items[(index + step) % items.length]?.focus();
          }
        },
        focusout: (event) => {
          // Focus went elsewhere (a click outside, Tab): the menu closes, as menus do.
          const next = event.relatedTarget;
          if (next instanceof Node && (menu?.contains(next) || menuButton.contains(next))) return;
          if (next !== null) closeMenu(false);
        },
      },
    }, items);
    element.appendChild(menu);
    document.addEventListener('pointerdown', onPointerDown, true);
    menuButton.setAttribute('aria-expanded', 'true');
    items[0]?.focus();
  }

  function onPointerDown(event: Event): void {
    const target = event.target;
    if (target instanceof Node && (menu?.contains(target) || menuButton.contains(target))) return;
    closeMenu(false);
  }

  function closeMenu(focusButton: boolean): void {
    if (!menu) return;
    document.removeEventListener('pointerdown', onPointerDown, true);
    menu.remove();
    menu = null;
    menuButton.setAttribute('aria-expanded', 'false');
    if (focusButton) menuButton.focus();
  }

  let mediaKey = '';
  return {
    element,
    closeMenu: () => closeMenu(false),
    update(state) {
      current = state;
      const { participant, isSelf, avatar: picture, speaking } = state;
      show(menuButton, state.actions.length > 0);
      if (state.actions.length === 0) closeMenu(false);
      setAttributes(menuButton, {
        'aria-label': t.m('participant.actions', { name: participant.displayName }),
        title: t.m('participant.actions', { name: participant.displayName }),
      });
      setText(name, participant.displayName);
      renderAvatar(avatar, participant.displayName, picture);
      element.setAttribute('data-speaking', String(speaking));
      show(you, isSelf);
      show(badge, isModerator(participant.role));
      hand.update(state.hand);
      element.classList.toggle('is-self', isSelf);
      const key = `${participant.audioMuted}/${participant.videoMuted}`;
      if (key !== mediaKey) {
        mediaKey = key;
        media.replaceChildren(
          labelledIcon(participant.audioMuted ? 'micOff' : 'mic', t.m(participant.audioMuted ? 'roster.micOff' : 'roster.micOn'),
            participant.audioMuted ? 'media-state is-off' : 'media-state'),
          labelledIcon(participant.videoMuted ? 'cameraOff' : 'camera', t.m(participant.videoMuted ? 'roster.cameraOff' : 'roster.cameraOn'),
            participant.videoMuted ? 'media-state is-off' : 'media-state'),
        );
      }
    },
  };
}

/** A raised hand with its place in the queue (tiles and roster entries): `hand-badge`. */
export function createHandBadge(t: Translator): { element: HTMLElement; update(position: number | undefined): void } {
  const number = el('span', { class: 'hand-badge-number', attrs: { 'aria-hidden': 'true', 'data-i18n-skip': true } });
  const element = el('span', { class: 'hand-badge', attrs: { 'data-testid': 'hand-badge', hidden: true } }, [icon('hand'), number]);
  let shown: number | undefined;
  return {
    element,
    update(position) {
      if (position === shown) return;
      shown = position;
      show(element, position !== undefined);
      number.textContent = position === undefined ? '' : String(position);
      if (position === undefined) setAttributes(element, { role: null, 'aria-label': null, title: null });
      else setAttributes(element, { role: 'img', 'aria-label': t.m('hands.badge', { position }), title: t.m('hands.badge', { position }) });
    },
  };
}
