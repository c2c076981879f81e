import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

// libphonenumber-js (Google's libphonenumber metadata, kept current) knows each country's
// trunk prefix and lengths, so `0761 / 123 45-6`, `+49 (0) 7621 1234` and `061 123 45 67`
// in Basel all come out right; a hand-written regex would not.

/**
 * A phone number in E.164 (`+497621940123`), read with `defaultCountry` (ISO alpha-2) for
 * numbers without a country code; null when the value holds no valid number.
 */
export function normalisePhone(value: string | null | undefined, defaultCountry = 'DE'): string | null {
  if (value == null) return null;
  const text = value.normalize('NFKC').trim();
  if (!/\d/.test(text)) return null;
  const country = /^[A-Z]{2}$/.test(defaultCountry.toUpperCase()) ? (defaultCountry.toUpperCase() as CountryCode) : 'DE';
  const number = parsePhoneNumberFromString(text, { defaultCountry: country });
  return number && number.isValid() ? number.number : null;
}
