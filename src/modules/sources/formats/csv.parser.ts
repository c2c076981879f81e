import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { ImportedEvent, ParsedInput, RejectedItem, SourceMapping } from '../imported-event';
import { mapCategory } from '../normalise/category';
import { normaliseEmail } from '../../../shared/email';
import { descriptionText } from '../normalise/html-text';
import { normalisePhone } from '../../../shared/phone';
import { regionFromPostalCode } from '../normalise/postal-region';
import { cleanLine } from '../normalise/text';
import { countryCode } from '../normalise/venue';
import { resolveColumns, type ColumnIndex, type CsvField } from './csv-columns';
import { decodeCsv, detectDelimiter } from './csv-decode';
import { languagesFrom, isCancelledWord, isTrueWord, normaliseRegionCode, webUrl } from './field-words';
import { nextDayStart, readDate, readTimeOnDay, zoneOrBerlin } from './local-date';
import { SourceFormatError } from './source-format-error';

interface Record_ { record: string[]; info: { lines: number }; raw: string }

/** The physical line a record starts on (csv-parse counts the line it ends on). */
function startLine(row: Record_): number {
  const body = row.raw.replace(/^\n+/, '').replace(/\n$/, '');
  return row.info.lines - (body.match(/\n/g)?.length ?? 0);
}

/** A stable id for a row of a file without an id column: title, start and city. */
export function rowHash(title: string, startsAt: Date, city: string | null): string {
  const key = [title, startsAt.toISOString(), city ?? ''].map((s) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim());
  return `csv-${createHash('sha256').update(key.join('\u001f')).digest('hex').slice(0, 24)}`;
}

function rowToEvent(cell: (f: CsvField) => string | null, line: number, mapping: SourceMapping): ImportedEvent | string {
  const title = cleanLine(cell('title'));
  if (!title) return 'no title';
  const rawStart = cell('startsAt');
  if (!rawStart) return 'no start';
  const zone = zoneOrBerlin(cell('timeZone') ?? mapping.timeZone);
  const start = readDate(rawStart, zone);
  if (typeof start === 'string') return `start: ${start}`;

  let allDay = start.allDay;
  const allDayCell = cell('allDay');
  if (allDayCell) allDay = isTrueWord(allDayCell);
  let endsAt: Date | null = null;
  const rawEnd = cell('endsAt');
  if (rawEnd) {
    const time = readTimeOnDay(rawEnd, start.date, zone);
    const end = time ? { date: time, allDay: false } : readDate(rawEnd, zone);
    if (typeof end === 'string') return `end: ${end}`;
    // A day alone as the end is inclusive ("24.04.2017 – 28.04.2017"): the event ends at the next midnight.
    endsAt = end.allDay ? nextDayStart(end.date, zone) : end.date;
    if (endsAt < start.date) return `end ${rawEnd.trim()} is before the start ${rawStart.trim()}`;
  } else if (allDay) {
    endsAt = nextDayStart(start.date, zone);
  }

  const country = countryCode(cell('country')) ?? (mapping.defaultCountry ?? 'DE').toUpperCase();
  const postalCode = cleanLine(cell('postalCode'))?.replace(/^(?:D|DE|F|FR|CH)\s*-\s*/i, '') ?? null;
  const venueName = cleanLine(cell('venueName'));
  const street = cleanLine(cell('street'));
  const city = cleanLine(cell('city'));
  const hasVenue = venueName || street || postalCode || city;
  const contactName = cleanLine(cell('contactName'));
  const email = normaliseEmail(cell('email'));
  const phone = normalisePhone(cell('phone'), country);
  const description = descriptionText(cell('description'));
  const organizers = (cell('organizer') ?? '').split(/\s*[;|\n]\s*/).map(cleanLine).filter((o): o is string => !!o);
  const sourceId = cleanLine(cell('sourceId')) ?? rowHash(title, start.date, city);
  const languages = languagesFrom(cell('languages'));
  return {
    sourceId,
    position: `line ${line}`,
    title: { de: title, fr: cleanLine(cell('titleFr')), en: cleanLine(cell('titleEn')) },
    description: description ? { de: description, fr: descriptionText(cell('descriptionFr')) } : null,
    category: mapCategory(cell('category') ? [cell('category') as string] : [], mapping.categories),
    startsAt: start.date,
    endsAt,
    timeZone: zone,
    allDay,
    venue: hasVenue ? { name: venueName, street, postalCode, city, country } : null,
    region: normaliseRegionCode(cell('region')) ?? regionFromPostalCode(postalCode, country),
    organizerNames: organizers,
    contact: contactName || email || phone ? { name: contactName, email, phone } : null,
    url: webUrl(cell('url')),
    registrationUrl: webUrl(cell('registrationUrl')),
    languages: languages.length > 0 ? languages : undefined,
    cancelled: isCancelledWord(cell('status')),
    lastModified: null,
  };
}

/**
 * The events of a CSV file: header-driven (mapping.columns, else German/English/French
 * default headers), `;`, `,` or tab (detected from the header line), UTF-8 with or without
 * BOM or Windows-1252 (detected). Each row becomes an event whose position is `line N`, the
 * line the row starts on; a row without title or a readable start is rejected. A file
 * without an id column gets a hash of title, start and city as sourceId. Throws
 * SourceFormatError when the header lacks a title or start column.
 */
export function parseCsv(bytes: Buffer, mapping: SourceMapping): ParsedInput {
  const { text } = decodeCsv(bytes, mapping.encoding);
  // Line ends normalised first: csv-parse counts a CRLF inside a quoted field as two lines.
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (body.trim() === '') throw new SourceFormatError('csv', 'the file is empty');
  const delimiter = mapping.delimiter || detectDelimiter(body);
  let rows: Record_[];
  try {
    rows = parse(body, {
      delimiter, info: true, raw: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: false,
    }) as unknown as Record_[];
  } catch (error) {
    throw new SourceFormatError('csv', `unreadable: ${(error as Error).message}`);
  }
  if (rows.length === 0) throw new SourceFormatError('csv', 'the file is empty');
  const header = rows[0].record.map((h) => h.trim());
  const columns: ColumnIndex = resolveColumns(header, mapping.columns);

  const events: ImportedEvent[] = [];
  const rejected: RejectedItem[] = [];
  for (const row of rows.slice(1)) {
    if (row.record.every((c) => c.trim() === '')) continue;
    const line = startLine(row);
    const cell = (field: CsvField): string | null => {
      const at = columns[field];
      const value = at === undefined ? undefined : row.record[at];
      return value === undefined || value.trim() === '' ? null : value;
    };
    const read = rowToEvent(cell, line, mapping);
    if (typeof read === 'string') rejected.push({ position: `line ${line}`, reason: read });
    else events.push(read);
  }
  return { events, rejected };
}
