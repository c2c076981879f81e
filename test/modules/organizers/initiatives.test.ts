import { startTestServer, type TestServer } from '../../helpers/test-server';
import { gql, gqlData } from '../../helpers/gql';
import { clusterwoche2017 } from '../../../src/demo-data/clusterwoche-2017';
import { foldText } from '../../../src/shared/text-fold';

const demoInitiatives = clusterwoche2017.organizers.filter((o) => o.kind === 'INITIATIVE');
const demoNetworks = clusterwoche2017.organizers.filter((o) => o.kind === 'NETWORK');
const germanNames = (list: { name: { de: string } }[]) => list.map((o) => o.name.de).sort();

interface Page {
  initiatives: {
    totalCount: number;
    edges: { cursor: string; node: { id: string; name: string } }[];
    nodes: { id: string; name: string }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
}

const PAGE = `query ($region: String, $text: String, $first: Int, $after: String) {
  initiatives(region: $region, text: $text, first: $first, after: $after) {
    totalCount
    edges { cursor node { id name } }
    nodes { id name }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

describe('initiatives', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  async function page(vars: Record<string, unknown>): Promise<Page['initiatives']> {
    return (await gqlData<Page>(server.url, PAGE, vars)).initiatives;
  }

  /** Follows endCursor until hasNextPage is false; returns every page. */
  async function allPages(vars: Record<string, unknown>): Promise<Page['initiatives'][]> {
    const pages: Page['initiatives'][] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const p = await page({ ...vars, after });
      pages.push(p);
      if (!p.pageInfo.hasNextPage) return pages;
      after = p.pageInfo.endCursor;
    }
    throw new Error('paging did not end after 50 pages');
  }

  it('pages through every initiative three at a time, each exactly once, with a stable totalCount', async () => {
    const pages = await allPages({ first: 3 });
    const names = pages.flatMap((p) => p.nodes.map((n) => n.name));
    const ids = pages.flatMap((p) => p.nodes.map((n) => n.id));

    expect(pages.length).toBe(Math.ceil(demoInitiatives.length / 3));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...names].sort()).toEqual(germanNames(demoInitiatives));
    for (const p of pages) {
      expect(p.totalCount).toBe(demoInitiatives.length);
      expect(p.nodes.length).toBeLessThanOrEqual(3);
    }
    expect(pages.slice(0, -1).every((p) => p.nodes.length === 3 && p.pageInfo.hasNextPage)).toBe(true);
    expect(pages[pages.length - 1].pageInfo.hasNextPage).toBe(false);
  });

  it('orders the list by name and gives edges the same items as nodes, with cursors that match pageInfo', async () => {
    const pages = await allPages({ first: 3 });
    const names = pages.flatMap((p) => p.nodes.map((n) => n.name));
    const keys = names.map(foldText);
    expect(keys).toEqual([...keys].sort());
    pages.forEach((p, i) => {
      expect(p.edges.map((e) => e.node)).toEqual(p.nodes);
      expect(p.pageInfo.startCursor).toBe(p.edges[0].cursor);
      expect(p.pageInfo.endCursor).toBe(p.edges[p.edges.length - 1].cursor);
      expect(p.pageInfo.hasPreviousPage).toBe(i > 0);
    });
  });

  it('continues right behind any edge cursor, not only behind endCursor', async () => {
    const all = await page({ first: 100 });
    const third = all.edges[2];
    const rest = await page({ first: 100, after: third.cursor });
    expect(rest.nodes).toEqual(all.nodes.slice(3));
    expect(rest.totalCount).toBe(all.totalCount);
  });

  it('gives an empty page with null cursors for first: 0, and still counts every match', async () => {
    const p = await page({ first: 0 });
    expect(p.nodes).toEqual([]);
    expect(p.totalCount).toBe(demoInitiatives.length);
    expect(p.pageInfo).toMatchObject({ startCursor: null, endCursor: null, hasNextPage: true });
  });

  it('keeps to one NUTS-2 region for region "DE13" and takes all of Baden-Württemberg for "DE1"', async () => {
    const de13 = await page({ region: 'DE13', first: 100 });
    const expected13 = demoInitiatives.filter((o) => o.regionCode!.startsWith('DE13'));
    expect(expected13.length).toBeGreaterThan(0);
    expect([...de13.nodes.map((n) => n.name)].sort()).toEqual(germanNames(expected13));
    expect(de13.totalCount).toBe(expected13.length);

    const de1 = await page({ region: 'DE1', first: 100 });
    const expected1 = demoInitiatives.filter((o) => o.regionCode!.startsWith('DE1'));
    expect(de1.totalCount).toBe(expected1.length);
    expect(de1.totalCount).toBeGreaterThan(de13.totalCount);
    expect([...de1.nodes.map((n) => n.name)].sort()).toEqual(germanNames(expected1));
  });

  it('matches the region by its code prefix only, so "DE13" does not take the Stuttgart region DE11', async () => {
    const de13 = await page({ region: 'DE13', first: 100 });
    const regions = await gqlData<{ initiatives: { nodes: { region: { code: string } }[] } }>(
      server.url, '{ initiatives(region: "DE13", first: 100) { nodes { region { code } } } }');
    expect(regions.initiatives.nodes.every((n) => n.region.code.startsWith('DE13'))).toBe(true);
    expect(de13.nodes.map((n) => n.name)).not.toContain('ClusterAgentur Baden-Württemberg');
  });

  it('finds nothing in a region without initiatives', async () => {
    const ch = await page({ region: 'CH', first: 100 });
    expect(ch).toMatchObject({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false } });
  });

  it('finds an initiative by part of its name, ignoring case', async () => {
    const medtech = await page({ text: 'medtech', first: 100 });
    expect(medtech.nodes.map((n) => n.name)).toEqual(['MedTech-Cluster Tuttlingen']);
    expect(medtech.totalCount).toBe(1);
    const upper = await page({ text: 'MEDTECH', first: 100 });
    expect(upper.nodes).toEqual(medtech.nodes);
  });

  it.each(['boeblingen', 'Böblingen', 'BÖBLINGEN', 'bOEBLINGEN'])(
    'finds "Automotive-Zuliefercluster Böblingen" when searching for "%s"',
    async (text) => {
      const p = await page({ text, first: 100 });
      expect(p.nodes.map((n) => n.name)).toEqual(['Automotive-Zuliefercluster Böblingen']);
      expect(p.totalCount).toBe(1);
    },
  );

  it('finds both Württemberg initiatives when searching for "wuerttemberg"', async () => {
    const p = await page({ text: 'wuerttemberg', first: 100 });
    const expected = demoInitiatives.filter((o) => /württemberg/i.test(o.name.de));
    expect(expected.length).toBeGreaterThan(1);
    expect([...p.nodes.map((n) => n.name)].sort()).toEqual(germanNames(expected));
  });

  it('combines text and region, and pages the combined result', async () => {
    const expected = demoInitiatives.filter((o) => o.regionCode!.startsWith('DE14') && /cluster/i.test(o.name.de));
    expect(expected.length).toBeGreaterThan(1);
    const pages = await allPages({ region: 'DE14', text: 'cluster', first: 1 });
    expect(pages.every((p) => p.totalCount === expected.length)).toBe(true);
    expect(pages.flatMap((p) => p.nodes.map((n) => n.name)).sort()).toEqual(germanNames(expected));
  });

  it('finds nothing for a text no name contains', async () => {
    const p = await page({ text: 'zzzz-no-such-cluster', first: 100 });
    expect(p).toMatchObject({ totalCount: 0, nodes: [] });
  });

  it('lists the networks an initiative is a member of', async () => {
    const data = await gqlData<{ initiatives: { nodes: { name: string; networks: { __typename: string; name: string; scope: string }[] }[] } }>(
      server.url,
      '{ initiatives(first: 100) { nodes { name networks { __typename name scope } } } }',
    );
    for (const demo of demoInitiatives) {
      const got = data.initiatives.nodes.find((n) => n.name === demo.name.de)!;
      const expected = demoNetworks.filter((n) => n.memberKeys?.includes(demo.key));
      expect([...got.networks.map((n) => n.name)].sort()).toEqual(germanNames(expected));
      expect(got.networks.every((n) => n.__typename === 'Network')).toBe(true);
    }
    const boeblingen = data.initiatives.nodes.find((n) => n.name === 'Automotive-Zuliefercluster Böblingen')!;
    expect(boeblingen.networks.map((n) => n.name).sort()).toEqual(['Leichtbau BW', 'Netzwerk Smart Production', 'e-mobil BW'].sort());
  });

  it('lists contacts with their role in the language asked for, and German without one', async () => {
    const data = await gqlData<{ initiatives: { nodes: { name: string; contacts: { name: string; role: string | null; roleFr: string | null; roleEn: string | null; email: string | null; phone: string | null }[] }[] } }>(
      server.url,
      `{ initiatives(first: 100) { nodes { name contacts {
          name role roleFr: role(lang: FR) roleEn: role(lang: EN) email phone } } } }`,
    );
    for (const demo of demoInitiatives) {
      const got = data.initiatives.nodes.find((n) => n.name === demo.name.de)!;
      expect(got.contacts).toEqual((demo.contacts ?? []).map((c) => ({
        name: c.name,
        role: c.role?.de ?? null,
        roleFr: c.role?.fr ?? c.role?.de ?? null,
        roleEn: c.role?.en ?? c.role?.de ?? null,
        email: c.email ?? null,
        phone: c.phone ?? null,
      })));
    }
    const agentur = data.initiatives.nodes.find((n) => n.name === 'ClusterAgentur Baden-Württemberg')!;
    expect(agentur.contacts[0]).toMatchObject({ name: 'Bernhard Grieb', role: 'Ansprechpartner', roleFr: 'Interlocuteur', phone: '+497111233030' });
  });

  it('gives an initiative its topics, website and seat', async () => {
    const data = await gqlData<{ initiatives: { nodes: { name: string; topics: string[]; website: string | null; region: { code: string } }[] } }>(
      server.url, '{ initiatives(text: "medtech") { nodes { name topics website region { code } } } }');
    const demo = demoInitiatives.find((o) => o.key === 'medtech-tuttlingen')!;
    expect(data.initiatives.nodes[0]).toEqual({
      name: demo.name.de, topics: demo.topics, website: demo.website, region: { code: demo.regionCode },
    });
  });

  it('refuses a page size above 100 with BAD_USER_INPUT naming first', async () => {
    const r = await gql(server.url, PAGE, { first: 101 });
    expect(r.status).toBe(200);
    expect(r.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('refuses a negative page size with BAD_USER_INPUT', async () => {
    const r = await gql(server.url, PAGE, { first: -1 });
    expect(r.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a cursor that is not one of ours with BAD_USER_INPUT naming after', async () => {
    const r = await gql(server.url, PAGE, { first: 3, after: 'not-a-cursor' });
    expect(r.status).toBe(200);
    expect(r.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('refuses a cursor of the network list as a cursor of the initiative list', async () => {
    const networks = await gqlData<{ networks: { pageInfo: { endCursor: string } } }>(
      server.url, '{ networks(first: 1) { pageInfo { endCursor } } }');
    const r = await gql(server.url, PAGE, { first: 3, after: networks.networks.pageInfo.endCursor });
    expect(r.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a region that is not a NUTS code with BAD_USER_INPUT', async () => {
    const r = await gql(server.url, PAGE, { region: "DE1' OR 1=1 --", first: 3 });
    expect(r.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'region' });
  });
});
