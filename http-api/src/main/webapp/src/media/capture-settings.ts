/**
 * What the camera is asked for. 640x360 at 24 fps keeps a tile sharp and the CPU cool; the page's
 * query can lower it (`?video=320x240`), which the browser tests use so that several browsers
 * fit on a small machine.
 */
export interface CaptureSettings {
  readonly width: number;
  readonly height: number;
  readonly frameRate: number;
}

export const DEFAULT_CAPTURE: CaptureSettings = { width: 640, height: 360, frameRate: 24 };

/** Bounds a `?video=` override may ask for; anything else is ignored. */
const MIN_SIDE = 16;
const MAX_SIDE = 3840;

/** The settings for a page address's query string ("?video=320x240"); bad values keep the defaults. */
export function captureSettingsFromQuery(search: string, defaults: CaptureSettings = DEFAULT_CAPTURE): CaptureSettings {
  const value = new URLSearchParams(search).get('video');
  const match = value === null ? null : /^(\d{1,4})x(\d{1,4})$/i.exec(value.trim());
  if (!match) return defaults;
  const width = Number(match[1]);
  const height = Number(match[2]);
  const inRange = (n: number) => n >= MIN_SIDE && n <= MAX_SIDE;
  return inRange(width) && inRange(height) ? { ...defaults, width, height } : defaults;
}

/** getUserMedia constraints for the devices wanted; "ideal" so that any camera still works. */
export function userMediaConstraints(settings: CaptureSettings, want: { audio: boolean; video: boolean }): MediaStreamConstraints {
  return {
    audio: want.audio ? { echoCancellation: true, noiseSuppression: true, autoGainControl: true } : false,
    video: want.video
      ? { width: { ideal: settings.width }, height: { ideal: settings.height }, frameRate: { ideal: settings.frameRate, max: settings.frameRate } }
      : false,
  };
}

/** Screen sharing: detail over motion; the frame rate is kept low, as slides change rarely. */
export const DISPLAY_MEDIA_OPTIONS: DisplayMediaStreamOptions = {
  video: { frameRate: { ideal: 15, max: 30 } },
  audio: false,
};
