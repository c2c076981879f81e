import { ConfigError, loadConfig } from '../../../src/config';
import { createLogger } from '../../../src/logger';
import {
  appendEventChanges, EventChangeKind, pruneEventChanges, startChangeLogPruner, type EventChangeEntry,
} from '../../../src/modules/changes';
import { useScratchAppDatabase } from '../../helpers/scratch-app-database';
import { entriesAfter } from './change-log-kit';

const scratch = useScratchAppDatabase();

const DAY = 86_400_000;
const NOW = Date.UTC(2027, 5, 1, 12);

function entry(eventKey: number): EventChangeEntry {
  return { eventKey, kind: EventChangeKind.UPDATED, version: 1, status: 'PUBLISHED', previousStatus: 'PUBLISHED', droppedOrganizerKeys: [] };
}

/** Appends one entry per event key at time `at`, in one transaction. */
function appendAt(at: number, ...keys: number[]): Promise<void> {
  return scratch.db.transaction((tx) => appendEventChanges(tx, keys.map(entry), at));
}

async function remaining(): Promise<number[]> {
  return (await entriesAfter(scratch.db, 0)).map((e) => e.event);
}

beforeEach(async () => {
  await scratch.db.query('DELETE FROM event_change');
});

describe('pruning the change log', () => {
  it('removes the entries older than the retention and keeps the younger ones', async () => {
    await appendAt(NOW - 10 * DAY, 1, 2, 3);
    await appendAt(NOW - 7 * DAY - 1, 4);
    await appendAt(NOW - 7 * DAY, 5);
    await appendAt(NOW - DAY, 6, 7);
    expect(await pruneEventChanges(scratch.db, { before: NOW - 7 * DAY })).toBe(4);
    expect(await remaining()).toEqual([5, 6, 7]);
    expect(await pruneEventChanges(scratch.db, { before: NOW - 7 * DAY })).toBe(0);
  });

  it('never removes the newest entry, however old: readers can still tell the log\'s position', async () => {
    await appendAt(NOW - 30 * DAY, 1, 2);
    await appendAt(NOW - 20 * DAY, 3);
    const [newest] = (await entriesAfter(scratch.db, 0)).slice(-1);
    expect(await pruneEventChanges(scratch.db, { before: NOW })).toBe(2);
    expect(await entriesAfter(scratch.db, 0)).toEqual([newest]);
    expect(await pruneEventChanges(scratch.db, { before: NOW })).toBe(0);
  });

  it('deletes in bounded batches, oldest first, and leaves a larger backlog to the next run', async () => {
    await appendAt(NOW - 9 * DAY, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    await appendAt(NOW, 11);
    expect(await pruneEventChanges(scratch.db, { before: NOW - DAY, batchSize: 3, maxBatches: 2 })).toBe(6);
    expect(await remaining()).toEqual([7, 8, 9, 10, 11]);
    expect(await pruneEventChanges(scratch.db, { before: NOW - DAY, batchSize: 3, maxBatches: 2 })).toBe(4);
    expect(await remaining()).toEqual([11]);
  });

  it('keeps sequence ids rising after pruning, and times that never go back along them', async () => {
    await appendAt(NOW, 1, 2);
    await appendAt(NOW - DAY, 3); // another instance whose clock is behind
    const [first, second, third] = await entriesAfter(scratch.db, 0);
    const ats = (await scratch.db.query<{ at: number }>('SELECT at FROM event_change ORDER BY seq')).map((r) => Number(r.at));
    expect(ats).toEqual([NOW, NOW, NOW]);
    expect(await pruneEventChanges(scratch.db, { before: NOW + 1 })).toBe(2);
    await appendAt(NOW + DAY, 4);
    const after = await entriesAfter(scratch.db, 0);
    expect(after.map((e) => e.event)).toEqual([3, 4]);
    expect(after[0].seq).toBe(third.seq);
    expect(after[1].seq).toBeGreaterThan(third.seq);
    expect(second.seq).toBeGreaterThan(first.seq);
  });

  it('appends nothing when the writer\'s transaction rolls back', async () => {
    await expect(scratch.db.transaction(async (tx) => {
      await appendEventChanges(tx, [entry(1), entry(2)]);
      throw new Error('the write failed after its append');
    })).rejects.toThrow('the write failed after its append');
    expect(await remaining()).toEqual([]);
  });

  it('runs periodically in the server process until stopped', async () => {
    await appendAt(Date.now() - 2 * DAY, 1, 2);
    await appendAt(Date.now(), 3);
    const pruner = startChangeLogPruner(scratch.db, { retentionMs: DAY, intervalMs: 20, firstRunMs: 0, logger: createLogger('silent') });
    try {
      for (let i = 0; i < 100 && (await remaining()).length > 1; i += 1) await new Promise((r) => setTimeout(r, 20));
    } finally {
      await pruner.stop();
    }
    expect(await remaining()).toEqual([3]);
  });
});

describe('CHANGE_LOG_RETENTION_DAYS', () => {
  it('keeps entries 7 days by default, and takes fractions of a day', () => {
    expect(loadConfig({}).changeLogRetentionMs).toBe(7 * DAY);
    expect(loadConfig({ CHANGE_LOG_RETENTION_DAYS: '0.5' }).changeLogRetentionMs).toBe(DAY / 2);
  });

  it('refuses a retention that is not a positive number of days', () => {
    for (const bad of ['0', '-1', 'a week']) {
      expect(() => loadConfig({ CHANGE_LOG_RETENTION_DAYS: bad })).toThrow(ConfigError);
    }
  });
});
