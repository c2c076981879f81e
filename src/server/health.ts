import type { ServerResponse } from 'node:http';
import type { Database } from '../db/database';
import { migrationsApplied } from '../db/open';

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
  if (shuttingDown) return json(res, 503, { status: 'unavailable', reason: 'shutting down' });
  try {
    await db.query('SELECT 1 AS ok');
    if (!(await migrationsApplied(db))) return json(res, 503, { status: 'unavailable', reason: 'migrations pending' });
    json(res, 200, { status: 'ready' });
  } catch {
    json(res, 503, { status: 'unavailable', reason: 'database unreachable' });
  }
}
