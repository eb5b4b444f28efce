import { parseCapturePreferences, type CapturePreferences } from '../media/capture-settings';
import { parseReceivePreferences, type ReceivePreferences } from '../media/receive-preferences';
import { isAvatarDataUrl } from '../view/avatar-image';
import type { ViewMode } from '../view/layout';
import { parseRecentRooms, addRecentRoom, type RecentRoom } from '../rooms/recent-rooms';
import type { CredentialStore, Credentials } from '../signal/signal-client';

/**
 * Everything the client keeps in the browser, under "parley." keys. Storage can be missing or
 * throw (private windows, full quota, blocked cookies): then nothing is remembered and nothing breaks.
 */

const KEYS = {
  displayName: 'parley.displayName',
  recentRooms: 'parley.recentRooms',
  receivePreferences: 'parley.receivePreferences',
  capturePreferences: 'parley.capturePreferences',
  language: 'parley.language',
  avatar: 'parley.avatar',
  view: 'parley.view',
  /** Per room, in sessionStorage: per tab, survives a reload, gone when the tab closes. */
  place: (room: string) => `parley.place.${room.toLowerCase()}`,
} as const;

function storage(kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return globalThis[kind] ?? null;
  } catch {
    return null;
  }
}

function readJson(store: Storage | null, key: string): unknown {
  try {
    const text = store?.getItem(key);
    return text == null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

function writeJson(store: Storage | null, key: string, value: unknown): void {
  try {
    store?.setItem(key, JSON.stringify(value));
  } catch {
    // Not remembered; the app works without it.
  }
}

function remove(store: Storage | null, key: string): void {
  try {
    store?.removeItem(key);
  } catch {
    // Nothing to do.
  }
}

export function loadDisplayName(): string {
  const value = readJson(storage('localStorage'), KEYS.displayName);
  return typeof value === 'string' ? value : '';
}

export function saveDisplayName(name: string): void {
  writeJson(storage('localStorage'), KEYS.displayName, name);
}

export function loadRecentRooms(): RecentRoom[] {
  return parseRecentRooms(readJson(storage('localStorage'), KEYS.recentRooms));
}

export function rememberRecentRoom(name: string, now: number = Date.now()): void {
  writeJson(storage('localStorage'), KEYS.recentRooms, addRecentRoom(loadRecentRooms(), name, now));
}

export function forgetRecentRooms(): void {
  remove(storage('localStorage'), KEYS.recentRooms);
}

export const receivePreferenceStore = {
  load(): ReceivePreferences {
    return parseReceivePreferences(readJson(storage('localStorage'), KEYS.receivePreferences));
  },
  save(preferences: ReceivePreferences): void {
    writeJson(storage('localStorage'), KEYS.receivePreferences, preferences);
  },
};

export const capturePreferenceStore = {
  load(): CapturePreferences {
    return parseCapturePreferences(readJson(storage('localStorage'), KEYS.capturePreferences));
  },
  save(preferences: CapturePreferences): void {
    writeJson(storage('localStorage'), KEYS.capturePreferences, preferences);
  },
};

/** The language chosen in a menu, or null when the browser's own preference applies. */
export function loadLanguage(): string | null {
  const value = readJson(storage('localStorage'), KEYS.language);
  return typeof value === 'string' ? value : null;
}

export function saveLanguage(language: string): void {
  writeJson(storage('localStorage'), KEYS.language, language);
}

/** One's own avatar picture (a small data: URL), shown on this device only. */
export function loadAvatar(): string | null {
  const value = readJson(storage('localStorage'), KEYS.avatar);
  return isAvatarDataUrl(value) ? value : null;
}

export function saveAvatar(dataUrl: string | null): void {
  if (dataUrl === null) remove(storage('localStorage'), KEYS.avatar);
  else writeJson(storage('localStorage'), KEYS.avatar, dataUrl);
}

export function loadViewMode(): ViewMode | null {
  const value = readJson(storage('localStorage'), KEYS.view);
  return value === 'tile' || value === 'speaker' ? value : null;
}

export function saveViewMode(view: ViewMode): void {
  writeJson(storage('localStorage'), KEYS.view, view);
}

export const sessionCredentialStore: CredentialStore = {
  load(room) {
    const value = readJson(storage('sessionStorage'), KEYS.place(room));
    if (typeof value !== 'object' || value === null) return null;
    const { participantId, resumeToken } = value as Partial<Credentials>;
    return typeof participantId === 'string' && typeof resumeToken === 'string' && participantId && resumeToken
      ? { participantId, resumeToken }
      : null;
  },
  save(room, credentials) {
    writeJson(storage('sessionStorage'), KEYS.place(room), credentials);
  },
  clear(room) {
    remove(storage('sessionStorage'), KEYS.place(room));
  },
};
