import type { SqlExecutor } from '../../db/database';
import { insertRows } from '../../db/bulk-insert';
import type { EventChangeEntry, EventChangeKind } from './event-change-kind';

const COLUMNS = ['event_id', 'kind', 'version', 'status', 'previous_status', 'dropped_organizer_ids', 'at'];

/**
 * Appends entries to the change log on the writer's transaction `tx`, in their order: they
 * are committed exactly when the change is. Call it last in the transaction, after every row
 * lock the write takes: on PostgreSQL appends take turns from here until their commit (an
 * advisory lock), so entries become visible in the order of their sequence ids and a reader
 * that resumes after the last id it saw never skips one committed later with a lower id.
 * SQLite's transactions take turns anyway. `at`: the entries' time (now unless a test says),
 * never before the previous entry's, so times along the sequence never decrease even when
 * the clocks of several instances disagree a little (pruning by time then cuts a prefix).
 */
export async function appendEventChanges(tx: SqlExecutor, entries: readonly EventChangeEntry[], now = Date.now()): Promise<void> {
  if (entries.length === 0) return;
  await tx.dialect.advisoryLock(tx, 'event-change-log', 'append');
  const [last] = await tx.query<{ at: number }>('SELECT at FROM event_change ORDER BY seq DESC LIMIT 1');
  const at = Math.max(now, last === undefined ? 0 : Number(last.at));
  await insertRows(tx, 'event_change', COLUMNS, entries.map((e) => [
    e.eventKey, e.kind, e.version, e.status, e.previousStatus,
    e.droppedOrganizerKeys.length === 0 ? null : e.droppedOrganizerKeys.join(','), at,
  ]));
}

/** An entry as read back from the log. */
export interface LoggedEventChange extends EventChangeEntry {
  seq: number;
  at: number;
}

/**
 * The entries after position `afterSeq`, oldest first, at most `limit`: how a reader resumes.
 * A reader whose position is below the oldest kept entry's seq minus one missed pruned entries.
 */
export async function eventChangesAfter(db: SqlExecutor, afterSeq: number, limit: number): Promise<LoggedEventChange[]> {
  const rows = await db.query<Record<string, string | number | null>>(
    `SELECT seq, event_id, kind, version, status, previous_status, dropped_organizer_ids, at
     FROM event_change WHERE seq > ? ORDER BY seq LIMIT ?`, [afterSeq, limit]);
  return rows.map((r) => ({
    seq: Number(r.seq),
    eventKey: Number(r.event_id),
    kind: r.kind as EventChangeKind,
    version: Number(r.version),
    status: String(r.status),
    previousStatus: r.previous_status === null ? null : String(r.previous_status),
    droppedOrganizerKeys: r.dropped_organizer_ids === null ? [] : String(r.dropped_organizer_ids).split(',').map(Number),
    at: Number(r.at),
  }));
}
