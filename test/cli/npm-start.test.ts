import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/test-database';
import { ROOT, buildCli, freePort, takeBuildLock, waitForExit, waitForHttp } from './cli';

/** True while any process of the process group `pgid` exists. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** True when something accepts TCP connections on the port. */
function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('npm start under a process manager', () => {
  let scratch: ScratchDatabase;
  let npm: ChildProcess | undefined;

  beforeAll(async () => {
    await buildCli();
    scratch = await createScratchDatabase();
  }, 300_000);

  afterAll(async () => {
    if (npm?.pid && groupAlive(npm.pid)) process.kill(-npm.pid, 'SIGKILL');
    await scratch?.drop();
  });

  it('stops the server when SIGTERM goes to the npm process alone, leaving no process of its group and the port closed', async () => {
    const port = await freePort();
    let output = '';
    // `npm start` builds first (dist/ is written): no other CLI test may build meanwhile.
    const release = await takeBuildLock();
    try {
      // Its own process group, as systemd or a container runtime gives it; only npm is signalled.
      npm = spawn('npm', ['start'], {
        cwd: ROOT,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp',
          DATABASE_URL: scratch.url, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info',
        },
      });
      npm.stdout!.on('data', (c: Buffer) => (output += c.toString('utf8')));
      npm.stderr!.on('data', (c: Buffer) => (output += c.toString('utf8')));
      await waitForHttp(`http://127.0.0.1:${port}/readyz`, 240_000, () => npm!.exitCode === null).catch((err) => {
        throw new Error(`${String(err)}\n${output}`);
      });
    } finally {
      release();
    }
    const pgid = npm.pid!;

    process.kill(pgid, 'SIGTERM');
    const exit = await waitForExit(npm, 30_000);
    expect(exit).toEqual({ code: 0, signal: null });
    for (let i = 0; i < 50 && groupAlive(pgid); i += 1) await new Promise((r) => setTimeout(r, 100));
    expect([groupAlive(pgid), output]).toEqual([false, output]); // before: `node … serve` went on, orphaned
    expect(await portOpen(port)).toBe(false);
    expect(output).toContain('"msg":"shut down"');
  }, 300_000);
});
