import type { Database } from '../../src/db/database';
import { insertRow, updateRow, updateVersionedRow } from '../../src/db/row-writes';
import { useScratchAppDatabase } from '../helpers/scratch-app-database';

const scratch = useScratchAppDatabase();

/** The statements a transaction sends, by tracing its executor. */
async function statementsOf(fn: (tx: Parameters<Parameters<Database['transaction']>[0]>[0]) => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  await scratch.db.transaction((tx) => fn({ kind: tx.kind, dialect: tx.dialect, query: (sql, params) => { sent.push(sql); return tx.query(sql, params); } }));
  return sent;
}

describe('the dialect', () => {
  it('locks rows on PostgreSQL only, and looks lazily given ids up only there', async () => {
    let looked = 0;
    const sent = await statementsOf(async (tx) => {
      await tx.dialect.lockRows(tx, 'organizer', async () => { looked += 1; return [3, 1, 3]; });
      await tx.dialect.lockRows(tx, 'organizer', []);
      await tx.dialect.lockRowsSelected(tx, 'event', 'SELECT id FROM event WHERE campaign_id = ?', [1]);
      await tx.dialect.advisoryLock(tx, 'event-slug', 'some-base');
      await tx.query(`SELECT id FROM patron WHERE id = ?${tx.dialect.lockForUpdate()}`, [1]);
    });
    if (scratch.db.kind === 'postgres') {
      expect(looked).toBe(1);
      expect(sent).toEqual([
        'SELECT id FROM organizer WHERE id IN (?, ?) ORDER BY id FOR NO KEY UPDATE',
        'SELECT id FROM event WHERE id IN (SELECT id FROM event WHERE campaign_id = ?) ORDER BY id FOR NO KEY UPDATE',
        "SELECT pg_advisory_xact_lock(hashtext('event-slug:' || ?::text))",
        'SELECT id FROM patron WHERE id = ? FOR NO KEY UPDATE',
      ]);
    } else {
      expect(looked).toBe(0);
      expect(sent).toEqual(['SELECT id FROM patron WHERE id = ?']);
    }
  });

  it('refuses a table or alias name that is not a plain identifier where it writes one', async () => {
    if (scratch.db.kind !== 'postgres') return;
    expect(() => scratch.db.dialect.lockForUpdate('c; DROP TABLE x')).toThrow('not a plain SQL identifier');
    await expect(scratch.db.transaction((tx) => tx.dialect.lockRows(tx, 'organizer; --', [1]))).rejects.toThrow('not a plain SQL identifier');
  });
});

describe('forEachValue', () => {
  beforeAll(async () => {
    await scratch.db.query('CREATE TABLE scratch_kind (id integer PRIMARY KEY, kind text NOT NULL, at integer NOT NULL)');
    await scratch.db.query(`INSERT INTO scratch_kind (id, kind, at) VALUES
      (1, 'a', 30), (2, 'a', 10), (3, 'b', 10), (4, 'a', 10), (5, 'b', 5), (6, 'c', 1), (7, 'a', 20)`);
  });

  it('runs one ordered, limited SELECT per value in one statement, each with its own LIMIT, its params in place', async () => {
    const q = scratch.db.dialect.forEachValue(['a', 'b', 'none'], (kind) => ({
      sql: `SELECT id, kind FROM scratch_kind WHERE at >= ? AND kind = ${kind.sql} ORDER BY at, id LIMIT ?`,
      params: [5, ...kind.params, 2],
    }));
    const rows = await scratch.db.query<{ id: number; kind: string }>(`SELECT f.id, f.kind FROM (${q.sql}) f ORDER BY f.kind, f.id`, q.params);
    expect(rows.map((r) => [Number(r.id), r.kind])).toEqual([[2, 'a'], [4, 'a'], [3, 'b'], [5, 'b']]);
    // PostgreSQL plans the SELECT once (LATERAL); SQLite, without LATERAL, gets a branch per value.
    expect(q.sql.split('UNION ALL').length).toBe(scratch.db.kind === 'postgres' ? 1 : 3);
  });
});

describe('insertRow, updateRow and updateVersionedRow', () => {
  beforeAll(async () => {
    await scratch.db.query('CREATE TABLE scratch_row (id integer PRIMARY KEY, name text, note text, version integer NOT NULL)');
    await scratch.db.query("INSERT INTO scratch_row (id, name, note, version) VALUES (1, 'one', 'why?', 1), (2, 'two', NULL, 1)");
  });
  const rows = () => scratch.db.query<{ id: number; name: string; note: string | null; version: number }>(
    'SELECT id, name, note, version FROM scratch_row ORDER BY id');

  it('set the listed columns of one row in one statement', async () => {
    const sent = await statementsOf((tx) => updateRow(tx, 'scratch_row', 1, [['name', 'uno'], ['note', null]]));
    expect(sent).toEqual(['UPDATE scratch_row SET name = ?, note = ? WHERE id = ?']);
    expect(await rows()).toEqual([
      { id: 1, name: 'uno', note: null, version: 1 }, { id: 2, name: 'two', note: null, version: 1 },
    ]);
  });

  it('change a versioned row only at its version, and count the version up', async () => {
    let changed: boolean[] = [];
    await scratch.db.transaction(async (tx) => {
      changed = [
        await updateVersionedRow(tx, 'scratch_row', 2, 1, [['name', 'dos']]),
        await updateVersionedRow(tx, 'scratch_row', 2, 1, [['name', 'deux']]),
      ];
    });
    expect(changed).toEqual([true, false]);
    expect((await rows())[1]).toEqual({ id: 2, name: 'dos', note: null, version: 2 });
  });

  it('insert one row in one statement and answer its id', async () => {
    let id = 0;
    const sent = await statementsOf(async (tx) => { id = await insertRow(tx, 'scratch_row', [['id', 7], ['name', 'sieben'], ['note', "it's?"], ['version', 1]]); });
    expect(sent).toEqual(['INSERT INTO scratch_row (id, name, note, version) VALUES (?, ?, ?, ?) RETURNING id']);
    expect(id).toBe(7);
    expect((await rows())[2]).toEqual({ id: 7, name: 'sieben', note: "it's?", version: 1 });
  });

  it('refuse a column that is not a plain identifier', async () => {
    await expect(scratch.db.transaction((tx) => updateRow(tx, 'scratch_row', 1, [['name = name; --', 'x']]))).rejects.toThrow('not a plain SQL identifier');
    await expect(scratch.db.transaction((tx) => insertRow(tx, 'scratch_row', [['name) VALUES (1); --', 'x']]))).rejects.toThrow('not a plain SQL identifier');
  });
});
