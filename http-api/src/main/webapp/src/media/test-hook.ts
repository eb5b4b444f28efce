import type { MediaSession } from './media-session';
import type { MediaStats } from './stats';

/**
 * window.parleyMedia: what browser tests read from the page (Playwright's page.evaluate), e.g.
 * that every remote track decodes frames, and how long the first one took after joining.
 * Times are performance.now() milliseconds of this page.
 */
export interface ParleyMediaHook {
  /** Both connections' getStats(), per track: inbound labelled by participant and source. */
  stats(): Promise<MediaStats>;
  /** When the last join (or resume) completed; null before. */
  readonly joinedAt: number | null;
  /** When a remote video frame was first decoded since that join; null until then. */
  readonly firstFrameAt: number | null;
}

export function createMediaTestHook(media: MediaSession): ParleyMediaHook {
  return {
    stats: () => media.stats(),
    get joinedAt() {
      return media.joinedAt;
    },
    get firstFrameAt() {
      return media.firstFrameAt;
    },
  };
}

declare global {
  interface Window {
    parleyMedia?: ParleyMediaHook;
  }
}
