import type { Database } from './database';
import { postgresPoolOf } from './driver-handles';

/**
 * Reports errors of idle PostgreSQL connections (the server restarted, a proxy cut them).
 * node-postgres emits them on the pool, and an unheard 'error' event would end the
 * process; TypeORM listens already but only tells its logger, which drops it. The pool
 * throws such clients away and makes new ones on the next query, so this only reports.
 */
export function reportPoolErrors(db: Database, report: (err: Error) => void): void {
  postgresPoolOf(db.dataSource)?.on('error', report);
}
