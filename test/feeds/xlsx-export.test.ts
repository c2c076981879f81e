import * as XLSX from '@e965/xlsx';
import { Role } from '../../src/shared/viewer';
import { authHeaders, createKey } from '../helpers/api-keys';
import { seed } from '../helpers/seed-builder';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { countOf } from '../modules/events/event-test-kit';
import { getFeed, parseCsv } from './feed-kit';

let server: TestServer;
let moderatorKey: string;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  server = await startTestServer({
    prepare: async (db) => {
      await seed(db, 'xlsx')
        .initiative('xlsx-giesserei', { name: { de: 'Gießerei-Cluster Sachsen', fr: 'Cluster de la fonderie de Saxe' } })
        .event('xlsx-dresden', {
          title: { de: 'Gießerei-Forum – Öfen, Ähren und Übermorgen', fr: 'Forum de la fonderie – élan, forêt et âtre' },
          category: 'CONFERENCE', startsAt: '2019-07-04T09:30', endsAt: '2019-07-04T17:00', timeZone: 'Europe/Berlin',
          venue: { name: 'Kulturpalast', street: 'Schloßstraße 2', postalCode: '01067', city: 'Dresden', country: 'DE' },
        })
        .event('xlsx-lissabon', {
          title: { de: 'Clusterreise Lissabon' }, startsAt: '2019-07-05T10:00', endsAt: '2019-07-05T12:15', timeZone: 'Europe/Lisbon',
        })
        .event('xlsx-formel', { title: { de: '=HYPERLINK("https://böse.example","klick")' }, description: { de: '+49 761 1234' }, startsAt: '2019-07-06T10:00' })
        .event('xlsx-eingereicht', { title: { de: 'Eingereicht, nie öffentlich' }, status: 'SUBMITTED', startsAt: '2019-07-07T10:00' })
        .load();
    },
  });
  moderatorKey = await createKey(server.db, Role.MODERATOR);
});

afterAll(async () => {
  await server?.close();
});

/** The export read back by SheetJS: the first sheet's header, rows of cells by header, and the zip's files. */
async function xlsx(query = '', headers: Record<string, string> = {}) {
  const res = await getFeed(server.url, `/exports/events.xlsx${query}`, headers);
  expect([res.status, res.headers['content-type']]).toEqual([200, XLSX_TYPE]);
  const book = XLSX.read(res.bytes, { type: 'buffer', bookFiles: true });
  const sheet = book.Sheets[book.SheetNames[0]];
  const range = XLSX.utils.decode_range(sheet['!ref']!);
  const cellAt = (r: number, c: number): XLSX.CellObject | undefined => sheet[XLSX.utils.encode_cell({ r, c })];
  const header: string[] = [];
  for (let c = range.s.c; c <= range.e.c; c += 1) header.push(String(cellAt(0, c)?.v));
  const rows: Record<string, XLSX.CellObject | undefined>[] = [];
  for (let r = 1; r <= range.e.r; r += 1) rows.push(Object.fromEntries(header.map((h, c) => [h, cellAt(r, c)])));
  const sheetXml = (book as unknown as { files: Record<string, { content: Buffer }> }).files['xl/worksheets/sheet1.xml'].content.toString('utf8');
  return { res, book, sheet, header, rows, sheetXml };
}

async function csv(query = '', headers: Record<string, string> = {}) {
  const res = await getFeed(server.url, `/exports/events.csv${query}`, headers);
  expect(res.status).toBe(200);
  return parseCsv(res.text);
}

const bySlug = (rows: Record<string, XLSX.CellObject | undefined>[], slug: string) => {
  const row = rows.find((r) => r.slug?.v === slug);
  if (!row) throw new Error(`no row for ${slug}`);
  return row;
};

describe('GET /exports/events.xlsx', () => {
  it('answers an XLSX workbook as a download that SheetJS reads', async () => {
    const { res, book } = await xlsx();
    expect(res.headers['content-disposition']).toBe('attachment; filename="clustergraph-events.xlsx"');
    expect(res.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(book.SheetNames).toEqual(['Veranstaltungen']);
  });

  it('has the CSV\'s header row, frozen and with an autofilter over every row', async () => {
    const { header, rows, sheet, sheetXml } = await xlsx();
    expect(header).toEqual((await csv()).header);
    expect(header[header.length - 1]).toBe('cancellationReason');
    expect(sheetXml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect(sheet['!autofilter']?.ref).toBe(`A1:${XLSX.utils.encode_col(header.length - 1)}${rows.length + 1}`);
  });

  it('lists the visible events in the CSV\'s order with the CSV\'s texts', async () => {
    const { rows } = await xlsx();
    const csvRows = (await csv()).rows;
    expect(rows.length).toBe(await countOf(server.url, { statuses: ['PUBLISHED', 'CANCELLED'] }));
    expect(rows.map((r) => r.id?.v)).toEqual(csvRows.map((r) => r.id));
    const texts = ['title', 'category', 'status', 'timeZone', 'region', 'city', 'country', 'organizers', 'url', 'slug', 'description', 'venue', 'postalCode'];
    for (const [i, row] of rows.entries()) {
      expect(Object.fromEntries(texts.map((t) => [t, row[t]?.v ?? '']))).toEqual(Object.fromEntries(texts.map((t) => [t, csvRows[i][t]])));
    }
  });

  it('writes start and end as date cells showing the wall-clock time of the event\'s own zone', async () => {
    const { rows } = await xlsx();
    const dresden = bySlug(rows, 'xlsx-dresden');
    expect(dresden.startsAt).toMatchObject({ t: 'n', w: '2019-07-04 09:30' });
    expect(XLSX.SSF.is_date(String(dresden.startsAt?.z))).toBe(true);
    expect(dresden.endsAt).toMatchObject({ t: 'n', w: '2019-07-04 17:00' });
    const lisbon = bySlug(rows, 'xlsx-lissabon');
    expect([lisbon.startsAt?.w, lisbon.endsAt?.w, lisbon.timeZone?.v]).toEqual(['2019-07-05 10:00', '2019-07-05 12:15', 'Europe/Lisbon']);
    expect(XLSX.SSF.is_date(String(bySlug(rows, 'hannover-messe-2017').updatedAt?.z))).toBe(true);
    expect(dresden.allDay).toMatchObject({ t: 'b', v: false });
  });

  it('keeps postal codes and ids as text: "01067" stays 01067', async () => {
    const { rows } = await xlsx();
    const dresden = bySlug(rows, 'xlsx-dresden');
    expect(dresden.postalCode).toMatchObject({ t: 's', v: '01067' });
    expect(dresden.id?.t).toBe('s');
    expect(rows.every((r) => r.postalCode === undefined || r.postalCode.t === 's')).toBe(true);
  });

  it('keeps umlauts, ß, accents and dashes intact in German and French', async () => {
    const de = bySlug((await xlsx()).rows, 'xlsx-dresden');
    expect([de.title?.v, de.street?.v, de.organizers?.v]).toEqual(['Gießerei-Forum – Öfen, Ähren und Übermorgen', 'Schloßstraße 2', 'Gießerei-Cluster Sachsen']);
    const fr = await xlsx('?lang=fr');
    expect(fr.book.SheetNames).toEqual(['Événements']);
    const row = bySlug(fr.rows, 'xlsx-dresden');
    expect([row.title?.v, row.organizers?.v]).toEqual(['Forum de la fonderie – élan, forêt et âtre', 'Cluster de la fonderie de Saxe']);
  });

  it('defuses texts a spreadsheet would run as formulas, as the CSV does', async () => {
    const row = bySlug((await xlsx()).rows, 'xlsx-formel');
    expect(row.title).toMatchObject({ t: 's', v: '\'=HYPERLINK("https://böse.example","klick")' });
    expect(row.title?.f).toBeUndefined();
    expect(row.description?.v).toBe('\'+49 761 1234');
    expect((await csv()).rows.find((r) => r.slug === 'xlsx-formel')?.title).toBe(row.title?.v);
  });

  it('follows the API key: the public never gets a SUBMITTED event, a moderator does', async () => {
    const pub = await xlsx();
    expect(pub.rows.map((r) => r.status?.v).filter((s) => s !== 'PUBLISHED' && s !== 'CANCELLED')).toEqual([]);
    expect(pub.rows.some((r) => r.slug?.v === 'xlsx-eingereicht')).toBe(false);
    const mod = await xlsx('', authHeaders(moderatorKey));
    expect(bySlug(mod.rows, 'xlsx-eingereicht').status?.v).toBe('SUBMITTED');
    expect(mod.res.headers['cache-control']).toBe('private, no-cache');
  });

  it('takes the feed parameters: region, category, from and lang', async () => {
    const { rows } = await xlsx('?region=DE1&category=TRADE_FAIR&from=2017-01-01');
    expect(rows.map((r) => r.id?.v)).toEqual((await csv('?region=DE1&category=TRADE_FAIR&from=2017-01-01')).rows.map((r) => r.id));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.category?.v === 'TRADE_FAIR')).toBe(true);
  });

  it('answers 400 in plain text for a bad parameter, before any workbook', async () => {
    for (const query of ['?category=PICKNICK', '?region=XX9', '?from=gestern', '?sort=title']) {
      const res = await getFeed(server.url, `/exports/events.xlsx${query}`);
      expect([query, res.status, res.headers['content-type']]).toEqual([query, 400, 'text/plain; charset=utf-8']);
    }
  });

  it('answers a repeated request with its ETag by 304, an ETag of its own beside the CSV\'s', async () => {
    const first = await getFeed(server.url, '/exports/events.xlsx');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    expect((await getFeed(server.url, '/exports/events.csv')).headers.etag).not.toBe(etag);
    const again = await getFeed(server.url, '/exports/events.xlsx', { 'if-none-match': etag });
    expect([again.status, again.bytes.length]).toEqual([304, 0]);
  });

  it('answers a selection with no events with the header row alone', async () => {
    const { header, rows } = await xlsx('?from=2030-01-01');
    expect(header[0]).toBe('id');
    expect(rows).toEqual([]);
  });
});
