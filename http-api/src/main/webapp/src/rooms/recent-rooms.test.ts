import { describe, expect, it } from 'vitest';
import { addRecentRoom, parseRecentRooms, RECENT_ROOMS_LIMIT } from './recent-rooms';

describe('recent rooms', () => {
  it('putsTheLatestVisitFirst', () => {
    const rooms = addRecentRoom(addRecentRoom([], 'Alpha', 1), 'Beta', 2);
    expect(rooms.map((r) => r.name)).toEqual(['Beta', 'Alpha']);
  });

  it('keepsOneEntryPerRoomWhateverTheCase', () => {
    const rooms = addRecentRoom(addRecentRoom(addRecentRoom([], 'Alpha', 1), 'Beta', 2), 'ALPHA', 3);
    expect(rooms).toEqual([{ name: 'ALPHA', visitedAt: 3 }, { name: 'Beta', visitedAt: 2 }]);
  });

  it('keepsOnlyTheMostRecentFew', () => {
    let rooms = addRecentRoom([], 'r0', 0);
    for (let i = 1; i < 20; i++) rooms = addRecentRoom(rooms, `r${i}`, i);
    expect(rooms).toHaveLength(RECENT_ROOMS_LIMIT);
    expect(rooms[0]?.name).toBe('r19');
  });

  it('dropsMalformedStoredEntries', () => {
    const stored = [
      { name: 'Good', visitedAt: 5 },
      { name: 'bad name', visitedAt: 6 },
      { name: 42, visitedAt: 7 },
      'junk',
      null,
      { name: 'Older', visitedAt: 1 },
    ];
    expect(parseRecentRooms(stored)).toEqual([{ name: 'Good', visitedAt: 5 }, { name: 'Older', visitedAt: 1 }]);
    expect(parseRecentRooms({ not: 'a list' })).toEqual([]);
    expect(parseRecentRooms(null)).toEqual([]);
  });
});
