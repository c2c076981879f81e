import type { Pool } from 'pg';
import type { Database } from './database';

/**
 * Reports errors of idle PostgreSQL connections (the server restarted, a proxy cut them).
 * node-postgres emits them on the pool, and an unheard 'error' event would end the
 * process; TypeORM listens already but only tells its logger, which drops it. The pool
 * throws such clients away and makes new ones on the next query, so this only reports.
 */
export function reportPoolErrors(db: Database, report: (err: Error) => void): void {
  if (db.kind !== 'postgres') return;
  const pool = (db.dataSource.driver as unknown as { master?: Pool }).master;
  pool?.on('error', report);
}
