import { randomUUID } from 'node:crypto';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { Redis } from 'ioredis';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { gql, type GqlResponse } from '../../helpers/gql';
import { authHeaders, createKey } from '../../helpers/api-keys';
import { Role } from '../../../src/shared/viewer';
import { describeWithRedis, TEST_REDIS_URL, twoGatewaysOnRedis } from '../../helpers/test-redis';

const REDIS_URL = TEST_REDIS_URL;
const LIMITS = { RATE_LIMIT_PUBLIC_PER_MIN: '3', RATE_LIMIT_KEY_PER_MIN: '5' };
const QUERY = '{ __typename }';

function expectLimited(r: GqlResponse): void {
  expect(r.status).toBe(429);
  expect(r.body.data).toBeUndefined();
  expect(r.body.errors).toHaveLength(1);
  const error = r.body.errors![0];
  expect(error.extensions?.code).toBe('RATE_LIMITED');
  const retryAfter = Number(r.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(error.extensions?.retryAfterSeconds).toBe(retryAfter);
}

/** Sends `n` requests one after another and returns their statuses. */
async function statuses(n: number, send: () => Promise<{ status: number }>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i += 1) out.push((await send()).status);
  return out;
}

describe('in memory (no REDIS_URL)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ demo: false, env: LIMITS });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('limits the public per address and answers 429 with Retry-After and RATE_LIMITED', async () => {
    expect(await statuses(3, () => gql(server.url, QUERY))).toEqual([200, 200, 200]);
    const r = await gql(server.url, QUERY);
    expectLimited(r);
    expect(r.body.extensions?.stats).toBeUndefined(); // refused before Apollo ran anything
    // feeds and exports count against the same budget: plain text, same status and header
    const feed = await fetch(`${server.url}/feeds/events.ics`);
    expect(feed.status).toBe(429);
    expect(Number(feed.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await feed.text()).toMatch(/Too many requests/);
  });

  it('counts each key on its own, with the higher key limit', async () => {
    const first = authHeaders(await createKey(server.db, Role.PARTNER));
    const second = authHeaders(await createKey(server.db, Role.PARTNER));
    // the address's public budget is spent (above); keys do not draw on it
    expect(await statuses(5, () => gql(server.url, QUERY, undefined, first))).toEqual([200, 200, 200, 200, 200]);
    expectLimited(await gql(server.url, QUERY, undefined, first));
    const csv = await fetch(`${server.url}/exports/events.csv`, { headers: first });
    expect(csv.status).toBe(429);
    expect(csv.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await gql(server.url, QUERY, undefined, second)).status).toBe(200);
  });
});

describe('client address', () => {
  let direct: TestServer;
  let proxied: TestServer;
  beforeAll(async () => {
    [direct, proxied] = await Promise.all([
      startTestServer({ demo: false, env: LIMITS }),
      startTestServer({ demo: false, env: { ...LIMITS, TRUST_PROXY: 'true' } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([direct?.close(), proxied?.close()]);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY says a proxy sets it', async () => {
    const from = (ip: string) => ({ 'x-forwarded-for': `203.0.113.9, ${ip}` });
    const sent = await statuses(4, () => gql(direct.url, QUERY, undefined, from(`198.51.100.${Math.floor(Math.random() * 200)}`)));
    expect(sent).toEqual([200, 200, 200, 429]);
    // behind one trusted proxy the last hop is the client: two clients, two budgets
    expect(await statuses(4, () => gql(proxied.url, QUERY, undefined, from('198.51.100.1')))).toEqual([200, 200, 200, 429]);
    expect(await statuses(3, () => gql(proxied.url, QUERY, undefined, from('198.51.100.2')))).toEqual([200, 200, 200]);
  });

  it('charges refused keys to the address, so guessing keys is limited too', async () => {
    const bad = { ...authHeaders('cg_not_a_key'), 'x-forwarded-for': '198.51.100.77' };
    expect(await statuses(3, () => gql(proxied.url, QUERY, undefined, bad))).toEqual([401, 401, 401]);
    expectLimited(await gql(proxied.url, QUERY, undefined, bad));
  });
});

describeWithRedis('the rate limits in Redis')('in Redis (REDIS_URL)', () => {
  const shared = twoGatewaysOnRedis(LIMITS);

  it('shares the counts between instances', async () => {
    expect((await gql(shared.a.url, QUERY)).status).toBe(200);
    expect((await gql(shared.b.url, QUERY)).status).toBe(200);
    expect((await gql(shared.a.url, QUERY)).status).toBe(200);
    expectLimited(await gql(shared.b.url, QUERY));
    expect(await shared.redis.keys(`${shared.prefix}rl:public*`)).toHaveLength(1);
  });
});

describe('Redis unavailable', () => {
  let server: TestServer;
  beforeAll(async () => {
    // Nothing listens on port 1: the gateway starts anyway and limits in memory.
    server = await startTestServer({ demo: false, env: { ...LIMITS, REDIS_URL: 'redis://127.0.0.1:1', REDIS_PREFIX: 'cg-test-down:' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('keeps answering, and keeps limiting per instance', async () => {
    const started = Date.now();
    expect(await statuses(3, () => gql(server.url, QUERY))).toEqual([200, 200, 200]);
    expectLimited(await gql(server.url, QUERY));
    expect(Date.now() - started).toBeLessThan(3_000); // no waiting on Redis per request
  });
});

/** A TCP relay to Redis that a test can cut and restore, as a network failure would. */
class CuttableRelay {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private port = 0;
  constructor(private readonly target: URL) {}

  async open(): Promise<number> {
    this.server = createServer((client) => {
      const upstream = connect(Number(this.target.port || 6379), this.target.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port; // the same port when reopened
    return this.port;
  }

  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}

describeWithRedis('Redis going away while running')('Redis going away while running', () => {
  const prefix = `cg-test-${randomUUID()}:`;
  let relay: CuttableRelay;
  let server: TestServer;
  let redis: Redis;
  beforeAll(async () => {
    redis = new Redis(REDIS_URL);
    relay = new CuttableRelay(new URL(REDIS_URL));
    const port = await relay.open();
    server = await startTestServer({ demo: false, env: { ...LIMITS, REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_PREFIX: prefix } });
  });
  afterAll(async () => {
    await server?.close();
    await relay?.cut();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('fails open to per-instance counting, and shares again once Redis is back', async () => {
    const partner = authHeaders(await createKey(server.db, Role.PARTNER));
    expect((await gql(server.url, QUERY, undefined, partner)).status).toBe(200); // counted in Redis
    expect(await redis.keys(`${prefix}rl:key*`)).toHaveLength(1);

    await relay.cut();
    const started = Date.now();
    // answered, never refused because of Redis; the per-instance budget starts afresh at 5
    expect(await statuses(5, () => gql(server.url, QUERY, undefined, partner))).toEqual([200, 200, 200, 200, 200]);
    expectLimited(await gql(server.url, QUERY, undefined, partner));
    expect(Date.now() - started).toBeLessThan(5_000);

    await relay.open();
    // ioredis reconnects by itself (backoff up to 2 s); then public requests count in Redis again
    let shared = false;
    for (let i = 0; i < 40 && !shared; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await gql(server.url, QUERY)).status).not.toBe(500);
      shared = (await redis.keys(`${prefix}rl:public*`)).length === 1;
    }
    expect(shared).toBe(true);
  });
});
