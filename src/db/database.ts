import type { DataSource } from 'typeorm';
import { Mutex } from 'async-mutex';
import { databaseKindOf, type DatabaseKind } from './data-source';
import { SqliteWriter } from './sqlite-writer';
import { directQueryOf, type DirectQuery } from './direct-query';

/** A statement parameter. */
export type SqlValue = string | number | boolean | null;

/** Something SQL can be sent to: the database, or one transaction of it. */
export interface SqlExecutor {
  readonly kind: DatabaseKind;
  query<T = Record<string, unknown>>(sql: string, params?: SqlValue[]): Promise<T[]>;
}

/**
 * The raw-SQL door services use for reads TypeORM's query builder makes slow or awkward
 * (keyset pages, windowed per-parent pages, GROUP BY). SQL is written once with `?`
 * placeholders and rewritten to `$n` for PostgreSQL.
 */
export class Database implements SqlExecutor {
  readonly kind: DatabaseKind;
  private readonly rewritten = new Map<string, string>();
  private readonly sqliteTurns = new Mutex();

  private readonly sqliteWriter: SqliteWriter | null = null;
  private readonly direct: DirectQuery;

  constructor(readonly dataSource: DataSource) {
    this.kind = databaseKindOf(
      dataSource.options.type === 'postgres' ? 'postgres://' : 'sqlite:',
    );
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
  async query<T = Record<string, unknown>>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    return (await this.direct(this.dialect(sql), params.map(toDriverValue))) as T[];
  }

  /**
   * Runs fn in one transaction on one connection: committed when fn resolves, rolled back
   * when it throws. Statements must go through the executor fn is given. On a SQLite file,
   * transactions run on a connection of their own (SqliteWriter), so reads elsewhere never
   * see uncommitted rows, and take turns on it; an in-memory SQLite database has only
   * TypeORM's one connection, where overlapping transactions would otherwise nest.
   */
  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const writer = this.sqliteWriter;
    if (writer) return this.sqliteTurns.runExclusive(() => writer.transaction(fn));
    if (this.kind === 'sqlite') return this.sqliteTurns.runExclusive(() => this.runTransaction(fn));
    return this.runTransaction(fn);
  }

  private async runTransaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    const tx: SqlExecutor = {
      kind: this.kind,
      query: async <R>(sql: string, params: SqlValue[] = []) =>
        rowsOf<R>(await runner.query(this.dialect(sql), params.map(toDriverValue))),
    };
    try {
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

  /** `sql` with `?` placeholders in this database's dialect. */
  dialect(sql: string): string {
    if (this.kind === 'sqlite') return sql;
    let out = this.rewritten.get(sql);
    if (out === undefined) {
      let n = 0;
      out = sql.replace(/\?/g, () => `$${++n}`);
      this.rewritten.set(sql, out);
    }
    return out;
  }
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

/** `?, ?, ?` for n values. */
export function placeholders(n: number): string {
  return new Array(n).fill('?').join(', ');
}
