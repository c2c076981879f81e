import { Language } from './i18n';

const NO_BREAK_SPACE = '\u00a0';
const NARROW_NO_BREAK_SPACE = '\u202f';

/**
 * French spacing for text written with ordinary spaces: a no-break space before ":" and
 * inside « », a narrow no-break space before ";", "!" and "?", so a line never starts with
 * the sign (the Imprimerie nationale's rule, which French calendars and mail clients
 * follow). Only a space already there is replaced: "https://" and "10:00" stay as they are.
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/ :/g, `${NO_BREAK_SPACE}:`)
    .replace(/ ([;!?])/g, `${NARROW_NO_BREAK_SPACE}$1`)
    .replace(/« /g, `«${NO_BREAK_SPACE}`)
    .replace(/ »/g, `${NO_BREAK_SPACE}»`);
}

/**
 * "Label: value" as the language writes it ("Organisateurs\u00a0: …" in French). The value
 * is the user's (a title, a reason, a URL) and stays as written.
 */
export function labelled(label: string, value: string, lang: Language): string {
  return `${lang === Language.FR ? frenchTypography(`${label} :`) : `${label}:`} ${value}`;
}
