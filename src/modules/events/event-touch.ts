import type { SqlExecutor } from '../../db/database';
import type { EventPart } from '../organizers';
import { appendEventChanges, EventChangeKind } from '../changes';

const EVENTS_OF: Record<EventPart, string> = {
  organizer: 'SELECT event_id FROM event_organizer WHERE organizer_id = ?',
  campaign: 'SELECT id FROM event WHERE campaign_id = ?',
  patron: 'SELECT event_id FROM event_patron WHERE patron_id = ?',
};

/**
 * Marks the events that show a changed organiser, campaign or patron as changed: their
 * `updated_at` moves to `at` (or one millisecond past its own value, never backwards), so
 * partners' incremental pulls (`updatedSince`) fetch them again with the new name. Their
 * `version` stays: nothing an editor wrote changed, so no editor gets a CONFLICT for it.
 * Each touched event gets an UPDATED entry in the change log (with its unchanged version and
 * status): what its viewers see of it changed. Runs in the writer's transaction. The
 * organiser, campaign and patron writers get it as their EventTouch from server/services.ts.
 */
export async function touchEventsShowing(tx: SqlExecutor, part: EventPart, key: number, at: number): Promise<void> {
  // Row locks in ascending id order first: two writers touching overlapping sets of events
  // (two organisers of the same events) then queue instead of deadlocking.
  await tx.dialect.lockRowsSelected(tx, 'event', EVENTS_OF[part], [key]);
  await tx.query(
    `UPDATE event SET updated_at = CASE WHEN updated_at >= ? THEN updated_at + 1 ELSE ? END WHERE id IN (${EVENTS_OF[part]})`,
    [at, at, key],
  );
  const touched = await tx.query<{ id: number; version: number; status: string }>(
    `SELECT id, version, status FROM event WHERE id IN (${EVENTS_OF[part]}) ORDER BY id`, [key]);
  await appendEventChanges(tx, touched.map((e) => ({
    eventKey: Number(e.id), kind: EventChangeKind.UPDATED, version: Number(e.version),
    status: e.status, previousStatus: e.status, droppedOrganizerKeys: [],
  })));
}
