import type { Translator } from '../../i18n/i18n';
import type { Participant } from '../../signal/protocol';
import type { RosterState } from '../../signal/roster';
import { isModerator } from '../../signal/signal-client';
import { el, setText, show, uniqueId, type Component } from '../dom';
import { avatarHue, initial } from './avatar';
import { labelledIcon } from './icons';

export interface RosterListState {
  roster: RosterState;
  selfId: string | undefined;
}

/**
 * The people in the room, in join order. Entries are keyed by participant id and kept across
 * updates, so a change touches only the entry it concerns (and focus or a screen reader's place in
 * the list is not lost when someone else joins).
 */
export function createRosterList(t: Translator): Component<RosterListState> {
  const headingId = uniqueId('roster-heading');
  const heading = el('h2', { class: 'panel-title', attrs: { id: headingId } });
  const list = el('ul', { class: 'roster', attrs: { 'data-testid': 'roster', 'aria-labelledby': headingId } });
  const element = el('section', { class: 'panel roster-panel', attrs: { 'aria-labelledby': headingId } }, [heading, list]);
  const entries = new Map<string, RosterEntry>();

  return {
    element,
    update({ roster, selfId }) {
      setText(heading, t.t('roster.title', { count: roster.participants.length }));
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
        entry.update({ participant, isSelf: participant.id === selfId });
        const atIndex = list.children[index];
        if (atIndex !== entry.element) list.insertBefore(entry.element, atIndex ?? null);
      });
    },
  };
}

interface RosterEntryState {
  participant: Participant;
  isSelf: boolean;
}

type RosterEntry = Component<RosterEntryState>;

function createRosterEntry(t: Translator, id: string): RosterEntry {
  const avatar = el('span', { class: 'avatar', attrs: { 'aria-hidden': 'true' } });
  avatar.style.setProperty('--avatar-hue', String(avatarHue(id)));
  const name = el('span', { class: 'roster-name', attrs: { 'data-testid': 'roster-name' } });
  const you = el('span', { class: 'roster-you', text: t.t('roster.you') });
  const badge = el('span', { class: 'badge', text: t.t('roster.moderator'), attrs: { 'data-testid': 'moderator-badge' } });
  const media = el('span', { class: 'roster-media' });
  const element = el('li', {
    class: 'roster-entry',
    attrs: { 'data-testid': 'roster-entry', 'data-participant-id': id },
  }, [avatar, el('span', { class: 'roster-who' }, [name, ' ', you, ' ', badge]), media]);

  let mediaKey = '';
  return {
    element,
    update({ participant, isSelf }) {
      setText(name, participant.displayName);
      setText(avatar, initial(participant.displayName));
      show(you, isSelf);
      show(badge, isModerator(participant.role));
      element.classList.toggle('is-self', isSelf);
      const key = `${participant.audioMuted}/${participant.videoMuted}`;
      if (key !== mediaKey) {
        mediaKey = key;
        media.replaceChildren(
          labelledIcon(participant.audioMuted ? 'micOff' : 'mic', t.t(participant.audioMuted ? 'roster.micOff' : 'roster.micOn'),
            participant.audioMuted ? 'media-state is-off' : 'media-state'),
          labelledIcon(participant.videoMuted ? 'cameraOff' : 'camera', t.t(participant.videoMuted ? 'roster.cameraOff' : 'roster.cameraOn'),
            participant.videoMuted ? 'media-state is-off' : 'media-state'),
        );
      }
    },
  };
}
