import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { parse as parseStream, type Options } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import type { ImportedEvent, InputItem, ParsedInput, RecordStream, RejectedItem, SourceMapping } from '../imported-event';
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

/** The text a CSV is parsed from and its delimiter; SourceFormatError when there is no text. */
function csvBody(bytes: Buffer, mapping: SourceMapping): { body: string; options: Options } {
  const { text } = decodeCsv(bytes, mapping.encoding);
  // Line ends normalised first: csv-parse counts a CRLF inside a quoted field as two lines.
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (body.trim() === '') throw new SourceFormatError('csv', 'the file is empty');
  const delimiter = mapping.delimiter || detectDelimiter(body);
  return { body, options: { delimiter, info: true, raw: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: false } };
}

function columnsOf(header: Record_, mapping: SourceMapping): ColumnIndex {
  return resolveColumns(header.record.map((h) => h.trim()), mapping.columns);
}

/** A data row as an event or its rejection; null for a row of empty cells. */
function rowItem(row: Record_, columns: ColumnIndex, mapping: SourceMapping): InputItem | null {
  if (row.record.every((c) => c.trim() === '')) return null;
  const line = startLine(row);
  const cell = (field: CsvField): string | null => {
    const at = columns[field];
    const value = at === undefined ? undefined : row.record[at];
    return value === undefined || value.trim() === '' ? null : value;
  };
  const read = rowToEvent(cell, line, mapping);
  return typeof read === 'string' ? { rejected: { position: `line ${line}`, reason: read } } : { event: read };
}

/**
 * The events of a CSV file: header-driven (mapping.columns, else German/English/French
 * default headers), `;`, `,` or tab (detected from the header line), UTF-8 with or without
 * BOM or Windows-1252 (detected). Each row becomes an event whose position is `line N`, the
 * line the row starts on; a row without title or a readable start is rejected. A file
 * without an id column gets a hash of title, start and city as sourceId. Throws
 * SourceFormatError when the header lacks a title or start column. The whole file at once;
 * an import streams it with openCsv.
 */
export function parseCsv(bytes: Buffer, mapping: SourceMapping): ParsedInput {
  const { body, options } = csvBody(bytes, mapping);
  let rows: Record_[];
  try {
    rows = parse(body, options) as unknown as Record_[];
  } catch (error) {
    throw new SourceFormatError('csv', `unreadable: ${(error as Error).message}`);
  }
  if (rows.length === 0) throw new SourceFormatError('csv', 'the file is empty');
  const columns = columnsOf(rows[0], mapping);
  const events: ImportedEvent[] = [];
  const rejected: RejectedItem[] = [];
  for (const row of rows.slice(1)) {
    const item = rowItem(row, columns, mapping);
    if (item === null) continue;
    if ('event' in item) events.push(item.event);
    else rejected.push(item.rejected);
  }
  return { events, rejected };
}

/** Text in slices, so the streaming parser holds a few rows at a time, never the whole file's records. */
const SLICE = 64 * 1024;

/** The rows of a CSV text through csv-parse's streaming API; a syntax error anywhere throws SourceFormatError. */
async function* csvRows(body: string, options: Options): AsyncGenerator<Record_> {
  const slices = (function* () {
    for (let at = 0; at < body.length; at += SLICE) yield body.slice(at, at + SLICE);
  })();
  const parser = Readable.from(slices, { objectMode: false }).pipe(parseStream(options));
  try {
    for await (const row of parser) yield row as Record_;
  } catch (error) {
    if (error instanceof SourceFormatError) throw error;
    throw new SourceFormatError('csv', `unreadable: ${(error as Error).message}`);
  } finally {
    parser.destroy();
  }
}

/**
 * A CSV file as a stream of records (see parseCsv for how rows are read). Opening it
 * parses the file once without keeping a row, so a syntax error or a header without title
 * or start refuses the whole file before anything is written, and the number of rows is
 * known; the records are then parsed again as the import asks for them.
 */
export async function openCsv(bytes: Buffer, mapping: SourceMapping): Promise<RecordStream> {
  const { body, options } = csvBody(bytes, mapping);
  let total = -1;
  for await (const row of csvRows(body, options)) {
    if (total === -1) columnsOf(row, mapping);
    total += 1;
  }
  if (total === -1) throw new SourceFormatError('csv', 'the file is empty');
  return {
    total,
    async *items() {
      let columns: ColumnIndex | null = null;
      for await (const row of csvRows(body, options)) {
        if (columns === null) {
          columns = columnsOf(row, mapping);
          continue;
        }
        const item = rowItem(row, columns, mapping);
        if (item !== null) yield item;
      }
    },
  };
}
