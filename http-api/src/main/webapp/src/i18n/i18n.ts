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
  /**
   * The text with the key it came from, for the DOM: an element given a Msg remembers its key
   * (data-i18n), so that a change of language can translate it again in place.
   */
  m(key: MessageKey, params?: Params): Msg;
}

/** A translated text and where it came from. */
export interface Msg {
  readonly key: MessageKey;
  readonly params: Params | undefined;
  readonly text: string;
}

/** A translator whose language can change while the page lives (the language menus). */
export interface Locale extends Translator {
  setLanguage(language: string): void;
  /** Called after every change of language. */
  onChange(listener: (language: string) => void): () => void;
}

/** The languages offered in the menus, each named in itself. */
export const LANGUAGES: readonly { readonly code: string; readonly name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'fr', name: 'Français' },
];

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
  const t = (key: MessageKey, params?: Params) => tryT(key, params) ?? key;
  return {
    language: chosen,
    t,
    tryT,
    m: (key, params) => ({ key, params, text: t(key, params) }),
  };
}

/** A Translator that can switch language; everything asked after the switch is in the new one. */
export function createLocale(language: string, dictionaries: Readonly<Record<string, Dictionary>> = DICTIONARIES): Locale {
  let current = createTranslator(language, dictionaries);
  const listeners = new Set<(language: string) => void>();
  return {
    get language() {
      return current.language;
    },
    t: (key, params) => current.t(key, params),
    tryT: (key, params) => current.tryT(key, params),
    m: (key, params) => current.m(key, params),
    setLanguage(next) {
      // "fr-CA" is French; a language without a dictionary is English.
      const translator = createTranslator(pickLanguage([next], Object.keys(dictionaries)), dictionaries);
      if (translator.language === current.language) return;
      current = translator;
      for (const listener of [...listeners]) listener(current.language);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The language to start in: the one the person chose before (kept in the browser), else the
 * first of the browser's preferred languages we have, else English.
 */
export function initialLanguage(stored: string | null, preferred: readonly string[]): string {
  if (stored !== null && Object.hasOwn(DICTIONARIES, stored)) return stored;
  return pickLanguage(preferred);
}

/** Replaces {name} placeholders; unknown placeholders stay as they are. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The browser's preferred languages, most wanted first. */
export function browserLanguages(): readonly string[] {
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}
