import { GraphQLError } from 'graphql';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
import type { Logger } from '../../logger';
import { Role, type Viewer } from '../../shared/viewer';

/** Over a rate limit: HTTP 429 with Retry-After, one error RATE_LIMITED with retryAfterSeconds. */
export class RateLimitedError extends GraphQLError {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests; try again in ${retryAfterSeconds} s.`, {
      extensions: {
        code: 'RATE_LIMITED',
        retryAfterSeconds,
        http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
      },
    });
  }
}

export interface RateLimitOptions {
  publicPerMin: number;
  keyPerMin: number;
  /** Shared counters across instances; null keeps them in this process. */
  redis: Redis | null;
  keyPrefix: string;
  logger: Logger;
}

/** Charges requests to their API key, or to their client address for the public role. */
export interface RateLimits {
  /** Counts one request of `viewer` from `address`; throws RateLimitedError past the limit. */
  charge(viewer: Viewer, address: string): Promise<void>;
  /** Counts a request whose key was refused against its address (key guessing is not free). */
  chargeRefusedKey(address: string): Promise<void>;
}

/**
 * Fixed one-minute windows from rate-limiter-flexible: in Redis when there is a
 * connection (one atomic command per request, shared by every instance), in memory
 * otherwise. When Redis fails (down, or slower than its command timeout), each limiter
 * falls back to an in-memory one (rate-limiter-flexible's insuranceLimiter): requests are
 * still limited, per instance instead of across them, and never refused because of Redis.
 */
export function createRateLimits(options: RateLimitOptions): RateLimits {
  const publicLimiter = limiter(options, 'public', options.publicPerMin);
  const keyLimiter = limiter(options, 'key', options.keyPerMin);
  let warnedAt = 0;
  const charge = (limiter: RateLimiterAbstract, key: string): Promise<void> => {
    // The insurance limiter hides Redis failures; say (once a minute) that it is answering.
    if (options.redis && options.redis.status !== 'ready' && Date.now() - warnedAt > 60_000) {
      warnedAt = Date.now();
      options.logger.warn('redis unavailable: rate limits count per instance until it is back');
    }
    return consume(limiter, key);
  };
  return {
    charge: (viewer, address) => viewer.role === Role.PUBLIC || viewer.keyId === null
      ? charge(publicLimiter, address)
      : charge(keyLimiter, String(viewer.keyId)),
    chargeRefusedKey: (address) => charge(publicLimiter, address),
  };
}

function limiter(options: RateLimitOptions, kind: string, points: number): RateLimiterAbstract {
  const keyPrefix = `${options.keyPrefix}rl:${kind}`;
  const memory = new RateLimiterMemory({ points, duration: 60, keyPrefix });
  if (!options.redis) return memory;
  return new RateLimiterRedis({
    storeClient: options.redis, points, duration: 60, keyPrefix,
    rejectIfRedisNotReady: true, // no waiting on a reconnect: the insurance limiter answers
    insuranceLimiter: memory,
  });
}

async function consume(limiter: RateLimiterAbstract, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      throw new RateLimitedError(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
    }
    throw rejection;
  }
}
