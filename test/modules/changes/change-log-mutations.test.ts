import {
  CANCEL, PUBLISH, REJECT, SUBMIT, UPDATE, call, dataOf, eventIn, eventInput, expectRefused, startMutationServer,
  type MutationServer,
} from '../events/mutations-kit';
import { appendedBy, keyOf } from './change-log-kit';

// Every event mutation through the API appends exactly its change-log entries, in the same
// transaction: the kind, the version after the change, and the statuses and organisers a
// later subscriber needs to tell who may hear of it.

let m: MutationServer;

beforeAll(async () => {
  m = await startMutationServer();
});

afterAll(async () => {
  await m?.close();
});

/** The entries a write appended, each as [kind, version, status, previous status]. */
async function kindsOf(write: () => Promise<unknown>): Promise<[string, number, string, string | null][]> {
  return (await appendedBy(m.db, write)).map((e) => [e.kind, e.version, e.status, e.previousStatus]);
}

describe('the change log of event mutations', () => {
  it('has UPDATED for an editor\'s new submission (seen by its editor and moderators only), with no status before', async () => {
    let id = '';
    const entries = await appendedBy(m.db, async () => {
      id = dataOf(await call(m, 'editor', SUBMIT, { input: eventInput([m.world.alpha]) })).submitEvent.id;
    });
    expect(entries).toEqual([{
      seq: entries[0].seq, event: keyOf(id), kind: 'UPDATED', version: 1, status: 'SUBMITTED', previousStatus: null, dropped: [],
    }]);
  });

  it('has PUBLISHED for a moderator\'s new event, which is public at once', async () => {
    expect(await kindsOf(() => call(m, 'moderator', SUBMIT, { input: eventInput([m.world.beta]) }))).toEqual([
      ['PUBLISHED', 1, 'PUBLISHED', null],
    ]);
  });

  it('has PUBLISHED for publishEvent, UPDATED for updates of the published event, CANCELLED for cancelEvent', async () => {
    const e = await eventIn(m, 'SUBMITTED');
    expect(await kindsOf(() => call(m, 'moderator', PUBLISH, { id: e.id }))).toEqual([['PUBLISHED', 2, 'PUBLISHED', 'SUBMITTED']]);
    expect(await kindsOf(() => call(m, 'editor', UPDATE, { id: e.id, patch: { title: { de: 'Neuer Titel' } } })))
      .toEqual([['UPDATED', 3, 'PUBLISHED', 'PUBLISHED']]);
    expect(await kindsOf(() => call(m, 'moderator', CANCEL, { id: e.id, reason: 'Abgesagt.' })))
      .toEqual([['CANCELLED', 4, 'CANCELLED', 'PUBLISHED']]);
  });

  it('has CANCELLED for a cancelled submission (a cancelled event is public)', async () => {
    const e = await eventIn(m, 'SUBMITTED');
    expect(await kindsOf(() => call(m, 'editor', CANCEL, { id: e.id, reason: null }))).toEqual([['CANCELLED', 2, 'CANCELLED', 'SUBMITTED']]);
  });

  it('has UPDATED for a rejection and for the editor\'s resubmission: the same viewers see it before and after', async () => {
    const e = await eventIn(m, 'SUBMITTED');
    expect(await kindsOf(() => call(m, 'moderator', REJECT, { id: e.id, reason: 'Ort fehlt.' }))).toEqual([['UPDATED', 2, 'REJECTED', 'SUBMITTED']]);
    expect(await kindsOf(() => call(m, 'editor', UPDATE, { id: e.id, patch: { venue: { city: 'Ulm', country: 'DE' } } })))
      .toEqual([['UPDATED', 3, 'SUBMITTED', 'REJECTED']]);
  });

  it('has WITHDRAWN, naming the dropped organiser, when a hidden event is taken from its organiser\'s editor', async () => {
    const e = await eventIn(m, 'SUBMITTED');
    const entries = await appendedBy(m.db, () => call(m, 'moderator', UPDATE, { id: e.id, patch: { organizerIds: [m.world.beta] } }));
    expect(entries).toMatchObject([{ kind: 'WITHDRAWN', version: 2, status: 'SUBMITTED', previousStatus: 'SUBMITTED', dropped: [keyOf(m.world.alpha)] }]);
    const back = await appendedBy(m.db, () => call(m, 'moderator', UPDATE, { id: e.id, patch: { organizerIds: [m.world.beta, m.world.alpha] } }));
    expect(back).toMatchObject([{ kind: 'UPDATED', version: 3, dropped: [] }]);
  });

  it('has UPDATED, still naming the dropped organiser, when a published event loses one: everyone still sees it', async () => {
    const e = await eventIn(m, 'PUBLISHED');
    const entries = await appendedBy(m.db, () => call(m, 'moderator', UPDATE, { id: e.id, patch: { organizerIds: [m.world.gamma] } }));
    expect(entries).toMatchObject([{ kind: 'UPDATED', status: 'PUBLISHED', dropped: [keyOf(m.world.alpha)] }]);
  });

  it('lists a run of writes in sequence order, one entry each, versions rising', async () => {
    const entries = await appendedBy(m.db, async () => {
      const e = dataOf(await call(m, 'editor', SUBMIT, { input: eventInput([m.world.alpha], { url: 'https://example.org/reihe' }) })).submitEvent;
      await call(m, 'editor', UPDATE, { id: e.id, patch: { title: { de: 'Zweiter Titel' } } });
      await call(m, 'moderator', PUBLISH, { id: e.id });
      await call(m, 'moderator', UPDATE, { id: e.id, patch: { title: { de: 'Dritter Titel' } }, expectedVersion: 3 });
      await call(m, 'editor', CANCEL, { id: e.id, reason: 'Abgesagt.' });
    });
    expect(entries.map((e) => [e.kind, e.version])).toEqual([
      ['UPDATED', 1], ['UPDATED', 2], ['PUBLISHED', 3], ['UPDATED', 4], ['CANCELLED', 5],
    ]);
    expect(new Set(entries.map((e) => e.event)).size).toBe(1);
  });

  it('has nothing for a refused write: BAD_USER_INPUT, CONFLICT, FORBIDDEN, or a patch that changes nothing', async () => {
    const e = await eventIn(m, 'PUBLISHED');
    const entries = await appendedBy(m.db, async () => {
      expectRefused(await call(m, 'moderator', SUBMIT, { input: eventInput([m.world.alpha], { endsAt: '2027-04-21T09:29:59+02:00' }) }), 'BAD_USER_INPUT');
      expectRefused(await call(m, 'editor', UPDATE, { id: e.id, patch: { url: 'ftp://example.org/x' } }), 'BAD_USER_INPUT');
      expectRefused(await call(m, 'editor', UPDATE, { id: e.id, patch: { title: { de: 'Veraltet' } }, expectedVersion: 1 }), 'CONFLICT');
      expectRefused(await call(m, 'otherEditor', UPDATE, { id: e.id, patch: { title: { de: 'Fremd' } } }), 'FORBIDDEN');
      expectRefused(await call(m, 'moderator', PUBLISH, { id: e.id }), 'CONFLICT');
      dataOf(await call(m, 'editor', UPDATE, { id: e.id, patch: {} }));
    });
    expect(entries).toEqual([]);
  });
});
