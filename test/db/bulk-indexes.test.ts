import { withIndexesBuiltAfter } from '../../src/db/bulk-insert';
import { seedSynthetic } from '../../src/demo-data/synthetic';
import type { Database } from '../../src/db/database';
import { openAppDatabase } from '../../src/server/app-database';
import { ensureDemoData } from '../../src/demo-data/seed-state';
import { useScratchAppDatabase } from '../helpers/scratch-app-database';
import { createScratchDatabase, testDbKind, type ScratchDatabase } from '../helpers/test-database';

const scratch = useScratchAppDatabase();
beforeAll(() => ensureDemoData(scratch.db));

/** Every index of the event tables with the SQL that defines it, by name. */
async function eventIndexes(db: Pick<Database, 'query'>): Promise<Record<string, string>> {
  const rows = testDbKind === 'sqlite'
    ? await db.query<{ name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('event', 'event_organizer', 'event_patron')")
    : await db.query<{ name: string; sql: string }>(
      "SELECT indexname AS name, indexdef AS sql FROM pg_indexes WHERE tablename IN ('event', 'event_organizer', 'event_patron')");
  return Object.fromEntries(rows.map((r) => [r.name, r.sql]));
}

describe('withIndexesBuiltAfter', () => {
  it('fills with the secondary indexes gone on SQLite (kept on PostgreSQL), readers still see them, and ends with the same definitions', async () => {
    const before = await eventIndexes(scratch.db);
    expect(Object.keys(before)).toContain('idx_event_status_start');
    let during: Record<string, string> = {};
    let seenByReaders: Record<string, string> = {};
    await scratch.db.transaction((tx) => withIndexesBuiltAfter(tx, ['event', 'event_organizer', 'event_patron'], async () => {
      during = await eventIndexes(tx);
      seenByReaders = await eventIndexes(scratch.db);
    }));
    if (testDbKind === 'sqlite') {
      expect(Object.keys(during)).not.toContain('idx_event_status_start');
      expect(Object.keys(during)).toContain('uq_event_slug'); // unique indexes stay and still refuse duplicates
    } else {
      expect(during).toEqual(before);
    }
    expect(seenByReaders).toEqual(before);
    expect(await eventIndexes(scratch.db)).toEqual(before);
  });

  it('leaves indexes and rows as they were when the fill fails', async () => {
    const before = await eventIndexes(scratch.db);
    const count = async () => Number((await scratch.db.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM event_patron'))[0].n);
    const rows = await count();
    const [event] = await scratch.db.query<{ id: number }>('SELECT id FROM event ORDER BY id LIMIT 1');
    const [patron] = await scratch.db.query<{ id: number }>('SELECT id FROM patron ORDER BY id DESC LIMIT 1');
    await expect(scratch.db.transaction((tx) => withIndexesBuiltAfter(tx, ['event_patron'], async () => {
      await tx.query('DELETE FROM event_patron WHERE event_id = ?', [event.id]);
      await tx.query('INSERT INTO event_patron (event_id, patron_id, position) VALUES (?, ?, ?)', [event.id, patron.id, 0]);
      throw new Error('disk full');
    }))).rejects.toThrow('disk full');
    expect(await eventIndexes(scratch.db)).toEqual(before);
    expect(await count()).toBe(rows);
  });
});

describe('seedSynthetic as one transaction (SQLite from 50,000 events)', () => {
  let chunked: ScratchDatabase;
  let whole: ScratchDatabase;
  const opened: Database[] = [];
  const open = async (s: ScratchDatabase) => {
    const db = await openAppDatabase(s.url);
    opened.push(db);
    await ensureDemoData(db);
    return db;
  };
  beforeAll(async () => {
    chunked = await createScratchDatabase();
    whole = await createScratchDatabase();
  });
  afterAll(async () => {
    for (const db of opened) await db.dataSource.destroy();
    await chunked.drop();
    await whole.drop();
  });

  it('writes the same rows as the chunked seed and leaves the same indexes', async () => {
    const a = await open(chunked);
    const b = await open(whole);
    const indexesBefore = await eventIndexes(b);
    const progress: number[] = [];
    // 12,000 events: three chunks of 5,000 (the last one short) either way.
    await seedSynthetic(a, { events: 12_000, seed: 5 });
    await seedSynthetic(b, { events: 12_000, seed: 5, oneTransactionFrom: 1, onProgress: (done) => progress.push(done) });
    expect(progress).toEqual([5_000, 10_000, 12_000]);
    for (const sql of [
      'SELECT id, slug, title_de, starts_at, region_code, category, status, campaign_id FROM event ORDER BY id',
      'SELECT event_id, organizer_id, position FROM event_organizer ORDER BY event_id, position',
      'SELECT event_id, patron_id FROM event_patron ORDER BY event_id, patron_id',
    ]) {
      expect(await b.query(sql)).toEqual(await a.query(sql));
    }
    expect(await eventIndexes(b)).toEqual(indexesBefore);
    // The rebuilt indexes answer as the ones filled row by row (a count through the index).
    const byIndex = "SELECT COUNT(*) AS n FROM event WHERE nuts1 = 'DE1' AND status = 'PUBLISHED' AND category = 'WORKSHOP'";
    expect(await b.query(byIndex)).toEqual(await a.query(byIndex));
  }, 120_000);
});
