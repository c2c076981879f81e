import type { ChildProcess } from 'node:child_process';
import { Agent, get, request, type ClientRequest, type IncomingMessage } from 'node:http';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/test-database';
import { buildCli, freePort, startCli, waitForExit, waitForHttp } from './cli';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const QUERY = JSON.stringify({ query: '{ campaigns { slug } }' });

/**
 * A POST /graphql whose body arrives slowly, as from a client on a bad line: the request
 * is in flight (headers read, body awaited) until `finish` sends the rest.
 */
function slowPost(base: string): { finish: () => Promise<{ status: number; body: string }>; abort: () => void } {
  const half = Math.floor(QUERY.length / 2);
  let pending: ClientRequest | undefined;
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(`${base}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(QUERY)) },
    }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.once('error', reject);
    req.write(QUERY.slice(0, half));
    pending = req;
  });
  answer.catch(() => undefined); // a request cut off at the deadline is what one test expects
  return {
    finish: async () => {
      pending!.end(QUERY.slice(half));
      return answer;
    },
    abort: () => pending?.destroy(),
  };
}

describe('clustergraph serve shuts down gracefully on SIGTERM', () => {
  let scratch: ScratchDatabase;
  const children: ChildProcess[] = [];

  async function serve(vars: Record<string, string>): Promise<{ child: ChildProcess; base: string; output: () => string }> {
    const port = await freePort();
    const child = startCli(['serve'], { DATABASE_URL: scratch.url, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', ...vars });
    children.push(child);
    let text = '';
    child.stdout!.on('data', (c: Buffer) => (text += c.toString('utf8')));
    child.stderr!.on('data', (c: Buffer) => (text += c.toString('utf8')));
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/readyz`, 60_000, () => child.exitCode === null).catch((err) => {
      throw new Error(`${String(err)}\n${text}`);
    });
    return { child, base, output: () => text };
  }

  beforeAll(async () => {
    await buildCli();
    scratch = await createScratchDatabase();
  }, 300_000);

  afterAll(async () => {
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000).catch(() => undefined);
      }
    }
    await scratch?.drop();
  });

  it('stops accepting, finishes a request in flight with 200, closes idle keep-alive connections and exits 0', async () => {
    const { child, base, output } = await serve({ SHUTDOWN_TIMEOUT_SECONDS: '60' });

    const keepAlive = new Agent({ keepAlive: true });
    const idle = await new Promise<IncomingMessage>((resolve, reject) => get(`${base}/healthz`, { agent: keepAlive }, resolve).once('error', reject));
    idle.resume();
    await new Promise((r) => idle.once('end', r)); // its connection now waits, idle, in the agent

    const slow = slowPost(base);
    await sleep(300);
    const signalled = Date.now();
    child.kill('SIGTERM');
    await sleep(1_500);
    // On a loaded machine the signal may take longer to be handled: wait for the process to
    // say it is shutting down (it stops listening right after) before trying a new connection.
    for (const until = Date.now() + 10_000; !output().includes('shutting down') && Date.now() < until;) await sleep(50);
    await sleep(200);
    expect(child.exitCode).toBeNull(); // the request is still in flight: the process waits for it
    const late = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.status, () => 'refused');
    if (late !== 'refused') throw new Error(`a new connection was served (${late}) after SIGTERM:\n${output()}`);

    const answer = await slow.finish();
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).data.campaigns.length).toBeGreaterThan(0);
    const exited = await waitForExit(child, 20_000);
    expect(exited).toEqual({ code: 0, signal: null });
    // The idle keep-alive connection (65 s keep-alive) did not hold the process up.
    expect(Date.now() - signalled).toBeLessThan(15_000);
    keepAlive.destroy();

    const lines = output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    expect(lines.some((l) => l.msg === 'request' && l.route === '/graphql' && l.status === 200)).toBe(true);
    const order = lines.map((l) => l.msg).filter((m) => m === 'shutting down: finishing in-flight requests' || m === 'shut down');
    expect(order).toEqual(['shutting down: finishing in-flight requests', 'shut down']);
  }, 120_000);

  it('answers /readyz with 503 during SHUTDOWN_DELAY_SECONDS while still serving, then exits 0', async () => {
    const { child, base } = await serve({ SHUTDOWN_DELAY_SECONDS: '3' });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    child.kill('SIGTERM');
    await sleep(300);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', reason: 'shutting down' });
    const query = await fetch(`${base}/graphql?query=${encodeURIComponent('{ campaigns { slug } }')}`);
    expect(query.status).toBe(200);
    expect(await waitForExit(child, 20_000)).toEqual({ code: 0, signal: null });
  }, 120_000);

  it('exits 1 at SHUTDOWN_TIMEOUT_SECONDS when a request never completes', async () => {
    const { child, base, output } = await serve({ SHUTDOWN_TIMEOUT_SECONDS: '2' });
    const stuck = slowPost(base);
    await sleep(300);
    const signalled = Date.now();
    child.kill('SIGTERM');
    const exited = await waitForExit(child, 20_000);
    const took = Date.now() - signalled;
    expect(exited).toEqual({ code: 1, signal: null });
    expect(took).toBeGreaterThanOrEqual(1_900);
    expect(took).toBeLessThan(10_000);
    expect(output()).toContain('shutdown deadline passed');
    stuck.abort();
  }, 120_000);
});
