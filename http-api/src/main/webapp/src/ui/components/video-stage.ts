import type { Translator } from '../../i18n/i18n';
import type { SpeakerState } from '../../media/active-speaker';
import type { ScreenShareModel, TileModel } from '../../media/stage';
import type { ShownReaction } from '../../signal/signal-client';
import { handPosition, REACTION_LOOK, type HandEntry } from '../../view/hands';
import { gridLayout, planStage, type FormFactor, type ViewMode } from '../../view/layout';
import { el, setText, show, type Component } from '../dom';
import { attachTrack } from '../media-element';
import { avatarHue, renderAvatar } from './avatar';
import { labelledIcon } from './icons';
import { createHandBadge } from './roster-list';
import { createScreenShareArea } from './screen-share-area';

export interface VideoStageState {
  tiles: readonly TileModel[];
  screens: readonly ScreenShareModel[];
  view: ViewMode;
  form: FormFactor;
  speakers: SpeakerState;
  /** One's own avatar picture for one's tile when the camera is off. */
  selfAvatar: string | null;
  /** The raised hands, numbered: a badge on each of their tiles. */
  hands: readonly HandEntry[];
  /** Reactions being shown: each floats on its sender's tile. */
  reactions: readonly ShownReaction[];
}

/**
 * The videos. Tile view: a near-square grid of everyone (screen shares large above it) that fits
 * the window on a computer and scrolls down on a phone. Speaker view: one large picture (a screen
 * share, else the active speaker) and everyone else in a strip. Tiles are keyed by participant and
 * moved, never rebuilt, so videos keep playing when the layout changes. The person speaking has a
 * ring (data-speaking="true").
 */
export function createVideoStage(t: Translator): Component<VideoStageState> {
  const screenArea = createScreenShareArea(t);
  const grid = el('div', { class: 'tile-grid', attrs: { 'data-testid': 'tile-grid' } });
  const gridBox = el('div', { class: 'grid-box' }, [grid]);
  const main = el('div', { class: 'stage-main', attrs: { 'data-testid': 'stage-main' } });
  const strip = el('div', { class: 'stage-strip', attrs: { role: 'group', 'aria-label': t.m('stage.strip'), 'data-testid': 'tile-strip' } });
  const element = el('section', { class: 'stage', attrs: { 'aria-label': t.m('stage.label'), 'data-testid': 'stage' } });
  const tiles = new Map<string, Tile>();

  return {
    element,
    update(state) {
      const present = new Set(state.tiles.map((m) => m.participantId));
      for (const [id, tile] of tiles) {
        if (!present.has(id)) {
          tile.remove();
          tiles.delete(id);
        }
      }
      for (const model of state.tiles) {
        let tile = tiles.get(model.participantId);
        if (!tile) {
          tile = createTile(t, model.participantId);
          tiles.set(model.participantId, tile);
        }
        tile.update({
          model,
          speaking: state.speakers.speaking.has(model.participantId),
          activeSpeaker: state.speakers.active === model.participantId,
          avatar: model.isSelf ? state.selfAvatar : null,
          hand: handPosition(state.hands, model.participantId),
          reactions: state.reactions.filter((r) => r.participantId === model.participantId),
        });
      }
      screenArea.update({ screens: state.screens });

      const selfId = state.tiles.find((m) => m.isSelf)?.participantId;
      const plan = planStage({
        view: state.view,
        tiles: state.tiles.map((m) => m.participantId),
        selfId,
        hasScreens: state.screens.length > 0,
        activeSpeaker: state.speakers.active,
      });
      const tileElements = (ids: readonly string[]) => ids.flatMap((id) => tiles.get(id)?.element ?? []);
      element.setAttribute('data-view', plan.kind === 'grid' ? 'tile' : 'speaker');
      element.setAttribute('data-form', state.form);
      element.classList.toggle('has-screens', state.screens.length > 0);

      if (plan.kind === 'grid') {
        place(element, [state.screens.length > 0 ? screenArea.element : null, gridBox]);
        place(grid, tileElements(plan.grid));
        const layout = gridLayout(plan.grid.length, state.form);
        grid.style.setProperty('--grid-columns', String(layout.columns));
        grid.style.setProperty('--grid-rows', String(layout.rows));
        place(main, []);
        place(strip, []);
      } else {
        place(main, plan.main === 'screens' ? [screenArea.element] : tileElements([plan.main]));
        place(strip, tileElements(plan.strip));
        place(element, [main, plan.strip.length > 0 ? strip : null]);
        place(grid, []);
      }
    },
  };
}

/**
 * Makes these the parent's children, in order, moving (not recreating) those already there. A
 * moved <video> keeps playing: it is back in the page before the browser would pause it.
 */
function place(parent: HTMLElement, children: readonly (HTMLElement | null)[]): void {
  const wanted = children.filter((c): c is HTMLElement => c !== null);
  wanted.forEach((child, index) => {
    const at = parent.children[index];
    if (at !== child) parent.insertBefore(child, at ?? null);
  });
  while (parent.children.length > wanted.length) parent.lastElementChild?.remove();
}

interface TileState {
  model: TileModel;
  speaking: boolean;
  activeSpeaker: boolean;
  avatar: string | null;
  hand: number | undefined;
  reactions: readonly ShownReaction[];
}

type Tile = Component<TileState> & { remove(): void };

function createTile(t: Translator, participantId: string): Tile {
  // Local preview only: muted (it would echo) and mirrored (people expect a mirror).
  const video = el('video', { class: 'tile-video', attrs: { 'data-testid': 'tile-video', autoplay: true, playsinline: true } });
  const avatar = el('span', { class: 'tile-avatar', attrs: { 'aria-hidden': 'true' } });
  avatar.style.setProperty('--avatar-hue', String(avatarHue(participantId)));
  const name = el('span', { class: 'tile-name', attrs: { 'data-testid': 'tile-name', 'data-i18n-skip': true } });
  const you = el('span', { class: 'tile-you', text: t.m('roster.you') });
  const micOff = labelledIcon('micOff', t.m('roster.micOff'), 'tile-mic-off');
  micOff.setAttribute('data-testid', 'tile-mic-off');
  const hand = createHandBadge(t);
  hand.element.classList.add('tile-hand');
  // Screen readers hear reactions from the page's announcer; the floating emoji is for the eyes.
  const bubbles = el('div', { class: 'reaction-bubbles', attrs: { 'aria-hidden': 'true', 'data-i18n-skip': true } });
  const bubbleById = new Map<number, HTMLElement>();
  const element = el('figure', {
    class: 'tile',
    attrs: { 'data-testid': 'tile', 'data-participant-id': participantId, 'data-speaking': 'false' },
  }, [avatar, hand.element, bubbles, el('figcaption', { class: 'tile-caption' }, [micOff, name, you])]);
  let isSelf: boolean | undefined;

  return {
    element,
    update({ model, speaking, activeSpeaker, avatar: picture, hand: position, reactions }) {
      hand.update(position);
      const live = new Set(reactions.map((r) => r.id));
      for (const [id, bubble] of bubbleById) {
        if (!live.has(id)) {
          bubble.remove();
          bubbleById.delete(id);
        }
      }
      reactions.forEach((reaction, index) => {
        if (bubbleById.has(reaction.id)) return;
        const bubble = el('span', {
          class: 'reaction-bubble', text: REACTION_LOOK[reaction.reaction].emoji,
          attrs: { 'data-testid': 'reaction-bubble', 'data-reaction': reaction.reaction },
        });
        // Side by side when several float at once.
        bubble.style.setProperty('--bubble-offset', String(index % 4));
        bubbleById.set(reaction.id, bubble);
        bubbles.appendChild(bubble);
      });
      if (model.isSelf !== isSelf) {
        isSelf = model.isSelf;
        video.muted = model.isSelf;
        video.toggleAttribute('muted', model.isSelf);
        video.classList.toggle('is-mirrored', model.isSelf);
        element.classList.toggle('is-self', model.isSelf);
        element.setAttribute('data-self', String(model.isSelf));
      }
      element.setAttribute('data-speaking', String(speaking));
      element.classList.toggle('is-active-speaker', activeSpeaker);
      setText(name, model.displayName);
      renderAvatar(avatar, model.displayName, picture);
      show(you, model.isSelf);
      show(micOff, model.audioMuted);
      const hasVideo = model.video !== null;
      element.classList.toggle('has-video', hasVideo);
      if (hasVideo && video.parentElement !== element) element.insertBefore(video, avatar);
      if (!hasVideo && video.parentElement === element) video.remove();
      show(avatar, !hasVideo);
      const playing = attachTrack(video, model.video);
      // A video never carries sound here (audio has its own element), so if the browser will not
      // autoplay it unmuted, muting it changes nothing audible and lets it play.
      void playing?.then((ok) => {
        if (!ok) {
          video.muted = true;
          void video.play().catch(() => undefined);
        }
      });
    },
    remove() {
      attachTrack(video, null);
      element.remove();
    },
  };
}
