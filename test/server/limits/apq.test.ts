import { createHash } from 'node:crypto';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { describeWithRedis, twoGatewaysOnRedis } from '../../helpers/test-redis';

const ACCEPT = { accept: 'application/graphql-response+json, application/json' };

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] };
}

/** An operation's APQ extension. Each test uses its own text, so hashes never collide. */
function persisted(query: string) {
  return { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };
}

async function viaGet(base: string, query: string | undefined, extensions: object): Promise<Answer> {
  const params = new URLSearchParams({ extensions: JSON.stringify(extensions) });
  if (query) params.set('query', query);
  const res = await fetch(`${base}/graphql?${params}`, { headers: ACCEPT });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Answer['body'] };
}

async function viaPost(base: string, query: string | undefined, extensions: object): Promise<Answer> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST', headers: { ...ACCEPT, 'content-type': 'application/json' }, body: JSON.stringify({ query, extensions }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Answer['body'] };
}

function expectNotFound(r: Answer): void {
  expect(r.body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  expect(r.body.data).toBeUndefined();
}

/** The APQ round trip: unknown hash, register with the text, then the hash alone works. */
async function roundTrip(register: TestServer, reuse: TestServer, send: typeof viaGet, query: string): Promise<void> {
  const ext = persisted(query);
  expectNotFound(await send(reuse.url, undefined, ext));
  const registered = await send(register.url, query, ext);
  expect(registered.body.errors).toBeUndefined();
  const again = await send(reuse.url, undefined, ext);
  expect(again.status).toBe(200);
  expect(again.body.errors).toBeUndefined();
  expect(again.body.data).toEqual(registered.body.data);
}

describe('APQ in memory', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ demo: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('works over GET', () => roundTrip(server, server, viaGet, '{ regions { code } }'));
  it('works over POST', () => roundTrip(server, server, viaPost, '{ regions { code level } }'));

  it('refuses a hash that does not match the text', async () => {
    const r = await viaPost(server.url, '{ regions { code } }', persisted('{ something { else } }'));
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0].message).toMatch(/does not match/);
    expect(r.body.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
  });

  it('does not store a query the limits refuse', async () => {
    const deep = `{ region(code: "DE1") { ${'parent { '.repeat(12)}code${' }'.repeat(12)} } }`;
    const ext = persisted(deep);
    const refused = await viaPost(server.url, deep, ext);
    expect(refused.body.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expectNotFound(await viaPost(server.url, undefined, ext));
  });
});

describeWithRedis('APQ in Redis')('APQ in Redis (REDIS_URL)', () => {
  const shared = twoGatewaysOnRedis();

  it('knows a hash registered on one instance on the other, over GET', () => roundTrip(shared.a, shared.b, viaGet, '{ regions { name } }'));
  it('… and over POST', () => roundTrip(shared.b, shared.a, viaPost, '{ regions { name code } }'));

  it('keeps the text in Redis under REDIS_PREFIX, with an expiry', async () => {
    const keys = await shared.redis.keys(`${shared.prefix}apq:*`);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(await shared.redis.ttl(keys[0])).toBeGreaterThan(0);
  });
});
