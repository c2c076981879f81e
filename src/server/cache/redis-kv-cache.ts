import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { Redis } from 'ioredis';
import type { Logger } from '../../logger';

/**
 * Apollo's KeyValueCache (APQ's store) in Redis over the process's ioredis connection, so
 * a query hash registered on one instance is known to all. (@keyv/redis would bring a
 * second Redis client, node-redis, next to the ioredis one the rate limits share.)
 * Redis errors are cache misses: an unknown APQ hash makes the client send the query
 * again, which is what APQ does anyway; they are logged once a minute, not per request.
 */
export class RedisKeyValueCache implements KeyValueCache<string> {
  private warnedAt = 0;

  constructor(private readonly redis: Redis, private readonly prefix: string, private readonly logger: Logger) {}

  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.redis.get(this.prefix + key)) ?? undefined;
    } catch (err) {
      this.warn(err);
      return undefined;
    }
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    try {
      if (options?.ttl) await this.redis.set(this.prefix + key, value, 'EX', Math.ceil(options.ttl));
      else await this.redis.set(this.prefix + key, value);
    } catch (err) {
      this.warn(err);
    }
  }

  async delete(key: string): Promise<boolean> {
    try {
      return (await this.redis.del(this.prefix + key)) > 0;
    } catch (err) {
      this.warn(err);
      return false;
    }
  }

  private warn(err: unknown): void {
    if (Date.now() - this.warnedAt < 60_000) return;
    this.warnedAt = Date.now();
    this.logger.warn({ err: (err as Error).message }, 'redis unavailable: APQ cache misses until it is back');
  }
}
