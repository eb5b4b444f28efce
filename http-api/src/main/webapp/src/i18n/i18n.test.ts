import { describe, expect, it } from 'vitest';
import { en, type Dictionary } from './en';
import { fr } from './fr';
import { createLocale, createTranslator, DICTIONARIES, initialLanguage, interpolate, LANGUAGES, pickLanguage } from './i18n';

describe('pickLanguage', () => {
  it('takesTheFirstPreferredLanguageWeHave', () => {
    expect(pickLanguage(['de-DE', 'fr-CA', 'en'])).toBe('fr');
    expect(pickLanguage(['en-GB', 'fr'])).toBe('en');
  });

  it('fallsBackToEnglishWhenNoneMatches', () => {
    expect(pickLanguage(['de', 'ja'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });

  it('ignoresCaseAndUnderscores', () => {
    expect(pickLanguage(['FR_be'])).toBe('fr');
  });
});

describe('createTranslator', () => {
  it('speaksTheChosenLanguage', () => {
    const t = createTranslator('fr');
    expect(t.language).toBe('fr');
    expect(t.t('prejoin.join')).toBe('Rejoindre');
  });

  it('fallsBackToEnglishForKeysMissingFromADictionary', () => {
    const partial: Dictionary = { 'prejoin.join': 'Beitreten' };
    const t = createTranslator('de', { en, de: partial });
    expect(t.language).toBe('de');
    expect(t.t('prejoin.join')).toBe('Beitreten');
    expect(t.t('room.leave')).toBe('Leave');
  });

  it('usesEnglishForALanguageItDoesNotKnow', () => {
    const t = createTranslator('xx');
    expect(t.language).toBe('en');
    expect(t.t('room.leave')).toBe('Leave');
  });

  it('fillsInPlaceholders', () => {
    const t = createTranslator('en');
    expect(t.t('roster.title', { count: 3 })).toBe('Participants (3)');
    expect(t.t('roster.announce.renamed', { from: 'Ada', to: 'Ada L.' })).toBe('Ada is now Ada L.');
  });

  it('findsRunTimeKeysOrSaysItCannot', () => {
    const t = createTranslator('fr');
    expect(t.tryT('ended.reason.ENDED_BY_MODERATOR')).toBe("Un modérateur l'a terminée pour tout le monde.");
    expect(t.tryT('ended.reason.SOMETHING_NEW')).toBeUndefined();
  });
});

describe('dictionaries', () => {
  it('frenchTranslatesEveryEnglishKeyAndNothingElse', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('translationsKeepThePlaceholdersOfTheEnglishText', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, text] of Object.entries(fr)) {
      expect(placeholders(text ?? ''), key).toEqual(placeholders(en[key as keyof typeof en]));
    }
  });
});

describe('interpolate', () => {
  it('leavesUnknownPlaceholdersVisible', () => {
    expect(interpolate('Hello {name} and {other}', { name: 'Ada' })).toBe('Hello Ada and {other}');
  });
});

describe('createLocale', () => {
  it('switchesLanguageForEverythingAskedAfterAndTellsListeners', () => {
    const locale = createLocale('en');
    const heard: string[] = [];
    locale.onChange((language) => heard.push(language));
    expect(locale.t('room.leave')).toBe('Leave');
    locale.setLanguage('fr');
    expect(locale.language).toBe('fr');
    expect(locale.t('room.leave')).toBe('Quitter');
    expect(locale.m('roster.title', { count: 2 })).toEqual({ key: 'roster.title', params: { count: 2 }, text: 'Participants (2)' });
    expect(heard).toEqual(['fr']);
  });

  it('anUnknownOrSameLanguageChangesNothing', () => {
    const locale = createLocale('fr');
    const heard: string[] = [];
    locale.onChange((language) => heard.push(language));
    locale.setLanguage('fr');
    locale.setLanguage('fr-CA');
    expect(heard).toEqual([]);
    locale.setLanguage('xx');
    expect(locale.language).toBe('en');
    expect(heard).toEqual(['en']);
  });
});

describe('initialLanguage', () => {
  it('takesTheRememberedChoiceOverTheBrowsersPreference', () => {
    expect(initialLanguage('fr', ['en-US'])).toBe('fr');
    expect(initialLanguage(null, ['fr-BE', 'en'])).toBe('fr');
    expect(initialLanguage('klingon', ['en-GB'])).toBe('en');
  });
});

describe('LANGUAGES', () => {
  it('offersEveryLanguageThereIsADictionaryFor', () => {
    expect(LANGUAGES.map((l) => l.code).sort()).toEqual(Object.keys(DICTIONARIES).sort());
  });
});
