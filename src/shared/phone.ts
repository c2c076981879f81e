import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { BadUserInputError } from './errors';
import { text } from './input-checks';
import { quote } from './quote';

// libphonenumber-js (Google's libphonenumber metadata, kept current) knows each country's
// trunk prefix and lengths, so `0761 / 123 45-6`, `+49 (0) 7621 1234` and `061 123 45 67`
// in Basel all come out right; a hand-written regex would not. It is the one phone rule of
// every input and every import.

/**
 * A phone number in E.164 (`+497621940123`), read with `defaultCountry` (ISO alpha-2) for
 * numbers without a country code (a default that is no code means DE); with
 * `defaultCountry` null only a number with its country code (`+49 …`) is one. Null when
 * the value holds no valid number.
 */
export function normalisePhone(value: string | null | undefined, defaultCountry: string | null = 'DE'): string | null {
  if (value == null) return null;
  const typed = value.normalize('NFKC').trim();
  if (!/\d/.test(typed)) return null;
  const number = parsePhoneNumberFromString(typed, defaultCountry === null ? {} : { defaultCountry: countryCode(defaultCountry) });
  return number && number.isValid() ? number.number : null;
}

function countryCode(value: string): CountryCode {
  const code = value.toUpperCase();
  return /^[A-Z]{2}$/.test(code) ? (code as CountryCode) : 'DE';
}

/** Longest phone number as typed, in characters (the columns' width). */
export const MAX_PHONE = 40;

/**
 * The phone number a client typed into `field`, in E.164; null for none (null, empty or
 * blank). A number without country code is read in `country` (an event's: its venue's),
 * or, with `country` null (an organiser's contacts), refused: it must start with its
 * country code. A value libphonenumber finds no valid number in is BAD_USER_INPUT on `field`.
 */
export function checkedPhone(value: string | null | undefined, field: string, country: string | null): string | null {
  const number = text(value, field, MAX_PHONE);
  if (number === null) return null;
  const phone = normalisePhone(number, country);
  if (phone !== null) return phone;
  throw new BadUserInputError(country === null
    ? `${field} must be an international number starting with +, e.g. +49 711 123-3030.`
    : `${field} is not a phone number, e.g. +49 7621 940 12-3 or 07621 940123 (read in ${country}); got ${quote(number)}.`, field);
}
