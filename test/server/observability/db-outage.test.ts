import type { ChildProcess } from 'node:child_process';
import { createScratchDatabase, testDbKind, type ScratchDatabase } from '../../helpers/test-database';
import { startTcpProxy, type TcpProxy } from '../../helpers/tcp-proxy';
import { buildCli, freePort, startCli, waitForExit, waitForHttp } from '../../cli/cli';

const QUERY = '{ campaigns { slug } }';
// A key of the right shape: looking it up needs the database.
const SOME_KEY = `cg_${'A'.repeat(43)}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function ask(base: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string; body: any }> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: QUERY }),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) };
}

const onPostgres = testDbKind === 'postgres' ? describe : describe.skip;

onPostgres('the gateway when its PostgreSQL connections are cut', () => {
  let scratch: ScratchDatabase;
  let proxy: TcpProxy;
  let child: ChildProcess;
  let output = '';
  let base: string;

  beforeAll(async () => {
    await buildCli();
    scratch = await createScratchDatabase();
    const url = new URL(scratch.url);
    proxy = await startTcpProxy(url.hostname, Number(url.port || 5432));
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    const port = await freePort();
    child = startCli(['serve'], { DATABASE_URL: url.toString(), HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info' });
    child.stdout!.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString('utf8')));
    base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/readyz`, 90_000, () => child.exitCode === null).catch((err) => {
      throw new Error(`${String(err)}\n${output}`);
    });
  }, 200_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await waitForExit(child, 30_000).catch(() => child.kill('SIGKILL'));
    }
    await proxy?.close();
    await scratch?.drop();
  });

  it('answers errors without stack or SQL while they are cut, never crashes, and recovers by itself', async () => {
    // The gateway's own output goes with any failure: what it logged during the cut says why.
    try {
      const before = await ask(base);
      expect(before.status).toBe(200);
      expect(before.body.data.campaigns.length).toBeGreaterThan(0);

      await proxy.cut();
      // Give the gateway a moment to see its idle connections close (and report it) before
      // the next request: sent at once, a request may take an idle connection whose end is
      // not yet noticed, and its error then reaches the query instead of the pool (seen once
      // on a slow machine). The report itself is asserted below.
      for (const until = Date.now() + 3_000; !output.includes('a database connection failed') && Date.now() < until;) await sleep(50);
      const outage = Date.now();
      let answered = 0;
      while (Date.now() - outage < 4_000) {
        for (const headers of [{}, { authorization: `Bearer ${SOME_KEY}` }] as Record<string, string>[]) {
          const r = await ask(base, headers);
          answered += 1;
          expect([200, 500, 503]).toContain(r.status);
          expect(r.body.data?.campaigns ?? null).toBeNull();
          expect(r.body.errors.map((e: any) => e.extensions.code)).toEqual(['INTERNAL_SERVER_ERROR']);
          expect(r.text).not.toMatch(/stack|ECONNREFUSED|SELECT|api_key|\bat \//i);
        }
        const ready = await fetch(`${base}/readyz`);
        expect(ready.status).toBe(503);
        expect(await ready.json()).toEqual({ status: 'unavailable', reason: 'database unreachable' });
        expect((await fetch(`${base}/healthz`)).status).toBe(200);
        await sleep(200);
      }
      expect(answered).toBeGreaterThan(4);
      expect(child.exitCode).toBeNull();

      await proxy.restore();
      const back = Date.now();
      let recovered = false;
      while (!recovered && Date.now() - back < 20_000) {
        const r = await ask(base);
        recovered = r.status === 200 && !r.body.errors;
        if (!recovered) await sleep(250);
      }
      expect(recovered).toBe(true);
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      expect(child.exitCode).toBeNull();
      // Idle pool connections died with the proxy: reported, not fatal.
      expect(output).toContain('a database connection failed');
      process.stdout.write(`db-outage: ${answered} requests answered with errors during the 4 s cut; recovered ${Date.now() - back} ms after the proxy came back\n`);
    } catch (err) {
      throw new Error(`${String(err)}\n--- the gateway's output ---\n${output.slice(-6000)}`);
    }
  }, 120_000);
});

if (testDbKind !== 'postgres') {
  describe('the gateway when its PostgreSQL connections are cut', () => {
    it.skip('runs on PostgreSQL only (set TEST_DATABASE_URL): SQLite has no connections to cut', () => undefined);
  });
}
