import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';

/** The bytes of a file in test/fixtures/sources/. */
export function fixture(name: string): Buffer {
  return readFileSync(join(__dirname, '..', '..', '..', 'fixtures', 'sources', name));
}

/** An instant as local time with offset in a zone: `2017-04-26T14:00:00+02:00`. */
export function local(date: Date | null | undefined, zone: string): string | null {
  if (!date) return null;
  return DateTime.fromJSDate(date, { zone }).toISO({ suppressMilliseconds: true });
}

/** The whole of 2017, the window the recurring fixtures are expanded in. */
export const YEAR_2017 = { from: new Date('2017-01-01T00:00:00Z'), to: new Date('2018-01-01T00:00:00Z') };
