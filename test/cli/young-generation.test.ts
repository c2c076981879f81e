import type { ChildProcess } from 'node:child_process';
import { DEFAULT_SEMI_SPACE_MB, youngGenerationFlag } from '../../src/cli/young-generation';
import { createScratchDatabase } from '../helpers/test-database';
import { freePort, useCliServers, runCli, startCli, waitForExit, waitForHttp } from './cli';

describe('youngGenerationFlag', () => {
  const serve = ['node', 'bin/clustergraph.js', 'serve'];

  it('asks for the default semi-space for serve only', () => {
    expect(youngGenerationFlag(serve, [], {})).toBe(`--max-semi-space-size=${DEFAULT_SEMI_SPACE_MB}`);
    expect(youngGenerationFlag(['node', 'bin/clustergraph.js', 'seed'], [], {})).toBeNull();
    expect(youngGenerationFlag(['node', 'bin/clustergraph.js'], [], {})).toBeNull();
  });

  it('takes V8_SEMI_SPACE_MB, 0 meaning V8 decides, and refuses what is not a size', () => {
    expect(youngGenerationFlag(serve, [], { V8_SEMI_SPACE_MB: '32' })).toBe('--max-semi-space-size=32');
    expect(youngGenerationFlag(serve, [], { V8_SEMI_SPACE_MB: '0' })).toBeNull();
    expect(youngGenerationFlag(serve, [], { V8_SEMI_SPACE_MB: '' })).toBe(`--max-semi-space-size=${DEFAULT_SEMI_SPACE_MB}`);
    for (const bad of ['abc', '-1', '1.5', '2048', '64MB']) {
      expect(() => youngGenerationFlag(serve, [], { V8_SEMI_SPACE_MB: bad })).toThrow(/V8_SEMI_SPACE_MB/);
    }
  });

  it('leaves a flag given on the command line or in NODE_OPTIONS alone, and never relaunches twice', () => {
    expect(youngGenerationFlag(serve, ['--max-semi-space-size=8'], {})).toBeNull();
    expect(youngGenerationFlag(serve, [], { NODE_OPTIONS: '--enable-source-maps --max-semi-space-size=8' })).toBeNull();
    expect(youngGenerationFlag(serve, [], { NODE_OPTIONS: '--enable-source-maps' })).toBe(`--max-semi-space-size=${DEFAULT_SEMI_SPACE_MB}`);
    expect(youngGenerationFlag(serve, [], { CLUSTERGRAPH_RELAUNCHED: '1' })).toBeNull();
  });
});

describe('clustergraph serve, started as users start it', () => {
  const { children, scratches } = useCliServers();

  /** Starts serve with vars; resolves with its "serving" log line once it answers. */
  async function serve(vars: Record<string, string>): Promise<{ child: ChildProcess; base: string; serving: Record<string, unknown> }> {
    const scratch = await createScratchDatabase();
    scratches.push(scratch);
    const port = await freePort();
    const child = startCli(['serve'], { DATABASE_URL: scratch.url, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', ...vars });
    children.push(child);
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/healthz`, 60_000, () => child.exitCode === null).catch((err: unknown) => {
      throw new Error(`${String(err)}\noutput:\n${out}`);
    });
    const line = out.split('\n').find((l) => l.includes('clustergraph is serving'));
    if (!line) throw new Error(`no "serving" line in:\n${out}`);
    return { child, base, serving: JSON.parse(line) as Record<string, unknown> };
  }

  // Node 22.15+ and 24 replace the process (process.execve); Node 20 cannot and runs as it is.
  const restarts = typeof (process as { execve?: unknown }).execve === 'function';

  it('runs the server with the default young generation, or the one asked for, in the process the user started', async () => {
    const byDefault = await serve({});
    expect(byDefault.serving.v8SemiSpaceMb).toBe(restarts ? DEFAULT_SEMI_SPACE_MB : null);
    const asked = await serve({ V8_SEMI_SPACE_MB: '32' });
    expect(asked.serving.v8SemiSpaceMb).toBe(restarts ? 32 : null);
    const given = await serve({ NODE_OPTIONS: '--max-semi-space-size=16' });
    expect(given.serving.v8SemiSpaceMb).toBe(16);
    const off = await serve({ V8_SEMI_SPACE_MB: '0' });
    expect(off.serving.v8SemiSpaceMb).toBeNull();
    for (const { child, serving } of [byDefault, asked, given, off]) {
      expect(serving.pid).toBe(child.pid); // one process: signals and supervisors reach the server itself
      child.kill('SIGTERM');
      expect(await waitForExit(child, 15_000)).toEqual({ code: 0, signal: null });
    }
  }, 120_000);

  it('refuses a V8_SEMI_SPACE_MB that is not a size, before starting anything', async () => {
    const result = await runCli(['serve'], { V8_SEMI_SPACE_MB: 'lots', DATABASE_URL: 'sqlite::memory:' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/V8_SEMI_SPACE_MB must be a whole number of MB/);
  });
});
