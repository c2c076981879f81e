import { Authorized, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../../shared/viewer';
import type { SourceMapping } from './imported-event';

/** The input formats a source may have. */
export enum SourceFormat {
  ics = 'ics',
  csv = 'csv',
  json = 'json',
}
registerEnumType(SourceFormat, {
  name: 'SourceFormat',
  description: 'What a source serves (lower case, as the CLI\'s --format takes it).',
  valuesConfig: {
    ics: { description: 'iCalendar (RFC 5545), e.g. an Outlook or Google Calendar export.' },
    csv: { description: 'A spreadsheet saved as CSV, header-driven, with an optional column mapping.' },
    json: { description: 'Our own JSON export, so one clustergraph can pull another.' },
  },
});

/** How one pull of a source ended. */
export enum SourceRunResult {
  ok = 'ok',
  not_modified = 'not_modified',
  failed = 'failed',
}
registerEnumType(SourceRunResult, {
  name: 'SourceRunResult',
  description: 'How a pull or import of a source ended.',
  valuesConfig: {
    ok: { description: 'Read and imported (rejected records are counted in the run).' },
    not_modified: { description: 'The server answered 304 Not Modified: nothing was read or written.' },
    failed: { description: 'It could not be read or imported; nothing was changed (see error).' },
  },
});

/**
 * A registered source: another calendar or spreadsheet whose events are imported. Rows of
 * `source`, read with plain SQL (source.store.ts); the fields GraphQL shows are resolved in
 * source.resolver.ts.
 */
@ObjectType('Source', { description: 'Another calendar or spreadsheet whose events are imported here (admins only).' })
export class Source {
  /** Numeric key. */
  pk!: number;

  @Field(() => String, { description: 'Unique name, as `clustergraph import --source <name>` uses it.' })
  name!: string;

  // Admins only: a private calendar's URL (Google's "secret address") is its password.
  @Authorized(Role.ADMIN)
  @Field(() => String, { nullable: true, description: 'Where sync pulls it from (http or https); null for a source only imported from files. Admins only: a private calendar\'s URL is its password.' })
  url!: string | null;

  @Field(() => SourceFormat, { description: 'What it serves.' })
  format!: SourceFormat;

  mapping!: SourceMapping;
  ownerKey!: number | null;

  @Field(() => Boolean, { description: 'True when its events are PUBLISHED at once; others are SUBMITTED for review.' })
  trusted!: boolean;

  @Field(() => Int, { description: 'Minutes between two pulls by sync.' })
  intervalMinutes!: number;

  etag!: string | null;
  lastModified!: string | null;
  lastRunAt!: number | null;
  nextDueAt!: number | null;
  createdAt!: number;
  updatedAt!: number;
}

/** One pull (or import) of a source: when, how it ended, what it did. */
@ObjectType('SourceRun', { description: 'One pull or import of a source.' })
export class SourceRun {
  pk!: number;
  sourceKey!: number;
  startedAt!: number;
  finishedAt!: number;

  @Field(() => SourceRunResult, { description: 'How it ended.' })
  result!: SourceRunResult;

  @Field(() => Int, { description: 'Events created.' })
  created!: number;

  @Field(() => Int, { description: 'Events whose content changed.' })
  updated!: number;

  @Field(() => Int, { description: 'Events announced as before.' })
  unchanged!: number;

  @Field(() => Int, { description: 'Records refused (see rejectedItems).' })
  rejected!: number;

  @Field(() => Int, { description: 'Events cancelled because they vanished from the source.' })
  cancelled!: number;

  @Field(() => String, { nullable: true, description: 'Why it failed; null otherwise.' })
  error!: string | null;

  rejectedItems!: { position: string; reason: string }[];
}

/** Why an event is linked to a source: a row of `event_source`. */
@ObjectType('EventSourceLink', { description: 'A source that announces an event, with the source\'s own id for it.' })
export class EventSourceLink {
  eventKey!: number;
  sourceKey!: number;

  @Field(() => String, { description: 'The source\'s own id of the event (an ICS UID, a CSV id column, a JSON id).' })
  sourceId!: string;

  importedAt!: number;
  lastSeenAt!: number;

  @Field(() => String, { nullable: true, description: 'Null for the source that created the event; else why this source\'s record was merged into it, e.g. "same start, title 0.83 similar, same postal code 79539".' })
  mergedBy!: string | null;
}
