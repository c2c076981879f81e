import { clusterwoche2017 } from '../../../src/demo-data/clusterwoche-2017';
import { gqlData } from '../../helpers/gql';
import { seed } from '../../helpers/seed-builder';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import {
  allEvents, countOf, expectBadUserInput, instant, organizerIdByName, send, slugSet, type EventRow,
} from './event-test-kit';

let server: TestServer;
/** Every event the public may see (PUBLISHED and CANCELLED), to derive expectations from. */
let visible: EventRow[];
let published: EventRow[];

const ARCHIVE = ['archiv-januar-2020', 'archiv-juni-2020'];
/** Held in Lörrach's region (DE139) at a venue across the border: its country is DE. */
const BORDER = 'grenzgaenger-2020';
const SEEDED = [...ARCHIVE, BORDER];

beforeAll(async () => {
  server = await startTestServer({
    prepare: (db) => seed(db)
      .initiative('archiv', { regionCode: 'DE300' })
      .event(ARCHIVE[0], { startsAt: '2020-01-15T10:00', regionCode: 'DE300', updatedAt: '2020-01-01T00:00:00Z' })
      .event(ARCHIVE[1], { startsAt: '2020-06-15T10:00', regionCode: 'DE300', updatedAt: '2020-06-01T00:00:00Z' })
      .event(BORDER, { startsAt: '2020-09-15T10:00', regionCode: 'DE139', venue: { city: 'Basel', country: 'CH' }, updatedAt: '2020-09-01T00:00:00Z' })
      .load().then(() => undefined),
  });
  visible = (await allEvents(server.url, { statuses: ['CANCELLED', 'PUBLISHED'] })).rows;
  published = visible.filter((e) => e.status === 'PUBLISHED');
});

afterAll(async () => {
  await server?.close();
});

const list = async (filter: object) => (await allEvents(server.url, filter)).rows;

describe('the statuses of the event list', () => {
  it('holds only PUBLISHED events when no statuses are asked for', async () => {
    const demoPublished = clusterwoche2017.events.filter((e) => e.status === 'PUBLISHED').length;
    const rows = await list({});
    expect(rows).toHaveLength(demoPublished + SEEDED.length);
    expect(new Set(rows.map((e) => e.status))).toEqual(new Set(['PUBLISHED']));
    expect(rows.map((e) => e.slug)).not.toContain('workshop-kunststoffrecycling-aalen');
    expect(rows.map((e) => e.slug)).not.toContain('elektromobilitaet-erfahren-ludwigsburg');
  });

  it('includes the cancelled events when asked for CANCELLED and PUBLISHED', async () => {
    const cancelled = visible.filter((e) => e.status === 'CANCELLED');
    expect(slugSet(cancelled)).toEqual(['tag-der-offenen-tuer-photonik-labore-karlsruhe', 'workshop-kunststoffrecycling-aalen']);
    expect(visible).toHaveLength(published.length + 2);
    expect(await countOf(server.url, { statuses: ['CANCELLED'] })).toBe(2);
  });

  it.each([['SUBMITTED'], ['DRAFT'], ['REJECTED']])('refuses %s to the public with FORBIDDEN', async (status) => {
    for (const statuses of [[status], ['PUBLISHED', status]]) {
      const res = await send(server.url, 'query Q($f: EventFilter) { events(filter: $f) { totalCount } }', { f: { statuses } });
      expect(res.status).toBe(200);
      expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(res.body.data?.events ?? null).toBeNull();
    }
  });
});

describe('the region filter', () => {
  it.each([['DE'], ['DE1'], ['DE13'], ['DE139'], ['CH0'], ['FR'], ['FRF'], ['FRF1'], ['FRF11']])('%s matches the region and every region below it', async (code) => {
    const rows = await list({ region: code });
    expect(rows.length).toBeGreaterThan(0);
    expect(slugSet(rows)).toEqual(slugSet(published.filter((e) => e.region.code.startsWith(code))));
  });

  it('includes an event in Lörrach (DE139) under Baden-Württemberg (DE1) but not one in Hannover', async () => {
    const slugs = (await list({ region: 'DE1' })).map((e) => e.slug);
    expect(slugs).toContain('connect-dreilaendereck-digitalisierung-2017');
    expect(slugs).toContain('auftakt-gespraech-hoffmeister-kraut-2017');
    expect(slugs).not.toContain('hannover-messe-2017');
  });

  it('leaves the Stuttgart events out of Lörrach (DE139)', async () => {
    const data = await gqlData(server.url, '{ events(filter: { region: "DE139" }) { nodes { slug venue { city } } } }');
    expect(data.events.nodes.map((e: { slug: string }) => e.slug)).toEqual(['connect-dreilaendereck-digitalisierung-2017', BORDER]);
    expect(data.events.nodes.map((e: { venue: { city: string } }) => e.venue.city)).not.toContain('Stuttgart');
  });
});

describe('the other filter fields', () => {
  it.each([['DE'], ['CH'], ['FR']])('country %s matches the events whose region lies in it', async (country) => {
    const rows = await list({ country });
    expect(rows.length).toBeGreaterThan(0);
    expect(slugSet(rows)).toEqual(slugSet(published.filter((e) => e.region.code.startsWith(country))));
  });

  it('country is the country of the event\'s region, not of its venue', async () => {
    expect((await list({ country: 'DE' })).map((e) => e.slug)).toContain(BORDER);
    expect((await list({ country: 'CH' })).map((e) => e.slug)).not.toContain(BORDER);
  });

  it('categories match any of the given categories', async () => {
    const rows = await list({ categories: ['TRADE_FAIR', 'OPEN_DAY'] });
    expect(slugSet(rows)).toEqual(slugSet(published.filter((e) => ['TRADE_FAIR', 'OPEN_DAY'].includes(e.category))));
    expect(rows.map((e) => e.slug)).toContain('hannover-messe-2017');
  });

  it('campaign matches the events of the campaign with that slug', async () => {
    const rows = await list({ campaign: 'clusterwoche-2017' });
    expect(slugSet(rows)).toEqual(slugSet(published.filter((e) => e.campaign?.slug === 'clusterwoche-2017')));
    expect(rows.map((e) => e.slug)).not.toContain('rencontre-transfrontaliere-numerique-bale-2017');
  });

  it.each([
    ['Network', 'Netzwerk Smart Production'],
    ['Initiative', 'ClusterAgentur Baden-Württemberg'],
    ['Ministry', 'Ministerium für Wirtschaft, Arbeit und Wohnungsbau Baden-Württemberg'],
  ])('organizer matches the events a %s (co-)organises', async (_kind, name) => {
    const id = await organizerIdByName(server.url, name);
    const rows = await list({ organizer: id });
    expect(rows.length).toBeGreaterThan(0);
    expect(slugSet(rows)).toEqual(slugSet(published.filter((e) => e.organizers.some((o) => o.id === id))));
  });

  it('startsFrom includes an event starting exactly then, startsBefore excludes it', async () => {
    const { data } = (await send(server.url, '{ event(slug: "go-cluster-jahrestagung-2017") { startsAt } }')).body;
    const start: string = data.event.startsAt;
    expect(start).toBe('2017-04-20T10:00:00+02:00');
    const atStart = published.filter((e) => instant(e.startsAt) === instant(start));
    expect(atStart.length).toBeGreaterThanOrEqual(2);

    const from = await list({ startsFrom: start });
    expect(slugSet(from)).toEqual(slugSet(published.filter((e) => instant(e.startsAt) >= instant(start))));
    expect(from.map((e) => e.slug)).toContain('go-cluster-jahrestagung-2017');

    const before = await list({ startsBefore: start });
    expect(slugSet(before)).toEqual(slugSet(published.filter((e) => instant(e.startsAt) < instant(start))));
    expect(before.map((e) => e.slug)).not.toContain('go-cluster-jahrestagung-2017');

    // The same instant written in UTC, and a window of exactly that instant.
    const window = await list({ startsFrom: '2017-04-20T08:00:00Z', startsBefore: '2017-04-20T08:00:00.001Z' });
    expect(slugSet(window)).toEqual(slugSet(atStart));
  });

  it.each([['EN'], ['FR']])('language %s matches the events held in it', async (language) => {
    const rows = await list({ language });
    expect(rows.length).toBeGreaterThan(0);
    expect(slugSet(rows)).toEqual(slugSet(published.filter((e) => e.languages.includes(language))));
  });

  it('updatedSince keeps the events changed at or after the instant', async () => {
    const since = await list({ updatedSince: '2020-03-01T00:00:00Z' });
    expect(since.map((e) => e.slug)).not.toContain(ARCHIVE[0]);
    expect(since.map((e) => e.slug)).toContain(ARCHIVE[1]);
    expect(since.map((e) => e.slug)).toContain(BORDER);
    // The demo events were last changed in 2017.
    expect(since).toHaveLength(2);

    const messeUpdated = published.find((e) => e.slug === 'hannover-messe-2017')!.updatedAt;
    const sinceMesse = await list({ updatedSince: messeUpdated });
    expect(slugSet(sinceMesse)).toEqual(slugSet(published.filter((e) => instant(e.updatedAt) >= instant(messeUpdated))));
    expect(sinceMesse.length).toBeGreaterThan(SEEDED.length);
    expect(sinceMesse.length).toBeLessThan(published.length);
    const latest = Math.max(...published.map((e) => instant(e.updatedAt)));
    expect(await countOf(server.url, { updatedSince: new Date(latest + 1).toISOString() })).toBe(0);
  });

  it('combines every given field with AND', async () => {
    const filter = { region: 'DE1', categories: ['WORKSHOP', 'CONFERENCE'], language: 'EN', campaign: 'clusterwoche-2017' };
    const rows = await list(filter);
    const expected = published.filter((e) => e.region.code.startsWith('DE1') && ['WORKSHOP', 'CONFERENCE'].includes(e.category)
      && e.languages.includes('EN') && e.campaign?.slug === 'clusterwoche-2017');
    expect(expected.length).toBeGreaterThan(0);
    expect(slugSet(rows)).toEqual(slugSet(expected));
  });
});

describe('a filter the server cannot use', () => {
  const query = 'query Q($f: EventFilter) { events(filter: $f, first: 5) { totalCount nodes { slug } } }';

  it.each([
    ['an unknown region', { region: 'DE1Z' }, 'filter.region'],
    ['a region that is not a NUTS code', { region: 'Baden-Württemberg' }, 'filter.region'],
    ['an unknown campaign', { campaign: 'clusterwoche-1999' }, 'filter.campaign'],
    ['a malformed organizer id', { organizer: 'not-an-id' }, 'filter.organizer'],
    ['a country name instead of a code', { country: 'Germany' }, 'filter.country'],
    ['a one-letter country', { country: 'D' }, 'filter.country'],
  ])('answers %s with BAD_USER_INPUT naming the field', async (_what, f, field) => {
    expectBadUserInput(await send(server.url, query, { f }), field, 'events');
  });

  it('refuses the id of an event as organizer', async () => {
    const id = published[0].id;
    expectBadUserInput(await send(server.url, query, { f: { organizer: id } }), 'filter.organizer', 'events');
  });

  it('names the field also when the filter is written inline', async () => {
    expectBadUserInput(await send(server.url, '{ events(filter: { region: "XX9" }) { totalCount } }'), 'filter.region', 'events');
  });
});
