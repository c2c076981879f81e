import { useScratchAppDatabase } from '../helpers/scratch-app-database';

// Migration 1764000000103 moves "who cancelled this event" from the start of a reason
// text into a column; events cancelled before it must keep behaving as they did.

const scratch = useScratchAppDatabase();

/** Events as they were stored before the migration: a status and a reason, nothing else to tell. */
const BEFORE: [slug: string, status: string, reason: string | null][] = [
  ['by-source', 'CANCELLED', 'Cancelled by its source "kalender-a".'],
  ['vanished', 'CANCELLED', 'No longer announced by its source "kalender-a" (gone from its feed on 2027-03-01).'],
  ['by-person', 'CANCELLED', 'Referent erkrankt.'],
  ['by-person-quoting', 'CANCELLED', 'Abgesagt. No longer announced by its source "kalender-a".'],
  ['other-case', 'CANCELLED', 'cancelled by its source "kalender-a".'],
  ['no-reason', 'CANCELLED', null],
  ['rejected', 'REJECTED', 'Cancelled by its source "kalender-a".'],
  ['published', 'PUBLISHED', null],
];

async function insertOldEvent(slug: string, status: string, reason: string | null, i: number): Promise<void> {
  const at = Date.UTC(2027, 2, 1 + i, 9);
  await scratch.db.query(
    `INSERT INTO event (slug, title_de, title_sort, category, status, status_reason, starts_at, starts_local, time_zone,
       region_code, country, languages, synthetic, version, created_at, updated_at)
     VALUES (?, ?, ?, 'OTHER', ?, ?, ?, ?, 'Europe/Berlin', 'DE', 'DE', 'de', ?, 1, ?, ?)`,
    [slug, slug, slug, status, reason, at, new Date(at + 3_600_000).toISOString().slice(0, 19), false, at, at],
  );
}

async function hasColumn(name: string): Promise<boolean> {
  const runner = scratch.db.dataSource.createQueryRunner();
  try {
    return await runner.hasColumn('event', name);
  } finally {
    await runner.release();
  }
}

async function cancelledBy(): Promise<Record<string, string | null>> {
  const rows = await scratch.db.query<{ slug: string; cancelled_by: string | null }>('SELECT slug, cancelled_by FROM event ORDER BY id');
  return Object.fromEntries(rows.map((r) => [r.slug, r.cancelled_by]));
}

/** Undoes the newest migrations down to and including this one's; returns how many were undone. */
async function undoThroughThisOne(): Promise<number> {
  for (let undone = 1; ; undone += 1) {
    const [last] = await scratch.db.query<{ name: string }>('SELECT name FROM typeorm_migrations ORDER BY id DESC LIMIT 1');
    await scratch.db.dataSource.undoLastMigration();
    if (last.name === 'EventCancellationOrigin1764000000103') return undone;
  }
}

let undone = 0;

describe('migration EventCancellationOrigin', () => {
  it('undoes cleanly (with the migrations after it), taking the column with it', async () => {
    undone = await undoThroughThisOne();
    expect(await hasColumn('cancelled_by')).toBe(false);
  });

  it('backfills the column from how an import began its reasons: IMPORT for those, EDITOR for other cancellations', async () => {
    for (const [i, [slug, status, reason]] of BEFORE.entries()) await insertOldEvent(slug, status, reason, i);
    expect(await scratch.db.dataSource.runMigrations()).toHaveLength(undone);
    expect(await hasColumn('cancelled_by')).toBe(true);
    expect(await cancelledBy()).toEqual({
      'by-source': 'IMPORT',
      vanished: 'IMPORT',
      'by-person': 'EDITOR',
      'by-person-quoting': 'EDITOR',
      'other-case': 'EDITOR',
      'no-reason': 'EDITOR',
      rejected: null,
      published: null,
    });
  });

  it('leaves the reasons as they were: people read them', async () => {
    const rows = await scratch.db.query<{ slug: string; status_reason: string | null }>('SELECT slug, status_reason FROM event ORDER BY id');
    expect(rows.map((r) => [r.slug, r.status_reason])).toEqual(BEFORE.map(([slug, , reason]) => [slug, reason]));
  });

  it('applies again after being undone, with the same result', async () => {
    const before = await cancelledBy();
    await undoThroughThisOne();
    await scratch.db.dataSource.runMigrations();
    expect(await cancelledBy()).toEqual(before);
    expect(await scratch.db.dataSource.showMigrations()).toBe(false);
  });
});
