import BetterSqlite3 from 'better-sqlite3';
import type { Logger } from 'typeorm';
import type { DatabaseKind } from './data-source';
import type { SqlExecutor, SqlValue } from './database';
import { sqliteRunner, type SqliteRun } from './sqlite-statements';

/**
 * A second connection to a SQLite file, used only for transactions. TypeORM's
 * better-sqlite3 driver has one connection for everything, and a transaction spans awaits:
 * other requests' reads would run inside it and see its uncommitted rows (and lose them
 * again on a rollback). With writes on their own connection, WAL gives every read on the
 * main connection the last committed state, as PostgreSQL's READ COMMITTED does.
 */
export class SqliteWriter {
  private readonly connection: BetterSqlite3.Database;
  private readonly statements: SqliteRun;

  constructor(path: string, private readonly logger: Logger) {
    this.connection = new BetterSqlite3(path);
    this.connection.pragma('journal_mode = WAL');
    this.connection.pragma('synchronous = NORMAL');
    this.connection.pragma('foreign_keys = ON');
    this.connection.pragma('busy_timeout = 5000');
    this.statements = sqliteRunner(this.connection);
  }

  /**
   * Runs fn between BEGIN IMMEDIATE (the write lock up front: no deadlock when two
   * processes both upgrade from reading) and COMMIT, or ROLLBACK when fn throws. Callers
   * take turns (Database holds a mutex): one connection holds one transaction at a time.
   */
  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    this.run('BEGIN IMMEDIATE', []);
    const tx: SqlExecutor = {
      kind: 'sqlite' as DatabaseKind,
      query: async <R>(sql: string, params: SqlValue[] = []) => this.run(sql, params) as R[],
    };
    try {
      const result = await fn(tx);
      this.run('COMMIT', []);
      return result;
    } catch (err) {
      if (this.connection.inTransaction) this.run('ROLLBACK', []);
      throw err;
    }
  }

  close(): void {
    if (this.connection.open) this.connection.close();
  }

  /** Rows of a reading statement (RETURNING included); [] for any other. */
  private run(sql: string, params: SqlValue[]): unknown[] {
    const values = params.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v));
    this.logger.logQuery(sql, values);
    return this.statements(sql, values);
  }
}
