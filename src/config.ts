import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** A boolean flag that is on unless set to false (e.g. INTROSPECTION). */
const onFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .default('true')
  .transform((v) => v !== 'false' && v !== '0' && v !== 'no');

/** TRUST_PROXY: false/0 (use the socket address), true (one proxy in front) or a number of proxies. */
const trustProxy = z
  .string()
  .default('false')
  .refine((v) => /^(true|false|yes|no|\d{1,2})$/.test(v), { message: 'must be true, false or a number of proxies' })
  .transform((v) => (v === 'true' || v === 'yes' ? 1 : v === 'false' || v === 'no' ? 0 : Number(v)));

const databaseUrl = z
  .string()
  .default('sqlite:./data/clustergraph.db')
  .refine((v) => /^sqlite:.+/.test(v) || /^postgres(ql)?:\/\/.+/.test(v), {
    message: 'must be sqlite:<path>, sqlite::memory: or postgres://…',
  })
  .refine((v) => !/^postgres/.test(v) || isPostgresUrl(v), {
    message: 'is not a valid postgres:// URL (postgres://user:password@host:port/database)',
  });

/** A postgres:// URL that parses, with a host (or ?host= for a socket) and, if any, a port in range. */
function isPostgresUrl(v: string): boolean {
  try {
    const url = new URL(v);
    return url.hostname.length > 0 || url.searchParams.has('host'); // ?host=/run/postgresql: a socket
  } catch {
    return false;
  }
}

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: databaseUrl,
  REDIS_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CORS_ORIGINS: z.string().default(''),
  RATE_LIMIT_PUBLIC_PER_MIN: z.coerce.number().int().positive().default(120),
  RATE_LIMIT_KEY_PER_MIN: z.coerce.number().int().positive().default(1200),
  DEBUG_ERRORS: booleanFlag,
  EXPOSE_QUERY_STATS: booleanFlag,
  // Graceful shutdown (src/main.ts): time for a load balancer to see /readyz fail, then the deadline.
  SHUTDOWN_DELAY_SECONDS: z.coerce.number().min(0).max(300).default(0),
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().positive().max(3600).default(25),
  // Protection and caching (src/server/limits, src/server/cache).
  COST_LIMIT: z.coerce.number().int().positive().default(50_000),
  MAX_DEPTH: z.coerce.number().int().positive().default(12),
  MAX_ALIASES: z.coerce.number().int().nonnegative().default(30),
  MAX_TOKENS: z.coerce.number().int().positive().default(3_000),
  INTROSPECTION: onFlag,
  REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  TRUST_PROXY: trustProxy,
  REDIS_PREFIX: z.string().default('clustergraph:'),
  CACHE_MAX_AGE: z.coerce.number().int().nonnegative().default(60),
  FEED_MAX_AGE: z.coerce.number().int().nonnegative().default(300),
  // graphql-jit compiles each document once (src/server/compiled-executor.ts); graphql-js interprets it.
  GRAPHQL_EXECUTOR: z.enum(['jit', 'graphql-js']).default('graphql-js'),
  // The event change log (src/modules/changes): how long entries are kept for readers to resume from.
  CHANGE_LOG_RETENTION_DAYS: z.coerce.number().positive().max(3650).default(7),
});

/** The typed, validated configuration; the only view of process.env the code has. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  redisUrl?: string;
  logLevel: string;
  corsOrigins: string[];
  rateLimitPublicPerMin: number;
  rateLimitKeyPerMin: number;
  debugErrors: boolean;
  exposeQueryStats: boolean;
  /** On SIGTERM: ms /readyz answers 503 while still serving, then the ms after which the process exits anyway. */
  shutdownDelayMs: number;
  shutdownTimeoutMs: number;
  /** Pre-execution limits of a GraphQL operation (QUERY_TOO_COMPLEX past them). */
  limits: { cost: number; depth: number; aliases: number; tokens: number };
  introspection: boolean;
  /** Longest time to receive a whole request, in ms (node's server.requestTimeout). */
  requestTimeoutMs: number;
  /** Proxies in front whose X-Forwarded-For is believed (0: the socket address counts). */
  trustProxy: number;
  /** Prefix of every Redis key this process writes (tests use a random one). */
  redisPrefix: string;
  /** max-age in seconds of public GET GraphQL responses, and of public feeds and exports. */
  cacheMaxAge: number;
  feedMaxAge: number;
  /** Who executes GraphQL operations: graphql-jit (compiled per document) or graphql-js. */
  graphqlExecutor: 'jit' | 'graphql-js';
  /** How long change-log entries are kept, in ms (pruned hourly by `serve`; the newest always stays). */
  changeLogRetentionMs: number;
}

/** Thrown with every problem listed, so a bad deployment fails at start in one message. */
export class ConfigError extends Error {}

/** Parses an environment (process.env by default); throws ConfigError listing all problems. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`); // one line, for log collectors too
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    logLevel: e.LOG_LEVEL,
    corsOrigins: e.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    rateLimitPublicPerMin: e.RATE_LIMIT_PUBLIC_PER_MIN,
    rateLimitKeyPerMin: e.RATE_LIMIT_KEY_PER_MIN,
    debugErrors: e.DEBUG_ERRORS,
    exposeQueryStats: e.EXPOSE_QUERY_STATS,
    shutdownDelayMs: e.SHUTDOWN_DELAY_SECONDS * 1000,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    limits: { cost: e.COST_LIMIT, depth: e.MAX_DEPTH, aliases: e.MAX_ALIASES, tokens: e.MAX_TOKENS },
    introspection: e.INTROSPECTION,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    trustProxy: e.TRUST_PROXY,
    redisPrefix: e.REDIS_PREFIX,
    cacheMaxAge: e.CACHE_MAX_AGE,
    feedMaxAge: e.FEED_MAX_AGE,
    graphqlExecutor: e.GRAPHQL_EXECUTOR,
    changeLogRetentionMs: Math.round(e.CHANGE_LOG_RETENTION_DAYS * 86_400_000),
  };
}
