import type { SqlExecutor } from '../../db/database';

/** Something an event shows that changes on its own: its organisers, campaign or patrons. */
export type EventPart = 'organizer' | 'campaign' | 'patron';

/**
 * Marks the events that show a changed organiser, campaign or patron as changed, in the
 * writer's transaction, so partners' incremental pulls fetch them again with the new name.
 * The events module implements it (touchEventsShowing); the writers of organisers, campaigns
 * and patrons come before events in the order of modules, so they are handed it by
 * server/services.ts rather than importing it.
 */
export type EventTouch = (tx: SqlExecutor, part: EventPart, key: number, at: number) => Promise<void>;
