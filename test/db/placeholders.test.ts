import { numberedPlaceholders } from '../../src/db/placeholders';
import { useScratchAppDatabase } from '../helpers/scratch-app-database';

describe('numberedPlaceholders', () => {
  it('numbers the placeholders in order', () => {
    expect(numberedPlaceholders('SELECT a FROM t WHERE b = ? AND c IN (?, ?)')).toBe('SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)');
    expect(numberedPlaceholders("SELECT pg_advisory_xact_lock(hashtext('event-slug:' || ?::text))"))
      .toBe("SELECT pg_advisory_xact_lock(hashtext('event-slug:' || $1::text))");
  });

  it('leaves a ? inside a quoted string or identifier alone', () => {
    expect(numberedPlaceholders("SELECT 'why?' AS q, ? AS v")).toBe("SELECT 'why?' AS q, $1 AS v");
    expect(numberedPlaceholders("SELECT 'it''s ?' AS q WHERE a = ? AND b = '?'")).toBe("SELECT 'it''s ?' AS q WHERE a = $1 AND b = '?'");
    expect(numberedPlaceholders('SELECT x AS "what?" WHERE a = ?')).toBe('SELECT x AS "what?" WHERE a = $1');
  });

  it('answers SQL without placeholders as it is', () => {
    expect(numberedPlaceholders("SELECT 1 AS one WHERE 'a' = 'a'")).toBe("SELECT 1 AS one WHERE 'a' = 'a'");
  });
});

describe('a literal ? in a statement, on this database', () => {
  const scratch = useScratchAppDatabase();

  it('stays text outside and inside a transaction', async () => {
    const sql = "SELECT 'why?' AS q, CAST(? AS integer) AS v, 'it''s ?' AS r";
    expect(await scratch.db.query(sql, [7])).toEqual([{ q: 'why?', v: 7, r: "it's ?" }]);
    expect(await scratch.db.transaction((tx) => tx.query(sql, [8]))).toEqual([{ q: 'why?', v: 8, r: "it's ?" }]);
  });
});
