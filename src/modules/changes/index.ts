/** What the changes module (the event change log) offers the rest of the application; its other files are its own. */
export { EventChangeKind } from './event-change-kind';
export type { EventChangeEntry } from './event-change-kind';
export { EventChange } from './event-change.entity';
export { appendEventChanges, eventChangesAfter } from './event-change-log';
export type { LoggedEventChange } from './event-change-log';
export { pruneEventChanges, startChangeLogPruner } from './event-change-prune';
export type { ChangeLogPruner, PruneOptions } from './event-change-prune';
