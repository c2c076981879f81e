import { isDeepStrictEqual } from 'node:util';
import type { Database, SqlExecutor } from '../../db/database';
import { entityReader, type EntityReader } from '../../db/entity-reader';
import { toGlobalId } from '../../shared/global-id';
import { changesBetween, type AuditService } from '../audit';
import { appendEventChanges, type EventChangeEntry } from '../changes';
import { Event } from './event.entity';
import { CancelledBy, EventStatus } from './event.enums';
import { indexEvents } from './event-search';
import { startsLocalOf } from './event-derived';
import type { EventFieldsInput } from './event-write.inputs';
import { slugBase } from './event-write.service';
import { auditSnapshot } from './event-write.snapshot';
import { eventChangeOf } from './event-change-of';
import { checkEventValues } from './event-write.validation';
import { valuesOf, type EventValues, type OrganizerRef } from './event-write.values';
import {
  freeSlug, insertEvent, readForChange, updateEvent, updateStatus, writeLinks, writeLookups,
  type StatusState, type StoredEvent,
} from './event-write.store';

// The event writes of an import, the second way in next to the mutations (EventWriteService):
// the same store, derived values, links, search index and audit snapshots, with the status
// rules of imports. The sources module decides which of these to call (it parses, matches
// and keeps the links to its records); how an event is written is decided here.

/** One import's writes: its transaction, the source it reads (by name) and one clock. */
export interface ImportWrite {
  tx: SqlExecutor;
  /** The source's name: the audit actor is `source:<name>`, and the reasons name it. */
  sourceName: string;
  now: number;
  /**
   * The change-log entries of the writes so far on this transaction (start with []), appended
   * by finishBatch just before the commit: an append takes the log's turn until the commit,
   * which the rest of a batch must not hold (it would keep every other event write waiting,
   * and lock rows while holding it).
   */
  changes: EventChangeEntry[];
}

/** What a source says of an event's status, and whether the source is trusted to publish. */
export interface ImportedStatus {
  cancelled: boolean;
  trusted: boolean;
}

/** Reason stored on an event its source calls cancelled. */
function cancelledBySource(sourceName: string): string {
  return `Cancelled by its source "${sourceName}".`;
}

/** Reason stored on an event that vanished from every source that announced it. */
function vanishedFrom(sourceName: string, at: number): string {
  return `No longer announced by its source "${sourceName}" (gone from its feed on ${new Date(at).toISOString().slice(0, 10)}).`;
}

/** The status an imported event starts in: cancelled in the source, else by the source's trust. */
function statusOnImport(s: ImportedStatus): EventStatus {
  if (s.cancelled) return EventStatus.CANCELLED;
  return s.trusted ? EventStatus.PUBLISHED : EventStatus.SUBMITTED;
}

/**
 * The status after a source's new record of an event it created: the source's cancellation
 * applies; an import's cancellation is undone when the source announces the event again, a
 * person's stays; a trusted source publishes what waited for review; anything a person
 * decided otherwise (published, rejected) stays.
 */
function statusOnReimport(before: Event, incoming: EventStatus, sourceName: string): StatusState {
  const kept: StatusState = { status: before.status, statusReason: before.statusReason, cancelledBy: before.cancelledBy };
  if (incoming === EventStatus.CANCELLED) {
    if (before.status === EventStatus.CANCELLED) return kept;
    return { status: EventStatus.CANCELLED, statusReason: cancelledBySource(sourceName), cancelledBy: CancelledBy.IMPORT };
  }
  if (before.status === EventStatus.CANCELLED && before.cancelledBy === CancelledBy.IMPORT) {
    return { status: incoming, statusReason: null, cancelledBy: null };
  }
  if (before.status === EventStatus.SUBMITTED && incoming === EventStatus.PUBLISHED) return { ...kept, status: EventStatus.PUBLISHED };
  return kept;
}

/**
 * The entry points an import writes events through, each on the import's transaction and
 * each with its audit entry (actor `source:<name>`) and its change-log entry. Re-indexing
 * for search and appending to the change log are left to the caller, once per batch, at its
 * end (see finishBatch).
 */
export class EventImportWriter {
  private readonly reader: EntityReader<Event>;

  constructor(db: Database, private readonly audit: AuditService) {
    this.reader = entityReader(db.dataSource, Event);
  }

  /** The first of the candidate region codes that is a known region, or null. */
  async firstKnownRegion(tx: SqlExecutor, candidates: readonly string[]): Promise<string | null> {
    const lookups = writeLookups(tx);
    for (const candidate of candidates) if (await lookups.regionExists(candidate)) return candidate;
    return null;
  }

  /**
   * A record's fields as the mutations check them (organisers may be none: a source need not
   * name one we know); throws the same BAD_USER_INPUT error a mutation would.
   */
  check(tx: SqlExecutor, input: EventFieldsInput): Promise<EventValues> {
    return checkEventValues(input, 'input', writeLookups(tx), null, { organizersOptional: true });
  }

  /**
   * Inserts a new event for a record; returns its key. `duplicateOf`: the other source's
   * event it seems to repeat (kept for the moderator).
   */
  async create(w: ImportWrite, values: EventValues, state: ImportedStatus, duplicateOf: number | null = null): Promise<number> {
    const status = statusOnImport(state);
    // The status decides the slug as for submitEvent: a hidden event's slug must not reveal other hidden ones.
    const slug = await freeSlug(w.tx, slugBase(values.titleDe, startsLocalOf(values.startsAt, values.timeZone)), status);
    const key = await insertEvent(w.tx, values, { slug, status, now: w.now });
    if (duplicateOf !== null) await w.tx.query('UPDATE event SET duplicate_of_id = ? WHERE id = ?', [duplicateOf, key]);
    if (status === EventStatus.CANCELLED) {
      await w.tx.query('UPDATE event SET status_reason = ?, cancelled_by = ? WHERE id = ?', [cancelledBySource(w.sourceName), CancelledBy.IMPORT, key]);
    }
    await this.record(w, 'importEvent', key, null, true);
    return key;
  }

  /**
   * Rewrites the event a source created from its new record. Organisers are never dropped
   * (others may have been added by merges), nor the campaign and patrons (a source has
   * none); the status follows statusOnReimport. True when the event changed.
   */
  async update(w: ImportWrite, key: number, incoming: EventValues, state: ImportedStatus): Promise<boolean> {
    const before = await readForChange(w.tx, this.reader, key);
    if (before === null) return false;
    const current = valuesOf(before.event, before.links);
    const values: EventValues = { ...incoming, organizers: unionOf(current.organizers, incoming.organizers), campaignId: current.campaignId, patronIds: current.patronIds };
    const status = statusOnReimport(before.event, statusOnImport(state), w.sourceName);
    if (status.status === before.event.status && isDeepStrictEqual(values, current)) return false;
    const now = Math.max(w.now, before.event.updatedAt);
    if (!(await updateEvent(w.tx, key, before.event.version, values, { ...status, now }))) {
      throw new Error(`event ${key} changed during its import`);
    }
    await writeLinks(w.tx, key, values, before.links);
    await this.record(w, 'updateEvent', key, before, true);
    return true;
  }

  /**
   * Merges a record of another source into an event: adds the organisers it names. Recorded
   * in the audit trail even when none is new (the event gained a source); true when one was.
   */
  merge(w: ImportWrite, key: number, organizers: OrganizerRef[]): Promise<boolean> {
    return this.addOrganizers(w, key, organizers, 'mergeEvent');
  }

  /** A merged source's update: adds the organisers it names; true (and recorded) when one was new. */
  addMergedOrganizers(w: ImportWrite, key: number, organizers: OrganizerRef[]): Promise<boolean> {
    return this.addOrganizers(w, key, organizers, 'updateEvent');
  }

  /** Cancels an event every source of it has dropped (never deletes it); true when it was not cancelled yet. */
  async cancelVanished(w: ImportWrite, key: number): Promise<boolean> {
    const before = await readForChange(w.tx, this.reader, key);
    if (before === null || before.event.status === EventStatus.CANCELLED) return false;
    const now = Math.max(w.now, before.event.updatedAt);
    const state: StatusState = { status: EventStatus.CANCELLED, statusReason: vanishedFrom(w.sourceName, w.now), cancelledBy: CancelledBy.IMPORT };
    if (!(await updateStatus(w.tx, key, before.event.version, { ...state, now }))) {
      throw new Error(`event ${key} changed during its import`);
    }
    await this.record(w, 'cancelEvent', key, before, true);
    return true;
  }

  /**
   * Ends a batch, last on its transaction: re-indexes the events it wrote (`keys`) for
   * search, once for all of them, and appends its change-log entries (w.changes, emptied).
   */
  async finishBatch(w: ImportWrite, keys: number[]): Promise<void> {
    if (keys.length > 0) await indexEvents(w.tx, keys);
    const entries = w.changes.splice(0);
    await appendEventChanges(w.tx, entries);
  }

  private async addOrganizers(w: ImportWrite, key: number, organizers: OrganizerRef[], action: 'mergeEvent' | 'updateEvent'): Promise<boolean> {
    const before = await readForChange(w.tx, this.reader, key);
    if (before === null) return false;
    const current = valuesOf(before.event, before.links);
    const merged = unionOf(current.organizers, organizers);
    if (merged.length === current.organizers.length) {
      if (action === 'mergeEvent') await this.record(w, action, key, before, false);
      return false;
    }
    const now = Math.max(w.now, before.event.updatedAt);
    // Organisers are links, not content an editor wrote: the version stays, updated_at moves
    // (as touchEventsShowing does) so incremental pulls see the new organiser.
    await writeLinks(w.tx, key, { ...current, organizers: merged }, before.links);
    await w.tx.query('UPDATE event SET updated_at = ? WHERE id = ?', [now, key]);
    await this.record(w, action, key, before, true);
    return true;
  }

  /** Records a write in the audit trail and, when the event changed (`changed`), queues its change-log entry. */
  private async record(w: ImportWrite, action: string, key: number, before: StoredEvent | null, changed: boolean): Promise<void> {
    const after = await readForChange(w.tx, this.reader, key);
    if (after === null) throw new Error(`event ${key} vanished inside its own import`);
    await this.audit.record(w.tx, {
      at: w.now,
      actor: `source:${w.sourceName}`,
      action,
      entityType: 'Event',
      entityId: toGlobalId('Event', key),
      changes: changesBetween(before === null ? null : auditSnapshot(before), auditSnapshot(after)),
    });
    if (changed) w.changes.push(eventChangeOf(before, after));
  }
}

function unionOf(a: OrganizerRef[], b: OrganizerRef[]): OrganizerRef[] {
  const out = [...a];
  for (const o of b) if (!out.some((x) => x.key === o.key)) out.push(o);
  return out;
}
