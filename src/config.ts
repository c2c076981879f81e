import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const databaseUrl = z
  .string()
  .default('sqlite:./data/clustergraph.db')
  .refine((v) => /^sqlite:.+/.test(v) || /^postgres(ql)?:\/\/.+/.test(v), {
    message: 'must be sqlite:<path>, sqlite::memory: or postgres://…',
  });

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
}

/** Thrown with every problem listed, so a bad deployment fails at start in one message. */
export class ConfigError extends Error {}

/** Parses an environment (process.env by default); throws ConfigError listing all problems. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
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
  };
}
