import { startProgress, isInteractive } from '../../src/cli/progress';
import { scratchPool } from '../helpers/test-database';
import { buildCli, runCli } from './cli';

/** Just enough of a terminal for cli-progress: isTTY, columns and write, collecting the output. */
function fakeTerminal(): NodeJS.WriteStream & { output: string } {
  const fake = {
    isTTY: true,
    columns: 100,
    rows: 30,
    output: '',
    write(chunk: string | Uint8Array, ...rest: unknown[]) {
      fake.output += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    },
    on() { return fake; },
    once() { return fake; },
    removeListener() { return fake; },
  };
  return fake as unknown as NodeJS.WriteStream & { output: string };
}

const TERMINAL_ENV = { TERM: 'xterm-256color' };
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x1b\r]/;

describe('startProgress', () => {
  it('draws done/total, a rate and the time left on an interactive terminal', () => {
    const tty = fakeTerminal();
    const progress = startProgress('seeding', 2000, tty, TERMINAL_ENV);
    progress.tick(500);
    progress.tick(1500);
    progress.finish();
    expect(tty.output).toContain('seeding');
    expect(tty.output).toMatch(/2000\/2000/);
    expect(tty.output).toMatch(/[\d,]+\/s/);
    expect(tty.output).toMatch(/left/);
    expect(tty.output).toMatch(CONTROL); // it really is a redrawn bar
  });

  it('counts without a bar until the total is known', () => {
    const tty = fakeTerminal();
    const progress = startProgress('importing', undefined, tty, TERMINAL_ENV);
    progress.tick(7);
    progress.setTotal(10);
    progress.tick(3);
    progress.finish();
    expect(tty.output).toMatch(/10\/10/);
  });

  it('writes nothing at all when the stream is not a terminal, in CI or on a dumb terminal', () => {
    const cases: Array<[boolean, NodeJS.ProcessEnv]> = [
      [false, TERMINAL_ENV], [true, { ...TERMINAL_ENV, CI: 'true' }], [true, { TERM: 'dumb' }],
    ];
    for (const [isTTY, env] of cases) {
      const stream = fakeTerminal();
      stream.isTTY = isTTY;
      expect(isInteractive(stream, env)).toBe(false);
      const progress = startProgress('seeding', 10, stream, env);
      progress.tick(10);
      progress.finish();
      expect(stream.output).toBe('');
    }
  });
});

describe('seed --synthetic with piped output', () => {
  const pool = scratchPool();
  afterAll(() => pool.dropAll());

  it('prints one summary line on stdout, nothing on stderr, and no control characters', async () => {
    await buildCli();
    const result = await runCli(['seed', '--synthetic', '--events', '2000', '--seed', '3'], { DATABASE_URL: await pool.url() }, 300_000);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(CONTROL);
    const lines = result.stdout.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^seeded 2000 synthetic events and \d+ organisers \(seed 3\) in [\d.]+ s$/);
  }, 400_000);
});
