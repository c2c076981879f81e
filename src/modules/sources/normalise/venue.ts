import type { ImportedVenue } from '../imported-event';
import { cleanLine } from './text';

// ICS has one LOCATION line; people write "Name, Street 1, 79539 Lörrach" or a subset of it,
// sometimes with a country. This splits what is recognisable and keeps the rest as the name.

const COUNTRY_WORDS: Record<string, string> = {
  deutschland: 'DE', germany: 'DE', allemagne: 'DE', de: 'DE', d: 'DE',
  schweiz: 'CH', suisse: 'CH', switzerland: 'CH', svizzera: 'CH', ch: 'CH',
  frankreich: 'FR', france: 'FR', fr: 'FR', f: 'FR',
  österreich: 'AT', austria: 'AT', autriche: 'AT',
};
const PREFIX_COUNTRY: Record<string, string> = { d: 'DE', de: 'DE', f: 'FR', fr: 'FR', ch: 'CH' };
const POSTAL_CITY = /^(?:(D|DE|F|FR|CH)\s*-\s*)?(\d{4,5})\s+(.+)$/i;
const STREET = /(\d+\s*[a-z]?$)|(^\d+\s*(?:bis|ter|[a-z])?,?\s+\p{L})|(stra(ss|ß)e|str\.|weg\b|platz\b|allee\b|gasse\b|ring\b|damm\b|ufer\b|^rue\b|^avenue\b|^av\.|^boulevard\b|^bd\b|^place\b|^quai\b|^chemin\b|^route\b)/iu;

/** ISO alpha-2 for a country name or code as feeds write it; null when unknown. */
export function countryCode(value: string | null | undefined): string | null {
  if (!value) return null;
  const key = value.trim().toLowerCase();
  if (COUNTRY_WORDS[key]) return COUNTRY_WORDS[key];
  return /^[a-z]{2}$/.test(key) ? key.toUpperCase() : null;
}

/** Country a bare postal code suggests: 4 digits is Swiss (the Oberrhein's neighbours), 5 the default. */
function countryOfPostalCode(code: string, prefix: string | undefined, fallback: string): string {
  if (prefix) return PREFIX_COUNTRY[prefix.toLowerCase()];
  return code.length === 4 ? 'CH' : fallback;
}

/**
 * A venue from a one-line location ("Innocel, Marie-Curie-Straße 8, 79539 Lörrach"):
 * postal code and city from the part that starts with one, a street from a part that looks
 * like one, the first other part as name. Null for an empty location.
 */
export function venueFromLocation(location: string | null | undefined, defaultCountry = 'DE'): ImportedVenue | null {
  const text = cleanLine(location);
  if (!text) return null;
  const parts = text.split(/\s*[,;\n]\s*/).filter((p) => p !== '');
  const venue: ImportedVenue = { name: null, street: null, postalCode: null, city: null, country: defaultCountry };
  let explicitCountry: string | null = null;
  const rest: string[] = [];
  for (const part of parts) {
    const postal = POSTAL_CITY.exec(part);
    if (postal && !venue.postalCode) {
      venue.postalCode = postal[2];
      venue.city = postal[3];
      venue.country = countryOfPostalCode(postal[2], postal[1], defaultCountry);
    } else if (countryCode(part) && part.length > 2 && !explicitCountry) {
      explicitCountry = countryCode(part);
    } else if (!venue.street && STREET.test(part) && (rest.length > 0 || /\d/.test(part))) {
      venue.street = part;
    } else {
      rest.push(part);
    }
  }
  if (explicitCountry) venue.country = explicitCountry;
  if (rest.length > 0) {
    if (!venue.city && rest.length > 1) venue.city = rest.pop() ?? null;
    venue.name = rest.join(', ');
  }
  return venue;
}

/** The country a calendar's zone suggests for venues that name none (Europe/Paris → FR). */
export function countryOfZone(zone: string): string | null {
  const countries: Record<string, string> = {
    'Europe/Berlin': 'DE', 'Europe/Busingen': 'DE', 'Europe/Paris': 'FR', 'Europe/Zurich': 'CH',
  };
  return countries[zone] ?? null;
}
