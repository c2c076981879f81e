import { useScratchAppDatabase } from '../helpers/scratch-app-database';

const scratch = useScratchAppDatabase();

const marker = async (key: string) => (await scratch.db.query<{ value: string }>('SELECT value FROM app_meta WHERE key = ?', [key]))[0]?.value ?? null;

describe('transactions', () => {
  it('are invisible to other reads until they commit', async () => {
    let seenInside: string | null = 'unset';
    await scratch.db.transaction(async (tx) => {
      await tx.query('INSERT INTO app_meta (key, value) VALUES (?, ?)', ['tx-commit', 'written']);
      seenInside = await marker('tx-commit');
    });
    expect(seenInside).toBeNull();
    expect(await marker('tx-commit')).toBe('written');
  });

  it('leave nothing behind, for anyone, when they roll back', async () => {
    let seenInside: string | null = 'unset';
    await expect(scratch.db.transaction(async (tx) => {
      await tx.query('INSERT INTO app_meta (key, value) VALUES (?, ?)', ['tx-rollback', 'written']);
      seenInside = await marker('tx-rollback');
      throw new Error('changed my mind');
    })).rejects.toThrow('changed my mind');
    expect(seenInside).toBeNull();
    expect(await marker('tx-rollback')).toBeNull();
  });

  it('see their own writes, and return rows of statements with RETURNING', async () => {
    const rows = await scratch.db.transaction(async (tx) => {
      await tx.query('INSERT INTO app_meta (key, value) VALUES (?, ?)', ['tx-own', 'mine']);
      const own = await tx.query<{ value: string }>('SELECT value FROM app_meta WHERE key = ?', ['tx-own']);
      const updated = await tx.query<{ key: string }>('UPDATE app_meta SET value = ? WHERE key = ? RETURNING key', ['ours', 'tx-own']);
      return { own, updated };
    });
    expect(rows.own).toEqual([{ value: 'mine' }]);
    expect(rows.updated.map((r) => r.key)).toEqual(['tx-own']);
    expect(await marker('tx-own')).toBe('ours');
  });

  it('take turns when they overlap, so neither sees the other half-done', async () => {
    const order: string[] = [];
    await Promise.all(['a', 'b'].map((name) => scratch.db.transaction(async (tx) => {
      order.push(`${name} begins`);
      await tx.query('INSERT INTO app_meta (key, value) VALUES (?, ?)', [`tx-turn-${name}`, name]);
      await new Promise((r) => setTimeout(r, 20));
      order.push(`${name} ends`);
    })));
    if (scratch.db.kind === 'sqlite') expect(order).toEqual(['a begins', 'a ends', 'b begins', 'b ends']);
    expect(await marker('tx-turn-a')).toBe('a');
    expect(await marker('tx-turn-b')).toBe('b');
  });
});
