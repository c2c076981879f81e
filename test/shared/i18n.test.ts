import { Language, languageFromAcceptHeader, pick } from '../../src/shared/i18n';
import { foldText } from '../../src/shared/text-fold';
import { fromGlobalId, toGlobalId } from '../../src/shared/global-id';

describe('Accept-Language', () => {
  it('takes the highest q-value among our languages', () => {
    expect(languageFromAcceptHeader('en;q=0.5, fr-CH;q=0.9, de;q=0.1')).toBe(Language.FR);
    expect(languageFromAcceptHeader('fr-FR,fr;q=0.9,en;q=0.8')).toBe(Language.FR);
    expect(languageFromAcceptHeader('en-GB')).toBe(Language.EN);
  });

  it('falls back to German for missing, unknown or refused languages', () => {
    expect(languageFromAcceptHeader(undefined)).toBe(Language.DE);
    expect(languageFromAcceptHeader('it, es;q=0.8')).toBe(Language.DE);
    expect(languageFromAcceptHeader('fr;q=0')).toBe(Language.DE);
  });
});

describe('translations', () => {
  it('fall back to German when a translation is missing or empty', () => {
    expect(pick({ de: 'Messe', fr: null, en: '' }, Language.FR)).toBe('Messe');
    expect(pick({ de: 'Messe', fr: null, en: '' }, Language.EN)).toBe('Messe');
    expect(pick({ de: 'Messe', fr: 'Foire', en: null }, Language.FR)).toBe('Foire');
  });
});

describe('folded text', () => {
  it('gives Lörrach, Loerrach and LÖRRACH one key, and drops French accents', () => {
    expect(foldText('Lörrach')).toBe('loerrach');
    expect(foldText('LÖRRACH')).toBe('loerrach');
    expect(foldText('Loerrach')).toBe('loerrach');
    expect(foldText('Bâle-Ville')).toBe('bale ville');
  });
});

describe('global ids', () => {
  it('round-trip and refuse anything that is not ours', () => {
    expect(fromGlobalId(toGlobalId('Event', 42))).toEqual({ type: 'Event', key: 42 });
    expect(fromGlobalId('nonsense')).toBeNull();
    expect(fromGlobalId(Buffer.from('Region:1').toString('base64url'))).toBeNull();
    expect(fromGlobalId(Buffer.from('Event:0').toString('base64url'))).toBeNull();
    expect(fromGlobalId('')).toBeNull();
  });
});
