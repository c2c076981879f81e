import type { ServerResponse } from 'node:http';
import type { Database } from '../db/database';
import { migrationsApplied } from '../db/open';
import { recordOf } from './observability/request-record';

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Liveness: the process serves HTTP. */
export function healthz(res: ServerResponse): void {
  json(res, 200, { status: 'ok' });
}

/** Readiness: not shutting down, the database answers, and no migration is pending. */
export async function readyz(res: ServerResponse, db: Database, shuttingDown = false): Promise<void> {
  if (shuttingDown) return unavailable(res, 'shutting down', 'info'); // asked for: SIGTERM
  try {
    await db.query('SELECT 1 AS ok');
    if (!(await migrationsApplied(db))) return unavailable(res, 'migrations pending', 'warn');
    json(res, 200, { status: 'ready' });
  } catch {
    unavailable(res, 'database unreachable', 'warn');
  }
}

/** A 503 is readiness's report, logged at `level` rather than as a failed request. */
function unavailable(res: ServerResponse, reason: string, level: 'info' | 'warn'): void {
  const record = recordOf(res);
  if (record) record.logLevel = level;
  json(res, 503, { status: 'unavailable', reason });
}
