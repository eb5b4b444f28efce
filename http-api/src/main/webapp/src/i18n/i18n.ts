import { en, type Dictionary, type MessageKey } from './en';
import { fr } from './fr';

export type { MessageKey } from './en';

export type Params = Readonly<Record<string, string | number>>;

export interface Translator {
  /** The language the strings are in, as a BCP 47 primary tag ("en", "fr"). */
  readonly language: string;
  t(key: MessageKey, params?: Params): string;
  /** For keys built at run time (e.g. from a server enum); undefined when no dictionary has it. */
  tryT(key: string, params?: Params): string | undefined;
}

export const DICTIONARIES: Readonly<Record<string, Dictionary>> = { en, fr };
export const FALLBACK_LANGUAGE = 'en';

/**
 * The first of the browser's preferred languages we have a dictionary for, matched on the primary
 * subtag ("fr-CA" -> "fr"); English when none matches.
 */
export function pickLanguage(preferred: readonly string[], available: readonly string[] = Object.keys(DICTIONARIES)): string {
  for (const tag of preferred) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (primary && available.includes(primary)) return primary;
  }
  return FALLBACK_LANGUAGE;
}

/** Missing keys fall back to English; a key missing there too shows as itself, so it is noticed. */
export function createTranslator(
  language: string,
  dictionaries: Readonly<Record<string, Dictionary>> = DICTIONARIES,
): Translator {
  const chosen = dictionaries[language] ? language : FALLBACK_LANGUAGE;
  const primary: Partial<Record<string, string>> = dictionaries[chosen] ?? {};
  const fallback: Partial<Record<string, string>> = dictionaries[FALLBACK_LANGUAGE] ?? en;
  const tryT = (key: string, params?: Params) => {
    const template = primary[key] ?? fallback[key];
    return template === undefined ? undefined : interpolate(template, params);
  };
  return {
    language: chosen,
    t: (key, params) => tryT(key, params) ?? key,
    tryT,
  };
}

/** Replaces {name} placeholders; unknown placeholders stay as they are. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The translator for this browser. */
export function browserTranslator(): Translator {
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  return createTranslator(pickLanguage(preferred));
}
