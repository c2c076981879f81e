import { gqlData } from '../helpers/gql';
import { seed } from '../helpers/seed-builder';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { countOf } from '../modules/events/event-test-kit';
import { getFeed, parseCsv } from './feed-kit';

let server: TestServer;

const VISIBLE = ['PUBLISHED', 'CANCELLED'];
const CONTRACT_COLUMNS = [
  'id', 'title', 'category', 'status', 'startsAt', 'endsAt', 'timeZone', 'region', 'city', 'country', 'organizers', 'url',
];

beforeAll(async () => {
  server = await startTestServer({
    prepare: async (db) => {
      await seed(db, 'csv')
        .initiative('csv-cluster', { name: { de: 'Ministerium für Wirtschaft, Arbeit und Wohnungsbau', fr: 'Ministère de l\'Économie' } })
        .initiative('csv-zweiter', { name: { de: 'Zweiter "Cluster"' } })
        .event('csv-formel', {
          title: { de: '=HYPERLINK("https://böse.example","klick")' }, category: 'OTHER', startsAt: '2019-05-02T10:00',
          organizerKeys: ['csv-cluster', 'csv-zweiter'],
        })
        .event('csv-zeilen', {
          title: { de: 'Zeilen, "Anführungszeichen" und Umbrüche' },
          description: { de: 'Erste Zeile\r\nZweite Zeile, mit Komma\nDritte "zitiert"' },
          category: 'WORKSHOP', startsAt: '2019-05-03T10:00', status: 'CANCELLED',
        })
        .event('csv-entwurf', { title: { de: 'Entwurf, nie öffentlich' }, status: 'DRAFT', startsAt: '2019-05-04T10:00' })
        .load();
    },
  });
});

afterAll(async () => {
  await server?.close();
});

async function csv(query = '', headers: Record<string, string> = {}) {
  const res = await getFeed(server.url, `/exports/events.csv${query}`, headers);
  expect(res.status).toBe(200);
  return { res, ...parseCsv(res.text) };
}

interface GqlEvent {
  id: string; slug: string; title: string; category: string; status: string; startsAt: string; endsAt: string | null;
  timeZone: string; url: string | null; region: { code: string }; venue: { city: string | null } | null;
  organizers: { name: string }[];
}

async function allVisibleEvents(lang = 'DE'): Promise<GqlEvent[]> {
  const out: GqlEvent[] = [];
  let after: string | null = null;
  for (;;) {
    const data: { events: { nodes: GqlEvent[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } = await gqlData(server.url, `
      query ($after: String, $lang: Language) {
        events(filter: { statuses: [PUBLISHED, CANCELLED] }, first: 100, after: $after) {
          nodes { id slug title(lang: $lang) category status startsAt endsAt timeZone url
                  region { code } venue { city } organizers { name(lang: $lang) } }
          pageInfo { hasNextPage endCursor }
        }
      }`, { after, lang });
    out.push(...data.events.nodes);
    if (!data.events.pageInfo.hasNextPage) return out;
    after = data.events.pageInfo.endCursor;
  }
}

describe('GET /exports/events.csv', () => {
  it('answers text/csv as a download starting with the UTF-8 byte order mark', async () => {
    const { res } = await csv();
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+\.csv"$/);
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('starts with a header row holding the contract\'s columns first', async () => {
    const { header } = await csv();
    expect(header.slice(0, CONTRACT_COLUMNS.length)).toEqual(CONTRACT_COLUMNS);
    expect(header).toEqual(expect.arrayContaining(['description', 'campaign', 'slug']));
  });

  it('ends every record with CRLF', async () => {
    const { res } = await csv('?category=TRADE_FAIR');
    expect(res.text.endsWith('\r\n')).toBe(true);
    expect(res.text.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('has one row per visible event, as many as events.totalCount counts', async () => {
    const { rows } = await csv();
    expect(rows.length).toBe(await countOf(server.url, { statuses: VISIBLE }));
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.map((r) => r.status).filter((s) => !VISIBLE.includes(s))).toEqual([]);
    expect(rows.some((r) => r.slug === 'csv-entwurf')).toBe(false);
  });

  it('says in every row what GraphQL says of the event', async () => {
    const { rows } = await csv();
    const events = await allVisibleEvents();
    expect(rows.map((r) => r.id)).toEqual(events.map((e) => e.id));
    for (const [i, e] of events.entries()) {
      expect(rows[i]).toMatchObject({
        id: e.id, slug: e.slug, category: e.category, status: e.status, startsAt: e.startsAt, endsAt: e.endsAt ?? '',
        timeZone: e.timeZone, region: e.region.code, city: e.venue?.city ?? '', country: e.region.code.slice(0, 2),
        url: e.url ?? '', organizers: e.organizers.map((o) => o.name).join('; '),
      });
      if (!rows[i].title.startsWith("'")) expect(rows[i].title).toBe(e.title);
    }
  });

  it('keeps umlauts and dashes intact', async () => {
    const { rows } = await csv();
    const messe = rows.find((r) => r.slug === 'hannover-messe-2017')!;
    expect(messe.title).toBe('Hannover Messe 2017 – Cluster aus Baden-Württemberg');
    expect(messe.venue).toBe('Messegelände Hannover');
  });

  it('joins the organisers in their order with "; ", commas and quotes inside names intact', async () => {
    const { rows } = await csv();
    expect(rows.find((r) => r.slug === 'hannover-messe-2017')!.organizers).toBe('Netzwerk Smart Production; Leichtbau BW; e-mobil BW');
    expect(rows.find((r) => r.slug === 'csv-formel')!.organizers)
      .toBe('Ministerium für Wirtschaft, Arbeit und Wohnungsbau; Zweiter "Cluster"');
  });

  it('quotes commas, quotes and line breaks so csv-parse reads them back', async () => {
    const { rows } = await csv();
    const row = rows.find((r) => r.slug === 'csv-zeilen')!;
    expect(row.title).toBe('Zeilen, "Anführungszeichen" und Umbrüche');
    expect(row.description).toBe('Erste Zeile\r\nZweite Zeile, mit Komma\nDritte "zitiert"');
    expect(row.status).toBe('CANCELLED');
  });

  it('defuses a title that a spreadsheet would run as a formula', async () => {
    const { rows } = await csv();
    expect(rows.find((r) => r.slug === 'csv-formel')!.title).toBe('\'=HYPERLINK("https://böse.example","klick")');
  });

  it('gives ids that node(id) resolves to the same events', async () => {
    const { rows } = await csv('?region=DE1');
    const data = await gqlData<{ nodes: ({ __typename: string; slug: string } | null)[] }>(server.url,
      'query ($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on Event { slug } } }', { ids: rows.map((r) => r.id) });
    expect(data.nodes).toEqual(rows.map((r) => ({ __typename: 'Event', slug: r.slug })));
  });

  it('writes titles, descriptions and organiser names in the language asked for, German where none', async () => {
    const fr = await csv('?lang=fr');
    expect(fr.rows.find((r) => r.slug === 'hannover-messe-2017')!.title).toBe('Hannover Messe 2017 – les clusters du Bade-Wurtemberg');
    expect(fr.rows.find((r) => r.slug === 'csv-formel')!.organizers).toBe('Ministère de l\'Économie; Zweiter "Cluster"');
    expect(fr.rows.find((r) => r.slug === 'csv-zeilen')!.title).toBe('Zeilen, "Anführungszeichen" und Umbrüche');
    const header = await csv('', { 'accept-language': 'en-GB' });
    expect(header.rows.find((r) => r.slug === 'hannover-messe-2017')!.title).toBe('Hannover Messe 2017 – clusters from Baden-Württemberg');
    const events = await allVisibleEvents('FR');
    expect(fr.rows.map((r) => r.title.replace(/^'/, ''))).toEqual(events.map((e) => e.title));
  });

  it('answers a selection with no events with the header row alone', async () => {
    const { res, header, rows } = await csv('?from=2030-01-01');
    expect(rows).toEqual([]);
    expect(header[0]).toBe('id');
    expect(res.text.startsWith('\uFEFFid,title,')).toBe(true);
  });
});
