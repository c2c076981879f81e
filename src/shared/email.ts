import { BadUserInputError } from './errors';
import { text } from './input-checks';
import { quote } from './quote';

// Event pages hide addresses from harvesters: `name(at)domain(dot)de`, `name [at] domain
// [dot] de`, `name at domain dot de`. The bracketed forms are unambiguous and are undone
// anywhere in the value; the bare-word form only when the whole value is nothing but an
// address spelled that way, since "at" and "dot" are also plain (English) words.

const BRACKETED_AT = /\s*[([{<]\s*(?:at|@|ät|aet|arobase)\s*[)\]}>]\s*/gi;
const BRACKETED_DOT = /\s*[([{<]\s*(?:dot|punkt|point|\.)\s*[)\]}>]\s*/gi;
const WORDS_ONLY = /^([a-z0-9._%+-]+) at ([a-z0-9-]+(?: dot [a-z0-9-]+)+)$/i;

// The WHATWG HTML "valid e-mail address", with a dotted domain and a TLD required: letters, or
// an internationalised TLD in its ASCII form (`xn--p1ai`, .рф), which the letters-only form
// would cut short to `xn`.
const ADDRESS = /[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.(?:xn--[a-z0-9-]{1,59}|[a-z]{2,63})/i;
const WHOLE_ADDRESS = new RegExp(`^${ADDRESS.source}$`, 'i');

/**
 * The e-mail address a value holds, de-obfuscated, validated and with a lower-case domain;
 * null when there is none. A value with more text around one address yields that address.
 */
export function normaliseEmail(value: string | null | undefined): string | null {
  if (value == null) return null;
  let text = value.normalize('NFC').trim().replace(/^mailto:/i, '');
  if (text === '') return null;
  const words = WORDS_ONLY.exec(text);
  if (words) text = `${words[1]}@${words[2].replace(/ dot /gi, '.')}`;
  text = text.replace(BRACKETED_AT, '@').replace(BRACKETED_DOT, '.');
  const found = WHOLE_ADDRESS.test(text) ? text : ADDRESS.exec(text)?.[0];
  if (!found || found.includes('..') || found.startsWith('.') || found.split('@')[0].endsWith('.')) return null;
  const at = found.lastIndexOf('@');
  return `${found.slice(0, at)}@${found.slice(at + 1).toLowerCase()}`;
}

/**
 * True when the whole value (trimmed) is one e-mail address, as a client must type it: no
 * obfuscation, no text around it. This is the one e-mail rule of every input: it is what a
 * browser's `<input type="email">` accepts and what imports keep (normaliseEmail), so a
 * form, a mutation and an import agree on what an address is.
 */
export function isEmailAddress(value: string): boolean {
  const t = value.trim();
  return WHOLE_ADDRESS.test(t) && normaliseEmail(t)?.toLowerCase() === t.toLowerCase();
}

/** Longest e-mail address, in characters (the columns' width). */
export const MAX_EMAIL = 300;

/**
 * The e-mail address a client typed into `field` (any contact: an organiser's, an
 * event's), with its domain in lower case; null for none (null, empty or blank). Anything
 * else than one address (isEmailAddress) is BAD_USER_INPUT on `field`.
 */
export function checkedEmail(value: string | null | undefined, field: string): string | null {
  const mail = text(value, field, MAX_EMAIL);
  if (mail === null) return null;
  if (!isEmailAddress(mail)) {
    throw new BadUserInputError(`${field} is not an e-mail address, e.g. info@example.org; got ${quote(mail)}.`, field);
  }
  return normaliseEmail(mail);
}
