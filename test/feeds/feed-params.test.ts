import { gql, gqlData } from '../helpers/gql';
import { seed } from '../helpers/seed-builder';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { countOf } from '../modules/events/event-test-kit';
import { getFeed, parseCsv, parseIcs } from './feed-kit';

let server: TestServer;
let organizerId: string;

const VISIBLE = ['PUBLISHED', 'CANCELLED'];
const ROUTES = ['/feeds/events.ics', '/exports/events.csv'];

beforeAll(async () => {
  server = await startTestServer({
    prepare: async (db) => {
      // Either side of midnight in Berlin, in Freiburg only (DE131): the edges of from/to.
      await seed(db, 'params')
        .initiative('mitternacht')
        .event('vor-mitternacht', { startsAt: '2019-02-28T23:59', regionCode: 'DE131' })
        .event('um-mitternacht', { startsAt: '2019-03-01T00:00', regionCode: 'DE131' })
        .event('am-morgen', { startsAt: '2019-03-01T09:00', regionCode: 'DE131' })
        .event('am-naechsten-tag', { startsAt: '2019-03-02T00:00', regionCode: 'DE131' })
        .load();
    },
  });
  const data = await gqlData<{ event: { organizers: { id: string }[] } }>(
    server.url, '{ event(slug: "hannover-messe-2017") { organizers { id } } }');
  organizerId = data.event.organizers[1].id;
});

afterAll(async () => {
  await server?.close();
});

/** How many events each route lists for a query string, and the slugs of the CSV. */
async function listed(query: string): Promise<{ ics: number; csv: number; slugs: string[] }> {
  const ics = await getFeed(server.url, `/feeds/events.ics?${query}`);
  const csv = await getFeed(server.url, `/exports/events.csv?${query}`);
  expect([ics.status, csv.status, ics.text.slice(0, 200), csv.text.slice(0, 200)])
    .toEqual([200, 200, expect.anything(), expect.anything()]);
  const rows = parseCsv(csv.text).rows;
  return { ics: parseIcs(ics.text).events.length, csv: rows.length, slugs: rows.map((r) => r.slug) };
}

describe('feed and export query parameters', () => {
  it.each([
    ['region=DE1', { region: 'DE1' }],
    ['region=de13', { region: 'DE13' }],
    ['region=CH031', { region: 'CH031' }],
    ['country=CH', { country: 'CH' }],
    ['country=fr', { country: 'FR' }],
    ['category=SEMINAR&category=workshop', { categories: ['SEMINAR', 'WORKSHOP'] }],
    ['category=seminar,trade-fair', { categories: ['SEMINAR', 'TRADE_FAIR'] }],
    ['campaign=clusterwoche-2017', { campaign: 'clusterwoche-2017' }],
    ['from=2017-04-24&to=2017-04-26', { startsFrom: '2017-04-23T22:00:00Z', startsBefore: '2017-04-25T22:00:00Z' }],
    ['from=2017-04-24T09:00:00%2B02:00', { startsFrom: '2017-04-24T07:00:00Z' }],
    ['from=2017-04-24T09:00:00+02:00', { startsFrom: '2017-04-24T07:00:00Z' }],
    ['to=2017-04-24T07:00:00Z', { startsBefore: '2017-04-24T07:00:00Z' }],
    ['to=2017-04-24T09:00', { startsBefore: '2017-04-24T07:00:00Z' }],
    ['region=DE1&campaign=clusterwoche-2017&category=SEMINAR&from=2017-04-25', {
      region: 'DE1', campaign: 'clusterwoche-2017', categories: ['SEMINAR'], startsFrom: '2017-04-24T22:00:00Z',
    }],
    ['region=&country=&lang=', {}],
  ])('lists for %s what events(filter) counts', async (query, filter) => {
    const expected = await countOf(server.url, { ...filter, statuses: VISIBLE });
    const got = await listed(query);
    expect([got.ics, got.csv]).toEqual([expected, expected]);
    expect(expected).toBeGreaterThan(0);
  });

  it('filters by an organiser\'s global id', async () => {
    const expected = await countOf(server.url, { organizer: organizerId, statuses: VISIBLE });
    const got = await listed(`organizer=${encodeURIComponent(organizerId)}`);
    expect([got.ics, got.csv]).toEqual([expected, expected]);
    expect(got.slugs).toContain('hannover-messe-2017');
  });

  it('reads a date as midnight in Berlin: from includes it, to excludes it', async () => {
    const day = await listed('region=DE131&from=2019-03-01&to=2019-03-02');
    expect(day.slugs).toEqual(['um-mitternacht', 'am-morgen']);
    const before = await listed('region=DE131&from=2019-02-28&to=2019-03-01');
    expect(before.slugs).toEqual(['vor-mitternacht']);
  });

  it('reads a date-time with an offset as that instant', async () => {
    const got = await listed('region=DE131&from=2019-03-01T08:00:00Z&to=2019-03-01T08:00:01Z');
    expect(got.slugs).toEqual(['am-morgen']);
  });
});

describe('bad feed and export requests', () => {
  it.each([
    ['region=XX9', /XX9/],
    ['region=Baden!', /Baden!/],
    ['region=DE1&region=DE2', /region/],
    ['country=Deutschland', /Deutschland/],
    ['category=PARTY', /PARTY/],
    ['campaign=gibt-es-nicht', /gibt-es-nicht/],
    ['organizer=nonsense', /organizer/],
    ['from=2017-13-45', /from/],
    ['from=yesterday', /yesterday/],
    ['to=2017-04-24T25:00', /to/],
    ['to=20170424', /to/],
    ['lang=it', /"it"/],
    ['colour=blue', /colour/],
  ])('answers %s with 400 and a plain-text reason', async (query, reason) => {
    for (const route of ROUTES) {
      const res = await getFeed(server.url, `${route}?${query}`);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.text).toMatch(reason);
      expect(res.text).not.toMatch(/^\s*[{[]/);
      expect(res.text).not.toMatch(/SELECT|stack|at .*\.ts/);
    }
  });

  const huge = (type: 'Initiative' | 'Network' | 'Ministry', key: string) => Buffer.from(`${type}:${key}`).toString('base64url');
  it.each([
    [`organizer=${huge('Initiative', '2147483648')}`, /organizer/],
    [`organizer=${huge('Network', '999999999999999')}`, /organizer/],
    [`organizer=${huge('Ministry', '4294967297')}`, /organizer/],
    ['organizer=%00', /organizer/],
    ['campaign=clusterwoche-2017%00', /campaign/],
    ['campaign=%00', /campaign/],
    ['region=DE1%00', /region/],
    ['country=D%00', /country/],
    ['lang=de%00', /lang/],
  ])('answers the hostile parameter %s with 400, never a 500', async (query, reason) => {
    for (const route of ROUTES) {
      const res = await getFeed(server.url, `${route}?${query}`);
      expect([res.status, res.text.slice(0, 300)]).toEqual([400, expect.stringMatching(reason)]);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.text).not.toMatch(/SELECT|stack|at .*\.ts/);
    }
  });

  it('refuses an API key it does not know with 401, as GraphQL does', async () => {
    const graphql = await gql(server.url, '{ __typename }', undefined, { authorization: 'Bearer nope' });
    expect(graphql.status).toBe(401);
    for (const route of ROUTES) {
      const res = await getFeed(server.url, route, { authorization: 'Bearer nope' });
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.text.trim()).toBe(graphql.body.errors![0].message);
    }
  });

  it('answers other methods than GET and HEAD with 405', async () => {
    for (const route of ROUTES) {
      const res = await getFeed(server.url, route, {}, 'POST');
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD');
    }
  });
});
