// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createLocale } from '../i18n/i18n';
import { el, retranslate, setAttributes, setText, shownI18nKeys } from './dom';

describe('translated elements', () => {
  it('rememberTheirKeysAndParametersAndAreTranslatedAgainInPlace', () => {
    const t = createLocale('en');
    const heading = el('h2', { text: t.m('roster.title', { count: 3 }) });
    const button = el('button', { attrs: { 'aria-label': t.m('room.leave'), title: t.m('toolbar.withKey', { label: 'x', key: 'M' }), 'data-testid': 'b' } });
    const root = el('div', {}, [heading, button]);
    expect(heading.getAttribute('data-i18n')).toBe('roster.title');
    expect(shownI18nKeys(root)).toEqual(['room.leave', 'roster.title', 'toolbar.withKey']);

    t.setLanguage('fr');
    retranslate(root, t);
    expect(heading.textContent).toBe('Participants (3)');
    expect(button.getAttribute('aria-label')).toBe('Quitter');
    expect(button.getAttribute('title')).toBe('x (M)');
    expect(button.getAttribute('data-testid')).toBe('b');
  });

  it('textThatIsNotAMessageForgetsTheKey', () => {
    const t = createLocale('en');
    const span = el('span', { text: t.m('room.leave') });
    setText(span, 'Ada');
    expect(span.hasAttribute('data-i18n')).toBe(false);
    setAttributes(span, { title: t.m('room.leave') });
    setAttributes(span, { title: 'plain' });
    expect(span.hasAttribute('data-i18n-attrs')).toBe(false);
  });
});
