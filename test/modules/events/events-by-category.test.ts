import { gqlData } from '../../helpers/gql';
import { pad, seed } from '../../helpers/seed-builder';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { allEvents, countOf, expectBadUserInput, instant, send } from './event-test-kit';

let server: TestServer;

/** The contract's order of EventCategory. */
const CATEGORY_ORDER = [
  'SEMINAR', 'CONFERENCE', 'WORKSHOP', 'EXHIBITION', 'TRADE_FAIR', 'COMPANY_VISIT',
  'OPEN_DAY', 'ANNUAL_MEETING', 'POLICY_DIALOGUE', 'NETWORKING', 'OTHER',
];

const BY_CATEGORY = `query G($f: EventFilter, $n: Int) {
  eventsByCategory(filter: $f, eventsPerCategory: $n) { category count events { slug startsAt category } }
}`;

interface Group { category: string; count: number; events: { slug: string; startsAt: string; category: string }[] }

async function groups(filter: object | undefined, perCategory?: number): Promise<Group[]> {
  const vars: Record<string, unknown> = { f: filter };
  if (perCategory !== undefined) vars.n = perCategory;
  return (await gqlData<{ eventsByCategory: Group[] }>(server.url, BY_CATEGORY, vars)).eventsByCategory;
}

beforeAll(async () => {
  server = await startTestServer({
    prepare: async (db) => {
      await seed(db, 'werkstage')
        .initiative('werkstore')
        .campaign('werkstage')
        // 30 company visits on 6 mornings: more than one default group holds, with ties.
        .events(30, (i) => ({ category: 'COMPANY_VISIT', campaignSlug: 'werkstage', startsAt: `2019-10-${pad(10 + (i % 6))}T08:00` }))
        .event('werkstage-seminar', { category: 'SEMINAR', campaignSlug: 'werkstage', startsAt: '2019-10-01T08:00' })
        .load();
    },
  });
});

afterAll(async () => {
  await server?.close();
});

describe('eventsByCategory for Baden-Württemberg in the Clusterwoche', () => {
  const filter = { region: 'DE1', campaign: 'clusterwoche-2017' };
  let result: Group[];
  beforeAll(async () => {
    result = await groups(filter, 3);
  });

  it('has one group per category with at least one match, in the order of EventCategory', async () => {
    const matching = (await allEvents(server.url, filter)).rows;
    const present = CATEGORY_ORDER.filter((c) => matching.some((e) => e.category === c));
    expect(present.length).toBeGreaterThan(5);
    expect(result.map((g) => g.category)).toEqual(present);
    expect(result.every((g) => g.count > 0)).toBe(true);
  });

  it('counts every match of a category, as events(filter).totalCount does', async () => {
    for (const g of result) {
      expect({ category: g.category, count: g.count })
        .toEqual({ category: g.category, count: await countOf(server.url, { ...filter, categories: [g.category] }) });
    }
    expect(result.reduce((sum, g) => sum + g.count, 0)).toBe(await countOf(server.url, filter));
    expect(result.some((g) => g.count > 3)).toBe(true);
  });

  it('lists at most eventsPerCategory events per group, the earliest first, of that category only', async () => {
    for (const g of result) {
      expect(g.events.length).toBe(Math.min(3, g.count));
      expect(new Set(g.events.map((e) => e.category))).toEqual(new Set([g.category]));
      const top = (await allEvents(server.url, { ...filter, categories: [g.category] })).rows;
      expect(g.events.map((e) => e.slug)).toEqual(top.slice(0, 3).map((e) => e.slug));
      const starts = g.events.map((e) => instant(e.startsAt));
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
  });
});

describe('eventsByCategory', () => {
  it('lists 20 events per group by default while counting all of them', async () => {
    const result = await groups({ campaign: 'werkstage' });
    expect(result.map((g) => [g.category, g.count])).toEqual([['SEMINAR', 1], ['COMPANY_VISIT', 30]]);
    const visits = result[1];
    expect(visits.events).toHaveLength(20);
    const top = (await allEvents(server.url, { campaign: 'werkstage', categories: ['COMPANY_VISIT'] })).rows;
    expect(visits.events.map((e) => e.slug)).toEqual(top.slice(0, 20).map((e) => e.slug));
  });

  it('gives groups with counts and no events for eventsPerCategory: 0', async () => {
    const result = await groups({ region: 'DE1' }, 0);
    expect(result.length).toBeGreaterThan(5);
    for (const g of result) {
      expect(g.events).toEqual([]);
      expect(g.count).toBe(await countOf(server.url, { region: 'DE1', categories: [g.category] }));
    }
  });

  it('leaves out categories without a match', async () => {
    const result = await groups({ region: 'DE139' });
    expect(result.map((g) => g.category)).toEqual(['CONFERENCE']);
    expect(result[0].events.map((e) => e.slug)).toEqual(['connect-dreilaendereck-digitalisierung-2017']);
  });

  it('sums to the whole list without a filter, and honours the statuses asked for', async () => {
    const all = await groups(undefined, 0);
    expect(all.reduce((sum, g) => sum + g.count, 0)).toBe(await countOf(server.url, {}));
    const withCancelled = await groups({ statuses: ['CANCELLED', 'PUBLISHED'] }, 0);
    expect(withCancelled.reduce((sum, g) => sum + g.count, 0)).toBe(await countOf(server.url, {}) + 2);
    const workshops = (g: Group[]) => g.find((x) => x.category === 'WORKSHOP')!.count;
    expect(workshops(withCancelled)).toBe(workshops(all) + 1);
  });

  it('lists whole categories when asked for more than a page (eventsPerCategory: 500)', async () => {
    const res = await send(server.url, BY_CATEGORY, { n: 500 });
    expect(res.body.errors).toBeUndefined();
    for (const g of res.body.data.eventsByCategory as Group[]) expect(g.events).toHaveLength(g.count);
  });

  it('refuses eventsPerCategory: -1 with BAD_USER_INPUT', async () => {
    expectBadUserInput(await send(server.url, BY_CATEGORY, { n: -1 }), 'eventsPerCategory', 'eventsByCategory');
  });

  it('refuses eventsPerCategory: 1001 before execution: 11 × 1001 × the selection is over COST_LIMIT', async () => {
    const res = await send(server.url, BY_CATEGORY, { n: 1001 });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses a bad filter with BAD_USER_INPUT naming the field', async () => {
    expectBadUserInput(await send(server.url, BY_CATEGORY, { f: { region: 'DE9Z9' } }), 'filter.region', 'eventsByCategory');
    expectBadUserInput(await send(server.url, BY_CATEGORY, { f: { campaign: 'gibt-es-nicht' } }), 'filter.campaign', 'eventsByCategory');
  });

  it('refuses SUBMITTED events to the public with FORBIDDEN', async () => {
    const res = await send(server.url, BY_CATEGORY, { f: { statuses: ['SUBMITTED'] } });
    expect(res.status).toBe(200);
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
