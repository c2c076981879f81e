import { serverAudits, type AuditResult } from 'graphql-http';
import { startTestServer, type TestServer } from '../helpers/test-server';

/**
 * The GraphQL-over-HTTP spec, checked by graphql-http's own server audits against the real
 * gateway. Every MUST has to pass. SHOULDs and MAYs we pass today are pinned too, so a
 * regression shows; the few we deliberately do not follow are listed with the reason.
 */

/**
 * SHOULDs the contract overrides: it answers every request that fails before execution
 * (parse, validation, variable coercion) with HTTP 400 whatever the Accept header, where the
 * spec prefers 200 for legacy `application/json` clients. Keyed by audit id.
 */
const DELIBERATELY_NOT_FOLLOWED: Record<string, string> = {
  '572B': 'contract: parse failures are 400 for application/json too',
  FDE2: 'contract: validation failures are 400 for application/json too',
  '7B9B': 'contract: variable coercion failures are 400 for application/json too',
};

describe('GraphQL-over-HTTP spec (graphql-http server audits)', () => {
  let server: TestServer;
  const results = new Map<string, AuditResult>();

  beforeAll(async () => {
    // The audits send ~60 requests from one address; keep the public rate limit out of the way.
    server = await startTestServer({ env: { RATE_LIMIT_PUBLIC_PER_MIN: '100000' } });
    for (const audit of serverAudits({ url: `${server.url}/graphql`, fetchFn: fetch })) {
      results.set(audit.id, await audit.fn());
    }
    const lines = [...results.values()].map((r) =>
      `${r.status.padEnd(6)} ${r.id} ${r.name}${r.status === 'ok' ? '' : ` — ${r.reason}`}`);
    // One readable list in the test output: what passes, what only warns and why.
    process.stdout.write(`graphql-http audits (${results.size}):\n${lines.join("\n")}\n`);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  it('runs the whole audit list', () => {
    expect(results.size).toBeGreaterThan(50);
  });

  it('passes every MUST audit', () => {
    const failing = [...results.values()]
      .filter((r) => r.name.startsWith('MUST') && r.status !== 'ok')
      .map((r) => `${r.id} ${r.name}: ${r.status === 'ok' ? '' : r.reason}`);
    expect(failing).toEqual([]);
  });

  it('passes every SHOULD and MAY audit except the ones the contract overrides', () => {
    const failing = [...results.values()]
      .filter((r) => !r.name.startsWith('MUST') && r.status !== 'ok' && !(r.id in DELIBERATELY_NOT_FOLLOWED))
      .map((r) => `${r.id} ${r.name}: ${r.status === 'ok' ? '' : r.reason}`);
    expect(failing).toEqual([]);
  });

  it('still deviates only where the contract says so (400 for application/json pre-execution failures)', () => {
    for (const id of Object.keys(DELIBERATELY_NOT_FOLLOWED)) {
      const r = results.get(id);
      expect(r).toBeDefined();
      // If one of these starts passing, the contract's 400 rule was broken: look at the status.
      expect(r!.status).toBe('warn');
      if (r!.status !== 'ok') expect(r!.response.status).toBe(400);
    }
  });

  it('refuses a mutation over GET with 405 and batching with 400 (contract)', async () => {
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('mutation { publishEvent(id: "x") { id } }')}`,
      { headers: { accept: 'application/graphql-response+json' } });
    expect(get.status).toBe(405);
    const batch = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(batch.status).toBe(400);
  });
});
