import { Role } from '../../src/shared/viewer';
import { toGlobalId } from '../../src/shared/global-id';
import { authHeaders, createKey } from '../helpers/api-keys';
import { gql } from '../helpers/gql';
import { seed } from '../helpers/seed-builder';
import { startTestServer, type TestServer } from '../helpers/test-server';

type Status = 'PUBLISHED' | 'CANCELLED' | 'SUBMITTED' | 'DRAFT' | 'REJECTED';
const ALL: Status[] = ['PUBLISHED', 'CANCELLED', 'SUBMITTED', 'DRAFT', 'REJECTED'];
const PUBLIC: Status[] = ['PUBLISHED', 'CANCELLED'];

/**
 * The world of this file: two organisers ("eigen" is the editor's), one campaign, an event
 * in every status for each, and one submitted event both run. Every event is in the
 * campaign, so organiser, campaign and top-level lists must all agree with `expected`.
 */
const EVENTS: { slug: string; status: Status; organizers: ('eigen' | 'fremd')[]; category: 'SEMINAR' | 'WORKSHOP' }[] = [];
for (const org of ['eigen', 'fremd'] as const) {
  for (const status of ALL) {
    EVENTS.push({ slug: `sicht-${org}-${status.toLowerCase()}`, status, organizers: [org], category: status === 'PUBLISHED' ? 'SEMINAR' : 'WORKSHOP' });
  }
}
EVENTS.push({ slug: 'sicht-gemeinsam-submitted', status: 'SUBMITTED', organizers: ['fremd', 'eigen'], category: 'WORKSHOP' });

type Who = 'public' | 'partner' | 'editor' | 'moderator' | 'admin';
const EVERYONE: Who[] = ['public', 'partner', 'editor', 'moderator', 'admin'];

/** Slugs a viewer gets for a status list (in the world's order); null when it must be FORBIDDEN. */
function expected(who: Who, statuses: Status[], among: (e: (typeof EVENTS)[number]) => boolean = () => true): string[] | null {
  const hidden = statuses.some((s) => !PUBLIC.includes(s));
  if (hidden && (who === 'public' || who === 'partner')) return null;
  return EVENTS
    .filter((e) => statuses.includes(e.status) && among(e))
    .filter((e) => PUBLIC.includes(e.status) || who === 'moderator' || who === 'admin' || e.organizers.includes('eigen'))
    .map((e) => e.slug)
    .sort();
}

/** What a point lookup (node, nodes, event) shows a viewer: the statuses it may read at all. */
function readable(who: Who): string[] {
  return expected(who, who === 'public' || who === 'partner' ? PUBLIC : ALL)!;
}

let server: TestServer;
const headers: Record<Who, Record<string, string>> = {} as Record<Who, Record<string, string>>;
const organizerIds: Record<'eigen' | 'fremd', string> = { eigen: '', fremd: '' };
const eventIds = new Map<string, string>();

beforeAll(async () => {
  server = await startTestServer({
    demo: false,
    prepare: async (db) => {
      const world = seed(db, 'sicht').initiative('eigen').initiative('fremd').campaign('sichtwoche');
      for (const e of EVENTS) {
        world.event(e.slug, {
          status: e.status, organizerKeys: e.organizers, category: e.category, campaignSlug: 'sichtwoche',
          startsAt: `2019-03-${String(10 + EVENTS.indexOf(e)).padStart(2, '0')}T10:00`,
        });
      }
      await world.load();
    },
  });
  const organizers = await server.db.query<{ id: number; name: string }>("SELECT id, name_de AS name FROM organizer WHERE name_de IN ('Organisation eigen', 'Organisation fremd')");
  const own = Number(organizers.find((o) => o.name === 'Organisation eigen')!.id);
  organizerIds.eigen = toGlobalId('Initiative', own);
  organizerIds.fremd = toGlobalId('Initiative', Number(organizers.find((o) => o.name === 'Organisation fremd')!.id));
  for (const row of await server.db.query<{ id: number; slug: string }>('SELECT id, slug FROM event')) {
    eventIds.set(row.slug, toGlobalId('Event', Number(row.id)));
  }
  headers.public = {};
  headers.partner = authHeaders(await createKey(server.db, Role.PARTNER));
  headers.editor = authHeaders(await createKey(server.db, Role.EDITOR, { organizerId: own }));
  headers.moderator = authHeaders(await createKey(server.db, Role.MODERATOR));
  headers.admin = authHeaders(await createKey(server.db, Role.ADMIN));
});

afterAll(async () => {
  await server?.close();
});

/** Runs a query as a viewer; data, or 'FORBIDDEN' when every error (one per field asked) is FORBIDDEN. */
async function ask(who: Who, query: string, variables: Record<string, unknown>): Promise<any> {
  const r = await gql(server.url, query, variables, headers[who]);
  expect(r.status).toBe(200);
  if (r.body.errors) {
    expect([...new Set(r.body.errors.map((e) => e.extensions?.code))]).toEqual(['FORBIDDEN']);
    return 'FORBIDDEN';
  }
  return r.body.data;
}

const slugsOf = (nodes: { slug: string }[]) => nodes.map((n) => n.slug).sort();
const result = (slugs: string[] | null, shape: (s: string[]) => unknown) => (slugs === null ? 'FORBIDDEN' : shape(slugs));

const STATUS_LISTS: Status[][] = [[], ['PUBLISHED'], ['CANCELLED', 'PUBLISHED'], ['SUBMITTED'], ['DRAFT', 'REJECTED'], ALL];
/** Without statuses a list holds PUBLISHED events only, whoever asks. */
const asked = (statuses: Status[]) => (statuses.length ? statuses : ['PUBLISHED'] as Status[]);
const cases = EVERYONE.flatMap((who) => STATUS_LISTS.map((statuses) => [who, statuses] as const));
const label = (statuses: Status[]) => (statuses.length ? statuses.join('+') : 'no statuses');

describe.each(cases)('a %s caller asking for %p', (who, statuses) => {
  const filter = statuses.length ? { statuses } : {};
  const want = () => expected(who, asked(statuses));
  const forbidden = () => want() === null;

  it(`gets from events() exactly the events its role may see, with a matching totalCount (${label(statuses)})`, async () => {
    const data = await ask(who, 'query ($f: EventFilter) { events(filter: $f, first: 100) { totalCount nodes { slug } } }', { f: filter });
    expect(data === 'FORBIDDEN' ? data : { total: data.events.totalCount, slugs: slugsOf(data.events.nodes) })
      .toEqual(result(want(), (s) => ({ total: s.length, slugs: s })));
  });

  it('gets the same events from eventsByCategory, eventStats and the campaign', async () => {
    const data = await ask(who, `query ($f: EventFilter) {
      eventsByCategory(filter: $f, eventsPerCategory: 100) { category count events { slug } }
      eventStats(filter: $f, groupBy: []) { count }
      campaign(slug: "sichtwoche") { events(filter: $f, first: 100) { totalCount nodes { slug } } }
    }`, { f: filter });
    if (forbidden()) {
      expect(data).toBe('FORBIDDEN');
      return;
    }
    const slugs = want()!;
    const groups = data.eventsByCategory as { category: string; count: number; events: { slug: string }[] }[];
    expect(slugsOf(groups.flatMap((g) => g.events))).toEqual(slugs);
    for (const g of groups) expect(g.count).toBe(g.events.length);
    expect(data.eventStats).toEqual([{ count: slugs.length }]);
    expect({ total: data.campaign.events.totalCount, slugs: slugsOf(data.campaign.events.nodes) }).toEqual({ total: slugs.length, slugs });
  });

  it("gets from each organiser's events only what its role may see of that organiser", async () => {
    const data = await ask(who, `query ($own: ID!, $other: ID!, $f: EventFilter) {
      own: node(id: $own) { ... on Organizer { events(filter: $f, first: 100) { totalCount nodes { slug } } } }
      other: node(id: $other) { ... on Organizer { events(filter: $f, first: 100) { totalCount nodes { slug } } } }
    }`, { own: organizerIds.eigen, other: organizerIds.fremd, f: filter });
    for (const org of ['eigen', 'fremd'] as const) {
      const slugs = expected(who, asked(statuses), (e) => e.organizers.includes(org));
      const got = data === 'FORBIDDEN' ? data : data[org === 'eigen' ? 'own' : 'other'].events;
      expect(got === 'FORBIDDEN' ? got : { total: got.totalCount, slugs: slugsOf(got.nodes) })
        .toEqual(result(slugs, (s) => ({ total: s.length, slugs: s })));
    }
  });
});

describe.each(EVERYONE)('point lookups by a %s caller', (who) => {
  it('find through node, nodes and event(id/slug) exactly the events its role may read, and null for the rest', async () => {
    const visible = new Set(readable(who));
    for (const e of EVENTS) {
      const id = eventIds.get(e.slug)!;
      const data = await ask(who, `query ($id: ID!, $slug: String!) {
        node(id: $id) { ... on Event { slug } }
        nodes(ids: [$id, $id]) { ... on Event { slug } }
        byId: event(id: $id) { slug status }
        bySlug: event(slug: $slug) { slug }
      }`, { id, slug: e.slug });
      const shown = visible.has(e.slug) ? { slug: e.slug } : null;
      expect({ event: e.slug, node: data.node, nodes: data.nodes, byId: data.byId && { slug: data.byId.slug }, bySlug: data.bySlug })
        .toEqual({ event: e.slug, node: shown, nodes: [shown, shown], byId: shown, bySlug: shown });
    }
  });
});

describe('the rules in words', () => {
  it('refuse SUBMITTED to the public and to partners with FORBIDDEN, not an empty list', async () => {
    for (const who of ['public', 'partner'] as const) {
      const r = await gql(server.url, '{ events(filter: { statuses: [SUBMITTED] }) { totalCount } }', {}, headers[who]);
      expect(r.status).toBe(200);
      expect(r.body.errors).toHaveLength(1);
      expect(r.body.errors![0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it("give an editor its own organiser's submitted events, including one it shares, and none of the other organiser's", async () => {
    const data = await ask('editor', '{ events(filter: { statuses: [SUBMITTED] }) { nodes { slug } } }', {});
    expect(slugsOf(data.events.nodes)).toEqual(['sicht-eigen-submitted', 'sicht-gemeinsam-submitted']);
  });

  it('give moderators and admins every event in every status', async () => {
    for (const who of ['moderator', 'admin'] as const) {
      const data = await ask(who, 'query ($s: [EventStatus!]) { events(filter: { statuses: $s }, first: 100) { totalCount } }', { s: ALL });
      expect(data.events.totalCount).toBe(EVENTS.length);
    }
  });
});
