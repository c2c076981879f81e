import { Writable } from 'node:stream';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { gql } from '../../helpers/gql';
import { authHeaders, createKey } from '../../helpers/api-keys';
import { createLogger } from '../../../src/logger';
import { Role } from '../../../src/shared/viewer';

/** Every JSON line a logger wrote. */
function captureLogs(): { stream: Writable; lines: () => Record<string, any>[] } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  return { stream, lines: () => text.split('\n').filter(Boolean).map((l) => JSON.parse(l)) };
}

/** The request line of a request id (written when the response closes, so it may take a moment). */
async function lineOf(logs: ReturnType<typeof captureLogs>, reqId: string): Promise<Record<string, any>> {
  for (let i = 0; i < 100; i += 1) {
    const found = logs.lines().find((l) => l.msg === 'request' && l.reqId === reqId);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no request line for ${reqId}`);
}

const PINO_INFO = 30;
const PINO_WARN = 40;

describe('log lines of answers that are not failures of the server', () => {
  const logs = captureLogs();
  let server: TestServer;
  let partnerKey: string;

  beforeAll(async () => {
    server = await startTestServer({
      env: { RATE_LIMIT_PUBLIC_PER_MIN: '1', RATE_LIMIT_KEY_PER_MIN: '1' },
      logger: createLogger('info', logs.stream),
    });
    partnerKey = await createKey(server.db, Role.PARTNER);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('logs and measures a rate-limited request with the operation name of its document and the role of its key', async () => {
    const query = 'fragment F on Campaign { slug } query CampaignSlugs { campaigns { ...F } }';
    expect((await gql(server.url, query)).status).toBe(200);
    const refused = await gql(server.url, query);
    expect(refused.status).toBe(429);
    expect(await lineOf(logs, refused.headers.get('x-request-id')!)).toMatchObject({ status: 429, operation: 'CampaignSlugs', role: 'public' });

    const headers = authHeaders(partnerKey);
    expect((await gql(server.url, '{ campaigns { slug } }', undefined, headers)).status).toBe(200);
    const refusedKey = await gql(server.url, '{ campaigns { slug } }', undefined, headers, 'PartnerPull');
    expect(refusedKey.status).toBe(429);
    expect(await lineOf(logs, refusedKey.headers.get('x-request-id')!)).toMatchObject({ status: 429, operation: 'PartnerPull', role: 'partner' });

    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/^clustergraph_graphql_request_duration_seconds_count\{operation="CampaignSlugs"\} 2$/m);
    expect(metrics).toMatch(/^clustergraph_graphql_request_duration_seconds_count\{operation="PartnerPull"\} 1$/m);
  });

  it('logs the 503 of /readyz during a graceful shutdown at info, not as an error', async () => {
    const closing = server.gateway.close({ delayMs: 1_000 });
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(503);
    const line = await lineOf(logs, res.headers.get('x-request-id')!);
    expect(line).toMatchObject({ route: '/readyz', status: 503, level: PINO_INFO });
    await closing;
  });
});

describe('log line of /readyz when the database is away', () => {
  const logs = captureLogs();
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ logger: createLogger('info', logs.stream) });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('is a warning: readiness reports the problem, the request itself did not fail', async () => {
    await server.db.dataSource.destroy();
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await lineOf(logs, res.headers.get('x-request-id')!)).toMatchObject({ route: '/readyz', status: 503, level: PINO_WARN });
  });
});
