import { scratchPool } from '../helpers/test-database';
import { clusterwoche2017 } from '../../src/demo-data/clusterwoche-2017';
import { MIGRATIONS } from '../../src/db/migrations';
import { buildCli, countRows, rawQuery, runCli, tableNames } from './cli';

/** Row counts that show whether the demo world is there, and only once. */
async function demoCounts(url: string) {
  return {
    events: await countRows(url, 'event'),
    organizers: await countRows(url, 'organizer'),
    patrons: await countRows(url, 'patron'),
    campaigns: await countRows(url, 'campaign'),
    contacts: await countRows(url, 'contact'),
  };
}

const DEMO = {
  events: clusterwoche2017.events.length,
  organizers: clusterwoche2017.organizers.length,
  patrons: clusterwoche2017.patrons.length,
  campaigns: clusterwoche2017.campaigns.length,
  contacts: clusterwoche2017.organizers.reduce((n, o) => n + (o.contacts?.length ?? 0), 0),
};

describe('clustergraph migrate and seed', () => {
  const pool = scratchPool();
  const scratch = pool.url;

  beforeAll(async () => {
    await buildCli();
  }, 200_000);

  afterAll(async () => {
    await pool.dropAll();
  });

  it('creates the schema on an empty database, records every migration and loads the demo data once', async () => {
    const url = await scratch();
    expect(await tableNames(url)).not.toContain('event');

    const r = await runCli(['migrate'], { DATABASE_URL: url });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);

    expect(await tableNames(url)).toEqual(expect.arrayContaining(['event', 'organizer', 'patron', 'campaign', 'region', 'app_meta']));
    expect(await countRows(url, 'typeorm_migrations')).toBe(MIGRATIONS.length);
    expect(await demoCounts(url)).toEqual(DEMO);
    expect(await countRows(url, 'region')).toBeGreaterThan(100);
    const marker = await rawQuery<{ value: string }>(url, "SELECT value FROM app_meta WHERE key = 'demo_seeded_at'");
    expect(marker).toHaveLength(1);
  });

  it('changes nothing when migrate runs a second time on the same database', async () => {
    const url = await scratch();
    expect((await runCli(['migrate'], { DATABASE_URL: url })).code).toBe(0);
    const before = await demoCounts(url);
    const [markerBefore] = await rawQuery<{ value: string }>(url, "SELECT value FROM app_meta WHERE key = 'demo_seeded_at'");

    const again = await runCli(['migrate'], { DATABASE_URL: url });
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);

    expect(await demoCounts(url)).toEqual(before);
    expect(before).toEqual(DEMO);
    expect(await countRows(url, 'typeorm_migrations')).toBe(MIGRATIONS.length);
    const [markerAfter] = await rawQuery<{ value: string }>(url, "SELECT value FROM app_meta WHERE key = 'demo_seeded_at'");
    expect(markerAfter.value).toBe(markerBefore.value);
    const slugs = await rawQuery<{ slug: string; n: number | string }>(url, 'SELECT slug, COUNT(*) AS n FROM event GROUP BY slug HAVING COUNT(*) > 1');
    expect(slugs).toEqual([]);
  });

  it('loads the demo data with seed on an empty database, and adds nothing when seed runs again', async () => {
    const url = await scratch();
    const first = await runCli(['seed'], { DATABASE_URL: url });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(await demoCounts(url)).toEqual(DEMO);

    const second = await runCli(['seed'], { DATABASE_URL: url });
    expect(second.code).toBe(0);
    expect(await demoCounts(url)).toEqual(DEMO);
  });

  it('does not reload the demo data with migrate after seed has loaded it', async () => {
    const url = await scratch();
    expect((await runCli(['seed'], { DATABASE_URL: url })).code).toBe(0);
    expect((await runCli(['migrate'], { DATABASE_URL: url })).code).toBe(0);
    expect(await demoCounts(url)).toEqual(DEMO);
  });
});
