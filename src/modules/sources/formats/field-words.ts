import { Language } from '../../../shared/i18n';

// Words spreadsheets and foreign exports use for yes/no, status, languages and regions.

const TRUE_WORDS = new Set(['ja', 'j', 'yes', 'y', 'true', 'wahr', '1', 'x', 'oui', 'vrai']);
const CANCELLED_WORDS = /^(cancel+ed|abgesagt|ausgefallen|f[äa]llt aus|storniert|annul[ée]e?|entf[äa]llt)$/i;

/** A yes/true cell ("ja", "x", "oui", "1"). */
export function isTrueWord(value: string | null): boolean {
  return value != null && TRUE_WORDS.has(value.trim().toLowerCase());
}

/** A status cell or field that says the event is called off. */
export function isCancelledWord(value: string | null | undefined): boolean {
  return value != null && CANCELLED_WORDS.test(value.trim());
}

const LANGUAGE_WORDS: Record<string, Language> = {
  de: Language.DE, deutsch: Language.DE, german: Language.DE, allemand: Language.DE, ger: Language.DE, deu: Language.DE,
  fr: Language.FR, französisch: Language.FR, franzosisch: Language.FR, french: Language.FR, français: Language.FR,
  francais: Language.FR, fra: Language.FR, fre: Language.FR,
  en: Language.EN, englisch: Language.EN, english: Language.EN, anglais: Language.EN, eng: Language.EN,
};

/** Our languages a list names ("DE, FR", "Deutsch/Französisch", ["de","en"]), in order, without repeats. */
export function languagesFrom(value: string | readonly unknown[] | null | undefined): Language[] {
  if (value == null) return [];
  const words = typeof value === 'string' ? value.split(/[\s,;/|+&]+|\bund\b|\bet\b|\band\b/i) : value.map(String);
  const found = words.map((w) => LANGUAGE_WORDS[w.trim().toLowerCase().slice(0, 12)] ?? LANGUAGE_WORDS[w.trim().toLowerCase().slice(0, 2)])
    .filter((l): l is Language => l !== undefined);
  return [...new Set(found)];
}

// NUTS 2013 codes of Alsace and the rest of today's Grand Est, which old partner data still
// carries (domain.md): mapped to their NUTS 2021 successors.
const NUTS_2013: Record<string, string> = {
  FR4: 'FRF', FR41: 'FRF3', FR411: 'FRF31', FR412: 'FRF32', FR413: 'FRF33', FR414: 'FRF34',
  FR42: 'FRF1', FR421: 'FRF11', FR422: 'FRF12', FR21: 'FRF2', FR211: 'FRF21', FR212: 'FRF22',
  FR213: 'FRF23', FR214: 'FRF24',
};

/** A NUTS code as a source writes it, upper-cased, 2013 Grand Est codes mapped; null when not NUTS-shaped. */
export function normaliseRegionCode(value: string | null | undefined): string | null {
  if (!value) return null;
  const code = value.trim().toUpperCase().replace(/\s+/g, '');
  if (!/^[A-Z]{2}[A-Z0-9]{0,3}$/.test(code)) return null;
  return NUTS_2013[code] ?? code;
}

/** An http(s) URL, trimmed; a bare `www.` host gets https; anything else is null. */
export function webUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  let text = value.trim();
  if (/^www\./i.test(text)) text = `https://${text}`;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? text : null;
  } catch {
    return null;
  }
}
