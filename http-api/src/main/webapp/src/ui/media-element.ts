/**
 * Putting tracks into <video> and <audio> elements. An element gets a new MediaStream only when
 * its track changes: a fresh srcObject restarts playback, which would flash the tile on every
 * render otherwise.
 */

const shown = new WeakMap<HTMLMediaElement, MediaStreamTrack>();

/** What the element plays, or undefined. */
export function attachedTrack(element: HTMLMediaElement): MediaStreamTrack | undefined {
  return shown.get(element);
}

/**
 * Plays the track in the element (null empties it). Resolves true once it plays, false when the
 * browser refuses to start it without a click (autoplay policy); undefined when nothing changed.
 */
export function attachTrack(element: HTMLMediaElement, track: MediaStreamTrack | null): Promise<boolean> | undefined {
  if ((shown.get(element) ?? null) === track) return undefined;
  if (track === null) {
    shown.delete(element);
    element.srcObject = null;
    return undefined;
  }
  shown.set(element, track);
  element.srcObject = new MediaStream([track]);
  return play(element);
}

/** element.play(), which autoplay already tries; called so that a refusal is known. */
export async function play(element: HTMLMediaElement): Promise<boolean> {
  try {
    await element.play();
    return true;
  } catch (error) {
    // NotAllowedError is the autoplay policy; AbortError only means a newer source replaced this one.
    return !(error instanceof Error && error.name === 'NotAllowedError');
  }
}
