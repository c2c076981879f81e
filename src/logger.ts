import pino, { type Logger } from 'pino';

/** The process's structured JSON logger (pino); never given secrets or API keys. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'clustergraph' }, redact: ['req.headers.authorization'] });
}

export type { Logger };
