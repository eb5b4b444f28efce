import { LANGUAGES, type Translator } from '../../i18n/i18n';
import { el, type Component } from '../dom';

export interface LanguageSwitchState {
  language: string;
}

/** A menu of the languages, each named in itself; choosing one switches the whole page at once. */
export function createLanguageSwitch(t: Translator, testId: string, onChange: (language: string) => void): Component<LanguageSwitchState> {
  const select = el('select', {
    class: 'input input-compact',
    attrs: { 'data-testid': testId, 'aria-label': t.m('language.label'), title: t.m('language.label') },
    on: { change: () => onChange(select.value) },
  }, // Each language is named in itself, whatever the page's language: not translated.
  LANGUAGES.map((l) => el('option', { text: l.name, attrs: { value: l.code, lang: l.code, 'data-i18n-skip': true } })));
  select.value = t.language;
  return {
    element: select,
    update({ language }) {
      if (select.value !== language) select.value = language;
    },
  };
}
