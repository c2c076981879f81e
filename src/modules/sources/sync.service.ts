import type { Database } from '../../db/database';
import { fetchSource, DEFAULT_FETCH_LIMITS, type FetchLimits } from './fetch-source';
import { importEvents, type ImportResult } from './import-events';
import { openInput } from './parse-input';
import { insertRun, markPulled, sourcesByKeys } from './source.store';
import { SourceRunResult, type Source } from './source.types';

/** How one pull or import of a source ended. */
export interface RunOutcome {
  source: Source;
  result: SourceRunResult;
  counts: Omit<ImportResult, 'rejectedItems' | 'reviews'>;
  rejectedItems: ImportResult['rejectedItems'];
  /** Records created apart for review as possible duplicates (see ImportResult.reviews). */
  reviews: ImportResult['reviews'];
  error: string | null;
}

export interface RunOptions {
  dryRun?: boolean;
  limits?: FetchLimits;
  now?: number;
  onProgress?: (done: number, total: number) => void;
}

const NONE = { created: 0, updated: 0, unchanged: 0, rejected: 0, cancelled: 0 };

/**
 * Reads one input of a source (file bytes or a pulled body) and imports it, recording the
 * run unless it is a dry run. A whole input that cannot be read (SourceFormatError) or an
 * import that fails midway is a failed run; what earlier batches committed stays.
 */
export async function importInput(
  db: Database, source: Source, bytes: Buffer, charset: string | null, options: RunOptions = {},
): Promise<RunOutcome> {
  const startedAt = options.now ?? Date.now();
  let outcome: RunOutcome;
  try {
    const stream = await openInput(source.format, bytes, source.mapping, charset, startedAt);
    options.onProgress?.(0, stream.total);
    const result = await importEvents(db, source, stream, {
      dryRun: options.dryRun, now: startedAt, onProgress: (done) => options.onProgress?.(done, stream.total),
    });
    const { rejectedItems, reviews, ...counts } = result;
    outcome = { source, result: SourceRunResult.ok, counts, rejectedItems, reviews, error: null };
  } catch (err) {
    outcome = { source, result: SourceRunResult.failed, counts: NONE, rejectedItems: [], reviews: [], error: (err as Error).message };
  }
  if (!options.dryRun) await record(db, outcome, startedAt);
  return outcome;
}

/**
 * Pulls a source from its URL and imports what changed. With the stored ETag and
 * Last-Modified sent back, an unchanged feed answers 304: the run is recorded as
 * not_modified and nothing is parsed or written. A failed pull is recorded with its
 * error and changes nothing else (the validators stay, so the next pull reads it whole).
 */
export async function pullSource(db: Database, source: Source, options: RunOptions & { conditional?: boolean } = {}): Promise<RunOutcome> {
  const startedAt = options.now ?? Date.now();
  if (!source.url) {
    return { source, result: SourceRunResult.failed, counts: NONE, rejectedItems: [], reviews: [], error: 'the source has no URL to pull (import files with clustergraph import)' };
  }
  let fetched;
  try {
    fetched = await fetchSource(source.url, options.conditional === false ? null : source, options.limits ?? DEFAULT_FETCH_LIMITS);
  } catch (err) {
    const outcome: RunOutcome = { source, result: SourceRunResult.failed, counts: NONE, rejectedItems: [], reviews: [], error: (err as Error).message };
    if (!options.dryRun) await record(db, outcome, startedAt);
    return outcome;
  }
  if (fetched.notModified) {
    const outcome: RunOutcome = { source, result: SourceRunResult.not_modified, counts: NONE, rejectedItems: [], reviews: [], error: null };
    if (!options.dryRun) await record(db, outcome, startedAt);
    return outcome;
  }
  const outcome = await importInput(db, source, fetched.body, fetched.charset, { ...options, now: startedAt });
  if (!options.dryRun && outcome.result === SourceRunResult.ok) {
    await markPulled(db, source.pk, {
      lastRunAt: startedAt, nextDueAt: startedAt + source.intervalMinutes * 60_000, etag: fetched.etag, lastModified: fetched.lastModified,
    });
  }
  return outcome;
}

async function record(db: Database, o: RunOutcome, startedAt: number): Promise<void> {
  await db.transaction(async (tx) => {
    await insertRun(tx, o.source.pk, {
      startedAt, finishedAt: Date.now(), result: o.result, counts: o.counts, error: o.error, rejectedItems: o.rejectedItems,
    });
    await markPulled(tx, o.source.pk, { lastRunAt: startedAt, nextDueAt: startedAt + o.source.intervalMinutes * 60_000 });
  });
}

/** The source as stored now (after a run changed its stamps). */
export async function reloadSource(db: Database, source: Source): Promise<Source> {
  const [fresh] = await sourcesByKeys(db, [source.pk]);
  return fresh ?? source;
}
