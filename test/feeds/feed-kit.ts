import { request } from 'node:http';
import ICAL from 'ical.js';
import { parse } from 'csv-parse/sync';

/** A feed response: status, headers, the body's bytes and text, and the trailers. */
export interface FeedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: Buffer;
  text: string;
  trailers: Record<string, string | undefined>;
}

/** GETs a feed or export with exactly these headers, keeping the raw bytes and the trailers. */
export function getFeed(
  baseUrl: string, path: string, headers: Record<string, string> = {}, method = 'GET',
): Promise<FeedResponse> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, baseUrl), { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0, headers: res.headers, bytes, text: bytes.toString('utf8'),
          trailers: res.trailers as Record<string, string | undefined>,
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** A VEVENT as the tests look at it, read by ical.js. */
export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string | null;
  location: string | null;
  url: string | null;
  status: string | null;
  categories: string[];
  dtstartTzid: string | null;
  /** Local wall clock of DTSTART as written, e.g. 2017-04-24T09:00:00. */
  dtstartLocal: string;
  start: Date;
  end: Date | null;
  dtstamp: string;
  sequence: number;
}

/** The calendar parsed by ical.js: the VTIMEZONE ids and every VEVENT. */
export function parseIcs(text: string): { tzids: string[]; events: ParsedEvent[]; calendar: ICAL.Component } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vtimezones = calendar.getAllSubcomponents('vtimezone');
  for (const tz of vtimezones) ICAL.TimezoneService.register(tz);
  const events = calendar.getAllSubcomponents('vevent').map((ve): ParsedEvent => {
    const ev = new ICAL.Event(ve);
    const text = (name: string) => {
      const v = ve.getFirstPropertyValue(name);
      return v === null || v === undefined ? null : String(v);
    };
    return {
      uid: ev.uid,
      summary: ev.summary,
      description: text('description'),
      location: text('location'),
      url: text('url'),
      status: text('status'),
      categories: ve.getAllProperties('categories').flatMap((p) => p.getValues().map(String)),
      dtstartTzid: (ve.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined) ?? null,
      dtstartLocal: ev.startDate.toString(),
      start: ev.startDate.toJSDate(),
      end: ve.hasProperty('dtend') ? ev.endDate.toJSDate() : null,
      dtstamp: String(ve.getFirstPropertyValue('dtstamp')),
      sequence: Number(ve.getFirstPropertyValue('sequence') ?? 0),
    };
  });
  return { tzids: vtimezones.map((tz) => String(tz.getFirstPropertyValue('tzid'))), events, calendar };
}

/** The rows of a CSV export parsed by csv-parse (RFC 4180; the BOM is dropped), by header. */
export function parseCsv(text: string): { header: string[]; rows: Record<string, string>[] } {
  const records = parse(text, { bom: true, relax_column_count: false }) as string[][];
  const [header, ...body] = records;
  return { header, rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}
