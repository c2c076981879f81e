import { startTestServer, type TestServer } from '../../helpers/test-server';
import { gql, gqlData } from '../../helpers/gql';
import { clusterwoche2017 } from '../../../src/demo-data/clusterwoche-2017';

const demoMinistries = clusterwoche2017.organizers.filter((o) => o.kind === 'MINISTRY');
const ministryNamed = (key: string) => demoMinistries.find((m) => m.key === key)!;

interface MinistryRow {
  __typename: string;
  id: string;
  name: string;
  shortName: string | null;
  level: string;
  website: string | null;
  region: { code: string } | null;
  patrons: { id: string; name: string }[];
}

const MINISTRIES = `query ($level: GovernmentLevel) {
  ministries(level: $level) {
    __typename id name shortName level website region { code }
    patrons { id name }
  }
}`;

describe('ministries', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  it('lists every ministry of the demo data exactly once, ordered by name', async () => {
    const { ministries } = await gqlData<{ ministries: MinistryRow[] }>(server.url, MINISTRIES);
    expect(ministries.map((m) => m.shortName).sort()).toEqual(demoMinistries.map((m) => m.shortName).sort());
    expect(new Set(ministries.map((m) => m.id)).size).toBe(ministries.length);
    expect(ministries.every((m) => m.__typename === 'Ministry')).toBe(true);
    const names = ministries.map((m) => m.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'de')));
  });

  it('gives each ministry its name, abbreviation, level, website and seat', async () => {
    const { ministries } = await gqlData<{ ministries: MinistryRow[] }>(server.url, MINISTRIES);
    for (const demo of demoMinistries) {
      const m = ministries.find((x) => x.shortName === demo.shortName);
      expect(m).toMatchObject({
        name: demo.name.de,
        level: demo.level,
        website: demo.website ?? null,
        region: { code: demo.regionCode },
      });
    }
  });

  it('keeps only federal ministries when asked for level FEDERAL', async () => {
    const { ministries } = await gqlData<{ ministries: MinistryRow[] }>(server.url, MINISTRIES, { level: 'FEDERAL' });
    const expected = demoMinistries.filter((m) => m.level === 'FEDERAL').map((m) => m.shortName).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(ministries.map((m) => m.shortName).sort()).toEqual(expected);
    expect(ministries.every((m) => m.level === 'FEDERAL')).toBe(true);
  });

  it('keeps only state ministries when asked for level STATE', async () => {
    const { ministries } = await gqlData<{ ministries: MinistryRow[] }>(server.url, MINISTRIES, { level: 'STATE' });
    expect(ministries.map((m) => m.shortName)).toEqual(['WM BW']);
    expect(ministries[0].level).toBe('STATE');
    expect(ministries[0].name).toBe(ministryNamed('wm-bw').name.de);
  });

  it('refuses a level that is not a GovernmentLevel before executing anything', async () => {
    const r = await gql(server.url, '{ ministries(level: LOCAL) { id } }');
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('names the patrons who hold office in each ministry', async () => {
    const { ministries } = await gqlData<{ ministries: MinistryRow[] }>(server.url, MINISTRIES);
    for (const demo of demoMinistries) {
      const m = ministries.find((x) => x.shortName === demo.shortName)!;
      const expected = clusterwoche2017.patrons.filter((p) => p.ministryKey === demo.key).map((p) => p.name).sort();
      expect(m.patrons.map((p) => p.name).sort()).toEqual(expected);
    }
    const bmwi = ministries.find((m) => m.shortName === 'BMWi')!;
    expect(bmwi.patrons.map((p) => p.name)).toEqual(['Brigitte Zypries']);
    expect(ministries.find((m) => m.shortName === 'WM BW')!.patrons).toEqual([]);
  });

  it('links a patron back to the same ministry it is listed under', async () => {
    const { ministries } = await gqlData<{ ministries: MinistryRow[] }>(server.url, MINISTRIES);
    const bmbf = ministries.find((m) => m.shortName === 'BMBF')!;
    const patronId = bmbf.patrons[0].id;
    const data = await gqlData<{ node: { name: string; ministry: { id: string; shortName: string } } }>(
      server.url,
      'query ($id: ID!) { node(id: $id) { ... on Patron { name ministry { id shortName } } } }',
      { id: patronId },
    );
    expect(data.node).toEqual({ name: 'Johanna Wanka', ministry: { id: bmbf.id, shortName: 'BMBF' } });
  });
});
