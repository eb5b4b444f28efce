import { describe, expect, it } from 'vitest';
import { readParticipant } from '../signal/protocol';
import { alertWorthy, knockBadge, participantActions, passwordProblem, refusalPage } from './access';

const err = (code: string) => ({ code, message: code });
const bob = readParticipant({ id: 'p-bob', displayName: 'Bob', role: 'ROLE_PARTICIPANT' });
const grace = readParticipant({ id: 'p-grace', displayName: 'Grace', role: 'ROLE_MODERATOR' });

describe('access view rules', () => {
  it('passwordRefusalsAskForThePasswordWithWhatWasWrong', () => {
    expect(passwordProblem(err('PASSWORD_REQUIRED'))).toBe('required');
    expect(passwordProblem(err('WRONG_PASSWORD'))).toBe('wrong');
    expect(passwordProblem(err('TOO_MANY_ATTEMPTS'))).toBe('too-many');
    expect(passwordProblem(err('REFUSED'))).toBeUndefined();
    expect(passwordProblem(undefined)).toBeUndefined();
  });

  it('aLobbyRefusalAndABanHaveTheirOwnPages', () => {
    expect(refusalPage(err('REJECTED'))).toBe('rejected');
    expect(refusalPage(err('BANNED'))).toBe('banned');
    expect(refusalPage(err('WRONG_PASSWORD'))).toBeUndefined();
  });

  it('theAlertLeavesToThePagesAndThePromptWhatTheyExplain', () => {
    expect(alertWorthy(err('BANNED'))).toBeUndefined();
    expect(alertWorthy(err('WRONG_PASSWORD'))).toBeUndefined();
    expect(alertWorthy(err('FORBIDDEN'))).toEqual(err('FORBIDDEN'));
  });

  it('moderatorsMayPromoteGuestsAndRemoveAnyoneButThemselves', () => {
    expect(participantActions(bob, 'p-ada', true)).toEqual(['mute-audio', 'mute-video', 'make-moderator', 'kick', 'kick-ban']);
    expect(participantActions(grace, 'p-ada', true)).toEqual(['mute-audio', 'mute-video', 'kick', 'kick-ban']);
    expect(participantActions({ ...bob, audioMuted: true }, 'p-ada', true)).toEqual(['mute-video', 'make-moderator', 'kick', 'kick-ban']);
    expect(participantActions(bob, 'p-bob', true)).toEqual([]);
    expect(participantActions(grace, 'p-bob', false)).toEqual([]);
  });

  it('theKnockCountShowsForModeratorsOnlyAndStaysShort', () => {
    expect(knockBadge(2, true)).toBe('2');
    expect(knockBadge(0, true)).toBeUndefined();
    expect(knockBadge(3, false)).toBeUndefined();
    expect(knockBadge(150, true)).toBe('99+');
  });
});
