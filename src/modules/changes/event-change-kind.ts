/**
 * What a change means for the viewers who hear of it. A later subscriber decides per viewer
 * from the entry's statuses and organisers (see EventChangeEntry); the kind is the change
 * as its widest audience sees it.
 */
export enum EventChangeKind {
  /** The event became PUBLISHED: created so, published after review, re-announced by its source. */
  PUBLISHED = 'PUBLISHED',
  /** Anything else some viewer sees change: its fields, a new submission, a review step, a renamed organiser. */
  UPDATED = 'UPDATED',
  /** The event became CANCELLED (public: partners and calendars drop it). */
  CANCELLED = 'CANCELLED',
  /**
   * The event left some viewer's sight: its status went from public to hidden (a source
   * re-announced an event its import had cancelled, for review), or organisers whose editors
   * alone saw it were taken off a hidden event. Whoever still sees it hears an update.
   */
  WITHDRAWN = 'WITHDRAWN',
}

/** One change to append: everything a reader needs to decide who may hear of it. */
export interface EventChangeEntry {
  /** The event's key. */
  eventKey: number;
  kind: EventChangeKind;
  /** The event's version after the change. */
  version: number;
  /** Its status after the change, and before (null for a new event). */
  status: string;
  previousStatus: string | null;
  /** Organisers the change took off the event (their editors may have lost sight of it). */
  droppedOrganizerKeys: readonly number[];
}
