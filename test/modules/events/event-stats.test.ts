import { gqlData } from '../../helpers/gql';
import { seed } from '../../helpers/seed-builder';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { allEvents, countOf, expectBadUserInput, send, type EventRow } from './event-test-kit';

let server: TestServer;
let published: EventRow[];

const STATS = `query S($f: EventFilter, $g: [EventDimension!]!) {
  eventStats(filter: $f, groupBy: $g) {
    count category country month
    region { code } state { code level } organizer { id name(lang: DE) } campaign { slug }
  }
}`;

interface Row {
  count: number; category: string | null; country: string | null; month: string | null;
  region: { code: string } | null; state: { code: string; level: number } | null;
  organizer: { id: string; name: string } | null; campaign: { slug: string } | null;
}

async function stats(groupBy: string[], filter?: object): Promise<Row[]> {
  return (await gqlData<{ eventStats: Row[] }>(server.url, STATS, { f: filter, g: groupBy })).eventStats;
}

const sum = (rows: Row[]) => rows.reduce((s, r) => s + r.count, 0);
const DIMENSION_FIELDS = ['category', 'country', 'month', 'region', 'state', 'organizer', 'campaign'] as const;

/** Asserts that only the grouped fields of a row are set. */
function expectOnly(rows: Row[], set: (typeof DIMENSION_FIELDS)[number][]): void {
  for (const row of rows) {
    for (const f of DIMENSION_FIELDS) {
      if (!set.includes(f)) expect({ field: f, value: row[f] }).toEqual({ field: f, value: null });
    }
  }
}

beforeAll(async () => {
  server = await startTestServer({
    prepare: async (db) => {
      await seed(db, 'monatswechsel')
        .initiative('mitternacht')
        .campaign('monatswechsel')
        .event('vor-mitternacht', { campaignSlug: 'monatswechsel', startsAt: '2019-04-30T23:30' })
        // 2019-04-30T22:30Z: May in Berlin, April in UTC.
        .event('nach-mitternacht', { campaignSlug: 'monatswechsel', startsAt: '2019-05-01T00:30' })
        // 2019-06-01T02:00Z: still May in New York.
        .event('new-york-spaet', { campaignSlug: 'monatswechsel', startsAt: '2019-05-31T22:00', timeZone: 'America/New_York' })
        .campaign('grenze')
        // In Lörrach's region (DE139) at a venue in Basel: its country is the region's.
        .event('grenzgaenger', { campaignSlug: 'grenze', regionCode: 'DE139', venue: { city: 'Basel', country: 'CH' } })
        .load();
    },
  });
  published = (await allEvents(server.url)).rows;
});

afterAll(async () => {
  await server?.close();
});

describe('eventStats', () => {
  it.each([[{}], [{ region: 'DE1' }], [{ campaign: 'clusterwoche-2017', language: 'EN' }]])(
    'by CATEGORY sums to events.totalCount for the filter %j, one row per category', async (filter) => {
      const rows = await stats(['CATEGORY'], filter);
      expect(sum(rows)).toBe(await countOf(server.url, filter));
      expect(new Set(rows.map((r) => r.category)).size).toBe(rows.length);
      for (const r of rows) expect(r.count).toBe(await countOf(server.url, { ...filter, categories: [r.category] }));
      expectOnly(rows, ['category']);
    });

  it('by STATE counts each NUTS-1 ancestor', async () => {
    const rows = await stats(['STATE']);
    expect(rows.map((r) => r.state!.code).sort()).toEqual(['CH0', 'DE1', 'DE3', 'DE9', 'FRF']);
    for (const r of rows) {
      expect(r.state!.level).toBe(1);
      expect(r.count).toBe(await countOf(server.url, { region: r.state!.code }));
    }
    expect(sum(rows)).toBe(published.length);
    expectOnly(rows, ['state']);
  });

  it('by MONTH counts the months of the demo data', async () => {
    const rows = await stats(['MONTH'], { campaign: 'clusterwoche-2017' });
    expect(rows).toEqual([expect.objectContaining({ month: '2017-04', count: await countOf(server.url, { campaign: 'clusterwoche-2017' }) })]);
    const april = await countOf(server.url, { startsFrom: '2017-04-01T00:00:00+02:00', startsBefore: '2017-05-01T00:00:00+02:00' });
    const all = await stats(['MONTH']);
    expect(all.find((r) => r.month === '2017-04')!.count).toBe(april);
    expect(all.every((r) => /^\d{4}-\d{2}$/.test(r.month!))).toBe(true);
    expectOnly(all, ['month']);
  });

  it('by MONTH uses the month in the event\'s own time zone', async () => {
    const rows = await stats(['MONTH'], { campaign: 'monatswechsel' });
    expect(rows.map((r) => [r.month, r.count]).sort()).toEqual([['2019-04', 1], ['2019-05', 2]]);
  });

  it('by ORGANIZER counts an event with three organisers once for each', async () => {
    const rows = await stats(['ORGANIZER'], { region: 'DE9' });
    const messe = await gqlData(server.url, '{ event(slug: "hannover-messe-2017") { organizers { id } } }');
    expect(messe.event.organizers).toHaveLength(3);
    expect(rows.map((r) => [r.organizer!.id, r.count]).sort())
      .toEqual(messe.event.organizers.map((o: { id: string }) => [o.id, 1]).sort());
    expect(await countOf(server.url, { region: 'DE9' })).toBe(1);
    expectOnly(rows, ['organizer']);
  });

  it('by ORGANIZER gives each organiser the count of events(filter: { organizer })', async () => {
    const rows = await stats(['ORGANIZER']);
    for (const r of rows) expect(r.count).toBe(await countOf(server.url, { organizer: r.organizer!.id }));
    expect(sum(rows)).toBe(published.reduce((s, e) => s + e.organizers.length, 0));
    expect(sum(rows)).toBeGreaterThan(published.length);
  });

  it('by CAMPAIGN puts the events without a campaign into a group with campaign null', async () => {
    const rows = await stats(['CAMPAIGN']);
    const none = rows.filter((r) => r.campaign === null);
    expect(none).toHaveLength(1);
    expect(none[0].count).toBe(published.filter((e) => e.campaign === null).length);
    expect(none[0].count).toBeGreaterThan(0);
    for (const r of rows.filter((x) => x.campaign !== null)) {
      expect(r.count).toBe(await countOf(server.url, { campaign: r.campaign!.slug }));
    }
    expect(sum(rows)).toBe(published.length);
    expectOnly(rows, ['campaign']);
  });

  it('by COUNTRY counts the country of the event\'s region, not of its venue', async () => {
    expect(await stats(['COUNTRY'], { campaign: 'grenze' })).toEqual([expect.objectContaining({ country: 'DE', count: 1 })]);
    const rows = await stats(['COUNTRY']);
    for (const r of rows) expect(r.count).toBe(await countOf(server.url, { country: r.country }));
    expect(rows.map((r) => r.country).sort()).toEqual(['CH', 'DE', 'FR']);
    expectOnly(rows, ['country']);
  });

  it('by REGION counts each event\'s own region', async () => {
    const rows = await stats(['REGION']);
    const expected = new Map<string, number>();
    for (const e of published) expected.set(e.region.code, (expected.get(e.region.code) ?? 0) + 1);
    expect(new Map(rows.map((r) => [r.region!.code, r.count]))).toEqual(expected);
    expectOnly(rows, ['region']);
  });

  it('groups by two dimensions at once, one row per combination', async () => {
    const rows = await stats(['CATEGORY', 'COUNTRY']);
    const combos = rows.map((r) => `${r.category}/${r.country}`);
    expect(new Set(combos).size).toBe(rows.length);
    expect(rows.map((r) => r.country)).toEqual(expect.arrayContaining(['DE', 'CH', 'FR']));
    for (const r of rows) {
      expect(r.count).toBe(await countOf(server.url, { categories: [r.category], country: r.country }));
    }
    expect(sum(rows)).toBe(published.length);
    expectOnly(rows, ['category', 'country']);
  });

  it('gives one row, the total, for groupBy: []', async () => {
    expect(await stats([])).toEqual([{
      count: published.length, category: null, country: null, month: null,
      region: null, state: null, organizer: null, campaign: null,
    }]);
    expect(await stats([], { region: 'DE139' })).toEqual([expect.objectContaining({ count: await countOf(server.url, { region: 'DE139' }) })]);
    expect(await stats([], { campaign: 'monatswechsel' })).toEqual([expect.objectContaining({ count: 3 })]);
  });

  it('counts cancelled events only when asked for them', async () => {
    const rows = await stats([], { statuses: ['CANCELLED', 'PUBLISHED'] });
    expect(rows[0].count).toBe(published.length + 2);
  });

  it('refuses a bad filter with BAD_USER_INPUT and SUBMITTED with FORBIDDEN', async () => {
    expectBadUserInput(await send(server.url, STATS, { f: { region: 'XY1' }, g: ['CATEGORY'] }), 'filter.region', 'eventStats');
    expectBadUserInput(await send(server.url, STATS, { f: { organizer: '???' }, g: ['ORGANIZER'] }), 'filter.organizer', 'eventStats');
    const res = await send(server.url, STATS, { f: { statuses: ['SUBMITTED'] }, g: [] });
    expect(res.status).toBe(200);
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
