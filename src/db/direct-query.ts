import type BetterSqlite3 from 'better-sqlite3';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { sqliteRunner } from './sqlite-statements';

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
  const run = sqliteRunner((dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection);
  return async (sql, params) => {
    logger.logQuery(sql, params);
    return run(sql, params);
  };
}
