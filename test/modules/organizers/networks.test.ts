import { startTestServer, type TestServer } from '../../helpers/test-server';
import { gql, gqlData } from '../../helpers/gql';
import { clusterwoche2017 } from '../../../src/demo-data/clusterwoche-2017';
import type { DemoOrganizer } from '../../../src/demo-data/demo-world';

const demoNetworks = clusterwoche2017.organizers.filter((o) => o.kind === 'NETWORK');
const byKey = (key: string): DemoOrganizer => clusterwoche2017.organizers.find((o) => o.key === key)!;
const germanNames = (list: { name: { de: string } }[]) => list.map((o) => o.name.de).sort();

/** Partners are symmetric: a pair is listed once in the demo data, under either network. */
function demoPartnersOf(key: string): DemoOrganizer[] {
  return demoNetworks.filter((n) => n.key !== key && (n.partnerKeys?.includes(key) || byKey(key).partnerKeys?.includes(n.key)));
}

interface NetworkRow {
  __typename: string;
  id: string;
  name: string;
  scope: string;
  countries: string[];
  website: string | null;
  region: { code: string } | null;
  members: { __typename: string; id: string; name: string }[];
  partners: { __typename: string; id: string; name: string }[];
  contacts: { name: string; role: string | null; roleFr: string | null; email: string | null }[];
}

const NETWORKS = `query ($region: String, $scope: NetworkScope, $first: Int, $after: String) {
  networks(region: $region, scope: $scope, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      __typename id name scope countries website region { code }
      members { __typename id name }
      partners { __typename id name }
      contacts { name role roleFr: role(lang: FR) email }
    }
  }
}`;

describe('networks', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  async function networks(vars: Record<string, unknown> = {}) {
    return (await gqlData<{ networks: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: NetworkRow[] } }>(
      server.url, NETWORKS, { first: 100, ...vars })).networks;
  }

  const find = (rows: NetworkRow[], key: string) => rows.find((r) => r.name === byKey(key).name.de)!;

  it('lists every network of the demo data exactly once', async () => {
    const all = await networks();
    expect(all.totalCount).toBe(demoNetworks.length);
    expect([...all.nodes.map((n) => n.name)].sort()).toEqual(germanNames(demoNetworks));
    expect(new Set(all.nodes.map((n) => n.id)).size).toBe(demoNetworks.length);
    expect(all.nodes.every((n) => n.__typename === 'Network')).toBe(true);
  });

  it('pages through the networks two at a time, each exactly once, with a stable totalCount', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const p = await networks({ first: 2, after });
      expect(p.totalCount).toBe(demoNetworks.length);
      seen.push(...p.nodes.map((n) => n.id));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(seen.length).toBe(demoNetworks.length);
    expect(new Set(seen).size).toBe(demoNetworks.length);
  });

  it('keeps only the cross-border network for scope CROSS_BORDER', async () => {
    const p = await networks({ scope: 'CROSS_BORDER' });
    expect(p.nodes.map((n) => n.name)).toEqual([byKey('connect-dreilaendereck').name.de]);
    expect(p.totalCount).toBe(1);
    expect(p.nodes[0].scope).toBe('CROSS_BORDER');
  });

  it('keeps only the state-wide networks for scope STATEWIDE', async () => {
    const p = await networks({ scope: 'STATEWIDE' });
    const expected = demoNetworks.filter((n) => n.scope === 'STATEWIDE');
    expect(expected.length).toBe(3);
    expect([...p.nodes.map((n) => n.name)].sort()).toEqual(germanNames(expected));
    expect(p.totalCount).toBe(3);
    expect(p.nodes.every((n) => n.scope === 'STATEWIDE')).toBe(true);
  });

  it('finds nothing for a scope no network has', async () => {
    const p = await networks({ scope: 'NATIONAL' });
    expect(p).toMatchObject({ totalCount: 0, nodes: [] });
  });

  it('keeps the networks seated in a region or below it', async () => {
    const ch = await networks({ region: 'CH' });
    expect(ch.nodes.map((n) => n.name)).toEqual([byKey('it-netzwerk-nordwestschweiz').name.de]);
    const fr = await networks({ region: 'FRF' });
    expect(fr.nodes.map((n) => n.name)).toEqual([byKey('reseau-numerique-alsace-sud').name.de]);
    const de13 = await networks({ region: 'DE13' });
    expect(de13.nodes.map((n) => n.name)).toEqual([byKey('connect-dreilaendereck').name.de]);
    const de1 = await networks({ region: 'DE1' });
    expect([...de1.nodes.map((n) => n.name)].sort())
      .toEqual(germanNames(demoNetworks.filter((n) => n.regionCode!.startsWith('DE1'))));
  });

  it('combines region and scope', async () => {
    const stateWideInDe1 = await networks({ region: 'DE1', scope: 'STATEWIDE' });
    expect(stateWideInDe1.totalCount).toBe(3);
    const regionalInDe1 = await networks({ region: 'DE1', scope: 'REGIONAL' });
    expect(regionalInDe1).toMatchObject({ totalCount: 0, nodes: [] });
    const crossBorderInCh = await networks({ region: 'CH', scope: 'CROSS_BORDER' });
    expect(crossBorderInCh.totalCount).toBe(0);
  });

  it('gives each network its countries, seat and website', async () => {
    const all = await networks();
    for (const demo of demoNetworks) {
      expect(find(all.nodes, demo.key)).toMatchObject({
        scope: demo.scope,
        countries: demo.countries,
        region: { code: demo.regionCode },
        website: demo.website ?? null,
      });
    }
    expect([...find(all.nodes, 'connect-dreilaendereck').countries].sort()).toEqual(['CH', 'DE', 'FR']);
  });

  it('lists the member initiatives of each network', async () => {
    const all = await networks();
    for (const demo of demoNetworks) {
      const members = (demo.memberKeys ?? []).map(byKey);
      const got = find(all.nodes, demo.key);
      expect([...got.members.map((m) => m.name)].sort()).toEqual(germanNames(members));
      expect(got.members.every((m) => m.__typename === 'Initiative')).toBe(true);
    }
    expect(find(all.nodes, 'leichtbau-bw').members).toHaveLength(4);
  });

  it('lists partners in both directions: the Swiss and the Alsatian partner name connect Dreiländereck back', async () => {
    const all = await networks();
    const connect = find(all.nodes, 'connect-dreilaendereck');
    const swiss = find(all.nodes, 'it-netzwerk-nordwestschweiz');
    const alsace = find(all.nodes, 'reseau-numerique-alsace-sud');

    expect(connect.partners.map((p) => p.id).sort()).toEqual([swiss.id, alsace.id].sort());
    expect(swiss.partners.map((p) => p.id)).toEqual([connect.id]);
    expect(alsace.partners.map((p) => p.id)).toEqual([connect.id]);
    expect(swiss.partners[0].__typename).toBe('Network');
  });

  it('gives every network exactly the partners the demo data pairs it with, and none twice', async () => {
    const all = await networks();
    for (const demo of demoNetworks) {
      const got = find(all.nodes, demo.key);
      expect([...got.partners.map((p) => p.name)].sort()).toEqual(germanNames(demoPartnersOf(demo.key)));
      expect(got.partners.map((p) => p.id)).not.toContain(got.id);
    }
  });

  it('lists contacts with their role, in French when asked', async () => {
    const all = await networks();
    for (const demo of demoNetworks) {
      const got = find(all.nodes, demo.key);
      expect(got.contacts).toEqual((demo.contacts ?? []).map((c) => ({
        name: c.name, role: c.role?.de ?? null, roleFr: c.role?.fr ?? c.role?.de ?? null, email: c.email ?? null,
      })));
    }
    expect(find(all.nodes, 'connect-dreilaendereck').contacts).toEqual([
      { name: 'Gudrun Gempp', role: 'Netzwerkmanagement', roleFr: 'Gestion du réseau', email: null },
    ]);
  });

  it('refuses a scope that is not a NetworkScope before executing anything', async () => {
    const r = await gql(server.url, '{ networks(scope: GLOBAL) { totalCount } }');
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a page size above 100 with BAD_USER_INPUT', async () => {
    const r = await gql(server.url, '{ networks(first: 101) { totalCount } }');
    expect(r.status).toBe(200);
    expect(r.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
