import type BetterSqlite3 from 'better-sqlite3';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/** Sends one statement outside any transaction and answers its rows ([] for a write without RETURNING). */
export type DirectQuery = (sql: string, params: unknown[]) => Promise<unknown[]>;

/**
 * Statements straight to the driver TypeORM opened: better-sqlite3's connection with a
 * prepared-statement cache, or node-postgres' pool. TypeORM's `dataSource.query` makes,
 * connects and releases a query runner and broadcasts events around every statement;
 * on the point lookup that was 24 % of the server's CPU (test/bench/RESULTS.md). Every
 * statement still goes through the data source's logger, which counts it for the request.
 */
export function directQueryOf(dataSource: DataSource): DirectQuery {
  const logger = dataSource.logger;
  if (dataSource.options.type === 'postgres') {
    const pool = (dataSource.driver as unknown as { master: Pool }).master;
    return async (sql, params) => {
      logger.logQuery(sql, params);
      return (await pool.query(sql, params)).rows;
    };
  }
  const connection = (dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
  const statements = new Map<string, BetterSqlite3.Statement>();
  return async (sql, params) => {
    logger.logQuery(sql, params);
    let statement = statements.get(sql);
    if (!statement) {
      statement = connection.prepare(sql);
      if (statements.size >= 500) statements.delete(statements.keys().next().value as string);
      statements.set(sql, statement);
    }
    if (statement.reader) return statement.all(...params) as unknown[];
    statement.run(...params);
    return [];
  };
}
