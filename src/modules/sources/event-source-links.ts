import type { EventImportWriter, ImportWrite } from '../events';
import type { Source } from './source.types';

// An import's own writes: the links between a source's records and the events they
// announce (event_source). The events themselves are written by the events module's import
// entry points (EventImportWriter), on the same transaction.

/**
 * What one import writes with: its transaction, the source (`sourceName` is its name), one
 * clock, and the events' writer, which takes this as its ImportWrite.
 */
export interface ImportTx extends ImportWrite {
  source: Source;
  events: EventImportWriter;
}

/** Links a record of this source to the event created for it. */
export async function linkCreated(t: ImportTx, key: number, sourceId: string, hash: string): Promise<void> {
  await t.tx.query(
    `INSERT INTO event_source (source_id, external_id, event_id, content_hash, imported_at, last_seen_at, vanished_at, merged_by)
     VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)`,
    [t.source.pk, sourceId, key, hash, t.now, t.now],
  );
}

/** Links a record of this source to an existing event of another (a merge), saying why. */
export async function linkMerged(t: ImportTx, key: number, sourceId: string, hash: string, reason: string): Promise<void> {
  await t.tx.query(
    `INSERT INTO event_source (source_id, external_id, event_id, content_hash, imported_at, last_seen_at, vanished_at, merged_by)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?)`,
    [t.source.pk, sourceId, key, hash, t.now, t.now, reason],
  );
}

/** Marks a link as announced now, with the record's hash. */
export async function markSeen(t: ImportTx, sourceId: string, hash: string): Promise<void> {
  await t.tx.query(
    'UPDATE event_source SET content_hash = ?, last_seen_at = ?, vanished_at = NULL WHERE source_id = ? AND external_id = ?',
    [hash, t.now, t.source.pk, sourceId],
  );
}
