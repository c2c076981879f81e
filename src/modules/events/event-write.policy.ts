import { Role, seesEverything, type Viewer } from '../../shared/viewer';
import { ConflictError, ForbiddenError, NotFoundError } from '../../shared/errors';
import { EventStatus, PUBLIC_STATUSES } from './event.enums';

// Who may write which event, and how statuses move: the contract's "Roles" and "Mutations"
// sections as plain functions. Resolvers check the role with @Authorized; the write service
// calls these again with the stored event in hand (ownership is only known there).

/** Where each status may move, and by which mutation; anything else is CONFLICT. */
const MOVES: Readonly<Record<EventStatus, readonly EventStatus[]>> = {
  [EventStatus.DRAFT]: [],
  [EventStatus.SUBMITTED]: [EventStatus.PUBLISHED, EventStatus.REJECTED, EventStatus.CANCELLED],
  [EventStatus.PUBLISHED]: [EventStatus.CANCELLED],
  [EventStatus.REJECTED]: [EventStatus.SUBMITTED],
  [EventStatus.CANCELLED]: [],
};

/** The stored event as far as the rules care. */
export interface EventAccess {
  status: EventStatus;
  /** Keys of its organisers. */
  organizerKeys: readonly number[];
}

/** True for the roles that write events at all (editor, moderator, admin). */
export function writesEvents(viewer: Viewer): boolean {
  return viewer.role === Role.EDITOR || seesEverything(viewer);
}

/** Refuses all but moderators and admins (publishing and rejecting). */
export function assertReviewer(viewer: Viewer): void {
  if (!seesEverything(viewer)) throw new ForbiddenError('Only the cluster unit (moderator or admin keys) publishes and rejects events.');
}

/**
 * Refuses organisers an editor is not bound to, alone or among others: an editor names only
 * its own organiser. Moderators and admins name anyone.
 */
export function assertMayName(viewer: Viewer, organizerKeys: readonly number[]): void {
  if (!writesEvents(viewer)) throw new ForbiddenError('Your role may not write events.');
  if (seesEverything(viewer)) return;
  if (viewer.organizerId === null || organizerKeys.some((k) => k !== viewer.organizerId)) {
    throw new ForbiddenError('An editor key writes events of its own organiser only; organizerIds names another one.');
  }
}

/**
 * Refuses a change to an existing event: NOT_FOUND when the viewer may not even read it
 * (as event(id:) would say null, so nothing leaks), FORBIDDEN when it may read but not
 * change it (an editor, for an event its organiser does not run).
 */
export function assertMayChange(viewer: Viewer, event: EventAccess): void {
  const own = viewer.role === Role.EDITOR && viewer.organizerId !== null && event.organizerKeys.includes(viewer.organizerId);
  if (!seesEverything(viewer) && !own && !PUBLIC_STATUSES.includes(event.status)) throw new NotFoundError('No such event.');
  if (!writesEvents(viewer)) throw new ForbiddenError('Your role may not write events.');
  if (!seesEverything(viewer) && !own) throw new ForbiddenError('An editor key changes events of its own organiser only.');
}

/** The status of a new event: editors submit for review, the cluster unit publishes at once. */
export function statusOnSubmit(viewer: Viewer): EventStatus {
  return seesEverything(viewer) ? EventStatus.PUBLISHED : EventStatus.SUBMITTED;
}

/**
 * The status after an update: a REJECTED event its editor updates is SUBMITTED again (for
 * another review); every other update keeps the status (an editor's update of a PUBLISHED
 * event keeps it published). A CANCELLED event is final: CONFLICT.
 */
export function statusAfterUpdate(viewer: Viewer, status: EventStatus): EventStatus {
  if (status === EventStatus.CANCELLED) throw new ConflictError('The event is cancelled; a cancelled event cannot change any more.');
  if (status === EventStatus.REJECTED && viewer.role === Role.EDITOR) return EventStatus.SUBMITTED;
  return status;
}

/** Refuses a status move not in the contract's list with CONFLICT. */
export function assertMove(from: EventStatus, to: EventStatus): void {
  if (MOVES[from].includes(to)) return;
  if (from === EventStatus.CANCELLED) throw new ConflictError('The event is cancelled; a cancelled event cannot change any more.');
  throw new ConflictError(`An event cannot move from ${from} to ${to}.`);
}
