import type { Database, QueryOptions, SqlExecutor, SqlValue, TransactionOptions } from './database';
import type { QueryStats } from './query-stats';

/**
 * The database as one request sees it: the same connections, mutex and caches (the view
 * inherits them from `db`), with every statement counted into the request's stats. A
 * transaction counts its statements and its BEGIN and COMMIT (or ROLLBACK), as TypeORM's
 * logger does. Counting by passing this view along, instead of finding the request in an
 * AsyncLocalStorage, costs one object per request and no promise hooks.
 */
export function countingDatabase(db: Database, stats: QueryStats): Database {
  const view = Object.create(db) as Database;
  view.query = <T>(sql: string, params?: SqlValue[], options?: QueryOptions): Promise<T[]> => {
    stats.sqlStatements += 1;
    return db.query<T>(sql, params, options);
  };
  view.transaction = <T>(fn: (tx: SqlExecutor) => Promise<T>, options?: TransactionOptions): Promise<T> =>
    db.transaction((tx) => {
      stats.sqlStatements += 2;
      return fn({
        kind: tx.kind,
        dialect: tx.dialect,
        query: <R>(sql: string, params?: SqlValue[]) => {
          stats.sqlStatements += 1;
          return tx.query<R>(sql, params);
        },
      });
    }, options);
  return view;
}
