import type { Database, SqlExecutor } from '../../db/database';
import { toGlobalId } from '../../shared/global-id';
import { AuditService } from '../audit';
import { EventImportWriter, type ImportedStatus, type EventValues } from '../events';
import type { ImportedEvent, ParsedInput, RecordStream, RejectedItem } from './imported-event';
import type { Source } from './source.types';
import {
  OrganizerDirectory, contentHash, eventInputOf, organizerIdsOf, regionCandidates,
} from './import-record';
import { findDuplicate } from './duplicate-match';
import { linkCreated, linkMerged, markSeen, type ImportTx } from './event-source-links';
import { VanishTracker, cancelVanishedEvents } from './vanished-events';
import { quote } from '../../shared/quote';

/** What an import did (or, with dryRun, would do). */
export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Events cancelled because they vanished from this source (and no other source announces them). */
  cancelled: number;
  /** Every refused record, in input order: the parser's and the validation's. */
  rejectedItems: RejectedItem[];
  /** Records of an untrusted source that match another source's event: created apart, SUBMITTED, for a moderator. */
  reviews: ReviewItem[];
}

/** A record imported as its own event for review because it seems to repeat another source's event. */
export interface ReviewItem {
  position: string;
  /** Global id of the event created for review. */
  eventId: string;
  /** Global id of the event it may duplicate. */
  duplicateOfId: string;
  reason: string;
}

export interface ImportOptions {
  /** Run everything, then roll it all back: the counts without a single write. */
  dryRun?: boolean;
  /** Records per transaction (default 200). */
  batchSize?: number;
  /** Called on each batch's transaction before it commits (tests inject failures here). */
  beforeCommit?: (batch: number, tx: SqlExecutor) => Promise<void>;
  /**
   * With dryRun: makes the source on the rolled-back transaction first (the dry run of a
   * source's first import), and imports as that one.
   */
  registerInDryRun?: (tx: SqlExecutor) => Promise<Source>;
  /** Told after each batch how many items of the input (records and refused parts) are done. */
  onProgress?: (done: number) => void;
  now?: number;
}

/**
 * Records per transaction: short enough that readers and other writers never wait long
 * (on SQLite the writer pauses after a long transaction so another process's write gets
 * the lock between two batches).
 */
export const DEFAULT_BATCH = 200;

class DryRunRollback extends Error {}

/** A record with its place in the input (rejections are ordered by it). */
interface Numbered { e: ImportedEvent; seq: number }

/**
 * Imports an input of a source, read as a stream (or given whole). Each record is matched
 * by (source, its sourceId): unknown → created (or, for a trusted source, merged into
 * another source's event that announces the same, see duplicate-match.ts; an untrusted
 * source's match is created apart for review), known with the same content hash →
 * unchanged, else updated. Every record passes the write side's validation; one that
 * fails is rejected with its position and the others still land. Records are read and
 * written in batches, each committed in one transaction, so a crash leaves whole batches
 * and never half an event, and memory holds a batch, not the input: what is kept of the
 * whole input is the set of its ids. After a full input, events of this source that it no
 * longer announces (within the span of starts it covers) are cancelled, unless another
 * source still announces them.
 */
export async function importEvents(
  db: Database, given: Source, input: ParsedInput | RecordStream, options: ImportOptions = {},
): Promise<ImportResult> {
  let source = given;
  const now = options.now ?? Date.now();
  const stream = 'items' in input ? input : wholeInput(input);
  const result: ImportResult = { created: 0, updated: 0, unchanged: 0, rejected: 0, cancelled: 0, rejectedItems: [], reviews: [] };
  const rejections = new Map<string, { seq: number; items: RejectedItem[] }>();
  const reject = (seq: number, position: string, reason: string) => {
    const entry = rejections.get(position) ?? { seq, items: [] };
    entry.seq = Math.min(entry.seq, seq);
    entry.items.push({ position, reason });
    rejections.set(position, entry);
  };

  const directory = await OrganizerDirectory.load(db);
  const events = new EventImportWriter(db, new AuditService(db));
  const withTx = (tx: SqlExecutor): ImportTx => ({ tx, source, sourceName: source.name, events, now, changes: [] });
  const ownerOf = (s: Source) => (s.ownerKey === null ? null : ownerGlobalId(s.ownerKey, directory));
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);

  const run = async (tx: SqlExecutor, batch: Numbered[]) => {
    const t = withTx(tx);
    const ownerId = ownerOf(source);
    const ownerRegion = ownerId === null ? null : directory.regionOf.get(ownerId) ?? null;
    const touched: number[] = [];
    const reviews: ReviewItem[] = [];
    for (const { e, seq } of batch) {
      const outcome = await importOne(t, e, ownerId, ownerRegion, directory);
      if ('rejected' in outcome) reject(seq, e.position, outcome.rejected);
      else {
        result[outcome.counted] += 1;
        if (outcome.touched !== null) touched.push(outcome.touched);
        if (outcome.review) reviews.push({ position: e.position, ...outcome.review });
      }
    }
    await events.finishBatch(t, touched);
    return reviews;
  };

  const everything = async (tx: SqlExecutor | null) => {
    const scope = new VanishTracker();
    let batch: Numbered[] = [];
    let batches = 0;
    let done = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const current = batch;
      const index = batches;
      batch = [];
      batches += 1;
      const inBatch = async (btx: SqlExecutor) => {
        const reviews = await run(btx, current);
        if (options.beforeCommit) await options.beforeCommit(index, btx);
        return reviews;
      };
      result.reviews.push(...(tx ? await inBatch(tx) : await db.transaction(inBatch)));
      options.onProgress?.(done);
    };
    let seq = 0;
    for await (const item of stream.items()) {
      seq += 1;
      done += 1;
      if ('rejected' in item) {
        scope.refused(item.rejected.position);
        reject(seq, item.rejected.position, item.rejected.reason);
        continue;
      }
      const e = item.event;
      const first = scope.firstPositionOf(e.sourceId);
      if (first !== undefined) {
        reject(seq, e.position, `id ${quote(e.sourceId)} appears twice in the input (first at ${first})`);
        continue;
      }
      scope.record(e);
      batch.push({ e, seq });
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    options.onProgress?.(done);
    const vanishing = scope.scope();
    if (vanishing) {
      const cancel = async (vtx: SqlExecutor) => { result.cancelled = await cancelVanishedEvents(withTx(vtx), vanishing); };
      if (tx) await cancel(tx);
      else await db.transaction(cancel);
    }
  };

  if (options.dryRun) {
    // One transaction for all of it, rolled back: every lookup sees what the earlier records would have written.
    try {
      await db.transaction(async (tx) => {
        if (options.registerInDryRun) source = await options.registerInDryRun(tx);
        await everything(tx);
        throw new DryRunRollback();
      });
    } catch (err) {
      if (!(err instanceof DryRunRollback)) throw err;
    }
  } else {
    await everything(null);
  }

  const ordered = [...rejections.values()].sort((a, b) => a.seq - b.seq);
  result.rejectedItems = ordered.flatMap((r) => r.items);
  result.rejected = ordered.length;
  return result;
}

/** A whole parsed input as a stream: the parser's refusals first, then the records (the order parsers report them in). */
function wholeInput(parsed: ParsedInput): RecordStream {
  return {
    total: parsed.rejected.length + parsed.events.length,
    *items() {
      for (const rejected of parsed.rejected) yield { rejected };
      for (const event of parsed.events) yield { event };
    },
  };
}

type Outcome =
  | { counted: 'created' | 'updated' | 'unchanged'; touched: number | null; review?: Omit<ReviewItem, 'position'> }
  | { rejected: string };

async function importOne(
  t: ImportTx, e: ImportedEvent, ownerId: string | null, ownerRegion: string | null, directory: OrganizerDirectory,
): Promise<Outcome> {
  const hash = contentHash(e, t.source);
  const [link] = await t.tx.query<{ event_id: number; content_hash: string; merged_by: string | null; vanished_at: number | null }>(
    'SELECT event_id, content_hash, merged_by, vanished_at FROM event_source WHERE source_id = ? AND external_id = ?',
    [t.source.pk, e.sourceId],
  );
  if (link && link.content_hash === hash && link.vanished_at === null) {
    await t.tx.query('UPDATE event_source SET last_seen_at = ? WHERE source_id = ? AND external_id = ?', [t.now, t.source.pk, e.sourceId]);
    return { counted: 'unchanged', touched: null };
  }
  const checked = await validate(t, e, ownerId, ownerRegion, directory);
  if (typeof checked === 'string') return { rejected: checked };
  const status: ImportedStatus = { cancelled: e.cancelled, trusted: t.source.trusted };

  if (link) {
    const key = Number(link.event_id);
    // A merge made before untrusted sources stopped merging gives them nothing more on another source's event.
    const changed = link.merged_by === null
      ? await t.events.update(t, key, checked, status)
      : t.source.trusted && await t.events.addMergedOrganizers(t, key, checked.organizers);
    await markSeen(t, e.sourceId, hash);
    return { counted: changed ? 'updated' : 'unchanged', touched: changed ? key : null };
  }
  const duplicate = await findDuplicate(t.tx, t.source.pk, checked);
  if (duplicate && t.source.trusted) {
    await linkMerged(t, duplicate.eventKey, e.sourceId, hash, duplicate.reason);
    await t.events.merge(t, duplicate.eventKey, checked.organizers);
    return { counted: 'updated', touched: duplicate.eventKey };
  }
  // An untrusted source never joins another source's event (its owner would become an
  // organiser, and its editor key could rewrite the event): its record is its own
  // SUBMITTED event, marked as a possible duplicate for the moderator who reviews it.
  const key = await t.events.create(t, checked, status, duplicate?.eventKey ?? null);
  await linkCreated(t, key, e.sourceId, hash);
  const review = duplicate
    ? { eventId: toGlobalId('Event', key), duplicateOfId: toGlobalId('Event', duplicate.eventKey), reason: duplicate.reason }
    : undefined;
  return { counted: 'created', touched: key, review };
}

/** The record's values as the write side checks them, or the reason it is refused. */
async function validate(
  t: ImportTx, e: ImportedEvent, ownerId: string | null, ownerRegion: string | null, directory: OrganizerDirectory,
): Promise<EventValues | string> {
  const region = await t.events.firstKnownRegion(t.tx, regionCandidates(e, t.source, ownerRegion));
  if (region === null) return `no known region: ${quote(e.region ?? e.venue?.country ?? '')} is not a NUTS region or country`;
  try {
    const input = eventInputOf(e, t.source, organizerIdsOf(e, ownerId, directory), region);
    return await t.events.check(t.tx, input);
  } catch (err) {
    const message = (err as Error).message;
    if ((err as { extensions?: { code?: string } }).extensions?.code !== 'BAD_USER_INPUT') throw err;
    return message.replace(/\binput\./g, '');
  }
}

function ownerGlobalId(key: number, directory: OrganizerDirectory): string | null {
  for (const type of ['Ministry', 'Initiative', 'Network'] as const) {
    const id = toGlobalId(type, key);
    if (directory.regionOf.has(id)) return id;
  }
  return null;
}

