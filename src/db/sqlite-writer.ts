import BetterSqlite3 from 'better-sqlite3';
import type { Logger } from 'typeorm';
import type { SqlExecutor, SqlValue } from './database';
import { dialectOf } from './dialect';
import { applySqlitePragmas } from './sqlite-pragmas';
import { sqliteRunner, type SqliteRun } from './sqlite-statements';
import { backoffMs, contentionOf, NotStarted, sleep } from './write-contention';

/**
 * SQLite has no queue for its write lock: a process that commits and begins again at once
 * keeps it, and another process polling for it (the server while the CLI imports, or the
 * other way round) only gets in through a gap. So this connection leaves one of GAP_MS
 * before its next transaction after one that held the lock at least LONG_HOLD_MS (an
 * import batch) when nobody of this process is queued for the writer, and also after
 * MAX_RUN_MS of transactions back to back, so a queue of short writes cannot starve
 * another process either. Short writes with a queue behind them keep the lock.
 */
const LONG_HOLD_MS = 20;
const GAP_MS = 15;
const MAX_RUN_MS = 1000;
/** A transaction that begins within this of the previous commit continues a run. */
const RUN_BREAK_MS = 5;
/** Longest pause between two tries for the write lock: well under GAP_MS, so a gap is seen. */
const POLL_CAP_MS = 4;

/**
 * A second connection to a SQLite file, used only for transactions. TypeORM's
 * better-sqlite3 driver has one connection for everything, and a transaction spans awaits:
 * other requests' reads would run inside it and see its uncommitted rows (and lose them
 * again on a rollback). With writes on their own connection, WAL gives every read on the
 * main connection the last committed state, as PostgreSQL's READ COMMITTED does.
 */
const SQLITE = dialectOf('sqlite');

export class SqliteWriter {
  private readonly connection: BetterSqlite3.Database;
  private readonly statements: SqliteRun;
  /** When this connection's next transaction may begin (see GAP_MS). */
  private nextBegin = 0;
  /** When the current run of back-to-back transactions began, and the last commit. */
  private runStart = 0;
  private lastEnd = 0;

  constructor(path: string, private readonly logger: Logger) {
    this.connection = new BetterSqlite3(path);
    // No busy wait inside SQLite: it would block the event loop (every request of the
    // server) while another process writes. transaction() polls for the lock instead.
    applySqlitePragmas(this.connection, 0);
    this.statements = sqliteRunner(this.connection);
  }

  /**
   * Runs fn between BEGIN IMMEDIATE (the write lock up front: no deadlock when two
   * processes both upgrade from reading) and COMMIT, or ROLLBACK when fn throws. Callers
   * take turns (Database holds a mutex): one connection holds one transaction at a time.
   * While another process holds the write lock, BEGIN is tried again after short pauses
   * until `deadline`; then NotStarted, with nothing run. `othersWaiting` tells whether
   * transactions of this process are queued behind this one.
   */
  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, deadline: number, othersWaiting: () => boolean): Promise<T> {
    await this.begin(deadline);
    const began = Date.now();
    if (began - this.lastEnd > RUN_BREAK_MS) this.runStart = began;
    const tx: SqlExecutor = {
      kind: 'sqlite',
      dialect: SQLITE,
      query: async <R>(sql: string, params: SqlValue[] = []) => this.run(sql, params) as R[],
    };
    try {
      const result = await fn(tx);
      this.run('COMMIT', []);
      return result;
    } catch (err) {
      if (this.connection.inTransaction) this.run('ROLLBACK', []);
      throw err;
    } finally {
      const ended = Date.now();
      this.lastEnd = ended;
      if ((ended - began >= LONG_HOLD_MS && !othersWaiting()) || ended - this.runStart >= MAX_RUN_MS) {
        this.nextBegin = ended + GAP_MS;
      }
    }
  }

  private async begin(deadline: number): Promise<void> {
    const wait = this.nextBegin - Date.now();
    if (wait > 0) await sleep(Math.min(wait, Math.max(0, deadline - Date.now())));
    for (let attempt = 1; ; attempt += 1) {
      try {
        this.run('BEGIN IMMEDIATE', []);
        return;
      } catch (err) {
        if (contentionOf(err) !== 'busy') throw err;
        if (Date.now() >= deadline) throw new NotStarted();
        await sleep(backoffMs(attempt, deadline, POLL_CAP_MS));
      }
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
