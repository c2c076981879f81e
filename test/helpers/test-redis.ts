import { spawnSync } from 'node:child_process';

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
