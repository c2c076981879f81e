import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Where an Authorization header could sit in a logged object. Nothing logs headers today
 * (request lines hold chosen fields only); this is the net under that rule.
 */
const REDACTED = [
  'authorization', 'headers.authorization', 'req.headers.authorization', 'request.headers.authorization',
  'headers.cookie', 'req.headers.cookie', 'password', '*.password',
];

/** The process's structured JSON logger (pino); never given secrets or API keys. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'clustergraph' }, redact: REDACTED };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
