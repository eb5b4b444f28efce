/**
 * The avatar picture chosen in the settings: cropped to a centred square, shrunk to a small size
 * and kept in the browser as a data: URL, so that it costs little storage and no server.
 */

/** Side of the stored picture in pixels (twice the largest size it is shown at). */
export const AVATAR_SIZE = 96;
/** A stored avatar larger than this is ignored (it would not be ours). */
export const AVATAR_MAX_CHARS = 40_000;

export interface SquareCrop {
  readonly sx: number;
  readonly sy: number;
  readonly size: number;
}

/** The largest centred square of a picture of this size. */
export function squareCrop(width: number, height: number): SquareCrop {
  const size = Math.max(0, Math.min(width, height));
  return { sx: Math.floor((width - size) / 2), sy: Math.floor((height - size) / 2), size };
}

/** Whether a stored value is an avatar this app could have written. */
export function isAvatarDataUrl(value: unknown): value is string {
  return typeof value === 'string'
    && value.length <= AVATAR_MAX_CHARS
    && /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+=*$/.test(value);
}
