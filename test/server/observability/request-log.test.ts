import { Writable } from 'node:stream';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { gql } from '../../helpers/gql';
import { authHeaders, createKey } from '../../helpers/api-keys';
import { createLogger } from '../../../src/logger';
import { Role } from '../../../src/shared/viewer';

/** Everything a logger wrote, line by line. */
function captureLogs(): { stream: Writable; lines: () => Record<string, any>[]; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  return { stream, text: () => text, lines: () => text.split('\n').filter(Boolean).map((l) => JSON.parse(l)) };
}

/** The request line a request id was logged with (waits a moment: it is written when the response closes). */
async function lineOf(logs: ReturnType<typeof captureLogs>, reqId: string): Promise<Record<string, any>> {
  for (let i = 0; i < 50; i += 1) {
    const found = logs.lines().filter((l) => l.msg === 'request' && l.reqId === reqId);
    if (found.length) {
      expect(found).toHaveLength(1);
      return found[0];
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no request line for ${reqId}:\n${logs.text()}`);
}

const PAGE = `query FirstPage { events(first: 20) { nodes { title organizers { name } } } }`;

describe.each([
  ['on', 'true'],
  ['off', 'false'],
])('request log lines with EXPOSE_QUERY_STATS %s', (_label, expose) => {
  const logs = captureLogs();
  let server: TestServer;
  let partnerKey: string;

  beforeAll(async () => {
    server = await startTestServer({ env: { EXPOSE_QUERY_STATS: expose }, logger: createLogger('info', logs.stream) });
    partnerKey = await createKey(server.db, Role.PARTNER);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('writes one info line per request with the id it was given, echoed in X-Request-Id', async () => {
    const r = await gql(server.url, PAGE, undefined, { 'x-request-id': 'lb-7f3a:42' });
    expect(r.status).toBe(200);
    expect(r.headers.get('x-request-id')).toBe('lb-7f3a:42');
    const line = await lineOf(logs, 'lb-7f3a:42');
    expect(line).toMatchObject({
      level: 30, service: 'clustergraph', method: 'POST', route: '/graphql', operation: 'FirstPage', status: 200, role: 'public',
    });
    expect(line.durationMs).toBeGreaterThan(0);
    expect(line.errors).toBeUndefined();
    // the page and the organisers of its events: two statements
    expect(line.sqlStatements).toBe(2);
    if (expose === 'true') expect(r.body.extensions?.stats?.sqlStatements).toBe(line.sqlStatements);
  });

  it('makes a new id when the client sends none or one that is not a sane token', async () => {
    for (const sent of [undefined, 'has spaces and "quotes"', 'x'.repeat(200)]) {
      const r = await gql(server.url, '{ campaigns { slug } }', undefined, sent === undefined ? {} : { 'x-request-id': sent });
      const id = r.headers.get('x-request-id')!;
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect((await lineOf(logs, id)).route).toBe('/graphql');
    }
  });

  it('carries the error codes and the HTTP status of failed requests', async () => {
    const invalid = await gql(server.url, '{ nope }', undefined, { 'x-request-id': 'invalid-1' });
    expect(invalid.status).toBe(400);
    expect(await lineOf(logs, 'invalid-1')).toMatchObject({ status: 400, errors: ['GRAPHQL_VALIDATION_FAILED'] });

    const badKey = await gql(server.url, '{ campaigns { slug } }', undefined, { 'x-request-id': 'badkey-1', ...authHeaders('cg_notakey') });
    expect(badKey.status).toBe(401);
    expect(await lineOf(logs, 'badkey-1')).toMatchObject({ status: 401, errors: ['UNAUTHENTICATED'] });

    const badJson = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'badjson-1' }, body: '{' });
    expect(badJson.status).toBe(400);
    expect(await lineOf(logs, 'badjson-1')).toMatchObject({ status: 400, errors: ['BAD_REQUEST'] });
  });

  it('logs feeds and exports too, with their statements', async () => {
    const res = await fetch(`${server.url}/exports/events.csv?region=nope`, { headers: { 'x-request-id': 'csv-bad' } });
    expect(res.status).toBe(400);
    expect(await lineOf(logs, 'csv-bad')).toMatchObject({ route: '/exports/events.csv', method: 'GET', status: 400, errors: ['BAD_USER_INPUT'] });
    const ok = await fetch(`${server.url}/feeds/events.ics`, { headers: { 'x-request-id': 'ics-ok' } });
    await ok.text();
    const line = await lineOf(logs, 'ics-ok');
    expect(line).toMatchObject({ route: '/feeds/events.ics', status: 200, role: 'public' });
    expect(line.sqlStatements).toBeGreaterThan(0);
  });

  it('never writes the key, the Authorization header or the variables, only the role', async () => {
    const secretVariable = 'hunter2-do-not-log';
    const r = await gql(server.url, 'query Search($text: String) { events(first: 1, filter: { text: $text }) { totalCount } }',
      { text: secretVariable }, { 'x-request-id': 'keyed-1', ...authHeaders(partnerKey) });
    expect(r.status).toBe(200);
    expect(await lineOf(logs, 'keyed-1')).toMatchObject({ role: 'partner', operation: 'Search' });
    expect(logs.text()).not.toContain(partnerKey);
    expect(logs.text()).not.toContain(partnerKey.slice(-12));
    expect(logs.text()).not.toContain(secretVariable);
    expect(logs.text().toLowerCase()).not.toContain('bearer');
  });

  it('redacts an Authorization header should anything ever log one', () => {
    const out = captureLogs();
    createLogger('info', out.stream).info({ req: { headers: { authorization: 'Bearer cg_live_secret' } }, headers: { authorization: 'Bearer cg_live_secret' } }, 'x');
    expect(out.text()).toContain('[Redacted]');
    expect(out.text()).not.toContain('cg_live_secret');
  });

  it('keeps probes at debug level, off the info log', async () => {
    await (await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'probe-1' } })).text();
    await new Promise((r) => setTimeout(r, 100));
    expect(logs.lines().some((l) => l.reqId === 'probe-1')).toBe(false);
  });
});
