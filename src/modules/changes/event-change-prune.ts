import type { Database } from '../../db/database';
import type { Logger } from '../../logger';

/** How one pruning run goes. */
export interface PruneOptions {
  /** Entries written before this time (epoch ms) go, except the newest entry. */
  before: number;
  /** Entries deleted per transaction (default 1,000): each batch holds its locks only briefly. */
  batchSize?: number;
  /** Batches per run at most (default 100); a larger backlog is left to the next run. */
  maxBatches?: number;
}

const DEFAULT_BATCH = 1_000;
const DEFAULT_MAX_BATCHES = 100;

/**
 * Deletes the change log's entries older than `before`, oldest first, in batches of their
 * own short transactions; returns how many went. The newest entry always stays, so a reader
 * can tell the log's current position even after a quiet spell longer than the retention,
 * and a reader behind the oldest kept entry knows it missed some. Entries' times never
 * decrease along the sequence (appendEventChanges), so what is deleted is always a prefix.
 * Several instances may prune at once: each deletes what is still there.
 */
export async function pruneEventChanges(db: Database, options: PruneOptions): Promise<number> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  const maxBatches = Math.max(1, options.maxBatches ?? DEFAULT_MAX_BATCHES);
  const [newest] = await db.query<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM event_change');
  if (newest?.seq == null) return 0;
  let deleted = 0;
  for (let batch = 0; batch < maxBatches; batch += 1) {
    const n = await db.transaction(async (tx) => {
      const rows = await tx.query<{ seq: number }>(
        'SELECT seq FROM event_change WHERE at < ? AND seq < ? ORDER BY seq LIMIT ?', [options.before, Number(newest.seq), batchSize]);
      if (rows.length === 0) return 0;
      const last = Number(rows[rows.length - 1].seq);
      await tx.query('DELETE FROM event_change WHERE seq <= ? AND at < ?', [last, options.before]);
      return rows.length;
    }, { rerunnable: true });
    deleted += n;
    if (n < batchSize) break;
  }
  return deleted;
}

/** A running pruner. */
export interface ChangeLogPruner {
  /** Stops it, waiting for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Prunes the change log every `intervalMs` (the first run after `firstRunMs`), keeping
 * entries for `retentionMs`. A failed run is logged and the next one tries again.
 */
export function startChangeLogPruner(
  db: Database, options: { retentionMs: number; intervalMs: number; firstRunMs: number; logger: Logger },
): ChangeLogPruner {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = pruneEventChanges(db, { before: Date.now() - options.retentionMs })
        .then((n) => { if (n > 0) options.logger.info({ deleted: n }, 'change log pruned'); })
        .catch((err: unknown) => options.logger.warn({ err }, 'change log pruning failed; trying again later'))
        .finally(() => { running = null; schedule(options.intervalMs); });
    }, ms);
    timer.unref();
  };
  schedule(options.firstRunMs);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
