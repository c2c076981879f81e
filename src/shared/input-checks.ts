import { BadUserInputError } from './errors';
import { quote } from './quote';

// The checks every mutation's input shares (events, organisers, patrons, campaigns): each
// trims and normalises a value or throws BAD_USER_INPUT naming the input path at fault
// (`input.title.de`, `patch.website`), before anything is written.

/** A text in our languages as stored: German always, the others when given. */
export interface LocalizedValues {
  de: string;
  fr: string | null;
  en: string | null;
}

/** The shape of a LocalizedTextInput, as the checks read it. */
export interface LocalizedSource {
  de?: string | null;
  fr?: string | null;
  en?: string | null;
}

/** A text trimmed, null when empty; refused when too long or holding control characters. */
export function text(value: string | null | undefined, field: string, max: number, multiline = false): string | null {
  if (value == null) return null;
  const t = value.trim();
  if (t === '') return null;
  // PostgreSQL cannot store NUL at all; the other control characters are never meant.
  const control = multiline ? /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/ : /[\u0000-\u001f\u007f]/;
  if (control.test(t)) throw new BadUserInputError(`${field} holds control characters.`, field);
  const length = [...t].length;
  if (length > max) throw new BadUserInputError(`${field} is at most ${max} characters long, got ${length}.`, field);
  return t;
}

/** A value the object cannot be without: refused when missing or null. */
export function required<T>(value: T | null | undefined, field: string): T {
  if (value == null) throw new BadUserInputError(`${field} is required and cannot be cleared.`, field);
  return value;
}

/** A one-line text that must not be empty. */
export function requiredText(value: string | null | undefined, field: string, max: number): string {
  const t = text(value, field, max);
  if (t === null) throw new BadUserInputError(`${field} must not be empty.`, field);
  return t;
}

/** A text in our languages; German must be there. Line breaks only when `multiline`. */
export function localized(input: LocalizedSource, field: string, max: number, multiline = false): LocalizedValues {
  const de = text(input.de, `${field}.de`, max, multiline);
  const fr = text(input.fr, `${field}.fr`, max, multiline);
  const en = text(input.en, `${field}.en`, max, multiline);
  if (de === null) throw new BadUserInputError(`${field}.de must not be empty: German is the language every text exists in.`, `${field}.de`);
  return { de, fr, en };
}

/** True when every language of a text is missing or blank (a text left out). */
export function isBlank(input: LocalizedSource): boolean {
  return [input.de, input.fr, input.en].every((t) => t == null || t.trim() === '');
}

/** Like localized, but null when every language is empty (a text that may be left out). */
export function optionalLocalized(input: LocalizedSource | null | undefined, field: string, max: number, multiline = false): LocalizedValues | null {
  if (input == null || isBlank(input)) return null;
  return localized(input, field, max, multiline);
}

/** An absolute http(s) URL, or null for none; anything else is refused. */
export function httpUrl(value: string | null | undefined, field: string, max: number): string | null {
  const t = text(value, field, max);
  if (t === null) return null;
  let url: URL;
  try {
    url = new URL(t);
  } catch {
    throw new BadUserInputError(`${field} must be an absolute http(s) URL, e.g. https://example.org.`, field);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    throw new BadUserInputError(`${field} must be an http or https URL, got ${quote(url.protocol)}.`, field);
  }
  return t;
}
