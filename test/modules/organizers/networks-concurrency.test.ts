import { Role } from '../../../src/shared/viewer';
import { toGlobalId } from '../../../src/shared/global-id';
import { authHeaders, createKey } from '../../helpers/api-keys';
import { gql, gqlData, type GqlResponse } from '../../helpers/gql';
import { seed } from '../../helpers/seed-builder';
import { startTestServer, type TestServer } from '../../helpers/test-server';

const PAIRS = 40;
const UPDATE = 'mutation ($id: ID!, $patch: NetworkPatch!) { updateNetwork(id: $id, patch: $patch) { id partners { id } } }';
const PARTNERS = 'query ($id: ID!) { node(id: $id) { ... on Network { partners { id } } } }';

let server: TestServer;
let admin: Record<string, string>;
const a: string[] = [];
const b: string[] = [];

beforeAll(async () => {
  server = await startTestServer({
    demo: false,
    prepare: async (db) => {
      const builder = seed(db, 'pairs');
      for (let i = 0; i < PAIRS; i += 1) builder.network(`a${i}`).network(`b${i}`);
      await builder.load();
    },
  });
  admin = authHeaders(await createKey(server.db, Role.ADMIN, { name: 'Clusterreferat Admin' }));
  for (let i = 0; i < PAIRS; i += 1) {
    for (const [side, list] of [['a', a], ['b', b]] as const) {
      const [row] = await server.db.query<{ id: number }>('SELECT id FROM organizer WHERE name_de = ?', [`Organisation ${side}${i}`]);
      list.push(toGlobalId('Network', Number(row.id)));
    }
  }
  // Each a(i) starts as the partner of the next pair's b, so every update below also drops a partnership another one touches.
  for (let i = 0; i < PAIRS; i += 1) await gqlData(server.url, UPDATE, { id: a[i], patch: { partnerIds: [b[(i + 1) % PAIRS]] } }, admin);
});

afterAll(async () => {
  await server?.close();
});

const ids = (list: { id: string }[]) => list.map((n) => n.id);

describe('updateNetwork at the same time from both sides of a partnership', () => {
  it('never fails, however the updates cross, and leaves every pair partnered exactly once', async () => {
    const calls: Promise<GqlResponse>[] = [];
    for (let i = 0; i < PAIRS; i += 1) {
      calls.push(gql(server.url, UPDATE, { id: a[i], patch: { partnerIds: [b[i]] } }, admin));
      calls.push(gql(server.url, UPDATE, { id: b[i], patch: { partnerIds: [a[i]] } }, admin));
    }
    const answers = await Promise.all(calls);
    const failures = answers.filter((r) => r.status !== 200 || r.body.errors).map((r) => r.body.errors);
    expect(failures).toEqual([]);

    for (let i = 0; i < PAIRS; i += 1) {
      expect(ids((await gqlData(server.url, PARTNERS, { id: a[i] })).node.partners)).toEqual([b[i]]);
      expect(ids((await gqlData(server.url, PARTNERS, { id: b[i] })).node.partners)).toEqual([a[i]]);
    }
    const [links] = await server.db.query<{ n: number }>('SELECT COUNT(*) AS n FROM network_partner');
    expect(Number(links.n)).toBe(PAIRS);
  });
});
