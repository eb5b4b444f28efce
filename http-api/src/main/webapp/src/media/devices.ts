import type { DeviceInfo } from './rtc';

/** A camera or microphone one can pick; label is empty when the browser does not tell (no permission yet). */
export interface DeviceOption {
  readonly id: string;
  readonly label: string;
}

export interface DeviceLists {
  readonly audioinput: readonly DeviceOption[];
  readonly videoinput: readonly DeviceOption[];
}

export const NO_DEVICES: DeviceLists = { audioinput: [], videoinput: [] };

/**
 * The cameras and microphones from enumerateDevices, in its order. Entries without an id (what
 * browsers list before any permission) cannot be chosen and are left out; a device listed twice
 * keeps its first place.
 */
export function deviceLists(infos: readonly DeviceInfo[]): DeviceLists {
  const pick = (kind: MediaDeviceKind) => {
    const seen = new Set<string>();
    const options: DeviceOption[] = [];
    for (const info of infos) {
      if (info.kind !== kind || info.deviceId === '' || seen.has(info.deviceId)) continue;
      seen.add(info.deviceId);
      options.push({ id: info.deviceId, label: info.label });
    }
    return options;
  };
  return { audioinput: pick('audioinput'), videoinput: pick('videoinput') };
}

export function sameDeviceLists(a: DeviceLists, b: DeviceLists): boolean {
  const same = (x: readonly DeviceOption[], y: readonly DeviceOption[]) =>
    x.length === y.length && x.every((o, i) => o.id === y[i]?.id && o.label === y[i]?.label);
  return same(a.audioinput, b.audioinput) && same(a.videoinput, b.videoinput);
}

/** The device a track comes from (getSettings().deviceId), or undefined. */
export function trackDeviceId(track: MediaStreamTrack | null): string | undefined {
  if (!track || typeof track.getSettings !== 'function') return undefined;
  const id = track.getSettings().deviceId;
  return id === '' ? undefined : id;
}
