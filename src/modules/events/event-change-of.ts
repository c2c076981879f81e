import { EventChangeKind, type EventChangeEntry } from '../changes';
import { EventStatus, PUBLIC_STATUSES } from './event.enums';
import type { StoredEvent } from './event-write.store';

// Which change-log entry a write of an event makes. Who sees an event (event-query.ts,
// visibility): the public and partners its PUBLISHED and CANCELLED events; an editor those
// and its own organiser's events of any status; moderators and admins every event.

/**
 * The kind of a change from `before` (null: the write created the event) to `status`,
 * `dropped` being the organisers the write took off it:
 * - CANCELLED when it became CANCELLED, PUBLISHED when it became PUBLISHED: both public, so
 *   nobody loses sight of it, and the public may see it for the first time;
 * - WITHDRAWN when someone who saw it no longer does: it went from a public status to a
 *   hidden one (the public and partners lose it), or organisers were taken off an event
 *   that is hidden after the change (their editors lose it);
 * - UPDATED for everything else: changed fields, a new submission (SUBMITTED, seen by its
 *   editor and moderators), a rejection or resubmission (the same viewers see it before
 *   and after), a renamed organiser, campaign or patron it shows.
 */
export function changeKindOf(before: EventStatus | null, status: EventStatus, dropped: readonly number[]): EventChangeKind {
  const isPublic = (s: EventStatus) => PUBLIC_STATUSES.includes(s);
  if (status === EventStatus.CANCELLED && before !== EventStatus.CANCELLED) return EventChangeKind.CANCELLED;
  if (status === EventStatus.PUBLISHED && before !== EventStatus.PUBLISHED) return EventChangeKind.PUBLISHED;
  if (before !== null && isPublic(before) && !isPublic(status)) return EventChangeKind.WITHDRAWN;
  if (!isPublic(status) && dropped.length > 0) return EventChangeKind.WITHDRAWN;
  return EventChangeKind.UPDATED;
}

/** The entry of a write that took the event from `before` (null: created it) to `after`. */
export function eventChangeOf(before: StoredEvent | null, after: StoredEvent): EventChangeEntry {
  const now = new Set(after.links.organizers.map((o) => o.key));
  const dropped = before === null ? [] : before.links.organizers.map((o) => o.key).filter((k) => !now.has(k));
  const previousStatus = before === null ? null : before.event.status;
  return {
    eventKey: after.event.pk,
    kind: changeKindOf(previousStatus, after.event.status, dropped),
    version: after.event.version,
    status: after.event.status,
    previousStatus,
    droppedOrganizerKeys: dropped,
  };
}
