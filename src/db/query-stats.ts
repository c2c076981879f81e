import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'typeorm';

/** What one request cost the database; filled while the request runs. */
export interface QueryStats {
  sqlStatements: number;
  startedAt: bigint;
}

const storage = new AsyncLocalStorage<QueryStats>();

/**
 * Runs fn with a fresh statement counter that every SQL statement inside it increments.
 * With `counting` off, fn runs outside any store and the counter stays 0: the store is an
 * AsyncLocalStorage, and once one is entered Node tracks every promise of the process
 * (7 % of a nested page's CPU in the benchmark's profile), so only servers that expose
 * the counts pay for them.
 */
export function withQueryStats<T>(fn: (stats: QueryStats) => T, counting = true): T {
  const stats: QueryStats = { sqlStatements: 0, startedAt: process.hrtime.bigint() };
  return counting ? storage.run(stats, () => fn(stats)) : fn(stats);
}

/** The counter of the request the caller runs in, if any. */
export function currentQueryStats(): QueryStats | undefined {
  return storage.getStore();
}

/** Milliseconds since the stats were opened. */
export function elapsedMs(stats: QueryStats): number {
  return Number(process.hrtime.bigint() - stats.startedAt) / 1e6;
}

/** Receives each SQL statement as sent, with its parameters. */
export type StatementTracer = (sql: string, params: unknown[]) => void;

/**
 * TypeORM logger that counts statements per request. TypeORM calls logQuery for every
 * statement it sends (including BEGIN/COMMIT), so the count is the whole truth.
 */
export class StatementCountingLogger implements Logger {
  constructor(
    private readonly onError: (message: string) => void = () => {},
    /** Sees every statement with its parameters: LOG_LEVEL=trace, and the benchmark's floor. */
    private readonly onStatement?: StatementTracer,
  ) {}

  logQuery(query: string, parameters?: unknown[]): void {
    const stats = storage.getStore();
    if (stats) stats.sqlStatements += 1;
    this.onStatement?.(query, parameters ?? []);
  }
  logQueryError(error: string | Error, query: string): void {
    this.onError(`query failed: ${error instanceof Error ? error.message : error} -- ${query.slice(0, 200)}`);
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
