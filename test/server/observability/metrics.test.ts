import { startTestServer, type TestServer } from '../../helpers/test-server';
import { gql } from '../../helpers/gql';
import { authHeaders } from '../../helpers/api-keys';
import { testDbKind } from '../../helpers/test-database';
import { spawnSync } from 'node:child_process';

/** Prometheus's own linter (Debian's prometheus package; .ci/run installs it). */
const PROMTOOL = process.env.PROMTOOL_PATH ?? 'promtool';
const HAS_PROMTOOL = spawnSync(PROMTOOL, ['--version']).status === 0;

/** One scrape of /metrics: every sample by its name and labels as printed (`name{a="b"}`). */
async function scrape(url: string): Promise<Map<string, number>> {
  const res = await fetch(`${url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const samples = new Map<string, number>();
  for (const line of (await res.text()).split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return samples;
}

/** How much a sample grew between two scrapes (absent counts as 0). */
const moved = (before: Map<string, number>, after: Map<string, number>, key: string) => (after.get(key) ?? 0) - (before.get(key) ?? 0);

// Fifty events, each asking for its organisers: one batch of the organisersByEvent loader.
const NESTED = `query Nested { events(first: 50) { nodes { title organizers { name } } } }`;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('/metrics', () => {
  it('counts every SQL statement the requests sent in clustergraph_sql_statements_total', async () => {
    const before = await scrape(server.url);
    let sent = 0;
    for (const query of [NESTED, '{ campaigns { slug } }', NESTED]) {
      const r = await gql(server.url, query);
      expect(r.status).toBe(200);
      sent += r.body.extensions!.stats!.sqlStatements;
    }
    const after = await scrape(server.url);
    expect(sent).toBeGreaterThan(3);
    expect(moved(before, after, 'clustergraph_sql_statements_total')).toBe(sent);
  });

  it('has a request-duration histogram per operation name, bounded to sane names', async () => {
    const before = await scrape(server.url);
    for (let i = 0; i < 3; i += 1) await gql(server.url, NESTED);
    await gql(server.url, '{ campaigns { slug } }');
    await gql(server.url, `query ${'Long'.repeat(20)} { campaigns { slug } }`);
    const after = await scrape(server.url);
    expect(moved(before, after, 'clustergraph_graphql_request_duration_seconds_count{operation="Nested"}')).toBe(3);
    expect(moved(before, after, 'clustergraph_graphql_request_duration_seconds_count{operation="anonymous"}')).toBe(1);
    expect(moved(before, after, 'clustergraph_graphql_request_duration_seconds_count{operation="other"}')).toBe(1);
    expect(moved(before, after, 'clustergraph_graphql_request_duration_seconds_bucket{le="+Inf",operation="Nested"}')).toBe(3);
    expect(moved(before, after, 'clustergraph_graphql_request_duration_seconds_sum{operation="Nested"}')).toBeGreaterThan(0);
    expect(moved(before, after, 'clustergraph_http_request_duration_seconds_count{route="/graphql",status="200"}')).toBe(5);
  });

  it('counts errors by code', async () => {
    const before = await scrape(server.url);
    await gql(server.url, '{ nope }');
    await gql(server.url, '{ nope }');
    await gql(server.url, '{ campaigns { slug } }', undefined, authHeaders('cg_notakey'));
    await gql(server.url, '{ events(first: 101) { totalCount } }');
    const after = await scrape(server.url);
    expect(moved(before, after, 'clustergraph_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBe(2);
    expect(moved(before, after, 'clustergraph_errors_total{code="UNAUTHENTICATED"}')).toBe(1);
    expect(moved(before, after, 'clustergraph_errors_total{code="BAD_USER_INPUT"}')).toBe(1);
    expect(moved(before, after, 'clustergraph_http_request_duration_seconds_count{route="/graphql",status="401"}')).toBe(1);
  });

  it('observes DataLoader batch sizes per loader', async () => {
    const before = await scrape(server.url);
    const r = await gql(server.url, NESTED);
    const events = r.body.data.events.nodes.length;
    expect(events).toBeGreaterThan(10);
    const after = await scrape(server.url);
    expect(moved(before, after, 'clustergraph_dataloader_batch_size_count{loader="organizersByEvent"}')).toBe(1);
    expect(moved(before, after, 'clustergraph_dataloader_batch_size_sum{loader="organizersByEvent"}')).toBe(events);
    expect(moved(before, after, 'clustergraph_dataloader_batch_size_bucket{le="1",loader="organizersByEvent"}')).toBe(0);
  });

  it('shows database connections, event-loop lag and process metrics', async () => {
    const m = await scrape(server.url);
    expect(m.get('clustergraph_db_connections{state="total"}')).toBeGreaterThanOrEqual(1);
    if (testDbKind === 'postgres') {
      expect(m.get('clustergraph_db_connections{state="idle"}')).toBeGreaterThanOrEqual(0);
      expect(m.get('clustergraph_db_connections{state="waiting"}')).toBe(0);
    } else {
      expect(m.get('clustergraph_db_connections{state="total"}')).toBe(2); // a file: reader and writer
    }
    expect(m.has('nodejs_eventloop_lag_seconds')).toBe(true);
    expect(m.has('nodejs_eventloop_lag_p99_seconds')).toBe(true);
    expect(m.get('process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(m.get('clustergraph_http_requests_in_flight')).toBe(1); // the scrape itself
  });

  it('passes promtool check metrics: no gauge named like a counter, every metric with help', async () => {
    await gql(server.url, NESTED); // every histogram and counter has samples
    const exposition = await (await fetch(`${server.url}/metrics`)).text();
    // promtool's naming rules that prom-client's defaults broke, checked even where promtool is missing.
    const types = [...exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map(([, name, type]) => ({ name, type }));
    expect(types.length).toBeGreaterThan(20);
    expect(types.filter((t) => t.type !== 'counter' && t.name.endsWith('_total')).map((t) => t.name)).toEqual([]);
    expect(types.filter((t) => t.type === 'counter' && !t.name.endsWith('_total')).map((t) => t.name)).toEqual([]);
    const helped = new Set([...exposition.matchAll(/^# HELP (\S+) \S/gm)].map((m) => m[1]));
    expect(types.filter((t) => !helped.has(t.name)).map((t) => t.name)).toEqual([]);
    if (!HAS_PROMTOOL && process.env.CI !== 'true') return; // the rules above still ran; CI must have promtool
    const lint = spawnSync(PROMTOOL, ['check', 'metrics'], { input: exposition, encoding: 'utf8' });
    expect(lint.error?.message ?? '').toBe(''); // not installed: apt-get install -y prometheus
    expect(`${lint.stdout}${lint.stderr}`).toBe('');
    expect(lint.status).toBe(0);
  });
});
