import { userMediaConstraints, type CaptureSettings, type DeviceChoice } from './capture-settings';
import type { MediaDevicesPort } from './rtc';

/** Why the camera or the microphone (or both) could not be had. */
export type DeviceProblem = 'denied' | 'not-found' | 'in-use' | 'unsupported' | 'failed';

export interface LocalDevices {
  readonly audio: MediaStreamTrack | null;
  readonly video: MediaStreamTrack | null;
  /** Set when one of the two (or both) is missing. */
  readonly problem: DeviceProblem | undefined;
}

/**
 * Asks for the microphone and the camera together (one permission prompt), then, if that fails,
 * for each alone: a laptop without a camera still joins with its microphone. A refusal is not
 * asked again.
 */
export async function acquireLocalDevices(
  devices: MediaDevicesPort | null,
  capture: CaptureSettings,
  choice: DeviceChoice = {},
): Promise<LocalDevices> {
  if (!devices) return { audio: null, video: null, problem: 'unsupported' };
  const attempts = [{ audio: true, video: true }, { audio: true, video: false }, { audio: false, video: true }];
  let problem: DeviceProblem | undefined;
  for (const want of attempts) {
    try {
      const tracks = await devices.getUserMedia(userMediaConstraints(capture, want, choice));
      const audio = tracks.find((t) => t.kind === 'audio') ?? null;
      const video = tracks.find((t) => t.kind === 'video') ?? null;
      for (const extra of tracks) if (extra !== audio && extra !== video) extra.stop();
      return { audio, video, problem: audio && video ? undefined : problem ?? 'not-found' };
    } catch (error) {
      problem ??= deviceProblem(error);
      if (problem === 'denied') break;
    }
  }
  return { audio: null, video: null, problem: problem ?? 'failed' };
}

/** getUserMedia's DOMException names, old Chrome ones included. */
export function deviceProblem(error: unknown): DeviceProblem {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return 'not-found';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'in-use';
    default:
      return 'failed';
  }
}
