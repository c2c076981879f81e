import BetterSqlite3 from 'better-sqlite3';
import { Client } from 'pg';
import { gql } from '../helpers/gql';
import { testDbKind } from '../helpers/test-database';
import {
  UPDATE, call, eventIn, startMutationServer, tableCounts, type MutationServer,
} from '../modules/events/mutations-kit';

let m: MutationServer;

beforeAll(async () => {
  m = await startMutationServer();
});

afterAll(async () => {
  await m?.close();
});

/**
 * Another process's writer, holding what the event's update needs: on SQLite the file's
 * write lock (BEGIN IMMEDIATE on a connection of its own, as the CLI's import takes it), on
 * PostgreSQL the event's row lock (FOR UPDATE in an open transaction).
 */
async function holdLock(eventId: string): Promise<{ release(): Promise<void> }> {
  if (testDbKind === 'sqlite') {
    const other = new BetterSqlite3(String(m.db.dataSource.options.database));
    other.exec('BEGIN IMMEDIATE');
    return { release: async () => { other.exec('ROLLBACK'); other.close(); } };
  }
  const key = Number(Buffer.from(eventId, 'base64url').toString('utf8').split(':')[1]);
  const other = new Client({ connectionString: String((m.db.dataSource.options as { url: string }).url) });
  await other.connect();
  await other.query('BEGIN');
  await other.query('SELECT id FROM event WHERE id = $1 FOR UPDATE', [key]);
  return { release: async () => { await other.query('ROLLBACK'); await other.end(); } };
}

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const start = Date.now();
  const value = await work;
  return { value, ms: Date.now() - start };
}

describe('a write meeting a lock another writer holds', () => {
  it('answers a retryable CONFLICT after about five seconds, and writes nothing, when the lock stays taken', async () => {
    const e = await eventIn(m, 'PUBLISHED');
    const before = await tableCounts(m.db);
    const lock = await holdLock(e.id);
    try {
      const update = timed(call(m, 'editor', UPDATE, { id: e.id, patch: { title: { de: 'Während der Sperre' } } }));
      // The server keeps answering reads meanwhile: waiting for the lock does not block it.
      const read = await timed(gql(m.url, '{ events(first: 1) { totalCount } }'));
      expect(read.value.body.errors).toBeUndefined();
      expect(read.ms).toBeLessThan(1500);

      const { value: res, ms } = await update;
      expect(res.status).toBe(200);
      expect(res.body.data ?? null).toBeNull();
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors![0].extensions).toEqual({ code: 'CONFLICT', retryable: true, retryAfterSeconds: 1 });
      expect(res.body.errors![0].message).toMatch(/busy.*try again/i);
      expect(ms).toBeGreaterThanOrEqual(4500);
      expect(ms).toBeLessThan(8000);
    } finally {
      await lock.release();
    }
    expect(await tableCounts(m.db)).toEqual(before);
  }, 30_000);

  it('waits for it and succeeds when it is released within the wait', async () => {
    const e = await eventIn(m, 'PUBLISHED');
    const lock = await holdLock(e.id);
    const update = timed(call(m, 'editor', UPDATE, { id: e.id, patch: { title: { de: 'Nach der Sperre' } } }));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await lock.release();
    const { value: res, ms } = await update;
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.updateEvent).toMatchObject({ title: 'Nach der Sperre', version: e.version + 1 });
    expect(ms).toBeGreaterThanOrEqual(1400);
  }, 30_000);
});
