import type { Database } from '../../../src/db/database';
import { eventChangesAfter } from '../../../src/modules/changes';

/** An entry as the tests compare it: without its time. */
export interface Logged {
  seq: number;
  event: number;
  kind: string;
  version: number;
  status: string;
  previousStatus: string | null;
  dropped: number[];
}

/** The change log's newest position (0 when empty). */
export async function lastSeq(db: Database): Promise<number> {
  const [row] = await db.query<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM event_change');
  return Number(row?.seq ?? 0);
}

/** The entries after position `after`, in sequence order. */
export async function entriesAfter(db: Database, after: number): Promise<Logged[]> {
  return (await eventChangesAfter(db, after, 10_000)).map((e) => ({
    seq: e.seq, event: e.eventKey, kind: e.kind, version: e.version, status: e.status,
    previousStatus: e.previousStatus, dropped: [...e.droppedOrganizerKeys],
  }));
}

/**
 * Runs `write` and returns the entries it appended, checking that their sequence ids follow
 * each other without a gap.
 */
export async function appendedBy(db: Database, write: () => Promise<unknown>): Promise<Logged[]> {
  const before = await lastSeq(db);
  await write();
  const entries = await entriesAfter(db, before);
  entries.forEach((e, i) => expect(e.seq).toBeGreaterThan(i === 0 ? before : entries[i - 1].seq));
  return entries;
}

/** The numeric key of a global id. */
export function keyOf(globalId: string): number {
  return Number(Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]);
}
