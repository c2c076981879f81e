import { createHash, randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { Redis } from 'ioredis';
import { createScratchDatabase, testDbKind, type ScratchDatabase } from '../helpers/test-database';
import { buildCli, freePort, runCli, startCli, waitForExit, waitForHttp } from '../cli/cli';
import { describeWithRedis, TEST_REDIS_URL } from '../helpers/test-redis';

/**
 * Two real gateway processes (`clustergraph serve`) on one PostgreSQL database and one
 * Redis, as a deployment behind a load balancer runs them: state lives in the database and
 * in Redis, never in one process.
 */

const REDIS_URL = TEST_REDIS_URL;
/** This run's own Redis keys: no counts from other runs or test files, and all deleted after. */
const REDIS_PREFIX = `cg-test-multi-${randomBytes(6).toString('hex')}:`;

interface Instance {
  name: string;
  url: string;
  child: ChildProcess;
  output: () => string;
}

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, headers: res.headers, body: await res.json() as Answer['body'] };
}

async function get(url: string, params: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const search = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  const res = await fetch(`${url}/graphql?${search}`, { headers, signal: AbortSignal.timeout(10_000) });
  return { status: res.status, headers: res.headers, body: await res.json() as Answer['body'] };
}

function redisReachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(1_000);
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
  });
}

const SUBMIT = `mutation Submit($input: EventInput!) { submitEvent(input: $input) { id status version } }`;

function eventInput(organizerId: string, title: string): Record<string, unknown> {
  return {
    title: { de: title },
    category: 'WORKSHOP',
    startsAt: '2027-05-03T10:00:00+02:00',
    endsAt: '2027-05-03T16:00:00+02:00',
    region: 'DE111',
    organizerIds: [organizerId],
  };
}

// Two processes can only share a server database: on SQLite each would have its own file
// (or fight over one file's lock), so this whole file is PostgreSQL's.
// PostgreSQL only; and Redis (skipped with a warning when none answers, except in CI).
const onPostgres = testDbKind === 'postgres' ? describeWithRedis('the two-instance test') : describe.skip;

onPostgres('two gateway instances on one PostgreSQL and one Redis (PostgreSQL only; skipped on SQLite, which cannot be shared)', () => {
  let scratch: ScratchDatabase;
  let a: Instance;
  let b: Instance;
  let admin: Record<string, string>;
  let organizerId: string;
  const children: ChildProcess[] = [];

  async function startInstance(name: string, env: Record<string, string>): Promise<Instance> {
    const port = await freePort();
    const child = startCli(['serve'], { ...env, PORT: String(port) });
    children.push(child);
    let text = '';
    child.stdout!.on('data', (c: Buffer) => (text += c.toString('utf8')));
    child.stderr!.on('data', (c: Buffer) => (text += c.toString('utf8')));
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitForHttp(`${url}/readyz`, 60_000, () => child.exitCode === null);
    } catch (err) {
      throw new Error(`instance ${name} did not start: ${(err as Error).message}\n${text}`);
    }
    return { name, url, child, output: () => text };
  }

  beforeAll(async () => {
    if (!(await redisReachable(REDIS_URL))) {
      throw new Error(`Redis is not reachable at ${REDIS_URL} (set TEST_REDIS_URL): the multi-instance test needs it`);
    }
    await buildCli();
    scratch = await createScratchDatabase();
    const env = {
      DATABASE_URL: scratch.url,
      HOST: '127.0.0.1',
      REDIS_URL,
      REDIS_PREFIX,
      RATE_LIMIT_PUBLIC_PER_MIN: '10',
      RATE_LIMIT_KEY_PER_MIN: '100000',
      LOG_LEVEL: 'warn',
    };
    // Migrations run once, before any instance starts (the documented deployment).
    const migrate = await runCli(['migrate'], env);
    expect(migrate.code).toBe(0);
    const key = await runCli(['apikey', 'create', '--role', 'admin', '--name', 'multi-instance test'], env);
    expect(key.code).toBe(0);
    admin = { authorization: `Bearer ${key.stdout.trim().split('\n').pop()!.trim()}` };
    [a, b] = await Promise.all([startInstance('A', env), startInstance('B', env)]);
    const { body } = await post(b.url, { query: '{ ministries { id } }' }, admin);
    organizerId = body.data.ministries[0].id;
  }, 240_000);

  afterAll(async () => {
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await waitForExit(child, 15_000).catch(() => undefined);
      }
    }
    await scratch?.drop();
    const redis = new Redis(REDIS_URL, { lazyConnect: true });
    try {
      await redis.connect();
      const keys = await redis.keys(`${REDIS_PREFIX}*`);
      if (keys.length) await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
  });

  it('reads through B what was written through A, and the other way round', async () => {
    const written = await post(a.url, { query: SUBMIT, variables: { input: eventInput(organizerId, 'Geschrieben über A') } }, admin);
    expect(written.body.errors).toBeUndefined();
    const id = written.body.data.submitEvent.id;
    const read = await post(b.url, { query: 'query($id: ID!) { event(id: $id) { id title status version } }', variables: { id } }, admin);
    expect(read.body.data.event).toEqual({ id, title: 'Geschrieben über A', status: 'PUBLISHED', version: written.body.data.submitEvent.version });

    const updated = await post(b.url, {
      query: 'mutation($id: ID!, $v: Int) { updateEvent(id: $id, patch: { title: { de: "Geändert über B" } }, expectedVersion: $v) { version } }',
      variables: { id, v: written.body.data.submitEvent.version },
    }, admin);
    expect(updated.body.errors).toBeUndefined();
    const again = await post(a.url, { query: 'query($id: ID!) { event(id: $id) { title version } }', variables: { id } }, admin);
    expect(again.body.data.event).toEqual({ title: 'Geändert über B', version: updated.body.data.updateEvent.version });
  });

  it('counts one public rate limit across both instances (10 a minute: 6 on A + 4 on B pass, the 11th is 429)', async () => {
    const query = { query: '{ campaigns { slug } }' };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await post(a.url, query)).status);
    for (let i = 0; i < 4; i += 1) statuses.push((await post(b.url, query)).status);
    expect(statuses).toEqual(Array(10).fill(200));
    const over = await post(b.url, query);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(over.body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    // And A, which has seen only 6 of this address's requests, refuses too.
    expect((await post(a.url, query)).status).toBe(429);
    // An API key has its own budget: the limit is per caller, not per instance.
    expect((await post(a.url, query, admin)).status).toBe(200);
  });

  it('answers on B a persisted query whose hash was registered on A (APQ in Redis)', async () => {
    // A query no other test sends, so its hash is new to this Redis prefix.
    const query = `{ campaign(slug: "clusterwoche-2017") { slug startsOn } apq${randomBytes(4).toString('hex')}: __typename }`;
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const persistedQuery = { version: 1, sha256Hash };

    const unknown = await get(b.url, { extensions: { persistedQuery } }, admin);
    expect(unknown.body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');

    const registered = await post(a.url, { query, extensions: { persistedQuery } }, admin);
    expect(registered.status).toBe(200);
    expect(registered.body.data.campaign.slug).toBe('clusterwoche-2017');

    const byHash = await get(b.url, { extensions: { persistedQuery } }, admin);
    expect(byHash.status).toBe(200);
    expect(byHash.body.errors).toBeUndefined();
    expect(byHash.body.data.campaign).toEqual({ slug: 'clusterwoche-2017', startsOn: '2017-04-20' });
  });

  it('loses no accepted write when A is killed (SIGKILL) in the middle of a stream of writes', async () => {
    const accepted: string[] = [];
    let refused = 0;
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i += 1) {
        try {
          const r = await post(a.url, { query: SUBMIT, variables: { input: eventInput(organizerId, `Stream ${w}-${i}`) } }, admin);
          if (r.status === 200 && r.body.data?.submitEvent?.id && !r.body.errors) accepted.push(r.body.data.submitEvent.id);
          else refused += 1;
        } catch {
          // A died under this request: the client got no answer, so the write was not accepted.
          refused += 1;
          if (a.child.exitCode !== null || a.child.signalCode !== null) return;
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    // Let the stream run until a good number of writes landed, then kill A without warning.
    const deadline = Date.now() + 20_000;
    while (accepted.length < 40 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    a.child.kill('SIGKILL');
    await waitForExit(a.child, 10_000);
    stop = true;
    await Promise.all(writers);
    expect(accepted.length).toBeGreaterThanOrEqual(40);

    // Every write A answered with data is in the database, read through B.
    const found = new Set<string>();
    for (let i = 0; i < accepted.length; i += 100) {
      const r = await post(b.url, { query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids: accepted.slice(i, i + 100) } }, admin);
      expect(r.body.errors).toBeUndefined();
      for (const node of r.body.data.nodes) if (node) found.add(node.id);
    }
    expect(accepted.filter((id) => !found.has(id))).toEqual([]);
    // B kept serving through A's death.
    const alive = await post(b.url, { query: '{ campaigns { slug } }' }, admin);
    expect(alive.status).toBe(200);
    process.stdout.write(`multi-instance: ${accepted.length} writes accepted by A before SIGKILL, ${refused} cut off; all ${found.size} read back through B\n`);
  }, 60_000);
});

if (testDbKind !== 'postgres') {
  describe('two gateway instances', () => {
    it.skip('run on PostgreSQL only (set TEST_DATABASE_URL): SQLite is one file of one machine', () => undefined);
  });
}
