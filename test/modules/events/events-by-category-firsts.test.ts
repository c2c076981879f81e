import { toGlobalId } from '../../../src/shared/global-id';
import { Role } from '../../../src/shared/viewer';
import { authHeaders, createKey } from '../../helpers/api-keys';
import { gql } from '../../helpers/gql';
import { seed } from '../../helpers/seed-builder';
import { startTestServer, type TestServer } from '../../helpers/test-server';

/**
 * Which events head each group of eventsByCategory, and what that costs in statements.
 * The expected lists come from the rows in the database (start, then id), never from
 * another list of the API, so a change of order or tie-break in either would show here.
 */
let server: TestServer;
const headers: Record<'public' | 'editor' | 'moderator', Record<string, string>> = { public: {}, editor: {}, moderator: {} };

/** 12 published workshops on 3 mornings, 4 at each start; slugs run against insertion (id) order. */
const WORKSHOPS = Array.from({ length: 12 }, (_, i) => ({
  slug: `erste-ws-${String.fromCharCode(108 - i)}`, // erste-ws-l … erste-ws-a
  startsAt: `2019-05-${String(6 + ((i * 2) % 3)).padStart(2, '0')}T09:00`,
}));

let byStartThenId: string[] = [];
let fremd = '';

beforeAll(async () => {
  server = await startTestServer({
    demo: false,
    prepare: async (db) => {
      const world = seed(db, 'erste').initiative('eigen').initiative('fremd').campaign('erste');
      const inCampaign = { campaignSlug: 'erste', organizerKeys: ['fremd'] };
      for (const w of WORKSHOPS) world.event(w.slug, { ...inCampaign, category: 'WORKSHOP', startsAt: w.startsAt });
      world
        // Hidden events that start before every published one: only who may see them gets them first.
        .event('erste-eigen-submitted', { ...inCampaign, organizerKeys: ['eigen'], status: 'SUBMITTED', category: 'WORKSHOP', startsAt: '2019-05-01T09:00' })
        .event('erste-fremd-submitted', { ...inCampaign, status: 'SUBMITTED', category: 'WORKSHOP', startsAt: '2019-05-02T09:00' })
        // A category whose only event is the editor's own submission.
        .event('erste-eigen-networking', { ...inCampaign, organizerKeys: ['eigen'], status: 'SUBMITTED', category: 'NETWORKING', startsAt: '2019-05-03T09:00' })
        .event('erste-seminar', { ...inCampaign, category: 'SEMINAR', startsAt: '2019-05-20T09:00' });
      await world.load();
    },
  });
  const rows = await server.db.query<{ slug: string }>(
    `SELECT slug FROM event WHERE slug IN (${WORKSHOPS.map(() => '?').join(', ')}) ORDER BY starts_at, id`,
    WORKSHOPS.map((w) => w.slug),
  );
  byStartThenId = rows.map((r) => r.slug);
  const [own] = await server.db.query<{ id: number }>("SELECT id FROM organizer WHERE name_de = 'Organisation eigen'");
  const [other] = await server.db.query<{ id: number }>("SELECT id FROM organizer WHERE name_de = 'Organisation fremd'");
  fremd = toGlobalId('Initiative', Number(other.id));
  headers.editor = authHeaders(await createKey(server.db, Role.EDITOR, { organizerId: Number(own.id) }));
  headers.moderator = authHeaders(await createKey(server.db, Role.MODERATOR));
});

afterAll(async () => {
  await server?.close();
});

interface Group { category: string; count?: number; events: { slug: string }[] }

async function groups(who: keyof typeof headers, filter: object | null, perCategory: number, withCount = false): Promise<{ groups: Group[]; statements: number }> {
  const res = await gql(server.url, `query ($f: EventFilter, $n: Int) {
    eventsByCategory(filter: $f, eventsPerCategory: $n) { category ${withCount ? 'count' : ''} events { slug } }
  }`, { f: filter, n: perCategory }, headers[who]);
  expect(res.body.errors).toBeUndefined();
  return { groups: res.body.data.eventsByCategory, statements: res.body.extensions!.stats!.sqlStatements };
}

const slugs = (g: Group[], category: string) => g.find((x) => x.category === category)?.events.map((e) => e.slug);

describe('the first events of a category', () => {
  it('are the earliest by start, ties in id order (not slug order)', async () => {
    expect(byStartThenId.slice(0, 4)).toEqual(['erste-ws-l', 'erste-ws-i', 'erste-ws-f', 'erste-ws-c']);
    const { groups: g } = await groups('public', { campaign: 'erste' }, 6);
    expect(g.map((x) => x.category)).toEqual(['SEMINAR', 'WORKSHOP']);
    expect(slugs(g, 'WORKSHOP')).toEqual(byStartThenId.slice(0, 6));
    expect(slugs(g, 'SEMINAR')).toEqual(['erste-seminar']);
  });

  it('cut inside a group of equal starts the same way for every size', async () => {
    for (const n of [1, 3, 5, 11, 12, 13]) {
      const { groups: g } = await groups('public', { categories: ['WORKSHOP'] }, n);
      expect({ n, slugs: slugs(g, 'WORKSHOP') }).toEqual({ n, slugs: byStartThenId.slice(0, n) });
    }
  });

  it('are the same when one window numbers every match (an organiser filter) as when each category is walked', async () => {
    for (const n of [1, 5, 12]) {
      const { groups: g } = await groups('public', { organizer: fremd, categories: ['WORKSHOP'] }, n);
      expect({ n, slugs: slugs(g, 'WORKSHOP') }).toEqual({ n, slugs: byStartThenId.slice(0, n) });
    }
    const { groups: g } = await groups('public', { organizer: fremd }, 4);
    expect(g.map((x) => [x.category, x.events.length])).toEqual([['SEMINAR', 1], ['WORKSHOP', 4]]);
  });

  it("include an editor's own submitted events, never another organiser's, and move nothing for the public", async () => {
    const statuses = ['PUBLISHED', 'SUBMITTED'];
    const editor = (await groups('editor', { campaign: 'erste', statuses }, 3, true)).groups;
    expect(editor.map((x) => [x.category, x.count])).toEqual([['SEMINAR', 1], ['WORKSHOP', 13], ['NETWORKING', 1]]);
    expect(slugs(editor, 'WORKSHOP')).toEqual(['erste-eigen-submitted', ...byStartThenId.slice(0, 2)]);
    expect(slugs(editor, 'NETWORKING')).toEqual(['erste-eigen-networking']);

    const moderator = (await groups('moderator', { campaign: 'erste', statuses }, 3, true)).groups;
    expect(moderator.map((x) => [x.category, x.count])).toEqual([['SEMINAR', 1], ['WORKSHOP', 14], ['NETWORKING', 1]]);
    expect(slugs(moderator, 'WORKSHOP')).toEqual(['erste-eigen-submitted', 'erste-fremd-submitted', byStartThenId[0]]);

    const publicView = (await groups('public', { campaign: 'erste' }, 3, true)).groups;
    expect(publicView.map((x) => [x.category, x.count])).toEqual([['SEMINAR', 1], ['WORKSHOP', 12]]);
    expect(slugs(publicView, 'WORKSHOP')).toEqual(byStartThenId.slice(0, 3));
  });
});

describe('the statements of eventsByCategory', () => {
  it('are one for the events of every category; count adds one GROUP BY for all groups', async () => {
    const events = await groups('public', null, 2);
    const counted = await groups('public', null, 2, true);
    expect(events.groups.map((x) => x.category)).toEqual(['SEMINAR', 'WORKSHOP']);
    expect(counted.groups.map((x) => [x.category, x.count])).toEqual([['SEMINAR', 1], ['WORKSHOP', 12]]);
    expect([events.statements, counted.statements]).toEqual([1, 2]);
  });

  it('do not grow with the categories asked for, nor with eventsPerCategory: 0', async () => {
    const one = await groups('public', { categories: ['WORKSHOP'] }, 20, true);
    const all = await groups('public', { categories: ['WORKSHOP', 'SEMINAR', 'OTHER', 'NETWORKING', 'CONFERENCE'] }, 20, true);
    const none = await groups('public', null, 0, true);
    expect(one.groups.map((x) => x.category)).toEqual(['WORKSHOP']);
    expect(all.groups.map((x) => x.category)).toEqual(['SEMINAR', 'WORKSHOP']);
    expect(none.groups.map((x) => [x.category, x.count, x.events.length])).toEqual([['SEMINAR', 1, 0], ['WORKSHOP', 12, 0]]);
    expect([one.statements, all.statements, none.statements]).toEqual([2, 2, 1]);
  });
});
