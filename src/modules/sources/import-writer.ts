import { isDeepStrictEqual } from 'node:util';
import type { SqlExecutor } from '../../db/database';
import { EntityReader } from '../../db/entity-reader';
import { toGlobalId } from '../../shared/global-id';
import type { AuditService } from '../audit/audit.service';
import { changesBetween } from '../audit/audit-changes';
import { Event } from '../events/event.entity';
import { EventStatus } from '../events/event.enums';
import { slugBase } from '../events/event-write.service';
import { startsLocalOf } from '../events/event-derived';
import { auditSnapshot } from '../events/event-write.snapshot';
import { valuesOf, type EventValues, type OrganizerRef } from '../events/event-write.values';
import {
  freeSlug, insertEvent, readForChange, updateEvent, updateStatus, writeLinks, type StoredEvent,
} from '../events/event-write.store';
import type { Source } from './source.types';

// The writes of an import, each on the batch's transaction and each with its audit entry
// (actor `source:<name>`). Events go through the write side's store: same columns, same
// derived values, same links as an event written through the API.

/** What one import writes with: its transaction, the source, the audit trail, one clock. */
export interface ImportTx {
  tx: SqlExecutor;
  source: Source;
  audit: AuditService;
  reader: EntityReader<Event>;
  now: number;
}

/** Reason stored on an event its source calls cancelled. */
export function cancelledBySource(source: Source): string {
  return `Cancelled by its source "${source.name}".`;
}

/** Reason stored on an event that vanished from every source that announced it. */
export function vanishedFrom(source: Source, at: number): string {
  return `No longer announced by its source "${source.name}" (gone from its feed on ${new Date(at).toISOString().slice(0, 10)}).`;
}

/** True for a cancellation an import made (and a later import may undo); one by a person stays. */
function cancelledByImport(reason: string | null): boolean {
  return reason !== null && (reason.startsWith('Cancelled by its source "') || reason.startsWith('No longer announced by its source "'));
}

/**
 * Inserts a new event for a record and links it to the source; returns its key.
 * `duplicateOf`: the other source's event it seems to repeat (kept for the moderator).
 */
export async function createImported(
  t: ImportTx, values: EventValues, status: EventStatus, sourceId: string, hash: string, duplicateOf: number | null = null,
): Promise<number> {
  // The status decides the slug as for submitEvent: a hidden event's slug must not reveal other hidden ones.
  const slug = await freeSlug(t.tx, slugBase(values.titleDe, startsLocalOf(values.startsAt, values.timeZone)), status);
  const key = await insertEvent(t.tx, values, { slug, status, now: t.now });
  if (duplicateOf !== null) await t.tx.query('UPDATE event SET duplicate_of_id = ? WHERE id = ?', [duplicateOf, key]);
  if (status === EventStatus.CANCELLED) {
    await t.tx.query('UPDATE event SET status_reason = ? WHERE id = ?', [cancelledBySource(t.source), key]);
  }
  await t.tx.query(
    `INSERT INTO event_source (source_id, external_id, event_id, content_hash, imported_at, last_seen_at, vanished_at, merged_by)
     VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)`,
    [t.source.pk, sourceId, key, hash, t.now, t.now],
  );
  await record(t, 'importEvent', key, null);
  return key;
}

/**
 * Rewrites the event a source created from its new record. Organisers are never dropped
 * (others may have been added by merges); the status follows the source where an import
 * set it and stays where a person decided it (published, rejected, cancelled by hand).
 * True when the event changed.
 */
export async function updateImported(
  t: ImportTx, key: number, incoming: EventValues, incomingStatus: EventStatus,
): Promise<boolean> {
  const before = await readForChange(t.tx, t.reader, key);
  if (before === null) return false;
  const current = valuesOf(before.event, before.links);
  const values: EventValues = { ...incoming, organizers: unionOf(current.organizers, incoming.organizers), campaignId: current.campaignId, patronIds: current.patronIds };
  const stored = before.event.status;
  let status = stored;
  let reason = before.event.statusReason;
  if (incomingStatus === EventStatus.CANCELLED) {
    if (stored !== EventStatus.CANCELLED) [status, reason] = [EventStatus.CANCELLED, cancelledBySource(t.source)];
  } else if (stored === EventStatus.CANCELLED && cancelledByImport(reason)) {
    [status, reason] = [incomingStatus, null];
  } else if (stored === EventStatus.SUBMITTED && incomingStatus === EventStatus.PUBLISHED) {
    status = EventStatus.PUBLISHED;
  }
  if (status === stored && isDeepStrictEqual(values, current)) return false;
  const now = Math.max(t.now, before.event.updatedAt);
  if (!(await updateEvent(t.tx, key, before.event.version, values, { status, statusReason: reason, now }))) {
    throw new Error(`event ${key} changed during its import`);
  }
  await writeLinks(t.tx, key, values, before.links);
  await record(t, 'updateEvent', key, before);
  return true;
}

/**
 * Adds organisers to an event (a merge, or a merged source's update); true when any was
 * new. A merge is recorded in the audit trail even when it adds none: the event gained a source.
 */
export async function addOrganizers(t: ImportTx, key: number, organizers: OrganizerRef[], action: string): Promise<boolean> {
  const before = await readForChange(t.tx, t.reader, key);
  if (before === null) return false;
  const current = valuesOf(before.event, before.links);
  const merged = unionOf(current.organizers, organizers);
  if (merged.length === current.organizers.length) {
    if (action === 'mergeEvent') await record(t, action, key, before);
    return false;
  }
  const now = Math.max(t.now, before.event.updatedAt);
  // Organisers are links, not content an editor wrote: the version stays, updated_at moves
  // (as touchEventsShowing does) so incremental pulls see the new organiser.
  await writeLinks(t.tx, key, { ...current, organizers: merged }, before.links);
  await t.tx.query('UPDATE event SET updated_at = ? WHERE id = ?', [now, key]);
  await record(t, action, key, before);
  return true;
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

/** Cancels an event every source of it has dropped (never deletes it); true when it was not cancelled yet. */
export async function cancelVanished(t: ImportTx, key: number): Promise<boolean> {
  const before = await readForChange(t.tx, t.reader, key);
  if (before === null || before.event.status === EventStatus.CANCELLED) return false;
  const now = Math.max(t.now, before.event.updatedAt);
  const reason = vanishedFrom(t.source, t.now);
  if (!(await updateStatus(t.tx, key, before.event.version, { status: EventStatus.CANCELLED, statusReason: reason, now }))) {
    throw new Error(`event ${key} changed during its import`);
  }
  await record(t, 'cancelEvent', key, before);
  return true;
}

function unionOf(a: OrganizerRef[], b: OrganizerRef[]): OrganizerRef[] {
  const out = [...a];
  for (const o of b) if (!out.some((x) => x.key === o.key)) out.push(o);
  return out;
}

async function record(t: ImportTx, action: string, key: number, before: StoredEvent | null): Promise<void> {
  const after = await readForChange(t.tx, t.reader, key);
  if (after === null) throw new Error(`event ${key} vanished inside its own import`);
  await t.audit.record(t.tx, {
    at: t.now,
    actor: `source:${t.source.name}`,
    action,
    entityType: 'Event',
    entityId: toGlobalId('Event', key),
    changes: changesBetween(before === null ? null : auditSnapshot(before), auditSnapshot(after)),
  });
}
