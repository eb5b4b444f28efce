/**
 * When the pre-join screen lets one in. The terms of use must be accepted first (the server
 * refuses a join without it), so the Join button stays disabled until the box is ticked and says
 * why; a missing name is explained when Join is pressed, next to the field.
 */

export interface JoinGateInput {
  readonly acceptedTerms: boolean;
  /** A join is under way. */
  readonly busy: boolean;
}

export interface JoinGate {
  readonly disabled: boolean;
  /** Why it is disabled, when the person can do something about it. */
  readonly reason: 'accept-terms' | undefined;
}

export function joinGate({ acceptedTerms, busy }: JoinGateInput): JoinGate {
  if (busy) return { disabled: true, reason: undefined };
  if (!acceptedTerms) return { disabled: true, reason: 'accept-terms' };
  return { disabled: false, reason: undefined };
}

export const DISPLAY_NAME_MAX_LENGTH = 64;

/** The name as it will be sent, or undefined when there is none. */
export function cleanDisplayName(value: string): string | undefined {
  const name = value.trim().slice(0, DISPLAY_NAME_MAX_LENGTH);
  return name === '' ? undefined : name;
}
