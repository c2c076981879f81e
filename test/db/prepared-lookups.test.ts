import { preparedNames, MAX_PREPARED_STATEMENTS } from '../../src/db/direct-query';
import { useScratchAppDatabase } from '../helpers/scratch-app-database';

describe('preparedNames', () => {
  it('gives each statement text one name, the same every time', () => {
    const nameOf = preparedNames(10);
    const a = nameOf('SELECT 1 WHERE id = $1');
    expect(nameOf('SELECT 2 WHERE id = $1')).not.toBe(a);
    expect(nameOf('SELECT 1 WHERE id = $1')).toBe(a);
  });

  it('names no more than its maximum of texts; later ones go unnamed', () => {
    const nameOf = preparedNames(2);
    expect(nameOf('a')).toBeDefined();
    expect(nameOf('b')).toBeDefined();
    expect(nameOf('c')).toBeUndefined();
    expect(nameOf('a')).toBeDefined();
    expect(MAX_PREPARED_STATEMENTS).toBeGreaterThan(50);
  });
});

describe('lookups by key, on this database', () => {
  const scratch = useScratchAppDatabase();

  it('answer the right rows run after run, past the point where PostgreSQL plans a prepared statement once', async () => {
    await scratch.db.query('CREATE TABLE scratch_key (id integer PRIMARY KEY, name text)');
    await scratch.db.query("INSERT INTO scratch_key (id, name) VALUES (1, 'eins'), (2, 'zwei'), (3, 'drei')");
    const sql = 'SELECT id, name FROM scratch_key WHERE id IN (?, ?) ORDER BY id';
    for (let run = 0; run < 8; run += 1) {
      const a = 1 + (run % 3);
      const b = 1 + ((run + 1) % 3);
      const rows = await scratch.db.query<{ id: number; name: string }>(sql, [a, b], { byKey: true });
      expect(rows.map((r) => r.id)).toEqual([Math.min(a, b), Math.max(a, b)]);
    }
    // The same text sent unnamed, and another text, on the same pooled connections.
    expect(await scratch.db.query(sql, [3, 3])).toEqual([{ id: 3, name: 'drei' }]);
    expect(await scratch.db.query('SELECT name FROM scratch_key WHERE id = ?', [2], { byKey: true })).toEqual([{ name: 'zwei' }]);
  });

  it('find keys through keyIn with a few statement texts for any number of keys, numbers and text alike', async () => {
    await scratch.db.query('CREATE TABLE scratch_code (code varchar(20) PRIMARY KEY, n integer)');
    // Quotes, a backslash, a comma and braces: what an array literal must escape.
    const codes = ['DE1', 'it\'s', 'a"b', 'back\\slash', 'x,y', '{z}', ' pad '];
    for (const [i, code] of codes.entries()) await scratch.db.query('INSERT INTO scratch_code (code, n) VALUES (?, ?)', [code, i]);
    const texts = new Set<string>();
    for (let n = 1; n <= codes.length; n += 1) {
      const wanted = codes.slice(0, n);
      const byCode = scratch.db.dialect.keyIn('code', wanted);
      const rows = await scratch.db.query<{ code: string }>(`SELECT code FROM scratch_code WHERE ${byCode.sql}`, byCode.params, { byKey: true });
      expect(rows.map((r) => r.code).sort()).toEqual([...wanted].sort());
      const byNumber = scratch.db.dialect.keyIn('n', [...Array(n).keys()]);
      const numbered = await scratch.db.query<{ n: number }>(`SELECT n FROM scratch_code WHERE ${byNumber.sql} ORDER BY n`, byNumber.params, { byKey: true });
      expect(numbered.map((r) => Number(r.n))).toEqual([...Array(n).keys()]);
      texts.add(byCode.sql).add(byNumber.sql);
    }
    // Lists padded to 1, 2, 4 and 8 keys: four texts per column for 1 to 7 keys.
    expect(texts.size).toBe(2 * 4);
    const none = scratch.db.dialect.keyIn('code', []);
    expect(await scratch.db.query(`SELECT code FROM scratch_code WHERE ${none.sql}`, none.params)).toEqual([]);
  });
});
