import { gqlData } from '../../helpers/gql';
import {
  PUBLISH, REJECT, SUBMIT, UPDATE, call, codeOf, dataOf, eventIn, eventInput, expectRefused, startMutationServer,
  storedRow, tableCounts, type MutationServer,
} from './mutations-kit';

let m: MutationServer;

beforeAll(async () => {
  m = await startMutationServer();
});

afterAll(async () => {
  await m?.close();
});

/** How many audit entries an event has, by action. */
async function auditCount(id: string, action: string): Promise<number> {
  const [row] = await m.db.query<{ n: number }>('SELECT COUNT(*) AS n FROM audit_entry WHERE entity_id = ? AND action = ?', [id, action]);
  return Number(row.n);
}

/** n copies of an operation sent at once, each on its own HTTP request. */
function atOnce<T>(n: number, send: (i: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => send(i)));
}

describe('version and expectedVersion', () => {
  it('writes when expectedVersion is the current version, and bumps the version by one', async () => {
    const e = await eventIn(m, 'SUBMITTED');
    const u = dataOf(await call(m, 'editor', UPDATE, { id: e.id, patch: { category: 'SEMINAR' }, expectedVersion: e.version })).updateEvent;
    expect(u).toMatchObject({ version: e.version + 1, category: 'SEMINAR' });
  });

  it('refuses a stale expectedVersion with CONFLICT and writes nothing', async () => {
    const e = await eventIn(m, 'SUBMITTED');
    await call(m, 'moderator', UPDATE, { id: e.id, patch: { category: 'SEMINAR' } });
    const before = await tableCounts(m.db);
    const row = await storedRow(m.db, e.id);
    const res = await call(m, 'editor', UPDATE, { id: e.id, patch: { title: { de: 'Überschrieben?' } }, expectedVersion: e.version });
    expectRefused(res, 'CONFLICT');
    expect(res.body.errors![0].message).toContain(`version ${e.version + 1}`);
    expect(await tableCounts(m.db)).toEqual(before);
    expect(await storedRow(m.db, e.id)).toEqual(row);
  });

  it('refuses an expectedVersion ahead of the event with CONFLICT too', async () => {
    const e = await eventIn(m, 'SUBMITTED');
    expectRefused(await call(m, 'editor', UPDATE, { id: e.id, patch: { category: 'SEMINAR' }, expectedVersion: e.version + 5 }), 'CONFLICT');
  });

  it('writes over whatever is there when no expectedVersion is given', async () => {
    const e = await eventIn(m, 'SUBMITTED');
    await call(m, 'moderator', UPDATE, { id: e.id, patch: { category: 'SEMINAR' } });
    const u = dataOf(await call(m, 'editor', UPDATE, { id: e.id, patch: { category: 'WORKSHOP' } })).updateEvent;
    expect(u).toMatchObject({ category: 'WORKSHOP', version: e.version + 2 });
  });
});

describe('concurrent writes', () => {
  it('lets exactly one of ten simultaneous updates with the same expectedVersion win; the others get CONFLICT and write nothing', async () => {
    const e = await eventIn(m, 'PUBLISHED');
    const results = await atOnce(10, (i) => call(m, 'moderator', UPDATE, {
      id: e.id, patch: { title: { de: `Fassung ${i}` } }, expectedVersion: e.version,
    }));
    const winners = results.filter((r) => !r.body.errors);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(9);
    const won = winners[0].body.data.updateEvent;
    expect(won.version).toBe(e.version + 1);
    expect(await storedRow(m.db, e.id)).toMatchObject({ title_de: won.title, version: e.version + 1 });
    expect(await auditCount(e.id, 'updateEvent')).toBe(1);
  });

  it('loses no version bump when ten updates without expectedVersion run at once', async () => {
    const e = await eventIn(m, 'PUBLISHED');
    const results = await atOnce(10, (i) => call(m, 'moderator', UPDATE, { id: e.id, patch: { title: { de: `Gleichzeitig ${i}` } } }));
    const versions = results.map((r) => dataOf(r).updateEvent.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 10 }, (_, i) => e.version + 1 + i));
    expect(Number((await storedRow(m.db, e.id)).version)).toBe(e.version + 10);
    expect(await auditCount(e.id, 'updateEvent')).toBe(10);
  });

  it('lets only one of a simultaneous publish and reject of one event win', async () => {
    const e = await eventIn(m, 'SUBMITTED');
    const [published, rejected] = await Promise.all([
      call(m, 'moderator', PUBLISH, { id: e.id }),
      call(m, 'admin', REJECT, { id: e.id, reason: 'Doppelt eingereicht.' }),
    ]);
    const codes = [codeOf(published), codeOf(rejected)];
    expect(codes.filter((c) => c === undefined)).toHaveLength(1);
    expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(1);
    const row = await storedRow(m.db, e.id);
    expect(row.status).toBe(codeOf(published) === undefined ? 'PUBLISHED' : 'REJECTED');
    expect(Number(row.version)).toBe(e.version + 1);
    expect(await auditCount(e.id, 'publishEvent') + await auditCount(e.id, 'rejectEvent')).toBe(1);
  });

  it('gives simultaneous submissions of one title distinct slugs', async () => {
    const input = eventInput([m.world.beta], { title: { de: 'Gleicher Titel für alle' } });
    const results = await atOnce(6, () => call(m, 'admin', SUBMIT, { input }));
    const slugs = results.map((r) => dataOf(r).submitEvent.slug);
    expect(new Set(slugs).size).toBe(6);
    expect(slugs.every((s) => s.startsWith('gleicher-titel-fuer-alle-2027'))).toBe(true);
  });
});

describe('mutations over HTTP GET', () => {
  it('are refused with 405 and run nothing', async () => {
    const before = await tableCounts(m.db);
    const query = `mutation { submitEvent(input: { title: { de: "Per GET" }, category: OTHER, startsAt: "2027-01-01T10:00:00Z", region: "DE1", organizerIds: ["${m.world.alpha}"] }) { id } }`;
    const res = await fetch(`${m.url}/graphql?query=${encodeURIComponent(query)}`, { headers: { ...m.as.admin, accept: 'application/json' } });
    expect(res.status).toBe(405);
    expect(await tableCounts(m.db)).toEqual(before);
    const found = await gqlData(m.url, '{ events(filter: { statuses: [PUBLISHED] }, first: 100) { nodes { title } } }');
    expect(found.events.nodes.map((n: { title: string }) => n.title)).not.toContain('Per GET');
  });
});
