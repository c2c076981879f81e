import { Redis } from 'ioredis';
import type { Logger } from '../logger';

export type { Redis };

/** How long one Redis command may take before the caller carries on without it. */
const COMMAND_TIMEOUT_MS = 500;
/** How long startup waits for the first connection before going on without Redis. */
const FIRST_CONNECT_MS = 2_000;

/**
 * The process's one Redis connection (ioredis), shared by rate limits, APQ and anything
 * else that wants state shared between instances. Redis is a cache here, never the truth:
 * a command fails at once while the connection is down (no offline queue) or after
 * COMMAND_TIMEOUT_MS when Redis stalls, and every user has an in-process fallback, so a
 * Redis outage degrades sharing, never answers. ioredis reconnects by itself (backoff up
 * to 2 s). Startup waits for the first connection briefly and starts without it if Redis
 * is not there yet (logged).
 */
export async function connectRedis(url: string, logger: Logger): Promise<Redis> {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: FIRST_CONNECT_MS,
    retryStrategy: (times) => Math.min(times * 100, 2_000),
  });
  let warned = false;
  redis.on('error', (err: Error) => {
    if (warned) return; // one line per outage, not one per reconnect attempt
    warned = true;
    logger.warn({ err: err.message }, 'redis unavailable: rate limits and APQ fall back to this process');
  });
  redis.on('ready', () => {
    if (warned) logger.info('redis connected again');
    warned = false;
  });
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, FIRST_CONNECT_MS);
    redis.once('ready', done);
    function done() {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    }
  });
  return redis;
}

/** Closes the connection, politely when it is up. */
export async function disconnectRedis(redis: Redis): Promise<void> {
  if (redis.status === 'ready') {
    await redis.quit().catch(() => redis.disconnect());
  } else {
    redis.disconnect();
  }
}
