import { startTestServer, type TestServer } from '../../helpers/test-server';
import { gql, gqlData } from '../../helpers/gql';

interface RegionRow {
  code: string;
  name: string;
  level: number;
  country: string;
  parent: { code: string } | null;
}

describe('regions', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  it('lists the three countries DE, CH and FR at level 0 when no parent is given', async () => {
    const { regions } = await gqlData<{ regions: RegionRow[] }>(server.url, '{ regions { code name level country parent { code } } }');
    expect(regions.map((r) => r.code).sort()).toEqual(['CH', 'DE', 'FR']);
    for (const r of regions) {
      expect(r).toMatchObject({ level: 0, country: r.code, parent: null });
      expect(r.name.length).toBeGreaterThan(0);
    }
    expect(regions.find((r) => r.code === 'DE')!.name).toBe('Deutschland');
  });

  it('lists the four Regierungsbezirke DE11 to DE14 as the children of Baden-Württemberg (DE1)', async () => {
    const { regions } = await gqlData<{ regions: RegionRow[] }>(server.url, '{ regions(parent: "DE1") { code name level country parent { code } } }');
    expect(regions.map((r) => r.code).sort()).toEqual(['DE11', 'DE12', 'DE13', 'DE14']);
    for (const r of regions) expect(r).toMatchObject({ level: 2, country: 'DE', parent: { code: 'DE1' } });
    expect(regions.find((r) => r.code === 'DE13')!.name).toBe('Freiburg');
  });

  it('lists the German states as the children of DE, with Baden-Württemberg among them at level 1', async () => {
    const { regions } = await gqlData<{ regions: RegionRow[] }>(server.url, '{ regions(parent: "DE") { code name level parent { code } } }');
    expect(regions.length).toBe(16);
    expect(regions.every((r) => r.level === 1 && r.parent?.code === 'DE')).toBe(true);
    expect(regions.find((r) => r.code === 'DE1')!.name).toBe('Baden-Württemberg');
  });

  it('gives no children for a region at the bottom of the tree', async () => {
    const { regions } = await gqlData<{ regions: RegionRow[] }>(server.url, '{ regions(parent: "DE139") { code } }');
    expect(regions).toEqual([]);
  });

  it('finds Lörrach (DE139) with its parent chain up to Germany and its siblings under DE13', async () => {
    const data = await gqlData<{ region: any }>(server.url, `{
      region(code: "DE139") {
        code name level country children { code }
        parent { code level children { code }
          parent { code level
            parent { code level parent { code } } } }
      }
    }`);
    expect(data.region).toMatchObject({
      code: 'DE139', name: 'Lörrach', level: 3, country: 'DE', children: [],
      parent: { code: 'DE13', level: 2, parent: { code: 'DE1', level: 1, parent: { code: 'DE', level: 0, parent: null } } },
    });
    const siblings: string[] = data.region.parent.children.map((c: { code: string }) => c.code);
    expect(siblings).toContain('DE139');
    expect(siblings.every((c) => c.startsWith('DE13') && c.length === 5)).toBe(true);
  });

  it('lists the children of a region inside region(code)', async () => {
    const data = await gqlData<{ region: { children: RegionRow[] } }>(server.url,
      '{ region(code: "DE1") { children { code level parent { code } } } }');
    expect(data.region.children.map((c) => c.code).sort()).toEqual(['DE11', 'DE12', 'DE13', 'DE14']);
  });

  it('names Basel-Stadt (CH031) "Bâle-Ville" in French and "Basel-Stadt" in German', async () => {
    const data = await gqlData<{ region: { fr: string; de: string; country: string; level: number } }>(server.url,
      '{ region(code: "CH031") { fr: name(lang: FR) de: name(lang: DE) country level } }');
    expect(data.region).toEqual({ fr: 'Bâle-Ville', de: 'Basel-Stadt', country: 'CH', level: 3 });
  });

  it('names a region in French when Accept-Language asks for it and no lang is given', async () => {
    const data = await gqlData<{ region: { name: string } }>(server.url,
      '{ region(code: "CH031") { name } }', undefined, { 'accept-language': 'fr-CH, fr;q=0.9' });
    expect(data.region.name).toBe('Bâle-Ville');
  });

  it('falls back to the German name where a region has no French one', async () => {
    const data = await gqlData<{ region: { fr: string; de: string } }>(server.url,
      '{ region(code: "DE139") { fr: name(lang: FR) de: name(lang: DE) } }');
    expect(data.region).toEqual({ fr: 'Lörrach', de: 'Lörrach' });
  });

  it('gives the country and NUTS-1 parent of a French region', async () => {
    const data = await gqlData<{ region: RegionRow & { parent: { code: string; parent: { code: string; parent: { code: string } } } } }>(server.url,
      '{ region(code: "FRF12") { code country level parent { code parent { code parent { code } } } } }');
    expect(data.region).toMatchObject({ country: 'FR', level: 3, parent: { code: 'FRF1', parent: { code: 'FRF', parent: { code: 'FR' } } } });
  });

  it('answers null, without an error, for a code that is no region', async () => {
    const r = await gql(server.url, '{ region(code: "XX999") { code } }');
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data).toEqual({ region: null });
  });
});
