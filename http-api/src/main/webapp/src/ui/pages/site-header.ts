import { saveLanguage } from '../../app/storage';
import type { Locale } from '../../i18n/i18n';
import { el, retranslate } from '../dom';
import { createLanguageSwitch } from '../components/language-switch';

/**
 * The header of the pages outside a room: the name of the service and the language menu. A
 * change of language is remembered and applied to the whole page at once.
 */
export function createSiteHeader(t: Locale, root: HTMLElement, onLanguage: () => void): HTMLElement {
  const language = createLanguageSwitch(t, 'language-switch', (code) => t.setLanguage(code));
  t.onChange((code) => {
    saveLanguage(code);
    document.documentElement.lang = code;
    retranslate(root, t);
    language.update({ language: code });
    onLanguage();
  });
  return el('header', { class: 'site-header' }, [
    el('a', { class: 'brand', text: t.m('app.name'), attrs: { href: '/' } }),
    el('div', { class: 'site-header-actions' }, [language.element]),
  ]);
}
