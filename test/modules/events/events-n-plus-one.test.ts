import { gql } from '../../helpers/gql';
import { pad, seed } from '../../helpers/seed-builder';
import { startTestServer, type TestServer } from '../../helpers/test-server';

let server: TestServer;

/** More statements than this for one request means something is loaded per row. */
const BOUND = 12;

const CATEGORIES = [
  'SEMINAR', 'CONFERENCE', 'WORKSHOP', 'EXHIBITION', 'TRADE_FAIR', 'COMPANY_VISIT',
  'OPEN_DAY', 'ANNUAL_MEETING', 'POLICY_DIALOGUE', 'NETWORKING', 'OTHER',
] as const;
const REGIONS = ['DE111', 'DE112', 'DE125', 'DE139', 'DE300', 'DE929', 'CH031', 'FRF11'];
const INITIATIVES = 60;
const NETWORKS = 6;
const EVENTS = 180;

/** Everything hanging off an event that a client might want at once. */
const NESTED_EVENT = `
  title
  organizers {
    name
    ... on Network { members { name } }
    ... on Initiative { networks { name } }
  }
  patrons { name ministry { name } }
  region { name parent { name } }
  campaign { name }
  venue { city }
`;

beforeAll(async () => {
  server = await startTestServer({
    demo: false,
    // The large pages here cost more than the contract's 50,000 on purpose: this file counts
    // statements, and test/server/limits/ tests the cost limit.
    env: { COST_LIMIT: '10000000' },
    prepare: async (db) => {
      const b = seed(db, 'last')
        .ministry('bund', { level: 'FEDERAL', shortName: 'BM' })
        .ministry('land', { level: 'STATE', shortName: 'LM' })
        // Patrons' ministries that organise nothing themselves: patron → ministry is its own batch.
        .ministry('schirm-bund', { level: 'FEDERAL' })
        .ministry('schirm-land', { level: 'STATE' })
        .patron('p-bund', { ministryKey: 'schirm-bund' })
        .patron('p-land', { ministryKey: 'schirm-land' })
        .patron('p-frei')
        .campaign('last-a', { patronKeys: ['p-bund'] })
        .campaign('last-b');
      for (let i = 0; i < INITIATIVES; i += 1) {
        b.initiative(`ini-${pad(i)}`, { name: { de: `Initiative ${pad(i)}` }, regionCode: REGIONS[i % REGIONS.length] });
      }
      for (let n = 0; n < NETWORKS; n += 1) {
        const members = Array.from({ length: INITIATIVES }, (_, i) => i).filter((i) => i % NETWORKS === n || i % 7 === n);
        b.network(`net-${n}`, {
          name: { de: `Netzwerk ${n}` }, memberKeys: members.map((i) => `ini-${pad(i)}`),
          partnerKeys: n > 0 ? [`net-${n - 1}`] : [],
        });
      }
      b.events(EVENTS, (i) => ({
        category: CATEGORIES[i % CATEGORIES.length],
        startsAt: `2020-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}T${pad(8 + (i % 10))}:00`,
        regionCode: REGIONS[i % REGIONS.length],
        venue: { city: `Ort ${i % 13}`, country: REGIONS[i % REGIONS.length].slice(0, 2) },
        organizerKeys: [`ini-${pad(i % INITIATIVES)}`, `net-${i % NETWORKS}`, i % 2 === 0 ? 'bund' : 'land'],
        // Every event has a patron holding office, whichever events a page starts with.
        patronKeys: i % 2 === 0 ? ['p-bund', 'p-frei'] : ['p-land'],
        campaignSlug: i % 5 === 4 ? undefined : i % 5 < 2 ? 'last-a' : 'last-b',
      }));
      await b.load();
    },
  });
});

afterAll(async () => {
  await server?.close();
});

/** The data and statement count of a query that must succeed. */
async function measured(query: string, variables: Record<string, unknown>): Promise<{ data: any; statements: number }> {
  const res = await gql(server.url, query, variables);
  expect(res.body.errors).toBeUndefined();
  expect(res.status).toBe(200);
  const statements = res.body.extensions?.stats?.sqlStatements;
  expect(typeof statements).toBe('number');
  return { data: res.body.data, statements: statements as number };
}

describe('the number of SQL statements of a request', () => {
  it('is the same for 5 and 100 events with organisers, members, networks, patrons, regions and campaigns', async () => {
    const query = `query($n: Int) { events(first: $n) { nodes { ${NESTED_EVENT} } } }`;
    const small = await measured(query, { n: 5 });
    const large = await measured(query, { n: 100 });
    expect(small.data.events.nodes).toHaveLength(5);
    expect(large.data.events.nodes).toHaveLength(100);
    const kinds = new Set(large.data.events.nodes.flatMap((e: any) => e.organizers.map((o: any) => ('members' in o ? 'N' : 'networks' in o ? 'I' : 'M'))));
    expect(kinds).toEqual(new Set(['N', 'I', 'M']));
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(BOUND);
  });

  it('is the same for eventsByCategory with 5 and 50 events per category', async () => {
    const query = `query($n: Int) { eventsByCategory(eventsPerCategory: $n) { category count events { ${NESTED_EVENT} } } }`;
    const small = await measured(query, { n: 5 });
    const large = await measured(query, { n: 50 });
    expect(small.data.eventsByCategory).toHaveLength(CATEGORIES.length);
    const listed = large.data.eventsByCategory.reduce((s: number, g: any) => s + g.events.length, 0);
    expect(listed).toBe(EVENTS);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(BOUND);
  });

  it('is the same for the events of 5 and of 50 initiatives', async () => {
    const query = `query($n: Int) { initiatives(first: $n) { nodes { name
      events(first: 5) { totalCount nodes { ${NESTED_EVENT} } } } } }`;
    const small = await measured(query, { n: 5 });
    const large = await measured(query, { n: 50 });
    expect(large.data.initiatives.nodes).toHaveLength(50);
    for (const i of large.data.initiatives.nodes) {
      expect(i.events.totalCount).toBe(EVENTS / INITIATIVES);
      expect(i.events.nodes).toHaveLength(EVENTS / INITIATIVES);
    }
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(BOUND);
  });

  it('is the same for 2 and 60 events under each campaign', async () => {
    const query = `query($n: Int) { campaigns { slug events(first: $n) { totalCount nodes { ${NESTED_EVENT} } } } }`;
    const small = await measured(query, { n: 2 });
    const large = await measured(query, { n: 60 });
    expect(large.data.campaigns.map((c: any) => c.events.nodes.length)).toEqual([60, 60]);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(BOUND);
  });
});
