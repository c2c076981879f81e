import { createScratchDatabase, type ScratchDatabase } from '../helpers/test-database';
import { buildCli, freePort, runCli, tableNames, type CliResult } from './cli';

/** Exit code 2 and exactly one line on stderr that names `what`, without a stack trace. */
function expectOneLineNaming(r: CliResult, what: RegExp): void {
  expect(r.code).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^clustergraph: /);
  expect(lines[0]).toMatch(what);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('configuration errors fail at start with one clear line', () => {
  let scratch: ScratchDatabase;

  beforeAll(async () => {
    await buildCli();
    scratch = await createScratchDatabase();
  }, 200_000);

  afterAll(async () => {
    await scratch?.drop();
  });

  it.each([
    ['a port out of range', 'postgres://postgres@127.0.0.1:99999/x'],
    ['no host', 'postgres:///x'],
    ['garbage', 'postgresql://user@[nope/x'],
  ])('refuses a malformed PostgreSQL DATABASE_URL (%s)', async (_what, url) => {
    const r = await runCli(['migrate'], { DATABASE_URL: url });
    expectOneLineNaming(r, /DATABASE_URL/);
    expect(r.stderr).toMatch(/not a valid postgres:\/\/ URL/);
  });

  it('refuses a well-formed DATABASE_URL whose PostgreSQL cannot be reached, naming it without the password', async () => {
    const port = await freePort(); // nothing listens there
    const r = await runCli(['serve'], { DATABASE_URL: `postgres://clustergraph:hunter2@127.0.0.1:${port}/x`, PORT: String(await freePort()) }, 60_000);
    expectOneLineNaming(r, /DATABASE_URL: cannot open PostgreSQL at postgres:\/\/clustergraph:\*\*\*@127\.0\.0\.1:\d+\/x: connection refused/);
    expect(r.stderr).not.toContain('hunter2');
  });

  it('refuses a SQLite path that cannot be created', async () => {
    const r = await runCli(['migrate'], { DATABASE_URL: 'sqlite:/dev/null/clustergraph/nope.db' });
    expectOneLineNaming(r, /DATABASE_URL: cannot open SQLite at sqlite:\/dev\/null\/clustergraph\/nope\.db/);
  });

  it('refuses bad shutdown settings by name', async () => {
    const r = await runCli(['serve'], { DATABASE_URL: scratch.url, SHUTDOWN_TIMEOUT_SECONDS: 'soon' });
    expectOneLineNaming(r, /SHUTDOWN_TIMEOUT_SECONDS/);
  });

  it.each([['serve'], ['migrate']])('refuses an unknown option of %s with exit code 2 before touching the database', async (command) => {
    const r = await runCli([command, '--frobnicate'], { DATABASE_URL: scratch.url });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(new RegExp(`^clustergraph: ${command}: .*--frobnicate`));
    expect(await tableNames(scratch.url)).not.toContain('event');
  });

  it('refuses an unknown command with exit code 2, naming it on the first line', async () => {
    const r = await runCli(['serv'], { DATABASE_URL: scratch.url });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('clustergraph: unknown command "serv"');
  });
});
