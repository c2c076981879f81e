import { isDeepStrictEqual } from 'node:util';
import type { Database, SqlExecutor } from '../../db/database';
import { entityReader, type EntityReader } from '../../db/entity-reader';
import type { Viewer } from '../../shared/viewer';
import { BadUserInputError, ConflictError, NotFoundError } from '../../shared/errors';
import { keyOf, toGlobalId } from '../../shared/global-id';
import { changesBetween, type AuditService } from '../audit';
import { appendEventChanges } from '../changes';
import { Event } from './event.entity';
import { CancelledBy, EventStatus } from './event.enums';
import { indexEvents } from './event-search';
import { titleSortOf, startsLocalOf } from './event-derived';
import type { EventInput, EventPatch } from './event-write.inputs';
import { checkEventValues } from './event-write.validation';
import { text } from '../../shared/input-checks';
import { valuesOf } from './event-write.values';
import { auditSnapshot } from './event-write.snapshot';
import { eventChangeOf } from './event-change-of';
import {
  assertMayChange, assertMayName, assertMove, assertReviewer, statusAfterUpdate, statusOnSubmit,
} from './event-write.policy';
import {
  freeSlug, insertEvent, isSlugClash, readForChange, updateEvent, updateStatus, writeLinks, writeLookups,
  type StoredEvent,
} from './event-write.store';

/** Every event mutation only writes through its transaction, so it may run again after a deadlock. */
const RERUNNABLE = { rerunnable: true } as const;

/** Longest reason of a rejection or cancellation, in characters. */
export const MAX_REASON = 2000;

/**
 * Tries of a submit whose slug another writer took first (one that does not queue on the
 * slug lock, or the same random letters, see freeSlug); each try picks the next free slug.
 */
const SLUG_TRIES = 3;

/**
 * The event mutations. Each runs in one transaction: read (and on PostgreSQL lock) the
 * event, check the rules, validate, write, re-index the event for search, record the audit
 * entry and the change-log entry; a refusal at any step throws before the commit, so
 * nothing of it is written.
 */
export class EventWriteService {
  private readonly reader: EntityReader<Event>;

  constructor(private readonly db: Database, private readonly audit: AuditService) {
    this.reader = entityReader(db.dataSource, Event);
  }

  /** submitEvent: SUBMITTED for an editor, PUBLISHED for the cluster unit. */
  async submit(viewer: Viewer, input: EventInput): Promise<Event> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.db.transaction(async (tx) => {
          const values = await checkEventValues(input, 'input', writeLookups(tx), null);
          assertMayName(viewer, values.organizers.map((o) => o.key));
          const now = Date.now();
          const status = statusOnSubmit(viewer);
          const slug = await freeSlug(tx, slugBase(values.titleDe, startsLocalOf(values.startsAt, values.timeZone)), status);
          const key = await insertEvent(tx, values, { slug, status, now });
          return this.finish(tx, viewer, 'submitEvent', key, null, now);
        }, RERUNNABLE);
      } catch (err) {
        if (!isSlugClash(err) || attempt >= SLUG_TRIES) throw err;
      }
    }
  }

  /**
   * updateEvent: the patch over the stored values. With expectedVersion, CONFLICT unless the
   * event still has that version; without, it writes over whatever is there. A patch that
   * changes nothing writes nothing (the version stays).
   */
  async update(viewer: Viewer, id: string, patch: EventPatch, expectedVersion: number | null): Promise<Event> {
    const key = eventKey(id);
    if (expectedVersion !== null && (!Number.isInteger(expectedVersion) || expectedVersion < 1)) {
      throw new BadUserInputError('expectedVersion is a version an event had: 1 or more.', 'expectedVersion');
    }
    return this.db.transaction(async (tx) => {
      const before = await this.changeable(tx, viewer, key);
      const pk = before.event.pk;
      if (expectedVersion !== null && before.event.version !== expectedVersion) {
        throw new ConflictError(
          `The event has changed since you read it: it is at version ${before.event.version}, not ${expectedVersion}. Read it again and reapply your change.`,
          'expectedVersion',
        );
      }
      const status = statusAfterUpdate(viewer, before.event.status);
      const current = valuesOf(before.event, before.links);
      const values = await checkEventValues(patch, 'patch', writeLookups(tx), current);
      if (patch.organizerIds !== undefined) assertMayName(viewer, values.organizers.map((o) => o.key));
      if (status === before.event.status && isDeepStrictEqual(values, current)) return before.event;
      const now = changeTime(before);
      const same = status === before.event.status;
      const state = { status, statusReason: same ? before.event.statusReason : null, cancelledBy: same ? before.event.cancelledBy : null };
      if (!(await updateEvent(tx, pk, before.event.version, values, { ...state, now }))) throw changedMeanwhile();
      await writeLinks(tx, pk, values, before.links);
      return this.finish(tx, viewer, 'updateEvent', pk, before, now);
    }, RERUNNABLE);
  }

  /** publishEvent: SUBMITTED → PUBLISHED, by the cluster unit. */
  publish(viewer: Viewer, id: string): Promise<Event> {
    assertReviewer(viewer);
    return this.move(viewer, 'publishEvent', id, EventStatus.PUBLISHED, null);
  }

  /** rejectEvent: SUBMITTED → REJECTED with a reason its editor reads, by the cluster unit. */
  reject(viewer: Viewer, id: string, reason: string): Promise<Event> {
    assertReviewer(viewer);
    const why = text(reason, 'reason', MAX_REASON, true);
    if (why === null) throw new BadUserInputError('Say why the event is rejected: its editor reads the reason.', 'reason');
    return this.move(viewer, 'rejectEvent', id, EventStatus.REJECTED, why);
  }

  /** cancelEvent: SUBMITTED or PUBLISHED → CANCELLED, by its editor or the cluster unit. */
  cancel(viewer: Viewer, id: string, reason: string | null): Promise<Event> {
    return this.move(viewer, 'cancelEvent', id, EventStatus.CANCELLED, text(reason, 'reason', MAX_REASON, true));
  }

  private move(viewer: Viewer, action: string, id: string, to: EventStatus, statusReason: string | null): Promise<Event> {
    const key = eventKey(id);
    return this.db.transaction(async (tx) => {
      const before = await this.changeable(tx, viewer, key);
      assertMove(before.event.status, to);
      const now = changeTime(before);
      const pk = before.event.pk;
      const cancelledBy = to === EventStatus.CANCELLED ? CancelledBy.EDITOR : null;
      if (!(await updateStatus(tx, pk, before.event.version, { status: to, statusReason, cancelledBy, now }))) throw changedMeanwhile();
      return this.finish(tx, viewer, action, pk, before, now);
    }, RERUNNABLE);
  }

  /** The stored event, if the viewer may change it (NOT_FOUND or FORBIDDEN otherwise). */
  private async changeable(tx: SqlExecutor, viewer: Viewer, key: number | null): Promise<StoredEvent> {
    const stored = key === null ? null : await readForChange(tx, this.reader, key);
    if (stored === null) throw new NotFoundError('No such event.');
    assertMayChange(viewer, { status: stored.event.status, organizerKeys: stored.links.organizers.map((o) => o.key) });
    return stored;
  }

  /**
   * After a write: re-index the event, record what changed in the audit trail and, last (it
   * takes the change log's turn until the commit), in the change log; return the event as
   * stored now.
   */
  private async finish(
    tx: SqlExecutor, viewer: Viewer, action: string, key: number, before: StoredEvent | null, now: number,
  ): Promise<Event> {
    await indexEvents(tx, [key]);
    const after = await readForChange(tx, this.reader, key);
    if (after === null) throw new Error(`event ${key} vanished inside its own transaction`);
    await this.audit.record(tx, {
      at: now,
      actor: viewer.keyName ?? viewer.role,
      action,
      entityType: 'Event',
      entityId: toGlobalId('Event', key),
      changes: changesBetween(before === null ? null : auditSnapshot(before), auditSnapshot(after)),
    });
    await appendEventChanges(tx, [eventChangeOf(before, after)]);
    return after.event;
  }
}

/** The key of an event id; null for anything else (which is then simply not found). */
function eventKey(id: string): number | null {
  return keyOf(id, 'Event');
}

/**
 * The time a change is stamped with, taken once the event is locked: never before its
 * previous change, so updated_at only moves forward (partners pull by it) even when clocks
 * of several instances disagree a little.
 */
function changeTime(before: StoredEvent): number {
  return Math.max(Date.now(), before.event.updatedAt);
}

function changedMeanwhile(): ConflictError {
  return new ConflictError('The event changed while this request ran; read it again and retry.');
}

/** Longest slug base before the year, in characters. */
const SLUG_BASE = 80;

/**
 * The slug of a new event: its folded German title (cut at a word near 80 characters) and
 * the year it starts, unless the title ends with it already, e.g. "hannover-messe-2017".
 * Slugs never change afterwards: links to an event keep working when its title is corrected.
 */
export function slugBase(titleDe: string, startsLocal: string): string {
  const year = startsLocal.slice(0, 4);
  let words = titleSortOf(titleDe).replace(/ /g, '-');
  if (words.length > SLUG_BASE) {
    const cut = words.lastIndexOf('-', SLUG_BASE);
    words = words.slice(0, cut > 20 ? cut : SLUG_BASE).replace(/-+$/, '');
  }
  if (words === '') return `veranstaltung-${year}`;
  return words === year || words.endsWith(`-${year}`) ? words : `${words}-${year}`;
}
