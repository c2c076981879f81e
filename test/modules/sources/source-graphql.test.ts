import { startTestServer, type TestServer } from '../../helpers/test-server';
import { gql, gqlData } from '../../helpers/gql';
import { authHeaders, createKey } from '../../helpers/api-keys';
import { Role } from '../../../src/shared/viewer';
import { importEvents } from '../../../src/modules/sources/import-events';
import { sourceByName, insertRun } from '../../../src/modules/sources/source.store';
import { SourceRunResult } from '../../../src/modules/sources/source.types';
import { count, record, twoOrganizers } from './source-kit';

let server: TestServer;
let admin: Record<string, string>;
let moderator: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  admin = authHeaders(await createKey(server.db, Role.ADMIN, { name: 'admin key' }));
  moderator = authHeaders(await createKey(server.db, Role.MODERATOR));
});
afterAll(async () => {
  await server?.close();
});

const CREATE = `mutation($input: SourceInput!) { createSource(input: $input) {
  id name url format mapping trusted intervalMinutes owner { id name } lastRun { result } runs { result } } }`;

describe('sources as data', () => {
  it('lets an admin register, change and list sources, each change in the audit trail', async () => {
    const [owner] = await twoOrganizers(server.db);
    const created = (await gqlData(server.url, CREATE, { input: {
      name: 'kalender-bw', url: 'https://example.org/cal.ics', format: 'ics', ownerId: owner.id, trusted: true,
      mapping: { categories: { Tagung: 'CONFERENCE' }, defaultCountry: 'DE' }, intervalMinutes: 120,
    } }, admin)).createSource;
    expect(created).toEqual({
      id: expect.any(String), name: 'kalender-bw', url: 'https://example.org/cal.ics', format: 'ics',
      mapping: { categories: { Tagung: 'CONFERENCE' }, defaultCountry: 'DE' }, trusted: true, intervalMinutes: 120,
      owner: { id: owner.id, name: owner.name }, lastRun: null, runs: [],
    });
    const updated = (await gqlData(server.url, `mutation($id: ID!) { updateSource(id: $id, patch: { trusted: false, url: null }) { trusted url name } }`,
      { id: created.id }, admin)).updateSource;
    expect(updated).toEqual({ trusted: false, url: null, name: 'kalender-bw' });
    const audit = await server.db.query<{ actor: string; action: string }>('SELECT actor, action FROM audit_entry WHERE entity_id = ? ORDER BY id', [created.id]);
    expect(audit).toEqual([{ actor: 'admin key', action: 'createSource' }, { actor: 'admin key', action: 'updateSource' }]);
    const list = (await gqlData(server.url, '{ sources { name format } }', undefined, admin)).sources;
    expect(list).toContainEqual({ name: 'kalender-bw', format: 'ics' });
  });

  it('shows the newest runs of a source', async () => {
    await gqlData(server.url, CREATE, { input: { name: 'with-runs', format: 'csv' } }, admin);
    const source = (await sourceByName(server.db, 'with-runs'))!;
    for (const [i, result] of [SourceRunResult.ok, SourceRunResult.not_modified, SourceRunResult.failed].entries()) {
      await insertRun(server.db, source.pk, {
        startedAt: 1_800_000_000_000 + i * 1000, finishedAt: 1_800_000_000_500 + i * 1000, result,
        counts: { created: i, updated: 0, unchanged: 0, rejected: 0, cancelled: 0 },
        error: result === SourceRunResult.failed ? 'HTTP 500' : null, rejectedItems: [],
      });
    }
    const data = await gqlData(server.url, '{ sources { name lastRun { result error } runs(first: 2) { result created startedAt } } }', undefined, admin);
    const mine = data.sources.find((s: { name: string }) => s.name === 'with-runs');
    expect(mine.lastRun).toEqual({ result: 'failed', error: 'HTTP 500' });
    expect(mine.runs).toEqual([
      { result: 'failed', created: 2, startedAt: '2027-01-15T08:00:02Z' },
      { result: 'not_modified', created: 1, startedAt: '2027-01-15T08:00:01Z' },
    ]);
  });

  it.each([
    [{ name: 'bad name', format: 'ics' }, 'input.name'],
    [{ name: 'kalender-bw', format: 'ics' }, 'input.name'],
    [{ name: 'x1', format: 'ics', url: 'ftp://example.org' }, 'input.url'],
    [{ name: 'x2', format: 'ics', intervalMinutes: 1 }, 'input.intervalMinutes'],
    [{ name: 'x3', format: 'ics', ownerId: 'RXZlbnQ6MQ' }, 'input.ownerId'],
    [{ name: 'x4', format: 'csv', mapping: { categories: { Tagung: 'PARTY' } } }, 'input.mapping.categories.Tagung'],
    [{ name: 'x5', format: 'csv', mapping: { colums: {} } }, 'input.mapping'],
  ])('refuses %j with BAD_USER_INPUT naming %s, writing nothing', async (input, field) => {
    const before = await count(server.db, 'source');
    const r = await gql(server.url, CREATE, { input }, admin);
    expect(r.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count(server.db, 'source')).toBe(before);
  });

  it('is FORBIDDEN to everyone but admins, and an unknown id is NOT_FOUND', async () => {
    for (const headers of [moderator, {}]) {
      const r = await gql(server.url, CREATE, { input: { name: 'sneaky', format: 'ics' } }, headers);
      expect(r.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const q = await gql(server.url, '{ sources { name } }', undefined, headers);
      expect(q.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const missing = await gql(server.url, 'mutation { updateSource(id: "U291cmNlOjk5OTk", patch: { trusted: true }) { name } }', undefined, admin);
    expect(missing.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('shows the public where an event came from, and only admins its settings and runs', async () => {
    await gqlData(server.url, CREATE, { input: { name: 'public-feed', format: 'ics', trusted: true } }, admin);
    const source = (await sourceByName(server.db, 'public-feed'))!;
    await importEvents(server.db, source, { events: [record({ startsAt: new Date(Date.UTC(2033, 1, 1, 9)), title: { de: 'Öffentliches Treffen' } })], rejected: [] });
    const q = '{ events(first: 1, filter: { startsFrom: "2033-01-01T00:00:00Z" }) { nodes { title source { name format } sourceId importedAt sources { mergedBy } } } }';
    const data = await gqlData(server.url, q);
    expect(data.events.nodes[0]).toMatchObject({ title: 'Öffentliches Treffen', source: { name: 'public-feed', format: 'ics' }, sources: [{ mergedBy: null }] });
    const secret = await gql(server.url, '{ events(first: 1, filter: { startsFrom: "2033-01-01T00:00:00Z" }) { nodes { source { mapping } } } }');
    expect(secret.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
