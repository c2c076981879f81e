import { importEvents } from '../../../src/modules/sources/import-events';
import { useScratchAppDatabase } from '../../helpers/scratch-app-database';
import { record, registerSource } from '../sources/source-kit';
import { appendedBy, lastSeq } from './change-log-kit';

// An import writes events as the mutations do, batch by batch: each batch's change-log
// entries are committed with it, and a batch that fails or a dry run leaves none.
const scratch = useScratchAppDatabase();

/** The event key of a source's record. */
async function eventKey(sourceName: string, sourceId: string): Promise<number> {
  const [row] = await scratch.db.query<{ id: number }>(
    'SELECT es.event_id AS id FROM event_source es JOIN source s ON s.id = es.source_id WHERE s.name = ? AND es.external_id = ?',
    [sourceName, sourceId]);
  return Number(row.id);
}

/** The entries a write appended, each as [event, kind, version, status, previous status]. */
async function logOf(write: () => Promise<unknown>): Promise<[number, string, number, string, string | null][]> {
  return (await appendedBy(scratch.db, write)).map((e) => [e.event, e.kind, e.version, e.status, e.previousStatus]);
}

describe('the change log of imports', () => {
  it('has an entry per created event in the order written: PUBLISHED (trusted), UPDATED (for review), CANCELLED', async () => {
    const trusted = await registerSource(scratch.db, { name: 'trusted', trusted: true });
    const untrusted = await registerSource(scratch.db, { name: 'untrusted' });
    const [a, b, c] = [record(), record({ cancelled: true }), record()];
    const first = await logOf(() => importEvents(scratch.db, trusted, { events: [a, b], rejected: [] }));
    const second = await logOf(() => importEvents(scratch.db, untrusted, { events: [c], rejected: [] }));
    expect([...first, ...second]).toEqual([
      [await eventKey('trusted', a.sourceId), 'PUBLISHED', 1, 'PUBLISHED', null],
      [await eventKey('trusted', b.sourceId), 'CANCELLED', 1, 'CANCELLED', null],
      [await eventKey('untrusted', c.sourceId), 'UPDATED', 1, 'SUBMITTED', null],
    ]);
  });

  it('has UPDATED for a changed record, CANCELLED for one its source cancels, and nothing for unchanged ones', async () => {
    const source = await registerSource(scratch.db, { name: 'changing', trusted: true });
    const [a, b, c] = [record(), record(), record()];
    await importEvents(scratch.db, source, { events: [a, b, c], rejected: [] });
    const entries = await logOf(() => importEvents(scratch.db, source, {
      events: [{ ...a, title: { de: 'Neuer Titel' } }, { ...b, cancelled: true }, c], rejected: [],
    }, { now: Date.now() + 1000 }));
    expect(entries).toEqual([
      [await eventKey('changing', a.sourceId), 'UPDATED', 2, 'PUBLISHED', 'PUBLISHED'],
      [await eventKey('changing', b.sourceId), 'CANCELLED', 2, 'CANCELLED', 'PUBLISHED'],
    ]);
    expect(await logOf(() => importEvents(scratch.db, source, { events: [a, { ...b, cancelled: true }, c], rejected: [] })))
      .toEqual([[await eventKey('changing', a.sourceId), 'UPDATED', 3, 'PUBLISHED', 'PUBLISHED']]);
  });

  it('has CANCELLED for an event that vanished from its source, and WITHDRAWN when an untrusted source lists it again for review', async () => {
    const source = await registerSource(scratch.db, { name: 'vanishing' });
    const [early, middle, late] = [record(), record(), record()];
    await importEvents(scratch.db, source, { events: [early, middle, late], rejected: [] });
    const key = await eventKey('vanishing', middle.sourceId);
    expect(await logOf(() => importEvents(scratch.db, source, { events: [early, late], rejected: [] })))
      .toEqual([[key, 'CANCELLED', 2, 'CANCELLED', 'SUBMITTED']]);
    // CANCELLED is public, SUBMITTED is not: the public and partners lose sight of it again
    expect(await logOf(() => importEvents(scratch.db, source, { events: [early, middle, late], rejected: [] })))
      .toEqual([[key, 'WITHDRAWN', 3, 'SUBMITTED', 'CANCELLED']]);
  });

  it('has PUBLISHED when a trusted source lists again an event it had cancelled', async () => {
    const source = await registerSource(scratch.db, { name: 'recalled', trusted: true });
    const a = record();
    await importEvents(scratch.db, source, { events: [{ ...a, cancelled: true }], rejected: [] });
    expect(await logOf(() => importEvents(scratch.db, source, { events: [a], rejected: [] }, { now: Date.now() + 1000 })))
      .toEqual([[await eventKey('recalled', a.sourceId), 'PUBLISHED', 2, 'PUBLISHED', 'CANCELLED']]);
  });

  it('has nothing after a dry run, and nothing of a batch that fails before its commit while the earlier batches keep theirs', async () => {
    const source = await registerSource(scratch.db, { name: 'crashing', trusted: true });
    expect(await logOf(() => importEvents(scratch.db, source, { events: [record(), record()], rejected: [] }, { dryRun: true }))).toEqual([]);
    const records = [record(), record(), record(), record()];
    const before = await lastSeq(scratch.db);
    await expect(importEvents(scratch.db, source, { events: records, rejected: [] }, {
      batchSize: 2,
      beforeCommit: async (batch) => {
        if (batch === 1) throw new Error('the process died here');
      },
    })).rejects.toThrow('the process died here');
    const committed = (await scratch.db.query<{ event_id: number; kind: string }>(
      'SELECT event_id, kind FROM event_change WHERE seq > ? ORDER BY seq', [before])).map((r) => [Number(r.event_id), r.kind]);
    expect(committed).toEqual([
      [await eventKey('crashing', records[0].sourceId), 'PUBLISHED'],
      [await eventKey('crashing', records[1].sourceId), 'PUBLISHED'],
    ]);
    // the rerun creates the rest, and logs exactly those
    const rerun = await logOf(() => importEvents(scratch.db, source, { events: records, rejected: [] }));
    expect(rerun.map(([event, kind]) => [event, kind])).toEqual([
      [await eventKey('crashing', records[2].sourceId), 'PUBLISHED'],
      [await eventKey('crashing', records[3].sourceId), 'PUBLISHED'],
    ]);
  });
});
