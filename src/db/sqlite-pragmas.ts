/** What a better-sqlite3 connection is set up with (the part of its API used here). */
interface PragmaTarget {
  pragma(source: string): unknown;
}

/**
 * The settings of every SQLite connection we open, the data source's and the writer's:
 * WAL (reads go on while one connection writes), synchronous NORMAL (safe with WAL),
 * foreign keys enforced. `busyTimeoutMs` is how long SQLite itself waits for another
 * process's write lock; the writer says 0 (see SqliteWriter), as a busy wait inside SQLite
 * blocks the event loop.
 */
export function applySqlitePragmas(connection: PragmaTarget, busyTimeoutMs: number): void {
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = NORMAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma(`busy_timeout = ${busyTimeoutMs}`);
}
