import { ADJECTIVES, ADVERBS, PLURAL_NOUNS, VERBS } from './words';

/** The server's rule (engine RoomName): compared lower-cased, so case is free here. */
export const ROOM_NAME_MAX_LENGTH = 64;
const ROOM_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export type RoomNameProblem = 'required' | 'invalid';

/** What is wrong with a typed room name, or null when the server will take it. */
export function roomNameProblem(raw: string): RoomNameProblem | null {
  const name = raw.trim();
  if (name === '') return 'required';
  return name.length <= ROOM_NAME_MAX_LENGTH && ROOM_NAME_PATTERN.test(name) ? null : 'invalid';
}

export function isValidRoomName(raw: string): boolean {
  return roomNameProblem(raw) === null;
}

/** A uniformly drawn integer in [0, bound). */
export type RandomInt = (bound: number) => number;

/**
 * Uses the browser's cryptographic generator: room names are the only thing keeping an unlocked
 * room private, so they must not be predictable from earlier ones. Rejection sampling keeps every
 * value equally likely.
 */
export const secureRandomInt: RandomInt = (bound) => {
  if (!Number.isInteger(bound) || bound <= 0 || bound > 2 ** 32) throw new RangeError(`bad bound ${bound}`);
  const limit = 2 ** 32 - (2 ** 32 % bound);
  const buffer = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buffer);
    const value = buffer[0] ?? 0;
    if (value < limit) return value % bound;
  }
};

const NUMBER_MIN = 10;
const NUMBER_MAX = 99;

/** How many different names generateRoomName can give (for the "hard to guess" claim). */
export const GENERATED_NAME_COUNT =
  ADJECTIVES.length * PLURAL_NOUNS.length * VERBS.length * ADVERBS.length * (NUMBER_MAX - NUMBER_MIN + 1);

/** e.g. "BraveOttersSingLoudly42": four words read as a sentence, then a two-digit number. */
export function generateRoomName(randomInt: RandomInt = secureRandomInt): string {
  const words = [ADJECTIVES, PLURAL_NOUNS, VERBS, ADVERBS].map((list) => capitalize(pick(list, randomInt)));
  return words.join('') + String(NUMBER_MIN + randomInt(NUMBER_MAX - NUMBER_MIN + 1));
}

function pick(list: readonly string[], randomInt: RandomInt): string {
  const word = list[randomInt(list.length)];
  if (word === undefined) throw new RangeError('random index out of range');
  return word;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
