import { request } from 'node:http';
import * as XLSX from '@e965/xlsx';
import { seedSynthetic } from '../../src/demo-data/synthetic';
import { EXPORT_CHUNK_SIZE } from '../../src/modules/events/event-export.service';
import { STATEMENTS_TRAILER } from '../../src/feeds/feed-http';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { countOf } from '../modules/events/event-test-kit';
import { getFeed, parseCsv, parseIcs } from './feed-kit';

let server: TestServer;

const VISIBLE = ['PUBLISHED', 'CANCELLED'];
const SYNTHETIC_EVENTS = 3000;

beforeAll(async () => {
  server = await startTestServer({
    prepare: async (db) => {
      await seedSynthetic(db, { events: SYNTHETIC_EVENTS, seed: 5 });
    },
  });
});

afterAll(async () => {
  await server?.close();
});

/** Statements a selection of `rows` events may cost: a few up front, at most four per chunk. */
function statementBound(rows: number): { min: number; max: number; chunks: number } {
  const chunks = Math.floor(rows / EXPORT_CHUNK_SIZE) + 1; // the last, short (maybe empty) chunk ends it
  return { min: 2 * Math.ceil(rows / EXPORT_CHUNK_SIZE), max: 3 + 4 * chunks, chunks };
}

describe('streaming a few thousand events', () => {
  it('writes every visible event exactly once to the CSV export, the last row whole', async () => {
    const expected = await countOf(server.url, { statuses: VISIBLE });
    expect(expected).toBeGreaterThan(2 * EXPORT_CHUNK_SIZE);
    const res = await getFeed(server.url, '/exports/events.csv');
    const { rows } = parseCsv(res.text);
    expect(rows.length).toBe(expected);
    expect(new Set(rows.map((r) => r.id)).size).toBe(expected);
    expect(res.text.endsWith('\r\n')).toBe(true);
    expect(rows.every((r) => r.updatedAt !== undefined && r.updatedAt !== '')).toBe(true);
    const starts = rows.map((r) => Date.parse(r.startsAt));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('writes every visible event exactly once to the iCalendar feed', async () => {
    const expected = await countOf(server.url, { statuses: VISIBLE });
    const res = await getFeed(server.url, '/feeds/events.ics');
    const { events } = parseIcs(res.text);
    expect(events.length).toBe(expected);
    expect(new Set(events.map((e) => e.uid)).size).toBe(expected);
    expect(res.text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('writes every visible event exactly once to the XLSX export, in start order', async () => {
    const expected = await countOf(server.url, { statuses: VISIBLE });
    const res = await getFeed(server.url, '/exports/events.xlsx');
    const sheet = XLSX.read(res.bytes, { type: 'buffer' }).Sheets.Veranstaltungen;
    const rows = XLSX.utils.sheet_to_json<{ id: string; startsAt: number }>(sheet, { raw: true });
    expect(rows.length).toBe(expected);
    expect(new Set(rows.map((r) => r.id)).size).toBe(expected);
    const csvIds = parseCsv((await getFeed(server.url, '/exports/events.csv')).text).rows.map((r) => r.id);
    expect(rows.map((r) => r.id)).toEqual(csvIds);
  });

  it('sends SQL statements in proportion to chunks, not rows', async () => {
    for (const [query, filter] of [['', {}], ['?region=DE1', { region: 'DE1' }], ['?category=TRADE_FAIR', { categories: ['TRADE_FAIR'] }]] as const) {
      const rows = await countOf(server.url, { ...filter, statuses: VISIBLE });
      const bound = statementBound(rows);
      for (const route of ['/exports/events.csv', '/exports/events.xlsx', '/feeds/events.ics']) {
        const res = await getFeed(server.url, `${route}${query}`);
        const statements = Number(res.trailers[STATEMENTS_TRAILER]);
        expect({ route, query, statements }).toEqual({ route, query, statements: expect.any(Number) });
        expect(statements).toBeGreaterThanOrEqual(bound.min);
        expect(statements).toBeLessThanOrEqual(bound.max);
      }
    }
  });

  it.each(['/exports/events.csv', '/exports/events.xlsx'])('keeps serving when a client hangs up halfway through %s', async (route) => {
    await new Promise<void>((resolve, reject) => {
      const req = request(new URL(route, server.url), { agent: false }, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', (err) => (req.destroyed ? resolve() : reject(err)));
      req.end();
    });
    expect((await getFeed(server.url, '/healthz')).status).toBe(200);
    const { rows } = parseCsv((await getFeed(server.url, '/exports/events.csv')).text);
    expect(rows.length).toBe(await countOf(server.url, { statuses: VISIBLE }));
  });

  it.each(['/exports/events.csv', '/exports/events.xlsx'])('answers other requests while %s streams, not after it', async (route) => {
    // Reading a SQLite chunk is synchronous and a fast socket drains on process.nextTick:
    // unless the export gives the event loop a turn per chunk, /healthz waits for its end.
    const order: string[] = [];
    const exported = new Promise<void>((resolve, reject) => {
      const req = request(new URL(route, server.url), { agent: false }, (res) => {
        res.once('data', () => {
          void fetch(`${server.url}/healthz`).then(async (h) => {
            await h.text();
            order.push('healthz');
          }, reject);
        });
        res.on('data', () => undefined);
        res.on('end', () => {
          order.push('export');
          resolve();
        });
      });
      req.on('error', reject);
      req.end();
    });
    await exported;
    await new Promise((resolve) => setTimeout(resolve, 200)); // a healthz that lost the race lands now
    expect(order).toEqual(['healthz', 'export']);
  });
});
