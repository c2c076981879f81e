import { Role } from '../../src/shared/viewer';
import { gqlData } from '../helpers/gql';
import { authHeaders, createKey } from '../helpers/api-keys';
import { seed } from '../helpers/seed-builder';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { getFeed, parseCsv, parseIcs } from './feed-kit';

let server: TestServer;
const keys: Record<string, string> = {};

const ALL = ['DRAFT', 'SUBMITTED', 'PUBLISHED', 'REJECTED', 'CANCELLED'];

beforeAll(async () => {
  server = await startTestServer({
    prepare: async (db) => {
      await seed(db, 'viewers')
        .initiative('eigene', { name: { de: 'Eigene Initiative' } })
        .initiative('fremde', { name: { de: 'Fremde Initiative' } })
        .event('eigener-entwurf', { status: 'DRAFT', organizerKeys: ['eigene'] })
        .event('eigene-eingereicht', { status: 'SUBMITTED', organizerKeys: ['eigene'] })
        .event('fremder-entwurf', { status: 'DRAFT', organizerKeys: ['fremde'] })
        .load();
    },
  });
  const [own] = await server.db.query<{ id: number }>('SELECT id FROM organizer WHERE name_de = ?', ['Eigene Initiative']);
  keys.partner = await createKey(server.db, Role.PARTNER);
  keys.editor = await createKey(server.db, Role.EDITOR, { organizerId: Number(own.id) });
  keys.moderator = await createKey(server.db, Role.MODERATOR);
});

afterAll(async () => {
  await server?.close();
});

/** The slugs events(filter: { statuses }) gives a key, all pages. */
async function graphqlSlugs(headers: Record<string, string>, statuses: string[]): Promise<string[]> {
  const slugs: string[] = [];
  let after: string | null = null;
  for (;;) {
    const data: { events: { nodes: { slug: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } = await gqlData(
      server.url, 'query ($s: [EventStatus!], $a: String) { events(filter: { statuses: $s }, first: 100, after: $a) { nodes { slug } pageInfo { hasNextPage endCursor } } }',
      { s: statuses, a: after }, headers);
    slugs.push(...data.events.nodes.map((n) => n.slug));
    if (!data.events.pageInfo.hasNextPage) return slugs.sort();
    after = data.events.pageInfo.endCursor;
  }
}

async function csvSlugs(headers: Record<string, string>): Promise<string[]> {
  const res = await getFeed(server.url, '/exports/events.csv', headers);
  expect(res.status).toBe(200);
  return parseCsv(res.text).rows.map((r) => r.slug).sort();
}

describe('feeds and exports follow the API key, as GraphQL does', () => {
  it('gives a partner key the public selection', async () => {
    expect(await csvSlugs(authHeaders(keys.partner))).toEqual(await csvSlugs({}));
    expect(await csvSlugs({})).not.toContain('eigener-entwurf');
  });

  it('gives an editor its own organiser\'s events in every status, no one else\'s drafts', async () => {
    const slugs = await csvSlugs(authHeaders(keys.editor));
    expect(slugs).toEqual(await graphqlSlugs(authHeaders(keys.editor), ALL));
    expect(slugs).toEqual(expect.arrayContaining(['eigener-entwurf', 'eigene-eingereicht']));
    expect(slugs).not.toContain('fremder-entwurf');
  });

  it('gives a moderator every event, the unpublished ones as TENTATIVE in the calendar', async () => {
    const headers = authHeaders(keys.moderator);
    const slugs = await csvSlugs(headers);
    expect(slugs).toEqual(await graphqlSlugs(headers, ALL));
    expect(slugs).toContain('fremder-entwurf');
    const { events } = parseIcs((await getFeed(server.url, '/feeds/events.ics', headers)).text);
    expect(events.length).toBe(slugs.length);
    const draft = events.find((e) => e.summary === 'Veranstaltung fremder-entwurf')!;
    expect(draft.status).toBe('TENTATIVE');
  });
});
