import type { DataSource } from 'typeorm';
import { postgresPoolOf, sqliteConnectionOf } from './driver-handles';
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
    const pool = postgresPoolOf(dataSource);
    if (!pool) throw new Error('the PostgreSQL data source is not open');
    return async (sql, params) => {
      logger.logQuery(sql, params);
      return (await pool.query(sql, params)).rows;
    };
  }
  const run = sqliteRunner(sqliteConnectionOf(dataSource));
  return async (sql, params) => {
    logger.logQuery(sql, params);
    return run(sql, params);
  };
}
