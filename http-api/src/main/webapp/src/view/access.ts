import type { Participant } from '../signal/protocol';

/**
 * What the page shows about entering a room and moderating it, from the session's state alone.
 * No DOM: the room page asks these and renders the answers.
 */

type ErrorLike = { readonly code: string; readonly message: string } | undefined;

export type PasswordProblem = 'required' | 'wrong' | 'too-many';

/** A join refused for its password: the prompt and what it says. */
export function passwordProblem(error: ErrorLike): PasswordProblem | undefined {
  switch (error?.code) {
    case 'PASSWORD_REQUIRED':
      return 'required';
    case 'WRONG_PASSWORD':
      return 'wrong';
    case 'TOO_MANY_ATTEMPTS':
      return 'too-many';
    default:
      return undefined;
  }
}

/** A join refused for good: a page of its own instead of the pre-join form. */
export function refusalPage(error: ErrorLike): 'rejected' | 'banned' | undefined {
  if (error?.code === 'REJECTED') return 'rejected';
  if (error?.code === 'BANNED') return 'banned';
  return undefined;
}

/** The alert shows what no screen or dialog explains already. */
export function alertWorthy(error: ErrorLike): ErrorLike {
  return passwordProblem(error) === undefined && refusalPage(error) === undefined ? error : undefined;
}

export type ParticipantAction = 'mute-audio' | 'mute-video' | 'make-moderator' | 'kick' | 'kick-ban';

/** What a moderator may do to someone in the roster: never to themselves; mute only what is on; promote only who is not one yet. */
export function participantActions(target: Participant, selfId: string | undefined, selfIsModerator: boolean): ParticipantAction[] {
  if (!selfIsModerator || target.id === selfId) return [];
  const mutes: ParticipantAction[] = [];
  if (!target.audioMuted) mutes.push('mute-audio');
  if (!target.videoMuted) mutes.push('mute-video');
  return target.role === 'ROLE_MODERATOR' ? [...mutes, 'kick', 'kick-ban'] : [...mutes, 'make-moderator', 'kick', 'kick-ban'];
}

/** The count on the participants button: how many knock, for moderators; nothing at zero. */
export function knockBadge(count: number, selfIsModerator: boolean): string | undefined {
  if (!selfIsModerator || count <= 0) return undefined;
  return count > 99 ? '99+' : String(count);
}
