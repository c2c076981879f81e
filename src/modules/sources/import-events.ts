import type { Database, SqlExecutor } from '../../db/database';
import { EntityReader } from '../../db/entity-reader';
import { toGlobalId } from '../../shared/global-id';
import { AuditService } from '../audit/audit.service';
import { Event } from '../events/event.entity';
import { checkEventValues } from '../events/event-write.validation';
import { writeLookups } from '../events/event-write.store';
import { indexEvents } from '../events/event-search';
import type { EventValues } from '../events/event-write.values';
import type { ImportedEvent, ParsedInput, RejectedItem } from './imported-event';
import type { Source } from './source.types';
import {
  OrganizerDirectory, contentHash, eventInputOf, initialStatus, organizerIdsOf, regionCandidates,
} from './import-record';
import { findDuplicate } from './duplicate-match';
import {
  addOrganizers, cancelVanished, createImported, linkMerged, markSeen, updateImported, type ImportTx,
} from './import-writer';

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
  /** Told after each batch how many records are done (a progress bar). */
  onProgress?: (done: number) => void;
  now?: number;
}

/** Records per transaction: short enough that readers and other writers never wait long. */
export const DEFAULT_BATCH = 200;

class DryRunRollback extends Error {}

/**
 * Imports a parsed input of a source. Each record is matched by (source, its sourceId):
 * unknown → created (or merged into another source's event that announces the same, see
 * duplicate-match.ts), known with the same content hash → unchanged, else updated. Every
 * record passes the write side's validation; one that fails is rejected with its position
 * and the others still land. Batches of records commit one transaction each, so a crash
 * leaves whole batches and never half an event. After a full input, events of this
 * source that it no longer announces (within the span of starts it covers) are cancelled,
 * unless another source still announces them.
 */
export async function importEvents(db: Database, given: Source, parsed: ParsedInput, options: ImportOptions = {}): Promise<ImportResult> {
  let source = given;
  const now = options.now ?? Date.now();
  const result: ImportResult = { created: 0, updated: 0, unchanged: 0, rejected: 0, cancelled: 0, rejectedItems: [] };
  const rejections = new Map<string, RejectedItem[]>();
  const reject = (position: string, reason: string) => {
    const list = rejections.get(position) ?? [];
    list.push({ position, reason });
    rejections.set(position, list);
  };
  for (const r of parsed.rejected) reject(r.position, r.reason);

  const records = uniqueRecords(parsed.events, reject);
  const directory = await OrganizerDirectory.load(db);
  const base = { audit: new AuditService(db), reader: new EntityReader(db.dataSource, Event), now };
  const ownerOf = (s: Source) => (s.ownerKey === null ? null : ownerGlobalId(s.ownerKey, directory));
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);

  const run = async (tx: SqlExecutor, batch: ImportedEvent[]) => {
    const t: ImportTx = { ...base, source, tx };
    const ownerId = ownerOf(source);
    const ownerRegion = ownerId === null ? null : directory.regionOf.get(ownerId) ?? null;
    const touched: number[] = [];
    for (const e of batch) {
      const outcome = await importOne(t, e, ownerId, ownerRegion, directory);
      if ('rejected' in outcome) reject(e.position, outcome.rejected);
      else {
        result[outcome.counted] += 1;
        if (outcome.touched !== null) touched.push(outcome.touched);
      }
    }
    if (touched.length) await indexEvents(tx, touched);
  };
  const batches: ImportedEvent[][] = [];
  for (let i = 0; i < records.length; i += batchSize) batches.push(records.slice(i, i + batchSize));
  const vanishing = vanishScope(parsed, records, rejections);

  const everything = async (tx: SqlExecutor | null) => {
    let done = 0;
    for (const [index, batch] of batches.entries()) {
      const inBatch = async (btx: SqlExecutor) => {
        await run(btx, batch);
        if (options.beforeCommit) await options.beforeCommit(index, btx);
      };
      if (tx) await inBatch(tx);
      else await db.transaction(inBatch);
      done += batch.length;
      options.onProgress?.(done);
    }
    if (vanishing) {
      const cancel = async (vtx: SqlExecutor) => { result.cancelled = await cancelVanishedEvents({ ...base, source, tx: vtx }, vanishing); };
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

  result.rejectedItems = orderedRejections(parsed, rejections);
  result.rejected = result.rejectedItems.length === 0 ? 0 : new Set(result.rejectedItems.map((r) => r.position)).size;
  return result;
}

type Outcome = { counted: 'created' | 'updated' | 'unchanged'; touched: number | null } | { rejected: string };

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
  const status = initialStatus(e, t.source);

  if (link) {
    const key = Number(link.event_id);
    const changed = link.merged_by === null
      ? await updateImported(t, key, checked, status)
      : await addOrganizers(t, key, checked.organizers, 'updateEvent');
    await markSeen(t, e.sourceId, hash);
    return { counted: changed ? 'updated' : 'unchanged', touched: changed ? key : null };
  }
  const duplicate = await findDuplicate(t.tx, t.source.pk, checked);
  if (duplicate) {
    await linkMerged(t, duplicate.eventKey, e.sourceId, hash, duplicate.reason);
    await addOrganizers(t, duplicate.eventKey, checked.organizers, 'mergeEvent');
    return { counted: 'updated', touched: duplicate.eventKey };
  }
  const key = await createImported(t, checked, status, e.sourceId, hash);
  return { counted: 'created', touched: key };
}

/** The record's values as the write side checks them, or the reason it is refused. */
async function validate(
  t: ImportTx, e: ImportedEvent, ownerId: string | null, ownerRegion: string | null, directory: OrganizerDirectory,
): Promise<EventValues | string> {
  const lookups = writeLookups(t.tx);
  let region: string | null = null;
  for (const candidate of regionCandidates(e, t.source, ownerRegion)) {
    if (await lookups.regionExists(candidate)) {
      region = candidate;
      break;
    }
  }
  if (region === null) return `no known region: "${e.region ?? e.venue?.country ?? ''}" is not a NUTS region or country`;
  try {
    const input = eventInputOf(e, t.source, organizerIdsOf(e, ownerId, directory), region);
    return await checkEventValues(input, 'input', lookups, null, { organizersOptional: true });
  } catch (err) {
    const message = (err as Error).message;
    if ((err as { extensions?: { code?: string } }).extensions?.code !== 'BAD_USER_INPUT') throw err;
    return message.replace(/\binput\./g, '');
  }
}

/** The records in input order, a sourceId seen before refused (its event would be written twice). */
function uniqueRecords(events: ImportedEvent[], reject: (position: string, reason: string) => void): ImportedEvent[] {
  const first = new Map<string, string>();
  const out: ImportedEvent[] = [];
  for (const e of events) {
    const seen = first.get(e.sourceId);
    if (seen !== undefined) reject(e.position, `id "${e.sourceId}" appears twice in the input (first at ${seen})`);
    else {
      first.set(e.sourceId, e.position);
      out.push(e);
    }
  }
  return out;
}

/** Which stored events count as gone: those of the source starting within the input's span that it does not name. */
interface VanishScope { from: number; to: number; named: Set<string> }

/**
 * The span the input covers, or null when vanished events cannot be told safely: an empty
 * input (a broken feed must not cancel everything) or a refused record whose id is not
 * known (a CSV line or JSON item that failed to parse may be an event we have). A refused
 * ICS event names its UID, so the event stays; one without a UID was never stored.
 */
function vanishScope(parsed: ParsedInput, records: ImportedEvent[], rejections: Map<string, RejectedItem[]>): VanishScope | null {
  if (records.length === 0) return null;
  const named = new Set(parsed.events.map((e) => e.sourceId));
  const recordPositions = new Set(parsed.events.map((e) => e.position));
  for (const position of rejections.keys()) {
    if (recordPositions.has(position)) continue;
    // An ICS event without a UID (`event N`) was never stored: it cannot have vanished.
    if (/^event \d+$/.test(position)) continue;
    const uid = /^UID (.+)$/.exec(position);
    if (!uid) return null;
    named.add(uid[1]);
  }
  const starts = records.map((e) => e.startsAt.getTime()).filter(Number.isFinite);
  if (starts.length === 0) return null;
  return { from: Math.min(...starts), to: Math.max(...starts), named };
}

async function cancelVanishedEvents(t: ImportTx, scope: VanishScope): Promise<number> {
  const links = await t.tx.query<{ external_id: string; event_id: number }>(
    `SELECT es.external_id, es.event_id FROM event_source es JOIN event e ON e.id = es.event_id
     WHERE es.source_id = ? AND es.vanished_at IS NULL AND e.starts_at >= ? AND e.starts_at <= ? ORDER BY es.event_id`,
    [t.source.pk, scope.from, scope.to],
  );
  let cancelled = 0;
  const touched: number[] = [];
  for (const l of links.filter((x) => !scope.named.has(x.external_id))) {
    const key = Number(l.event_id);
    await t.tx.query('UPDATE event_source SET vanished_at = ? WHERE source_id = ? AND external_id = ?', [t.now, t.source.pk, l.external_id]);
    const [other] = await t.tx.query('SELECT 1 AS one FROM event_source WHERE event_id = ? AND vanished_at IS NULL', [key]);
    if (other) continue;
    if (await cancelVanished(t, key)) {
      cancelled += 1;
      touched.push(key);
    }
  }
  if (touched.length) await indexEvents(t.tx, touched);
  return cancelled;
}

function orderedRejections(parsed: ParsedInput, rejections: Map<string, RejectedItem[]>): RejectedItem[] {
  const order = new Map<string, number>();
  [...parsed.rejected.map((r) => r.position), ...parsed.events.map((e) => e.position)].forEach((p, i) => {
    if (!order.has(p)) order.set(p, i);
  });
  return [...rejections.values()].flat().sort((a, b) => (order.get(a.position) ?? 0) - (order.get(b.position) ?? 0));
}

function ownerGlobalId(key: number, directory: OrganizerDirectory): string | null {
  for (const type of ['Ministry', 'Initiative', 'Network'] as const) {
    const id = toGlobalId(type, key);
    if (directory.regionOf.has(id)) return id;
  }
  return null;
}

