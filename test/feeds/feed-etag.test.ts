import { startTestServer, type TestServer } from '../helpers/test-server';
import { gqlData } from '../helpers/gql';
import { authHeaders, createKey } from '../helpers/api-keys';
import { Role } from '../../src/shared/viewer';
import { getFeed } from './feed-kit';

let server: TestServer;
let admin: Record<string, string>;
let partner: Record<string, string>;
beforeAll(async () => {
  server = await startTestServer({ env: { FEED_MAX_AGE: '120' } });
  admin = authHeaders(await createKey(server.db, Role.ADMIN));
  partner = authHeaders(await createKey(server.db, Role.PARTNER));
});
afterAll(async () => {
  await server?.close();
});

const ICS = '/feeds/events.ics?campaign=clusterwoche-2017';
const CSV = '/exports/events.csv?campaign=clusterwoche-2017';

describe.each([['feed', ICS], ['export', CSV]])('ETag of the %s', (_name, path) => {
  it('answers 304 without a body when If-None-Match names the current ETag', async () => {
    const first = await getFeed(server.url, path);
    expect(first.status).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=120');
    expect(first.bytes.length).toBeGreaterThan(100);

    const second = await getFeed(server.url, path, { 'if-none-match': etag });
    expect(second.status).toBe(304);
    expect(second.bytes.length).toBe(0);
    expect(second.headers.etag).toBe(etag);
    expect(second.headers['cache-control']).toBe('public, max-age=120');
    // a list of tags, the strong form of the same tag and `*` match too; another tag does not
    expect((await getFeed(server.url, path, { 'if-none-match': `W/"other", ${etag.slice(2)}` })).status).toBe(304);
    expect((await getFeed(server.url, path, { 'if-none-match': '*' })).status).toBe(304);
    expect((await getFeed(server.url, path, { 'if-none-match': 'W/"other"' })).status).toBe(200);
  });
});

describe('what the ETag depends on', () => {
  const etagOf = async (path: string, headers: Record<string, string> = {}) => (await getFeed(server.url, path, headers)).headers.etag;

  it('is the same for the same selection written differently, and differs between selections', async () => {
    const base = '/feeds/events.ics?';
    expect(await etagOf(`${base}category=NETWORKING&country=DE`)).toBe(await etagOf(`${base}country=DE&category=NETWORKING`));
    expect(await etagOf(`${base}country=DE`)).not.toBe(await etagOf(`${base}country=CH`));
    expect(await etagOf(ICS)).not.toBe(await etagOf(CSV));
  });

  it('differs by language and by role, and keyed responses are private', async () => {
    expect(await etagOf(ICS, { 'accept-language': 'fr' })).not.toBe(await etagOf(ICS, { 'accept-language': 'de' }));
    expect(await etagOf(`${ICS}&lang=fr`)).toBe(await etagOf(ICS, { 'accept-language': 'fr' }));
    const keyed = await getFeed(server.url, ICS, partner);
    expect(keyed.headers['cache-control']).toBe('private, no-cache');
    expect(keyed.headers.etag).not.toBe(await etagOf(ICS));
    expect(keyed.headers.etag).not.toBe((await getFeed(server.url, ICS, admin)).headers.etag); // admin sees more
    expect((await getFeed(server.url, ICS, { ...partner, 'if-none-match': keyed.headers.etag as string })).status).toBe(304);
  });

  it('changes after a write to an event of the selection', async () => {
    const before = await getFeed(server.url, CSV);
    const { events } = await gqlData(server.url, '{ events(first: 1, filter: { campaign: "clusterwoche-2017" }) { nodes { id } } }');
    await gqlData(server.url, 'mutation($id: ID!) { cancelEvent(id: $id, reason: "Ausgefallen") { status } }', { id: events.nodes[0].id }, admin);
    const after = await getFeed(server.url, CSV, { 'if-none-match': before.headers.etag as string });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.text).toContain('CANCELLED');
    expect((await getFeed(server.url, CSV, { 'if-none-match': after.headers.etag as string })).status).toBe(304);
  });

  it('changes when an organiser of a listed event is renamed (no event row written by the caller)', async () => {
    const before = await getFeed(server.url, CSV);
    const { events } = await gqlData(server.url, '{ events(first: 1, filter: { campaign: "clusterwoche-2017" }) { nodes { organizers { id __typename } } } }');
    const organizer = events.nodes[0].organizers[0] as { id: string; __typename: string };
    await gqlData(server.url, `mutation($id: ID!) { update${organizer.__typename}(id: $id, patch: { name: { de: "Umbenannter Veranstalter" } }) { id } }`, { id: organizer.id }, admin);
    const after = await getFeed(server.url, CSV, { 'if-none-match': before.headers.etag as string });
    expect(after.status).toBe(200);
    expect(after.text).toContain('Umbenannter Veranstalter');
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });
});
