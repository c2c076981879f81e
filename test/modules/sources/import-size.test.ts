import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase, type ScratchDatabase } from '../../helpers/test-database';
import { ROOT, buildCli, cliEnv, countRows, runCli, type CliResult } from '../../cli/cli';
import { writeCsv } from './generated-csv';

// Issue 13, point 3: an import of any size within the limits is input, not a crash, and an
// ICS whose recurrences explode is refused by a cap, promptly.

jest.setTimeout(300_000);

const WORK = join(tmpdir(), `clustergraph-import-size-${process.pid}`);
let scratch: ScratchDatabase;
let env: Record<string, string>;

beforeAll(async () => {
  await buildCli();
  scratch = await createScratchDatabase();
  env = { DATABASE_URL: scratch.url };
  mkdirSync(WORK, { recursive: true });
}, 200_000);

afterAll(async () => {
  await scratch?.drop();
  rmSync(WORK, { recursive: true, force: true });
});

/**
 * The CLI under a V8 stack of 80 KB instead of about 1 MB. A spread of all start times into
 * Math.min overflows the default stack at about 120 000 rows (the 130 000-row CSV);
 * with this stack at about 10 000, so 15 000 rows show the same failure in seconds instead
 * of the minutes 130 000 rows take to write. Code whose stack does not grow with the
 * input runs the same under either stack.
 */
function runCliOnSmallStack(args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--stack-size=80', join(ROOT, 'bin', 'clustergraph.js'), ...args], {
      cwd: WORK, env: cliEnv(env), stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

it('imports a CSV far beyond what a spread of its start times fits on the stack, with exact counts', async () => {
  const rows = 15_000;
  const path = join(WORK, 'large.csv');
  await writeCsv(path, rows);
  expect(statSync(path).size).toBeGreaterThan(rows * 45);

  const first = await runCliOnSmallStack(['import', '--source', 'large-csv', '--format', 'csv', path]);
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  expect(first.stdout).toBe(`created ${rows}, updated 0, unchanged 0, rejected 0\n`);
  expect(await countRows(scratch.url, "event_source es JOIN source s ON s.id = es.source_id WHERE s.name = 'large-csv'")).toBe(rows);
});

it('refuses an ICS whose daily rules expand past the import cap, naming the cap, promptly and without writing anything', async () => {
  // The bomb: 770 daily rules in about 100 KB, 500 occurrences each inside the import window.
  const start = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const events = Array.from({ length: 770 }, (_, i) => [
    'BEGIN:VEVENT', `UID:bomb-${i}@example.org`, 'DTSTAMP:20270101T000000Z', `DTSTART:${start}T0${i % 10}0000Z`,
    'RRULE:FREQ=DAILY', `SUMMARY:Treffen ${i}`, 'END:VEVENT',
  ].join('\r\n'));
  const path = join(WORK, 'bomb.ics');
  writeFileSync(path, ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events, 'END:VCALENDAR', ''].join('\r\n'));
  expect(statSync(path).size).toBeLessThan(110_000);

  const began = Date.now();
  const result = await runCli(['import', '--source', 'bomb', '--format', 'ics', path], env, 60_000);
  expect(Date.now() - began).toBeLessThan(45_000);
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toBe('clustergraph import: ICS: import cap of 50,000 occurrences reached: the recurring events '
    + 'of this calendar expand to more within the import window; nothing was imported\n');
  expect(await countRows(scratch.url, "event_source es JOIN source s ON s.id = es.source_id WHERE s.name = 'bomb'")).toBe(0);
  expect(await countRows(scratch.url, "source_run r JOIN source s ON s.id = r.source_id WHERE s.name = 'bomb' AND r.result = 'failed'")).toBe(1);
});
