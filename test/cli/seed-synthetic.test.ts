import { scratchPool } from '../helpers/test-database';
import { clusterwoche2017 } from '../../src/demo-data/clusterwoche-2017';
import { buildCli, countRows, rawQuery, runCli, type CliResult } from './cli';

const EVENT_ROWS = 'SELECT slug, title_de, starts_at, region_code, category, status FROM event ORDER BY id';
const SEED_7 = ['seed', '--synthetic', '--events', '300', '--seed', '7'];

describe('clustergraph seed --synthetic', () => {
  const pool = scratchPool();
  let first: string;
  let second: string;
  let firstRun: CliResult;
  let secondRun: CliResult;

  const scratch = pool.url;

  beforeAll(async () => {
    await buildCli();
    first = await scratch();
    second = await scratch();
    firstRun = await runCli(SEED_7, { DATABASE_URL: first });
    secondRun = await runCli(SEED_7, { DATABASE_URL: second });
  }, 400_000);

  afterAll(async () => {
    await pool.dropAll();
  });

  it('adds 300 events to the demo data on a fresh database and says so', async () => {
    expect(firstRun.stderr).toBe('');
    expect(firstRun.code).toBe(0);
    expect(firstRun.stdout).toMatch(/300/);
    expect(await countRows(first, 'event')).toBe(clusterwoche2017.events.length + 300);
    const demo = await rawQuery<{ n: number | string }>(first, "SELECT COUNT(*) AS n FROM event WHERE slug = 'hannover-messe-2017'");
    expect(Number(demo[0].n)).toBe(1);
  });

  it('gives identical event rows for the same seed on two fresh databases', async () => {
    expect(firstRun.code).toBe(0);
    expect(secondRun.code).toBe(0);
    const a = await rawQuery(first, EVENT_ROWS);
    const b = await rawQuery(second, EVENT_ROWS);
    expect(a).toHaveLength(clusterwoche2017.events.length + 300);
    expect(b).toEqual(a);
  });

  it('gives different events for a different seed', async () => {
    const other = await scratch();
    const r = await runCli(['seed', '--synthetic', '--events', '300', '--seed', '8'], { DATABASE_URL: other });
    expect(r.code).toBe(0);
    const seven = (await rawQuery<{ slug: string; title_de: string }>(first, EVENT_ROWS)).slice(clusterwoche2017.events.length);
    const eight = (await rawQuery<{ slug: string; title_de: string }>(other, EVENT_ROWS)).slice(clusterwoche2017.events.length);
    expect(eight).toHaveLength(300);
    expect(eight.map((e) => e.title_de)).not.toEqual(seven.map((e) => e.title_de));
    const slugsOf7 = new Set(seven.map((e) => e.slug));
    expect(eight.some((e) => slugsOf7.has(e.slug))).toBe(false);
  });

  it('refuses the same seed a second time on the same database with a clear message, a non-zero exit and nothing written', async () => {
    const before = await rawQuery(first, EVENT_ROWS);
    const organizersBefore = await countRows(first, 'organizer');

    const r = await runCli(SEED_7, { DATABASE_URL: first });
    expect(r.code).not.toBe(0);
    expect(r.code).not.toBeNull();
    expect(r.stderr).toMatch(/seed 7/);
    expect(r.stderr).toMatch(/already/i);
    expect(r.stderr).not.toMatch(/\n\s+at /);

    expect(await rawQuery(first, EVENT_ROWS)).toEqual(before);
    expect(await countRows(first, 'organizer')).toBe(organizersBefore);
  });

  it('adds another seed to a database that already holds one', async () => {
    const url = await scratch();
    expect((await runCli(SEED_7, { DATABASE_URL: url })).code).toBe(0);
    const r = await runCli(['seed', '--synthetic', '--events', '50', '--seed', '9'], { DATABASE_URL: url });
    expect(r.code).toBe(0);
    expect(await countRows(url, 'event')).toBe(clusterwoche2017.events.length + 300 + 50);
  });

  it.each([
    [['--events', '0']],
    [['--events', 'many']],
    [[]],
  ])('refuses seed --synthetic %j with exit code 2 and a message naming --events', async (extra) => {
    const url = await scratch();
    const r = await runCli(['seed', '--synthetic', ...extra], { DATABASE_URL: url });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--events/);
  });
});
