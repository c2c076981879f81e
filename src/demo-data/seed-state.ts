import type { Database, SqlExecutor } from '../db/database';
import { clusterwoche2017 } from './clusterwoche-2017';
import { loadDemoWorld } from './demo-loader';

/** The app_meta key whose row says the demo world was loaded, and when (ISO instant). */
export const DEMO_SEEDED_KEY = 'demo_seeded_at';

/** True when the demo world has been loaded into this database (at any time). */
export async function isSeeded(db: SqlExecutor): Promise<boolean> {
  const rows = await db.query('SELECT 1 AS one FROM app_meta WHERE key = ?', [DEMO_SEEDED_KEY]);
  return rows.length > 0;
}

/**
 * Loads the Clusterwoche 2017 world into a database that has never been seeded and returns
 * true; returns false when it was seeded before. Safe when several processes start at once
 * against one database: the marker row is inserted first in the same transaction as the
 * data, so its primary key lets exactly one transaction through; the others wait for it
 * and then fail on the key, which means "someone else seeded", not an error.
 * Deleting the demo data later does not make it come back: the marker stays.
 */
export async function ensureDemoData(db: Database): Promise<boolean> {
  // The usual case (seeded long ago) should not log a failed statement on every start.
  if (await isSeeded(db)) return false;
  const now = Date.now();
  try {
    await db.transaction(async (tx) => {
      try {
        await tx.query('INSERT INTO app_meta (key, value) VALUES (?, ?)', [DEMO_SEEDED_KEY, new Date(now).toISOString()]);
      } catch (err) {
        throw isUniqueViolation(err) ? new SeededElsewhere() : err;
      }
      await loadDemoWorld(tx, clusterwoche2017, now);
    });
    return true;
  } catch (err) {
    if (err instanceof SeededElsewhere) return false;
    throw err;
  }
}

/** Thrown out of the transaction (so it rolls back) when another process holds the marker. */
class SeededElsewhere extends Error {}

/** A primary-key or unique violation: PostgreSQL's SQLSTATE 23505 or SQLite's constraint codes. */
function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.code ?? e?.driverError?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
