import { registerEnumType } from 'type-graphql';

/** The languages every translatable text is kept in. */
export enum Language {
  DE = 'DE',
  FR = 'FR',
  EN = 'EN',
}

registerEnumType(Language, {
  name: 'Language',
  description: 'A language texts can be asked for and events can be held in.',
  valuesConfig: {
    DE: { description: 'German (Deutsch); every text exists in it.' },
    FR: { description: 'French (français).' },
    EN: { description: 'English.' },
  },
});

/** A text stored per language; German always present, the others optional. */
export interface Localized {
  de: string | null;
  fr: string | null;
  en: string | null;
}

/** The text in `lang`, falling back to German (never to null while German exists). */
export function pick(text: Localized, lang: Language): string | null {
  const wanted = lang === Language.FR ? text.fr : lang === Language.EN ? text.en : text.de;
  return wanted != null && wanted !== '' ? wanted : text.de;
}

/**
 * The language an Accept-Language header asks for (RFC 9110 q-values), among ours;
 * German when the header names none of them.
 */
export function languageFromAcceptHeader(header: string | undefined | null): Language {
  if (!header) return Language.DE;
  let best: Language = Language.DE;
  let bestQ = 0;
  for (const part of header.split(',')) {
    const [tag, ...params] = part.trim().split(';');
    const base = tag.trim().toLowerCase().split('-')[0];
    const lang = base === 'de' ? Language.DE : base === 'fr' ? Language.FR : base === 'en' ? Language.EN : null;
    if (!lang) continue;
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p);
      if (m) q = Number(m[1]);
    }
    if (!Number.isFinite(q) || q <= 0) continue;
    if (q > bestQ) {
      best = lang;
      bestQ = q;
    }
  }
  return best;
}

/** The text in the field's `lang`, else the request's language, falling back to German. */
export function localize(
  lang: Language | null | undefined, requestLang: Language,
  de: string | null, fr: string | null, en: string | null,
): string | null {
  return pick({ de, fr, en }, lang ?? requestLang);
}
