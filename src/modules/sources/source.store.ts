import { type SqlExecutor, type SqlValue } from '../../db/database';
import { placeholders } from '../../db/placeholders';
import { insertRow, updateRow } from '../../db/row-writes';
import type { RejectedItem, SourceMapping } from './imported-event';
import { EventSourceLink, Source, SourceRun, type SourceFormat, type SourceRunResult } from './source.types';

// The SQL of sources, their runs and the event ↔ source links. Services and loaders call
// these with the database or their transaction.

const SOURCE_COLUMNS = `id, name, url, format, mapping, owner_id, trusted, interval_minutes, etag, last_modified,
  last_run_at, next_due_at, created_at, updated_at`;

function sourceOf(r: Record<string, unknown>): Source {
  return Object.assign(new Source(), {
    pk: Number(r.id), name: r.name as string, url: (r.url as string | null) ?? null, format: r.format as SourceFormat,
    mapping: JSON.parse(r.mapping as string) as SourceMapping,
    ownerKey: r.owner_id == null ? null : Number(r.owner_id),
    trusted: r.trusted === true || r.trusted === 1, intervalMinutes: Number(r.interval_minutes),
    etag: (r.etag as string | null) ?? null, lastModified: (r.last_modified as string | null) ?? null,
    lastRunAt: numberOrNull(r.last_run_at), nextDueAt: numberOrNull(r.next_due_at),
    createdAt: Number(r.created_at), updatedAt: Number(r.updated_at),
  });
}

function numberOrNull(v: unknown): number | null {
  return v == null ? null : Number(v);
}

/** The source with this name, or null. */
export async function sourceByName(db: SqlExecutor, name: string): Promise<Source | null> {
  const [row] = await db.query(`SELECT ${SOURCE_COLUMNS} FROM source WHERE name = ?`, [name]);
  return row ? sourceOf(row) : null;
}

/** The sources with these keys (any order). */
export async function sourcesByKeys(db: SqlExecutor, keys: readonly number[]): Promise<Source[]> {
  if (keys.length === 0) return [];
  return (await db.query(`SELECT ${SOURCE_COLUMNS} FROM source WHERE id IN (${placeholders(keys.length)})`, [...keys])).map(sourceOf);
}

/** Every source, by name. */
export async function allSources(db: SqlExecutor): Promise<Source[]> {
  return (await db.query(`SELECT ${SOURCE_COLUMNS} FROM source ORDER BY name`)).map(sourceOf);
}

/** Sources with a URL due at `now` (never pulled, or next_due_at reached), by name. */
export async function dueSources(db: SqlExecutor, now: number): Promise<Source[]> {
  return (await db.query(
    `SELECT ${SOURCE_COLUMNS} FROM source WHERE url IS NOT NULL AND (next_due_at IS NULL OR next_due_at <= ?) ORDER BY name`, [now],
  )).map(sourceOf);
}

/** What a source is registered with. */
export interface SourceValues {
  name: string;
  url: string | null;
  format: SourceFormat;
  mapping: SourceMapping;
  ownerKey: number | null;
  trusted: boolean;
  intervalMinutes: number;
}

function valueColumns(v: SourceValues): [string, SqlValue][] {
  return [
    ['name', v.name], ['url', v.url], ['format', v.format], ['mapping', JSON.stringify(v.mapping)],
    ['owner_id', v.ownerKey], ['trusted', v.trusted], ['interval_minutes', v.intervalMinutes],
  ];
}

/** Inserts a source; returns its key. */
export async function insertSource(tx: SqlExecutor, v: SourceValues, now: number): Promise<number> {
  const columns: [string, SqlValue][] = [...valueColumns(v), ['created_at', now], ['updated_at', now]];
  return insertRow(tx, 'source', columns);
}

/** Overwrites what a source is registered with. */
export async function updateSource(tx: SqlExecutor, key: number, v: SourceValues, now: number): Promise<void> {
  const columns: [string, SqlValue][] = [...valueColumns(v), ['updated_at', now]];
  await updateRow(tx, 'source', key, columns);
}

/** After a pull: when it ran, when it is due next, and the validators of what was read (unchanged when null). */
export async function markPulled(
  db: SqlExecutor, key: number, at: { lastRunAt: number; nextDueAt: number; etag?: string | null; lastModified?: string | null },
): Promise<void> {
  const sets: [string, SqlValue][] = [['last_run_at', at.lastRunAt], ['next_due_at', at.nextDueAt]];
  if (at.etag !== undefined) sets.push(['etag', at.etag]);
  if (at.lastModified !== undefined) sets.push(['last_modified', at.lastModified]);
  await updateRow(db, 'source', key, sets);
}

/** A finished run, to record. */
export interface RunRecord {
  startedAt: number;
  finishedAt: number;
  result: SourceRunResult;
  counts: { created: number; updated: number; unchanged: number; rejected: number; cancelled: number };
  error: string | null;
  rejectedItems: RejectedItem[];
}

/** Rejected items kept per run: enough to find the problem, bounded so a broken feed cannot bloat the table. */
const MAX_KEPT_REJECTIONS = 200;

export async function insertRun(db: SqlExecutor, sourceKey: number, run: RunRecord): Promise<void> {
  const c = run.counts;
  await db.query(
    `INSERT INTO source_run (source_id, started_at, finished_at, result, created, updated, unchanged, rejected, cancelled, error, rejected_items)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [sourceKey, run.startedAt, run.finishedAt, run.result, c.created, c.updated, c.unchanged, c.rejected, c.cancelled,
      run.error, run.rejectedItems.length ? JSON.stringify(run.rejectedItems.slice(0, MAX_KEPT_REJECTIONS)) : null],
  );
}

function runOf(r: Record<string, unknown>): SourceRun {
  return Object.assign(new SourceRun(), {
    pk: Number(r.id), sourceKey: Number(r.source_id), startedAt: Number(r.started_at), finishedAt: Number(r.finished_at),
    result: r.result as SourceRunResult, created: Number(r.created), updated: Number(r.updated), unchanged: Number(r.unchanged),
    rejected: Number(r.rejected), cancelled: Number(r.cancelled), error: (r.error as string | null) ?? null,
    rejectedItems: r.rejected_items ? JSON.parse(r.rejected_items as string) as RejectedItem[] : [],
  });
}

/** The newest `first` runs of each source, newest first: one statement for all sources (a window over runs). */
export async function latestRuns(db: SqlExecutor, sourceKeys: readonly number[], first: number): Promise<SourceRun[]> {
  if (sourceKeys.length === 0 || first <= 0) return [];
  return (await db.query(
    `SELECT * FROM (
       SELECT r.*, ROW_NUMBER() OVER (PARTITION BY r.source_id ORDER BY r.started_at DESC, r.id DESC) AS rn
       FROM source_run r WHERE r.source_id IN (${placeholders(sourceKeys.length)})
     ) x WHERE x.rn <= ? ORDER BY x.source_id, x.started_at DESC, x.id DESC`,
    [...sourceKeys, first],
  )).map(runOf);
}

/** The links of these events, oldest first (the first is the source that created the event). */
export async function linksOfEvents(db: SqlExecutor, eventKeys: readonly number[]): Promise<EventSourceLink[]> {
  if (eventKeys.length === 0) return [];
  const rows = await db.query(
    `SELECT event_id, source_id, external_id, imported_at, last_seen_at, merged_by FROM event_source
     WHERE event_id IN (${placeholders(eventKeys.length)}) ORDER BY event_id, imported_at, source_id, external_id`,
    [...eventKeys],
  );
  return rows.map((r) => Object.assign(new EventSourceLink(), {
    eventKey: Number(r.event_id), sourceKey: Number(r.source_id), sourceId: r.external_id as string,
    importedAt: Number(r.imported_at), lastSeenAt: Number(r.last_seen_at), mergedBy: (r.merged_by as string | null) ?? null,
  }));
}
