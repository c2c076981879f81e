import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { startTestServer, type TestServer } from './test-server';

// Tests of what Redis shares run against a real Redis: TEST_REDIS_URL, else the local
// default. Like the PostgreSQL suite it is not needed for `npm test` on a fresh machine:
// when nothing answers there, those tests are skipped with a warning, except in CI
// (CI=true), where they run and fail, so a missing Redis never passes silently.

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let reachable: boolean | undefined;

/** Whether Redis answers PING (probed once per test file, synchronously: describe() is). */
function redisAnswers(): boolean {
  if (reachable !== undefined) return reachable;
  const { hostname, port } = new URL(TEST_REDIS_URL);
  const probe = `
    const s = require('node:net').connect(${Number(port || 6379)}, ${JSON.stringify(hostname || '127.0.0.1')});
    s.setTimeout(1500, () => process.exit(1));
    s.on('error', () => process.exit(1));
    s.on('connect', () => s.write('PING\\r\\n'));
    s.on('data', (d) => process.exit(String(d).startsWith('+PONG') || String(d).startsWith('-NOAUTH') ? 0 : 1));`;
  reachable = spawnSync(process.execPath, ['-e', probe], { timeout: 3000 }).status === 0;
  return reachable;
}

/** `describe` when Redis answers or in CI, else `describe.skip` with a warning naming what was skipped. */
export function describeWithRedis(what: string): jest.Describe {
  if (process.env.CI === 'true' || redisAnswers()) return describe;
  console.warn(`Skipping ${what}: no Redis answers at ${TEST_REDIS_URL} (start redis-server, or set TEST_REDIS_URL).`);
  return describe.skip;
}

/** Two gateways sharing one Redis under a fresh key prefix, as two instances of one deployment. */
export interface GatewaysOnRedis {
  prefix: string;
  redis: Redis;
  a: TestServer;
  b: TestServer;
}

/**
 * Registers beforeAll/afterAll that start two test gateways on one Redis (with `env`
 * besides REDIS_URL and a fresh REDIS_PREFIX) and, afterwards, delete every key of that prefix.
 */
export function twoGatewaysOnRedis(env: Record<string, string> = {}): GatewaysOnRedis {
  const shared = { prefix: `cg-test-${randomUUID()}:` } as GatewaysOnRedis;
  beforeAll(async () => {
    shared.redis = new Redis(TEST_REDIS_URL);
    const serverEnv = { ...env, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: shared.prefix };
    [shared.a, shared.b] = await Promise.all([startTestServer({ demo: false, env: serverEnv }), startTestServer({ demo: false, env: serverEnv })]);
  });
  afterAll(async () => {
    await Promise.all([shared.a?.close(), shared.b?.close()]);
    const keys = await shared.redis.keys(`${shared.prefix}*`);
    if (keys.length) await shared.redis.del(...keys);
    await shared.redis.quit();
  });
  return shared;
}
