import type { Locale } from '../i18n/i18n';
import { shownI18nKeys } from './dom';

/**
 * window.parleyI18n: what browser tests read about the page's words (Playwright's
 * page.evaluate): the language, the keys of every translated text and attribute on the page, and
 * a way to switch language as the menus do.
 */
export interface ParleyI18nHook {
  readonly language: string;
  /** Sorted keys of every element carrying data-i18n or data-i18n-attrs in the page. */
  shownKeys(): string[];
  setLanguage(language: string): void;
}

export function createI18nTestHook(t: Locale, root: HTMLElement): ParleyI18nHook {
  return {
    get language() {
      return t.language;
    },
    shownKeys: () => shownI18nKeys(root.ownerDocument.body ?? root),
    setLanguage: (language) => t.setLanguage(language),
  };
}

declare global {
  interface Window {
    parleyI18n?: ParleyI18nHook;
  }
}
