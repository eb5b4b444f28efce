import { isValidRoomName } from './room-name';

export interface RecentRoom {
  /** As the person last used it in the address (case kept: "BraveOttersSingLoudly42"). */
  readonly name: string;
  /** Epoch milliseconds. */
  readonly visitedAt: number;
}

export const RECENT_ROOMS_LIMIT = 8;

/**
 * Puts a room at the top of the list. Rooms are the same whatever their case (the server
 * lower-cases names), so a visit replaces an older entry that differs only in case.
 */
export function addRecentRoom(
  rooms: readonly RecentRoom[],
  name: string,
  visitedAt: number,
  limit: number = RECENT_ROOMS_LIMIT,
): RecentRoom[] {
  const key = name.toLowerCase();
  return [{ name, visitedAt }, ...rooms.filter((r) => r.name.toLowerCase() !== key)].slice(0, limit);
}

/** Reads what storage held, dropping anything malformed (it may come from an older version). */
export function parseRecentRooms(stored: unknown): RecentRoom[] {
  if (!Array.isArray(stored)) return [];
  return stored
    .filter((r): r is RecentRoom => typeof r === 'object' && r !== null
      && typeof r.name === 'string' && isValidRoomName(r.name) && typeof r.visitedAt === 'number')
    .map((r) => ({ name: r.name, visitedAt: r.visitedAt }))
    .sort((a, b) => b.visitedAt - a.visitedAt)
    .slice(0, RECENT_ROOMS_LIMIT);
}
