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

/** Which devices to open: "ideal" falls back to another device, "exact" (a choice made now) does not. */
export interface DeviceChoice {
  readonly audioInputId?: string | undefined;
  readonly videoInputId?: string | undefined;
  readonly exact?: boolean;
}

/** getUserMedia constraints for the devices wanted; sizes are "ideal" so that any camera still works. */
export function userMediaConstraints(
  settings: CaptureSettings,
  want: { audio: boolean; video: boolean },
  choice: DeviceChoice = {},
): MediaStreamConstraints {
  const device = (id: string | undefined) => (id ? { deviceId: choice.exact ? { exact: id } : { ideal: id } } : {});
  return {
    audio: want.audio ? { echoCancellation: true, noiseSuppression: true, autoGainControl: true, ...device(choice.audioInputId) } : false,
    video: want.video ? { ...cameraConstraints(settings), ...device(choice.videoInputId) } : false,
  };
}

/** The camera's size and frame rate (also what applyConstraints gets when the send quality changes). */
export function cameraConstraints(settings: CaptureSettings): MediaTrackConstraints {
  return { width: { ideal: settings.width }, height: { ideal: settings.height }, frameRate: { ideal: settings.frameRate, max: settings.frameRate } };
}

/** The video heights one may choose to send at most (Settings, "video quality sent"). */
export const SEND_HEIGHTS = [720, 360, 180] as const;
export type SendHeight = (typeof SEND_HEIGHTS)[number];

export function isSendHeight(value: unknown): value is SendHeight {
  return SEND_HEIGHTS.some((h) => h === value);
}

/**
 * What the camera captures: the page's settings (640x360, or the address's ?video=), unless the
 * person chose a send quality, which sets the height (16:9 width) and keeps the frame rate.
 */
export function effectiveCapture(settings: CaptureSettings, maxSendHeight: SendHeight | undefined): CaptureSettings {
  if (maxSendHeight === undefined) return settings;
  return { ...settings, width: Math.round((maxSendHeight * 16) / 9), height: maxSendHeight };
}

/** Screen sharing: detail over motion; the frame rate is kept low, as slides change rarely. */
export const DISPLAY_MEDIA_OPTIONS: DisplayMediaStreamOptions = {
  video: { frameRate: { ideal: 15, max: 30 } },
  audio: false,
};

/** What the person chose for their own camera and microphone, kept in the browser. */
export interface CapturePreferences {
  readonly maxSendHeight?: SendHeight | undefined;
  readonly audioInputId?: string | undefined;
  readonly videoInputId?: string | undefined;
}

/** Reads what storage gave back; anything unknown is left out (the defaults apply). */
export function parseCapturePreferences(value: unknown): CapturePreferences {
  if (typeof value !== 'object' || value === null) return {};
  const { maxSendHeight, audioInputId, videoInputId } = value as Record<string, unknown>;
  const id = (v: unknown) => (typeof v === 'string' && v !== '' && v.length <= 512 ? v : undefined);
  return {
    maxSendHeight: isSendHeight(maxSendHeight) ? maxSendHeight : undefined,
    audioInputId: id(audioInputId),
    videoInputId: id(videoInputId),
  };
}
