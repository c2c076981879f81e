import { createScratchDatabase, type ScratchDatabase } from '../helpers/test-database';
import { buildCli, runCli, tableNames, type CliResult } from './cli';

/** A message a person reads at once: no blank line inside, no stack trace. */
function expectOneParagraph(text: string): void {
  const trimmed = text.trim();
  expect(trimmed.length).toBeGreaterThan(0);
  expect(trimmed).not.toMatch(/\n\s*\n/);
  expect(trimmed).not.toMatch(/\n\s+at /);
}

describe('clustergraph usage and configuration errors', () => {
  let scratch: ScratchDatabase;

  beforeAll(async () => {
    await buildCli();
    scratch = await createScratchDatabase();
  }, 200_000);

  afterAll(async () => {
    await scratch?.drop();
  });

  it('refuses a DATABASE_URL that is neither SQLite nor PostgreSQL with exit code 2 and a one-paragraph message naming it', async () => {
    const r = await runCli(['migrate'], { DATABASE_URL: 'mysql://x' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/DATABASE_URL/);
    expectOneParagraph(r.stderr);
    expect(r.stdout).not.toMatch(/migrations applied/);
  });

  it('refuses PORT=abc with exit code 2 and a one-paragraph message naming PORT', async () => {
    const r = await runCli(['serve'], { DATABASE_URL: scratch.url, PORT: 'abc' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/PORT/);
    expectOneParagraph(r.stderr);
  });

  it('refuses a configuration error before touching the database', async () => {
    const r = await runCli(['migrate'], { DATABASE_URL: scratch.url, PORT: 'abc' });
    expect(r.code).toBe(2);
    expect(await tableNames(scratch.url)).not.toContain('event');
  });

  it('lists every bad variable at once', async () => {
    const r = await runCli(['migrate'], { DATABASE_URL: 'mysql://x', PORT: 'abc', LOG_LEVEL: 'chatty' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/DATABASE_URL/);
    expect(r.stderr).toMatch(/PORT/);
    expect(r.stderr).toMatch(/LOG_LEVEL/);
    expectOneParagraph(r.stderr);
  });

  it.each(['70000', '-1', '4000.5'])('refuses PORT=%s with exit code 2', async (port) => {
    const r = await runCli(['migrate'], { DATABASE_URL: scratch.url, PORT: port });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/PORT/);
  });

  it('refuses an unknown command with exit code 2, naming it and showing the usage', async () => {
    const r: CliResult = await runCli(['frobnicate'], { DATABASE_URL: scratch.url });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/frobnicate/);
    expect(r.stderr).toMatch(/usage: clustergraph/);
    for (const command of ['serve', 'migrate', 'seed']) expect(r.stderr).toContain(command);
  });

  it('shows the usage on stdout with exit code 0 for --help and for no command', async () => {
    for (const args of [['--help'], []]) {
      const r = await runCli(args, { DATABASE_URL: scratch.url });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/usage: clustergraph/);
    }
  });

  it('refuses an unknown option of seed with exit code 2', async () => {
    const r = await runCli(['seed', '--frobnicate'], { DATABASE_URL: scratch.url });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/frobnicate/);
  });
});
