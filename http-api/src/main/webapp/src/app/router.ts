import { isValidRoomName } from '../rooms/room-name';

/**
 * The server serves the page for "/" and for any single path segment, so the route is read from
 * location.pathname alone: "/" is home, "/{room}" a room. Some single segments are the app's own
 * pages and never rooms (RESERVED_PATHS).
 */
export type Route =
  | { readonly kind: 'home' }
  | { readonly kind: 'self-test' }
  | { readonly kind: 'room'; readonly room: string }
  | { readonly kind: 'invalid-room'; readonly segment: string }
  | { readonly kind: 'not-found' };

export const SELF_TEST_PATH = '/self-test';

/** Single segments that are pages of the app, not rooms (compared without case). */
const RESERVED_PATHS: Readonly<Record<string, Route>> = {
  'self-test': { kind: 'self-test' },
};

export function resolveRoute(pathname: string): Route {
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments.length === 0) return { kind: 'home' };
  if (segments.length > 1) return { kind: 'not-found' };
  const raw = segments[0] ?? '';
  if (raw === 'index.html') return { kind: 'home' };
  const reserved = RESERVED_PATHS[raw.toLowerCase()];
  if (reserved) return reserved;
  let segment: string;
  try {
    segment = decodeURIComponent(raw);
  } catch {
    return { kind: 'invalid-room', segment: raw };
  }
  return isValidRoomName(segment) ? { kind: 'room', room: segment } : { kind: 'invalid-room', segment };
}

export function roomPath(room: string): string {
  return `/${encodeURIComponent(room.trim())}`;
}
