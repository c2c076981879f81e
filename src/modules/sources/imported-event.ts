import type { EventCategory } from '../events';
import type { Language } from '../../shared/i18n';

// The seam between reading a source (formats/: ICS, CSV, JSON, then normalise/) and
// storing what it announces (the import service). Parsers produce these records and never
// touch the database; the import service matches, validates and writes them.

/** A text in our languages as a source gives it; German falls back to the first language present. */
export interface ImportedText {
  de: string;
  fr?: string | null;
  en?: string | null;
}

/** Where an imported event takes place, normalised (postal code trimmed, country ISO alpha-2). */
export interface ImportedVenue {
  name?: string | null;
  street?: string | null;
  postalCode?: string | null;
  city?: string | null;
  country: string;
  latitude?: number | null;
  longitude?: number | null;
}

/** One event as a source announces it, parsed and normalised, not yet matched or validated. */
export interface ImportedEvent {
  /** The source's own id: ICS UID (a recurrence adds `#` + the occurrence's start as ISO), CSV id column, JSON id. */
  sourceId: string;
  /** Where in the input, for messages: `line 12` (CSV, JSON array index as `item 3`) or `UID abc@host`. */
  position: string;
  title: ImportedText;
  /** Plain text or the safe markup the sanitiser keeps. */
  description?: ImportedText | null;
  /** After the source's category mapping; null when nothing maps (the import then uses the mapping's default or OTHER). */
  category: EventCategory | null;
  startsAt: Date;
  endsAt?: Date | null;
  /** IANA zone the event is shown in (floating ICS times take the source's zone, else Europe/Berlin). */
  timeZone: string;
  allDay: boolean;
  venue?: ImportedVenue | null;
  /** A NUTS code the source gave or the normaliser derived from the postal code; null when unknown. */
  region?: string | null;
  /** Organiser names or GraphQL ids the input names; matched against known organisers by the import. */
  organizerNames: string[];
  contact?: { name?: string | null; email?: string | null; phone?: string | null } | null;
  url?: string | null;
  registrationUrl?: string | null;
  languages?: Language[];
  /** The source says the event is cancelled (ICS STATUS:CANCELLED, a CSV status column, JSON status). */
  cancelled: boolean;
  /** The source's own last-modified stamp when it has one (ICS LAST-MODIFIED / DTSTAMP). */
  lastModified?: Date | null;
}

/** A row or component that could not be read, reported and skipped; the good ones still land. */
export interface RejectedItem {
  position: string;
  reason: string;
}

/** What a parser returns for one input, whole (small inputs, tests). */
export interface ParsedInput {
  events: ImportedEvent[];
  rejected: RejectedItem[];
}

/** One thing read from an input, in input order: a record, or a part that could not be read. */
export type InputItem = { event: ImportedEvent } | { rejected: RejectedItem };

/**
 * An input read lazily: the import pulls its records batch by batch, so memory does not
 * grow with the number of records. Opening it has already checked the input as a whole
 * (format, limits), so iterating it throws only for what opening cannot know.
 */
export interface RecordStream {
  /** How many items iterating will yield (records and refused parts), for progress. */
  total: number;
  items(): Iterable<InputItem> | AsyncIterable<InputItem>;
}

/** Every item of a lazy input, collected (what the whole-input parsers return). */
export function collectItems(items: Iterable<InputItem>): ParsedInput {
  const out: ParsedInput = { events: [], rejected: [] };
  for (const item of items) {
    if ('event' in item) out.events.push(item.event);
    else out.rejected.push(item.rejected);
  }
  return out;
}

/**
 * Per-source settings stored with the source (JSON) and passed to the parser.
 * Every field is optional; parsers use sensible defaults.
 */
export interface SourceMapping {
  /** Source category (ICS CATEGORIES value or CSV cell, compared case- and accent-insensitively) → our category. */
  categories?: Record<string, EventCategory>;
  /** Category when nothing maps (default OTHER). */
  defaultCategory?: EventCategory;
  /** CSV: our field name → the header in the file, e.g. { title: "Titel", startsAt: "Beginn" }. */
  columns?: Record<string, string>;
  /** CSV: `;` or `,` (default: detected from the header line). */
  delimiter?: string;
  /** CSV: `utf-8` or `windows-1252` (default: detected: valid UTF-8, else windows-1252). */
  encoding?: string;
  /** Zone for floating times and CSV local times (default Europe/Berlin). */
  timeZone?: string;
  /** Country for venues that name none (default DE). */
  defaultCountry?: string;
  /** Language of single-language texts (default DE). */
  language?: Language;
}
