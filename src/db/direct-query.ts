import type { DataSource } from 'typeorm';
import { postgresPoolOf, sqliteConnectionOf } from './driver-handles';
import { sqliteRunner } from './sqlite-statements';

/**
 * Sends one statement outside any transaction and answers its rows ([] for a write without
 * RETURNING). `byKey`: the statement looks rows up by key (see `QueryOptions`).
 */
export type DirectQuery = (sql: string, params: unknown[], byKey?: boolean) => Promise<unknown[]>;

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
    const nameOf = preparedNames(MAX_PREPARED_STATEMENTS);
    return async (sql, params, byKey) => {
      logger.logQuery(sql, params);
      const name = byKey ? nameOf(sql) : undefined;
      return (await pool.query(name === undefined ? { text: sql, values: params } : { name, text: sql, values: params })).rows;
    };
  }
  const run = sqliteRunner(sqliteConnectionOf(dataSource));
  return async (sql, params) => {
    logger.logQuery(sql, params);
    return run(sql, params);
  };
}

/**
 * How many distinct statement texts a process prepares on PostgreSQL. Lookups by key repeat
 * a small set of texts (a loader's `IN (?, …)` list varies with the batch size, so a few per
 * loader); past this many, a new text is sent unnamed, so an unusual stream of texts cannot
 * grow every connection's prepared statements without bound.
 */
export const MAX_PREPARED_STATEMENTS = 500;

/**
 * The name a statement text is prepared under on every pooled connection (node-postgres
 * parses a named statement once per connection, then only binds and executes it), or
 * undefined past `max` texts. A named statement skips PostgreSQL's parse and analysis and,
 * after five executions, its planning (one generic plan): on the point lookup that was
 * 0.20 of the database's 0.25 ms per request (peer-bench, PG CPU ms/req 0.20 → 0.05).
 * Only lookups by key are named: a generic plan of a range filter ignores how selective its
 * values are, and prepared that way the filtered count (Q3) fell from 540 to 188 req/s.
 */
export function preparedNames(max: number): (sql: string) => string | undefined {
  const names = new Map<string, string>();
  return (sql) => {
    let name = names.get(sql);
    if (name === undefined && names.size < max) {
      name = `cg_${names.size}`;
      names.set(sql, name);
    }
    return name;
  };
}
