import type { Translator } from '../../i18n/i18n';
import { gridLayout, type TileModel } from '../../media/stage';
import { el, setText, show, type Component } from '../dom';
import { attachTrack } from '../media-element';
import { labelledIcon } from './icons';
import { avatarHue, initial } from './avatar';

export interface VideoGridState {
  tiles: readonly TileModel[];
}

/**
 * A tile per participant in a CSS grid that stays near square (1 to 25 tiles) and never wider
 * than the screen. Tiles are keyed by participant id and kept across updates, so a video keeps
 * playing while others come and go.
 */
export function createVideoGrid(t: Translator): Component<VideoGridState> {
  const element = el('div', { class: 'tile-grid', attrs: { 'data-testid': 'tile-grid' } });
  const tiles = new Map<string, Tile>();
  let shownCount = -1;

  return {
    element,
    update({ tiles: models }) {
      const present = new Set(models.map((m) => m.participantId));
      for (const [id, tile] of tiles) {
        if (!present.has(id)) {
          tile.remove();
          tiles.delete(id);
        }
      }
      models.forEach((model, index) => {
        let tile = tiles.get(model.participantId);
        if (!tile) {
          tile = createTile(t, model.participantId);
          tiles.set(model.participantId, tile);
        }
        tile.update(model);
        const atIndex = element.children[index];
        if (atIndex !== tile.element) element.insertBefore(tile.element, atIndex ?? null);
      });
      if (models.length !== shownCount) {
        shownCount = models.length;
        const layout = gridLayout(models.length);
        element.style.setProperty('--grid-columns', String(layout.columns));
        element.style.setProperty('--grid-rows', String(layout.rows));
        element.style.setProperty('--tile-floor', `${layout.floorRem}rem`);
        element.style.setProperty('--grid-max-width', `${layout.maxWidthRem}rem`);
      }
    },
  };
}

type Tile = Component<TileModel> & { remove(): void };

function createTile(t: Translator, participantId: string): Tile {
  // Local preview only: muted (it would echo) and mirrored (people expect a mirror).
  const video = el('video', { class: 'tile-video', attrs: { 'data-testid': 'tile-video', autoplay: true, playsinline: true } });
  const avatar = el('span', { class: 'tile-avatar', attrs: { 'aria-hidden': 'true' } });
  avatar.style.setProperty('--avatar-hue', String(avatarHue(participantId)));
  const name = el('span', { class: 'tile-name', attrs: { 'data-testid': 'tile-name' } });
  const you = el('span', { class: 'tile-you', text: t.t('roster.you') });
  const micOff = labelledIcon('micOff', t.t('roster.micOff'), 'tile-mic-off');
  micOff.setAttribute('data-testid', 'tile-mic-off');
  const element = el('figure', {
    class: 'tile',
    attrs: { 'data-testid': 'tile', 'data-participant-id': participantId },
  }, [avatar, el('figcaption', { class: 'tile-caption' }, [micOff, name, you])]);
  let isSelf: boolean | undefined;

  return {
    element,
    update(model) {
      if (model.isSelf !== isSelf) {
        isSelf = model.isSelf;
        video.muted = model.isSelf;
        video.toggleAttribute('muted', model.isSelf);
        video.classList.toggle('is-mirrored', model.isSelf);
        element.classList.toggle('is-self', model.isSelf);
        element.setAttribute('data-self', String(model.isSelf));
      }
      setText(name, model.displayName);
      setText(avatar, initial(model.displayName));
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
