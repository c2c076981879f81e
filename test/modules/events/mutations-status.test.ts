import {
  CANCEL, PUBLISH, REJECT, UPDATE, call, dataOf, eventIn, expectRefused, startMutationServer, storedRow, tableCounts,
  type MutationServer,
} from './mutations-kit';

let m: MutationServer;

beforeAll(async () => {
  m = await startMutationServer();
});

afterAll(async () => {
  await m?.close();
});

type Status = 'DRAFT' | 'SUBMITTED' | 'PUBLISHED' | 'REJECTED' | 'CANCELLED';

/** An event of alpha in a status; DRAFT (which no mutation makes) is set in the database. */
async function eventWithStatus(status: Status): Promise<any> {
  if (status !== 'DRAFT') return eventIn(m, status);
  const e = await eventIn(m, 'SUBMITTED');
  const key = Number(Buffer.from(e.id, 'base64url').toString('utf8').split(':')[1]);
  await m.db.query("UPDATE event SET status = 'DRAFT' WHERE id = ?", [key]);
  return { ...e, status: 'DRAFT' };
}

const MOVES = {
  publishEvent: { query: PUBLISH, vars: {}, to: 'PUBLISHED', from: ['SUBMITTED'] },
  rejectEvent: { query: REJECT, vars: { reason: 'Bitte Programm ergänzen.' }, to: 'REJECTED', from: ['SUBMITTED'] },
  cancelEvent: { query: CANCEL, vars: { reason: 'Raum nicht verfügbar.' }, to: 'CANCELLED', from: ['SUBMITTED', 'PUBLISHED'] },
} as const;
const STATUSES: Status[] = ['DRAFT', 'SUBMITTED', 'PUBLISHED', 'REJECTED', 'CANCELLED'];

describe('status moves', () => {
  for (const [mutation, move] of Object.entries(MOVES)) {
    for (const from of STATUSES) {
      const allowed = (move.from as readonly string[]).includes(from);
      if (allowed) {
        it(`${mutation} moves a ${from} event to ${move.to}, bumping version and updatedAt`, async () => {
          const e = await eventWithStatus(from as Status);
          const before = await storedRow(m.db, e.id);
          const after = dataOf(await call(m, 'moderator', move.query, { id: e.id, ...move.vars }))[mutation];
          expect(after).toMatchObject({ id: e.id, status: move.to, version: Number(before.version) + 1 });
          expect(Date.parse(after.updatedAt)).toBeGreaterThanOrEqual(Number(before.updated_at));
          expect(Number((await storedRow(m.db, e.id)).updated_at)).toBeGreaterThanOrEqual(Number(before.updated_at));
          expect(after.statusReason).toBe(mutation === 'publishEvent' ? null : (move.vars as { reason: string }).reason);
        });
      } else {
        it(`${mutation} of a ${from} event is CONFLICT and writes nothing`, async () => {
          const e = await eventWithStatus(from);
          const before = await tableCounts(m.db);
          expectRefused(await call(m, 'admin', move.query, { id: e.id, ...move.vars }), 'CONFLICT');
          expect(await tableCounts(m.db)).toEqual(before);
          expect((await storedRow(m.db, e.id)).status).toBe(from);
        });
      }
    }
  }
});

describe('status on update', () => {
  it('puts a REJECTED event back to SUBMITTED when its editor updates it, clearing the rejection reason', async () => {
    const e = await eventIn(m, 'REJECTED');
    expect(e.statusReason).toBe('Bitte Ort ergänzen.');
    const u = dataOf(await call(m, 'editor', UPDATE, { id: e.id, patch: { venue: { city: 'Ulm', country: 'DE' } } })).updateEvent;
    expect(u).toMatchObject({ status: 'SUBMITTED', statusReason: null, version: e.version + 1, venue: { city: 'Ulm' } });
  });

  it('puts a REJECTED event back to SUBMITTED even when its editor\'s patch changes nothing else', async () => {
    const e = await eventIn(m, 'REJECTED');
    expect(dataOf(await call(m, 'editor', UPDATE, { id: e.id, patch: {} })).updateEvent).toMatchObject({ status: 'SUBMITTED' });
  });

  it('keeps a PUBLISHED event published when its editor updates it', async () => {
    const e = await eventIn(m, 'PUBLISHED');
    const u = dataOf(await call(m, 'editor', UPDATE, { id: e.id, patch: { title: { de: 'Fachtagung Leichtbau 2027' } } })).updateEvent;
    expect(u).toMatchObject({ status: 'PUBLISHED', title: 'Fachtagung Leichtbau 2027', version: e.version + 1 });
  });

  it('keeps a SUBMITTED event submitted when its editor updates it', async () => {
    const e = await eventIn(m, 'SUBMITTED');
    expect(dataOf(await call(m, 'editor', UPDATE, { id: e.id, patch: { category: 'WORKSHOP' } })).updateEvent)
      .toMatchObject({ status: 'SUBMITTED', category: 'WORKSHOP' });
  });

  it('keeps a REJECTED event rejected when the cluster unit corrects it (only its editor resubmits)', async () => {
    const e = await eventIn(m, 'REJECTED');
    expect(dataOf(await call(m, 'moderator', UPDATE, { id: e.id, patch: { category: 'WORKSHOP' } })).updateEvent)
      .toMatchObject({ status: 'REJECTED', statusReason: 'Bitte Ort ergänzen.', category: 'WORKSHOP' });
  });

  it.each(['editor', 'moderator', 'admin'] as const)('refuses any update of a CANCELLED event by the %s role with CONFLICT: cancelled is final', async (who) => {
    const e = await eventIn(m, 'CANCELLED');
    const before = await tableCounts(m.db);
    expectRefused(await call(m, who, UPDATE, { id: e.id, patch: { title: { de: 'Doch nicht abgesagt' } } }), 'CONFLICT');
    expect(await tableCounts(m.db)).toEqual(before);
    expect(await storedRow(m.db, e.id)).toMatchObject({ status: 'CANCELLED', title_de: 'Fachtagung Leichtbau' });
  });

  it('walks the whole review: submit, reject, resubmit by update, publish, cancel, one version each', async () => {
    const e = await eventIn(m, 'SUBMITTED');
    const rejected = dataOf(await call(m, 'moderator', REJECT, { id: e.id, reason: 'Uhrzeit fehlt.' })).rejectEvent;
    const resubmitted = dataOf(await call(m, 'editor', UPDATE, { id: e.id, patch: { startsAt: '2027-04-21T10:00:00+02:00' } })).updateEvent;
    const published = dataOf(await call(m, 'moderator', PUBLISH, { id: e.id })).publishEvent;
    const cancelled = dataOf(await call(m, 'editor', CANCEL, { id: e.id })).cancelEvent;
    expect([e, rejected, resubmitted, published, cancelled].map((x) => [x.status, x.version])).toEqual([
      ['SUBMITTED', 1], ['REJECTED', 2], ['SUBMITTED', 3], ['PUBLISHED', 4], ['CANCELLED', 5],
    ]);
  });
});

describe('reasons', () => {
  it('refuses a rejection without a reason with BAD_USER_INPUT on reason, writing nothing', async () => {
    const e = await eventIn(m, 'SUBMITTED');
    const before = await tableCounts(m.db);
    expectRefused(await call(m, 'moderator', REJECT, { id: e.id, reason: '   ' }), 'BAD_USER_INPUT', 'reason');
    expectRefused(await call(m, 'moderator', REJECT, { id: e.id, reason: 'x'.repeat(2001) }), 'BAD_USER_INPUT', 'reason');
    expectRefused(await call(m, 'moderator', CANCEL, { id: e.id, reason: 'x'.repeat(2001) }), 'BAD_USER_INPUT', 'reason');
    expect(await tableCounts(m.db)).toEqual(before);
  });

  it('shows a cancellation reason to the public with the cancelled event', async () => {
    const e = await eventIn(m, 'CANCELLED');
    const r = dataOf(await call(m, 'public', 'query($id: ID!) { event(id: $id) { status statusReason } }', { id: e.id }));
    expect(r.event).toEqual({ status: 'CANCELLED', statusReason: 'Abgesagt.' });
  });
});
