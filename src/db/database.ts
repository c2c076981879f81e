import type { DataSource, QueryRunner } from 'typeorm';
import { Mutex } from 'async-mutex';
import { dataSourceKind, type DatabaseKind } from './data-source';
import { dialectOf, type Dialect } from './dialect';
import { SqliteWriter } from './sqlite-writer';
import { directQueryOf, type DirectQuery } from './direct-query';
import { DatabaseBusyError } from '../shared/errors';
import { backoffMs, contentionOf, MAX_RUNS, NotStarted, sleep, turnBefore, WRITE_WAIT_MS } from './write-contention';

/** A statement parameter. */
export type SqlValue = string | number | boolean | null;

/** How a read outside a transaction is sent. */
export interface QueryOptions {
  /**
   * The statement looks rows up by key (`id IN (…)`, a slug): its best plan does not depend
   * on the values, so on PostgreSQL it is a named prepared statement, planned once per
   * connection (direct-query.ts). Leave it unset for filters and ranges.
   */
  byKey?: boolean;
}

/** The options of a lookup by key. */
export const BY_KEY: QueryOptions = Object.freeze({ byKey: true });

/** Something SQL can be sent to: the database, or one transaction of it. */
export interface SqlExecutor {
  readonly kind: DatabaseKind;
  /** How SQL differs on this engine: row locks, placeholders, statistics (see dialect.ts). */
  readonly dialect: Dialect;
  query<T = Record<string, unknown>>(sql: string, params?: SqlValue[]): Promise<T[]>;
}

/** How a transaction may be retried. */
export interface TransactionOptions {
  /**
   * fn does nothing but statements on its tx (no counters, no messages outside): after a
   * deadlock or serialization failure it is run again from the start, a few times within
   * the wait. Without it such a failure is a retryable CONFLICT at once. A transaction
   * that never began (the lock stayed taken) is always retried, as fn has not run.
   */
  rerunnable?: boolean;
}

/**
 * The raw-SQL door services use for reads TypeORM's query builder makes slow or awkward
 * (keyset pages, windowed per-parent pages, GROUP BY). SQL is written once with `?`
 * placeholders and rewritten to `$n` for PostgreSQL (once per statement text: cached).
 */
export class Database implements SqlExecutor {
  readonly kind: DatabaseKind;
  readonly dialect: Dialect;
  private readonly rewritten = new Map<string, string>();
  private readonly sqliteTurns = new Mutex();
  /** Transactions of this process waiting for their turn on the SQLite writer. */
  private queued = 0;

  private readonly sqliteWriter: SqliteWriter | null = null;
  private readonly direct: DirectQuery;

  /** How long a transaction waits for other writers in all (WRITE_WAIT_MS unless a test says). */
  writeWaitMs = WRITE_WAIT_MS;

  constructor(readonly dataSource: DataSource) {
    this.kind = dataSourceKind(dataSource);
    this.dialect = dialectOf(this.kind);
    this.direct = directQueryOf(dataSource);
    const file = dataSource.options.database;
    if (this.kind === 'sqlite' && typeof file === 'string' && file !== ':memory:') {
      const writer = new SqliteWriter(file, dataSource.logger);
      this.sqliteWriter = writer;
      // Everything closes the database through its data source; the writer goes with it.
      const destroy = dataSource.destroy.bind(dataSource);
      dataSource.destroy = async () => {
        writer.close();
        await destroy();
      };
    }
  }

  /** Rows of a SELECT. */
  async query<T = Record<string, unknown>>(sql: string, params: SqlValue[] = [], options?: QueryOptions): Promise<T[]> {
    return (await this.direct(this.native(sql), params.map(toDriverValue), options?.byKey)) as T[];
  }

  /**
   * Runs fn in one transaction on one connection: committed when fn resolves, rolled back
   * when it throws. Statements must go through the executor fn is given. On a SQLite file,
   * transactions run on a connection of their own (SqliteWriter), so reads elsewhere never
   * see uncommitted rows, and take turns on it; an in-memory SQLite database has only
   * TypeORM's one connection, where overlapping transactions would otherwise nest.
   *
   * Waiting for other writers is bounded (writeWaitMs from the call, queue included): a
   * lock that stays taken, or deadlocks that keep recurring, end in DatabaseBusyError
   * (CONFLICT, retryable) with nothing written, never in a driver error.
   */
  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const deadline = Date.now() + this.writeWaitMs;
    for (let run = 1; ; run += 1) {
      try {
        return await this.once(fn, deadline);
      } catch (err) {
        const contention = err instanceof NotStarted ? 'busy' : contentionOf(err);
        if (contention === null) throw err;
        const again = !(err instanceof NotStarted) && options.rerunnable === true && run < MAX_RUNS;
        if (!again || Date.now() >= deadline) throw new DatabaseBusyError();
        await sleep(backoffMs(run + 2, deadline));
      }
    }
  }

  private async once<T>(fn: (tx: SqlExecutor) => Promise<T>, deadline: number): Promise<T> {
    const writer = this.sqliteWriter;
    if (this.kind === 'postgres') return this.runTransaction(fn, deadline);
    this.queued += 1;
    let release: () => void;
    try {
      release = await turnBefore(this.sqliteTurns, deadline);
    } finally {
      this.queued -= 1;
    }
    try {
      return writer ? await writer.transaction(fn, deadline, () => this.queued > 0) : await this.runTransaction(fn, deadline);
    } finally {
      release();
    }
  }

  private async runTransaction<T>(fn: (tx: SqlExecutor) => Promise<T>, deadline: number): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    const tx = executorOnRunner(runner, (sql) => this.native(sql));
    try {
      // A row lock held elsewhere is waited for only until the deadline (then 55P03, busy).
      const lockTimeout = this.dialect.lockTimeout(deadline - Date.now());
      if (lockTimeout !== null) await runner.query(lockTimeout);
      const result = await fn(tx);
      await runner.commitTransaction();
      return result;
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw err;
    } finally {
      await runner.release();
    }
  }

  /** `sql` with `?` placeholders in this database's form, each text rewritten once. */
  private native(sql: string): string {
    if (this.kind === 'sqlite') return sql;
    let out = this.rewritten.get(sql);
    if (out === undefined) {
      out = this.dialect.native(sql);
      this.rewritten.set(sql, out);
    }
    return out;
  }
}

/**
 * A TypeORM query runner (in a transaction, or a migration's) as an executor taking `?`
 * placeholders: the one adapter between TypeORM's connections and our SQL. `native`
 * rewrites the placeholders (Database passes its cached rewrite).
 */
export function executorOnRunner(runner: QueryRunner, native?: (sql: string) => string): SqlExecutor {
  const dialect = dialectOf(dataSourceKind(runner.connection));
  const rewrite = native ?? dialect.native;
  return {
    kind: dialect.kind,
    dialect,
    query: async <R>(sql: string, params: SqlValue[] = []) =>
      rowsOf<R>(await runner.query(rewrite(sql), params.map(toDriverValue))),
  };
}

/**
 * The rows of a result. TypeORM answers an UPDATE or DELETE on PostgreSQL with
 * [rows, rowCount] (on SQLite with the rows): every caller gets the rows, on both.
 */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}

function toDriverValue(v: SqlValue): SqlValue {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

