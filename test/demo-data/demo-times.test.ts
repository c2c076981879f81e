import { Role } from '../../src/shared/viewer';
import { clusterwoche2017 } from '../../src/demo-data/clusterwoche-2017';
import { authHeaders, createKey } from '../helpers/api-keys';
import { gqlData } from '../helpers/gql';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { ALL_STATUSES, allTexts, type TextsRow } from './demo-kit';

// The first incremental pull a newcomer tries is `updatedSince` at some instant of the demo
// data: it must split the demo events, which needs distinct change times.
let server: TestServer;
let admin: Record<string, string>;
let demo: TextsRow[];

/** The demo events a public pull may see. */
const PUBLIC = new Set(clusterwoche2017.events.filter((e) => e.status === 'PUBLISHED' || e.status === 'CANCELLED').map((e) => e.slug));

beforeAll(async () => {
  server = await startTestServer();
  admin = authHeaders(await createKey(server.db, Role.ADMIN, { name: 'Abgleich' }));
  demo = await allTexts(server.url, { statuses: ALL_STATUSES }, admin);
});

afterAll(async () => {
  await server?.close();
});

const ms = (instant: string) => Date.parse(instant);

async function pulledSince(since: string, headers: Record<string, string> = {}): Promise<{ slug: string; updatedAt: string }[]> {
  const data = await gqlData<{ events: { nodes: { slug: string; updatedAt: string }[] } }>(server.url, `query ($since: DateTime) {
    events(filter: { updatedSince: $since, statuses: [PUBLISHED, CANCELLED] }, orderBy: UPDATED_DESC, first: 100) {
      nodes { slug updatedAt }
    }
  }`, { since }, headers);
  return data.events.nodes;
}

describe('the change times of the demo events', () => {
  it('gives every demo event its own updatedAt, in 2017 and never before its createdAt', () => {
    expect(demo).toHaveLength(clusterwoche2017.events.length);
    expect(new Set(demo.map((e) => e.updatedAt)).size).toBe(demo.length);
    expect(demo.every((e) => e.createdAt.startsWith('2017-') && e.updatedAt.startsWith('2017-'))).toBe(true);
    expect(demo.filter((e) => ms(e.updatedAt) < ms(e.createdAt))).toEqual([]);
    // Entered before the campaign week, some changed later: not all on one instant.
    expect(demo.filter((e) => e.updatedAt !== e.createdAt).length).toBeGreaterThan(0);
  });

  it('takes the times from the demo data, the same on every load, not the load time', async () => {
    const messe = demo.find((e) => e.slug === 'hannover-messe-2017')!;
    expect([messe.createdAt, messe.updatedAt]).toEqual(['2017-02-13T10:47:00Z', '2017-04-10T15:02:00Z']);
  });

  it('answers an updatedSince pull at a middle instant with exactly the events changed since, a strict subset', async () => {
    const visible = demo.filter((e) => PUBLIC.has(e.slug));
    const times = visible.map((e) => ms(e.updatedAt)).sort((a, b) => a - b);
    const middle = new Date(times[Math.floor(times.length / 2)]).toISOString();
    const pulled = await pulledSince(middle);
    const expected = visible.filter((e) => ms(e.updatedAt) >= ms(middle)).map((e) => e.slug).sort();
    expect(pulled.map((e) => e.slug).sort()).toEqual(expected);
    expect(pulled.length).toBeGreaterThan(0);
    expect(pulled.length).toBeLessThan(visible.length);

    // The next pull from the newest instant seen brings back only that event, not everything again.
    const again = await pulledSince(pulled[0].updatedAt);
    expect(again.map((e) => e.slug)).toEqual([pulled[0].slug]);
  });
});
