import type BetterSqlite3 from 'better-sqlite3';

/** Runs one statement on a better-sqlite3 connection: the rows of a reading one (RETURNING included), [] for any other. */
export type SqliteRun = (sql: string, params: unknown[]) => unknown[];

/** How many prepared statements one connection keeps (oldest dropped first). */
const CACHED_STATEMENTS = 500;

/**
 * Statements on one connection, each prepared once: the reader (direct-query) and the
 * writer (sqlite-writer) connections both send the same few shapes of SQL again and again.
 */
export function sqliteRunner(connection: BetterSqlite3.Database): SqliteRun {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return (sql, params) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = connection.prepare(sql);
      if (statements.size >= CACHED_STATEMENTS) statements.delete(statements.keys().next().value as string);
      statements.set(sql, statement);
    }
    if (statement.reader) return statement.all(...params) as unknown[];
    statement.run(...params);
    return [];
  };
}
