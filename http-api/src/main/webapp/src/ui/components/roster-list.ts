import type { Translator } from '../../i18n/i18n';
import type { Participant } from '../../signal/protocol';
import type { RosterState } from '../../signal/roster';
import { isModerator } from '../../signal/signal-client';
import { el, setText, show, uniqueId, type Component } from '../dom';
import { avatarHue, renderAvatar } from './avatar';
import { labelledIcon } from './icons';

export interface RosterListState {
  roster: RosterState;
  selfId: string | undefined;
  /** One's own avatar picture (others' are not shared yet). */
  selfAvatar: string | null;
  /** Who is speaking now. */
  speaking: ReadonlySet<string>;
}

/**
 * The people in the room, in join order. Entries are keyed by participant id and kept across
 * updates, so a change touches only the entry it concerns (and focus or a screen reader's place in
 * the list is not lost when someone else joins).
 */
export function createRosterList(t: Translator): Component<RosterListState> {
  const headingId = uniqueId('roster-heading');
  const heading = el('h3', { class: 'visually-hidden', attrs: { id: headingId } });
  const list = el('ul', { class: 'roster', attrs: { 'data-testid': 'roster', 'aria-labelledby': headingId } });
  const element = el('section', { class: 'roster-panel', attrs: { 'aria-labelledby': headingId } }, [heading, list]);
  const entries = new Map<string, RosterEntry>();

  return {
    element,
    update({ roster, selfId, selfAvatar, speaking }) {
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
          entry = createRosterEntry(t, participant.id);
          entries.set(participant.id, entry);
        }
        const isSelf = participant.id === selfId;
        entry.update({ participant, isSelf, avatar: isSelf ? selfAvatar : null, speaking: speaking.has(participant.id) });
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
}

type RosterEntry = Component<RosterEntryState>;

function createRosterEntry(t: Translator, id: string): RosterEntry {
  const avatar = el('span', { class: 'avatar', attrs: { 'aria-hidden': 'true' } });
  avatar.style.setProperty('--avatar-hue', String(avatarHue(id)));
  const name = el('span', { class: 'roster-name', attrs: { 'data-testid': 'roster-name', 'data-i18n-skip': true } });
  const you = el('span', { class: 'roster-you', text: t.m('roster.you') });
  const badge = el('span', { class: 'badge', text: t.m('roster.moderator'), attrs: { 'data-testid': 'moderator-badge' } });
  const media = el('span', { class: 'roster-media' });
  const element = el('li', {
    class: 'roster-entry',
    attrs: { 'data-testid': 'roster-entry', 'data-participant-id': id },
  }, [avatar, el('span', { class: 'roster-who' }, [name, ' ', you, ' ', badge]), media]);

  let mediaKey = '';
  return {
    element,
    update({ participant, isSelf, avatar: picture, speaking }) {
      setText(name, participant.displayName);
      renderAvatar(avatar, participant.displayName, picture);
      element.setAttribute('data-speaking', String(speaking));
      show(you, isSelf);
      show(badge, isModerator(participant.role));
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
