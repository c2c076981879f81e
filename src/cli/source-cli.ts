import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Database } from '../db/database';
import { AuditService } from '../modules/audit';
import {
  SourceWriteService, DEFAULT_FETCH_LIMITS, type RunOutcome, type FetchLimits,
} from '../modules/sources';
import { quote } from '../shared/quote';

// What the import, sources and sync commands share: their usage error, argument parsing,
// the database's lifetime, and how a run is printed.

/** Bad arguments of import, sources or sync: main.ts prints the message and exits 2. */
export class SourceCommandError extends Error {
  constructor(readonly command: string, message: string) {
    super(message);
  }
}

/** Parsed options (and positionals) of one command; unknown options are usage errors. */
export function options(command: string, args: string[], config: NonNullable<ParseArgsConfig['options']>, positionals = false) {
  try {
    return parseArgs({ args, options: config, strict: true, allowPositionals: positionals });
  } catch (err) {
    throw new SourceCommandError(command, (err as Error).message);
  }
}

/** Opens the database, runs fn, closes it whatever happens. */
export async function withDatabase<T>(open: () => Promise<Database>, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await open();
  try {
    return await fn(db);
  } finally {
    await db.dataSource.destroy();
  }
}

/** The write service as the CLI uses it (audit actor `cli`). */
export function sourceWrites(db: Database): SourceWriteService {
  return new SourceWriteService(db, new AuditService(db));
}

/** The contract's summary line. */
export function summaryLine(c: RunOutcome['counts']): string {
  return `created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}, rejected ${c.rejected}`;
}

/** One line per refused record: `rejected line 7: start "31.02.2017" is not a date`. */
export function rejectedLines(o: RunOutcome): string {
  return o.rejectedItems.map((r) => `rejected ${r.position}: ${r.reason}\n`).join('');
}

/**
 * One line per record an untrusted source announced like another source's event: it was
 * not merged but created apart, SUBMITTED, for a moderator to decide.
 */
export function reviewLines(o: RunOutcome): string {
  return o.reviews.map((r) => `review ${r.position}: possible duplicate of event ${r.duplicateOfId} (${r.reason}); `
    + `not merged, submitted for review as event ${r.eventId}\n`).join('');
}

/** --timeout (seconds) and --max-size (MB) over the default fetch limits. */
export function fetchLimits(command: string, values: { timeout?: string; 'max-size'?: string }): FetchLimits {
  const limits = { ...DEFAULT_FETCH_LIMITS };
  if (values.timeout !== undefined) {
    const s = Number(values.timeout);
    if (!Number.isFinite(s) || s <= 0) throw new SourceCommandError(command, `--timeout is seconds above 0, got ${quote(values.timeout)}`);
    limits.timeoutMs = Math.round(s * 1000);
    limits.headersTimeoutMs = Math.min(limits.headersTimeoutMs, limits.timeoutMs);
  }
  if (values['max-size'] !== undefined) {
    const mb = Number(values['max-size']);
    if (!Number.isFinite(mb) || mb <= 0) throw new SourceCommandError(command, `--max-size is megabytes above 0, got ${quote(values['max-size'])}`);
    limits.maxBytes = Math.round(mb * 1024 * 1024);
  }
  return limits;
}

export const FETCH_OPTIONS = { timeout: { type: 'string' }, 'max-size': { type: 'string' } } as const;
