import type { Translator } from '../../i18n/i18n';
import type { ScreenShareModel } from '../../media/stage';
import { el, setAttributes, setText, show, type Component } from '../dom';
import { attachTrack } from '../media-element';

export interface ScreenShareAreaState {
  screens: readonly ScreenShareModel[];
}

/** The large area above the tiles where others' screen shares play, whole (letterboxed, not cropped). */
export function createScreenShareArea(t: Translator): Component<ScreenShareAreaState> {
  const element = el('div', { class: 'screen-share-area', attrs: { hidden: true } });
  const shares = new Map<string, { element: HTMLElement; video: HTMLVideoElement; caption: HTMLElement }>();

  return {
    element,
    update({ screens }) {
      const present = new Set(screens.map((s) => s.participantId));
      for (const [id, share] of shares) {
        if (!present.has(id)) {
          attachTrack(share.video, null);
          share.element.remove();
          shares.delete(id);
        }
      }
      for (const screen of screens) {
        let share = shares.get(screen.participantId);
        if (!share) {
          const video = el('video', {
            class: 'screen-share-video',
            attrs: { 'data-testid': 'screen-share', 'data-participant-id': screen.participantId, autoplay: true, playsinline: true, muted: true },
          });
          video.muted = true;
          const caption = el('figcaption', { class: 'screen-share-caption' });
          share = { element: el('figure', { class: 'screen-share' }, [video, caption]), video, caption };
          shares.set(screen.participantId, share);
          element.appendChild(share.element);
        }
        setText(share.caption, t.m('stage.screenShare', { name: screen.displayName }));
        setAttributes(share.video, { 'aria-label': t.m('stage.screenShare', { name: screen.displayName }) });
        void attachTrack(share.video, screen.track);
      }
      show(element, screens.length > 0);
    },
  };
}
