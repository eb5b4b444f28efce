import { describe, expect, it } from 'vitest';
import { chatOf, dropKnock, EMPTY_LOBBY, LOBBY_CHAT_KEPT, reduceLobby } from './lobby';
import type { ServerMessage } from './protocol';

const knock = (knockId: string, displayName: string): ServerMessage => ({ knockReceived: { knock: { knockId, displayName } } });
const line = (knockId: string, text: string, fromModerator = false): ServerMessage =>
  ({ lobbyChatMessage: { knockId, fromDisplayName: fromModerator ? 'Ada' : 'Cy', fromModerator, text } });

describe('lobby reducer', () => {
  it('knocksAreListedInTheOrderTheyCame', () => {
    const state = [knock('k1', 'Cy'), knock('k2', 'Dee')].reduce(reduceLobby, EMPTY_LOBBY);
    expect(state.knocks.map((k) => k.displayName)).toEqual(['Cy', 'Dee']);
  });

  it('aKnockReceivedTwiceIsListedOnceWithTheNews', () => {
    const state = [knock('k1', 'Cy'), knock('k1', 'Cyrus')].reduce(reduceLobby, EMPTY_LOBBY);
    expect(state.knocks).toEqual([{ knockId: 'k1', displayName: 'Cyrus', at: '', signedIn: false }]);
  });

  it('aResolvedKnockGoesWithItsChat', () => {
    const state = [knock('k1', 'Cy'), knock('k2', 'Dee'), line('k1', 'hi'), line('k2', 'hello'),
      { knockResolved: { knockId: 'k1', outcome: 'KNOCK_OUTCOME_ADMITTED' } } as ServerMessage].reduce(reduceLobby, EMPTY_LOBBY);
    expect(state.knocks.map((k) => k.knockId)).toEqual(['k2']);
    expect(state.chat.map((l) => l.text)).toEqual(['hello']);
  });

  it('resolvingAnUnknownKnockChangesNothing', () => {
    const state = reduceLobby(EMPTY_LOBBY, knock('k1', 'Cy'));
    expect(reduceLobby(state, { knockResolved: { knockId: 'nope' } })).toBe(state);
    expect(dropKnock(state, 'nope')).toBe(state);
  });

  it('joinedReplacesTheKnocksWithThoseStillPending', () => {
    const state = [knock('k1', 'Cy'), line('k1', 'hi'), knock('k2', 'Dee')].reduce(reduceLobby, EMPTY_LOBBY);
    const next = reduceLobby(state, { joined: { knocks: [{ knockId: 'k1', displayName: 'Cy' }, { knockId: 'k3', displayName: 'Eve' }] } });
    expect(next.knocks.map((k) => k.knockId)).toEqual(['k1', 'k3']);
    expect(chatOf(next, 'k1').map((l) => l.text)).toEqual(['hi']);
  });

  it('aKnockerLetInLeavesTheLobbyChatBehind', () => {
    const state = [line('k9', 'may I?'), line('k9', 'one moment', true)].reduce(reduceLobby, EMPTY_LOBBY);
    expect(reduceLobby(state, { joined: {} })).toEqual(EMPTY_LOBBY);
  });

  it('keepsTheChatOfEachKnockApartAndOnlyTheLatestLines', () => {
    let state = reduceLobby(EMPTY_LOBBY, knock('k1', 'Cy'));
    for (let i = 0; i < LOBBY_CHAT_KEPT + 5; i++) state = reduceLobby(state, line('k1', `line ${i}`));
    expect(chatOf(state, 'k1')).toHaveLength(LOBBY_CHAT_KEPT);
    expect(chatOf(state, 'k1')[0]?.text).toBe('line 5');
    expect(chatOf(state, 'k2')).toEqual([]);
  });

  it('emptyLinesAndOtherMessagesChangeNothing', () => {
    expect(reduceLobby(EMPTY_LOBBY, line('k1', ''))).toBe(EMPTY_LOBBY);
    expect(reduceLobby(EMPTY_LOBBY, { pong: {} })).toBe(EMPTY_LOBBY);
  });
});
