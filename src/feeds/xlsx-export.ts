import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Language } from '../shared/i18n';
import { formatInZone } from '../shared/time';
import { CSV_COLUMNS, csvRow, type CsvRow } from './csv-export';
import type { EventFeedSource, FeedEvent } from './event-feed-source';
import { FEED_WORDS } from './feed-labels';
import { defuseFormula } from './formula-guard';

type Column = (typeof CSV_COLUMNS)[number];
type Cell = string | Date | boolean | null;

/** Wall-clock times of the event's zone (timeZone column); an all-day event's cells show the date alone. */
const LOCAL_TIME_COLUMNS = new Set<Column>(['startsAt', 'endsAt']);
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
const DATE_FORMAT = 'yyyy-mm-dd';
const UTC_FORMAT = 'yyyy-mm-dd hh:mm:ss';
/** Text however it looks: "01067" or "DE111" must not become numbers when someone edits them. */
const TEXT_FORMAT = '@';
const TEXT_COLUMNS = new Set<Column>(['id', 'slug', 'region', 'postalCode', 'languages']);

const WIDTHS: Partial<Record<Column, number>> = {
  id: 24, title: 48, category: 16, status: 12, startsAt: 17, endsAt: 17, timeZone: 16, city: 18,
  organizers: 40, url: 32, slug: 32, description: 60, regionName: 28, venue: 28, street: 24,
  registrationUrl: 32, updatedAt: 20, cancellationReason: 40,
};

/**
 * The export as an Office Open XML workbook, in pieces: exceljs' streaming WorkbookWriter
 * writes each chunk's rows as they come (inline strings, no shared-string table to hold),
 * and every piece the zip has deflated so far is handed on after each chunk, so memory
 * stays at about one chunk however large the selection.
 *
 * The columns and texts are the CSV's (csvRow), the same selection in the same order;
 * only the cells are typed: startsAt/endsAt are date cells holding the wall-clock time of
 * the event's own zone (spreadsheets have no zones; the zone stays in timeZone), updatedAt
 * a date cell in UTC, allDay a boolean, everything else text. The header row is frozen
 * and carries an autofilter; texts get the CSV's formula guard.
 */
export async function* xlsxExport(source: EventFeedSource, lang: Language): AsyncGenerator<Uint8Array> {
  const out = new PassThrough();
  const written: Buffer[] = [];
  out.on('data', (piece: Buffer) => written.push(piece));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  ended.catch(() => undefined); // awaited below; a client leaving early must not leave it unhandled
  const taken = (): Buffer | null => (written.length ? Buffer.concat(written.splice(0)) : null);

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'clustergraph';
  const sheet = workbook.addWorksheet(FEED_WORDS.sheetName[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = CSV_COLUMNS.map((key) => ({
    header: key, key, width: WIDTHS[key] ?? 14, style: TEXT_COLUMNS.has(key) ? { numFmt: TEXT_FORMAT } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();

  let last = 1;
  try {
    for await (const chunk of source.chunks()) {
      for (const fe of chunk) {
        const row = sheet.addRow(xlsxRow(fe, lang));
        const format = fe.event.allDay ? DATE_FORMAT : DATE_TIME_FORMAT;
        for (const key of LOCAL_TIME_COLUMNS) row.getCell(key).numFmt = format;
        row.getCell('updatedAt').numFmt = UTC_FORMAT;
        row.commit();
      }
      last += chunk.length;
      const piece = taken();
      if (piece) yield piece;
    }
    // Written with the sheet's end, so it can span the rows now that their number is known.
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: last, column: CSV_COLUMNS.length } };
    sheet.commit();
    await workbook.commit();
    await ended;
    const rest = taken();
    if (rest) yield rest;
  } finally {
    if (!out.readableEnded) out.destroy();
  }
}

/** One event's cells: the CSV row's texts, with times and flags as typed values. */
export function xlsxRow(fe: FeedEvent, lang: Language): Record<Column, Cell> {
  const e = fe.event;
  const texts: CsvRow = csvRow(fe, lang);
  const cells = {} as Record<Column, Cell>;
  for (const key of CSV_COLUMNS) cells[key] = texts[key] === '' ? null : defuseFormula(texts[key]);
  cells.startsAt = wallClock(e.startsAt, e.timeZone);
  cells.endsAt = e.endsAt === null ? null : wallClock(e.endsAt, e.timeZone);
  cells.updatedAt = new Date(e.updatedAt);
  cells.allDay = e.allDay;
  return cells;
}

/**
 * A Date whose UTC fields are the wall-clock time of `epochMs` in `timeZone`: exceljs
 * writes a Date's UTC fields as the serial number a spreadsheet shows. The offset is the
 * one formatInZone writes in the CSV (an unknown zone is UTC there and here).
 */
function wallClock(epochMs: number, timeZone: string): Date {
  const local = formatInZone(epochMs, timeZone);
  return new Date(`${local.replace(/(Z|[+-]\d{2}:\d{2})$/, '')}Z`);
}
