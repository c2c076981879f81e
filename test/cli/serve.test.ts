import type { ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { createScratchDatabase } from '../helpers/test-database';
import { clusterwoche2017 } from '../../src/demo-data/clusterwoche-2017';
import { freePort, useCliServers, startCli, waitForExit, waitForHttp } from './cli';

const CAMPAIGN = '{ campaign(slug: "clusterwoche-2017") { slug startsOn endsOn events { totalCount } } }';
const publishedInCampaign = clusterwoche2017.events.filter((e) => e.campaignSlug === 'clusterwoche-2017' && e.status === 'PUBLISHED').length;

async function queryCampaign(baseUrl: string): Promise<any> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: CAMPAIGN }),
  });
  expect(res.status).toBe(200);
  return res.json();
}

/** Output a child wrote so far, for failure messages. */
function capture(child: ChildProcess): { out: () => string } {
  let text = '';
  child.stdout?.on('data', (c: Buffer) => (text += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (text += c.toString('utf8')));
  return { out: () => text };
}

describe('clustergraph serve', () => {
  const { children, scratches } = useCliServers();

  async function serve(vars: Record<string, string>): Promise<{ child: ChildProcess; output: () => string }> {
    const scratch = await createScratchDatabase();
    scratches.push(scratch);
    const child = startCli(['serve'], { DATABASE_URL: scratch.url, HOST: '127.0.0.1', ...vars });
    children.push(child);
    const { out } = capture(child);
    return { child, output: out };
  }

  const alive = (child: ChildProcess) => () => child.exitCode === null && child.signalCode === null;

  it('migrates an empty database, loads the demo data, serves it on PORT, hides stack traces under NODE_ENV=development and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const { child, output } = await serve({ PORT: String(port), NODE_ENV: 'development' });
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitForHttp(`${base}/healthz`, 60_000, alive(child));
    } catch (err) {
      throw new Error(`${String(err)}\noutput:\n${output()}`);
    }

    const body = await queryCampaign(base);
    expect(body.errors).toBeUndefined();
    expect(body.data.campaign).toEqual({
      slug: 'clusterwoche-2017', startsOn: '2017-04-20', endsOn: '2017-04-28', events: { totalCount: publishedInCampaign },
    });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);

    const invalid = await fetch(`${base}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ campaign(slug: 1) { nope } }' }),
    });
    expect(invalid.status).toBe(400);
    const text = await invalid.text();
    expect(text).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(text).not.toMatch(/stacktrace/i);

    child.kill('SIGTERM');
    const exit = await waitForExit(child, 15_000);
    expect(exit).toEqual({ code: 0, signal: null });
  });

  it('listens on a port of its own choosing with PORT=0 and logs where', async () => {
    const { child, output } = await serve({ PORT: '0', LOG_LEVEL: 'info' });
    const deadline = Date.now() + 60_000;
    let url: string | undefined;
    while (!url && Date.now() < deadline && alive(child)()) {
      const line = output().split('\n').find((l) => /clustergraph is serving/.test(l));
      if (line) url = String(JSON.parse(line).url);
      else await new Promise((r) => setTimeout(r, 200));
    }
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    expect(url).not.toMatch(/:0\//);
    const base = url!.replace(/\/graphql$/, '');
    const body = await queryCampaign(base);
    expect(body.data.campaign.slug).toBe('clusterwoche-2017');

    child.kill('SIGTERM');
    expect(await waitForExit(child, 15_000)).toEqual({ code: 0, signal: null });
  });

  it('exits 0 on SIGTERM while a client keeps an idle keep-alive connection open', async () => {
    const port = await freePort();
    const { child } = await serve({ PORT: String(port) });
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/healthz`, 60_000, alive(child));
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      await new Promise<void>((resolve, reject) => {
        request(`${base}/healthz`, { agent }, (res) => {
          res.resume();
          res.on('end', resolve);
        }).on('error', reject).end();
      });
      child.kill('SIGTERM');
      expect(await waitForExit(child, 15_000)).toEqual({ code: 0, signal: null });
    } finally {
      agent.destroy();
    }
  });

  it('exits 0 on SIGTERM after refusing a body over 1 MB on a keep-alive connection', async () => {
    const port = await freePort();
    const { child } = await serve({ PORT: String(port) });
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/healthz`, 60_000, alive(child));
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(`${base}/graphql`, { agent, method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end(JSON.stringify({ query: CAMPAIGN, variables: { padding: 'x'.repeat(2_000_000) } }));
      });
      expect(status).toBe(413);
      child.kill('SIGTERM');
      expect(await waitForExit(child, 15_000)).toEqual({ code: 0, signal: null });
    } finally {
      agent.destroy();
    }
  });
});
