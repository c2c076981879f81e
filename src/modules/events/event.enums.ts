import { registerEnumType } from 'type-graphql';

/** Formats of events (the article's list plus fair, meeting, dialogue, networking, other). */
export enum EventCategory {
  SEMINAR = 'SEMINAR',
  CONFERENCE = 'CONFERENCE',
  WORKSHOP = 'WORKSHOP',
  EXHIBITION = 'EXHIBITION',
  TRADE_FAIR = 'TRADE_FAIR',
  COMPANY_VISIT = 'COMPANY_VISIT',
  OPEN_DAY = 'OPEN_DAY',
  ANNUAL_MEETING = 'ANNUAL_MEETING',
  POLICY_DIALOGUE = 'POLICY_DIALOGUE',
  NETWORKING = 'NETWORKING',
  OTHER = 'OTHER',
}
registerEnumType(EventCategory, {
  name: 'EventCategory',
  description: 'The format of an event.',
  valuesConfig: {
    SEMINAR: { description: 'Seminar.' },
    CONFERENCE: { description: 'Conference (Fachtagung).' },
    WORKSHOP: { description: 'Workshop.' },
    EXHIBITION: { description: 'Exhibition (Ausstellung).' },
    TRADE_FAIR: { description: 'Trade fair (Messe), e.g. Hannover Messe.' },
    COMPANY_VISIT: { description: 'Company visit (Unternehmensbesuch).' },
    OPEN_DAY: { description: 'Open day (Tag der offenen Tür).' },
    ANNUAL_MEETING: { description: 'Annual meeting (Jahrestagung).' },
    POLICY_DIALOGUE: { description: 'Talk with policy makers (politisches Gespräch).' },
    NETWORKING: { description: 'Networking event (Netzwerktreffen).' },
    OTHER: { description: 'Anything else.' },
  },
});

/** Every category in the contract's order: the order groups and charts use. */
export const ALL_CATEGORIES: readonly EventCategory[] = Object.values(EventCategory);

/** Where an event is in its review. */
export enum EventStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  PUBLISHED = 'PUBLISHED',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(EventStatus, {
  name: 'EventStatus',
  description: 'Where an event is in its review; the public sees PUBLISHED and CANCELLED.',
  valuesConfig: {
    DRAFT: { description: 'Being written, not submitted.' },
    SUBMITTED: { description: 'Waiting for the cluster unit to review it.' },
    PUBLISHED: { description: 'Public.' },
    REJECTED: { description: 'Refused by the cluster unit; its editor may change and resubmit it.' },
    CANCELLED: { description: 'Called off; kept so partners and calendars can drop it.' },
  },
});

/** Statuses everyone may see. */
export const PUBLIC_STATUSES: readonly EventStatus[] = [EventStatus.PUBLISHED, EventStatus.CANCELLED];

/**
 * Who cancelled an event: a person (its editor or the cluster unit, cancelEvent) or an
 * import (its source called it cancelled, or it vanished from every source). A later import
 * may undo an import's cancellation, never a person's. Stored only, not in the schema.
 */
export enum CancelledBy {
  EDITOR = 'EDITOR',
  IMPORT = 'IMPORT',
}

/** Orders of event lists; each is made total by the event id, so cursors are stable under ties. */
export enum EventOrder {
  START_ASC = 'START_ASC',
  START_DESC = 'START_DESC',
  UPDATED_DESC = 'UPDATED_DESC',
  TITLE_ASC = 'TITLE_ASC',
  RELEVANCE = 'RELEVANCE',
}
registerEnumType(EventOrder, {
  name: 'EventOrder',
  description: 'Orders of event lists. Ties are broken by id, so paging never skips or repeats.',
  valuesConfig: {
    START_ASC: { description: 'Earliest start first.' },
    START_DESC: { description: 'Latest start first.' },
    UPDATED_DESC: { description: 'Most recently changed first (for incremental pulls).' },
    TITLE_ASC: { description: 'By German title, A–Z, ignoring case and accents.' },
    RELEVANCE: {
      description: 'Best search match first, ties by id (needs filter.text; top-level `events` only): an event '
        + 'mentioning the searched words more often ranks higher; title and description weigh the same.',
    },
  },
});
