import type { Logger } from 'typeorm';

/**
 * What one request cost the database; filled while the request runs. Statements are
 * counted by the request's database view (countingDatabase), which services, loaders and
 * the key lookup are given through the request's context: no AsyncLocalStorage, whose
 * promise hooks cost 7 % of a nested page's CPU (test/bench/RESULTS.md), so counting is
 * always on and every request's log line has its count.
 */
export interface QueryStats {
  sqlStatements: number;
  startedAt: bigint;
}

let statementsSent = 0;

/** Every SQL statement this process sent so far (`clustergraph_sql_statements_total`). */
export function sqlStatementsSent(): number {
  return statementsSent;
}

/** Milliseconds since the stats were opened. */
export function elapsedMs(stats: QueryStats): number {
  return Number(process.hrtime.bigint() - stats.startedAt) / 1e6;
}

/** Receives each SQL statement as sent, with its parameters. */
export type StatementTracer = (sql: string, params: unknown[]) => void;

/**
 * TypeORM logger that counts the process's statements. TypeORM calls logQuery for every
 * statement it sends (including BEGIN/COMMIT), and so do the direct paths (direct-query,
 * sqlite-writer), so the count is the whole truth.
 */
export class StatementCountingLogger implements Logger {
  constructor(
    private readonly onError: (message: string) => void = () => {},
    /** Sees every statement with its parameters: LOG_LEVEL=trace, and the benchmark's floor. */
    private readonly onStatement?: StatementTracer,
  ) {}

  logQuery(query: string, parameters?: unknown[]): void {
    statementsSent += 1;
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
