import { Language } from '../shared/i18n';

const NO_BREAK_SPACE = '\u00A0';
const NARROW_NO_BREAK_SPACE = '\u202F';

/**
 * Our own feed words punctuated as the language writes them: French puts a no-break space
 * before ':' and a narrow no-break space before ';', '!' and '?' (the Imprimerie
 * nationale's rule, which French calendars and mail clients follow); German and English
 * put none. Only for text we compose: users' titles, descriptions and URLs ("https:")
 * are theirs and stay as written.
 */
export function punctuate(text: string, lang: Language): string {
  if (lang !== Language.FR) return text;
  return text
    .replace(/[ \u00A0\u202F]*:/g, `${NO_BREAK_SPACE}:`)
    .replace(/[ \u00A0\u202F]*([;!?])/g, `${NARROW_NO_BREAK_SPACE}$1`);
}

/** "Label: value", the colon set by `punctuate` ("Organisateurs\u00A0: …" in French). */
export function labelled(label: string, value: string, lang: Language): string {
  return `${punctuate(`${label}:`, lang)} ${value}`;
}
