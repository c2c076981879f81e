import { gqlData } from '../../helpers/gql';
import { pad, seed } from '../../helpers/seed-builder';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { allEvents, countOf, expectBadUserInput, organizerIdByName, send } from './event-test-kit';

let server: TestServer;
let busyId: string;

const BUSY_EVENTS = 25;

beforeAll(async () => {
  server = await startTestServer({
    prepare: async (db) => {
      await seed(db, 'verschachtelt')
        .initiative('vielbeschaeftigt', { name: { de: 'Vielbeschäftigte Initiative' } })
        .network('mitveranstalter', { name: { de: 'Mitveranstaltendes Netzwerk' }, memberKeys: ['vielbeschaeftigt'] })
        .campaign('verschachtelt-2019')
        // Five starts, five events each: ties inside one organiser's list.
        .events(BUSY_EVENTS, (i) => ({
          startsAt: `2019-09-${pad(1 + (i % 5))}T10:00`,
          campaignSlug: 'verschachtelt-2019',
          category: i % 2 === 0 ? 'WORKSHOP' : 'SEMINAR',
          organizerKeys: i % 3 === 0 ? ['vielbeschaeftigt', 'mitveranstalter'] : ['vielbeschaeftigt'],
        }))
        .load();
    },
  });
  busyId = await organizerIdByName(server.url, 'Vielbeschäftigte Initiative');
});

afterAll(async () => {
  await server?.close();
});

const slugsOf = (c: { nodes: { slug: string }[] }) => c.nodes.map((n) => n.slug);

describe('Organizer.events', () => {
  it('has per organiser the totalCount and first events of the top-level list filtered by it', async () => {
    const data = await gqlData(server.url, `{
      networks(first: 100) { nodes { id events(first: 2) { totalCount nodes { slug } } } }
      initiatives(first: 100) { nodes { id events(first: 2) { totalCount nodes { slug } } } }
      ministries { id events(first: 2) { totalCount nodes { slug } } }
    }`);
    const organizers = [...data.networks.nodes, ...data.initiatives.nodes, ...data.ministries];
    expect(organizers.length).toBeGreaterThan(15);
    const counts = new Set<number>();
    for (const o of organizers) {
      const top = await allEvents(server.url, { organizer: o.id });
      expect({ id: o.id, totalCount: o.events.totalCount }).toEqual({ id: o.id, totalCount: top.rows.length });
      expect(slugsOf(o.events)).toEqual(top.rows.slice(0, 2).map((e) => e.slug));
      counts.add(o.events.totalCount);
    }
    expect(counts.size).toBeGreaterThan(2);
  });

  it('applies the filter to every organiser separately', async () => {
    const data = await gqlData(server.url, `{
      networks(first: 100) { nodes { id name events(filter: { region: "DE1", categories: [TRADE_FAIR, CONFERENCE, OTHER] }, first: 1) { totalCount } } }
    }`);
    for (const n of data.networks.nodes) {
      const expected = await countOf(server.url, { organizer: n.id, region: 'DE1', categories: ['TRADE_FAIR', 'CONFERENCE', 'OTHER'] });
      expect({ name: n.name, totalCount: n.events.totalCount }).toEqual({ name: n.name, totalCount: expected });
    }
    const smart = data.networks.nodes.find((n: { name: string }) => n.name === 'Netzwerk Smart Production');
    const smartAll = await countOf(server.url, { organizer: smart.id });
    expect(smart.events.totalCount).toBeLessThan(smartAll);
  });

  it('gives each alias its own page size within one request', async () => {
    const data = await gqlData(server.url, `query($id: ID!) { node(id: $id) { ... on Organizer {
      one: events(first: 1) { totalCount nodes { slug } }
      three: events(first: 3) { totalCount nodes { slug } }
      seminars: events(first: 100, filter: { categories: [SEMINAR] }) { totalCount nodes { category } }
    } } }`, { id: busyId });
    expect(data.node.one.nodes).toHaveLength(1);
    expect(data.node.three.nodes).toHaveLength(3);
    expect(data.node.one.totalCount).toBe(BUSY_EVENTS);
    expect(data.node.three.totalCount).toBe(BUSY_EVENTS);
    expect(data.node.seminars.totalCount).toBe(12);
    expect(new Set(data.node.seminars.nodes.map((n: { category: string }) => n.category))).toEqual(new Set(['SEMINAR']));
  });

  it.each([['START_ASC'], ['START_DESC'], ['TITLE_ASC']])(
    'walks an organiser\'s %s list with first/after like the top-level list, ties included', async (order) => {
      const top = (await allEvents(server.url, { organizer: busyId }, order)).rows.map((e) => e.slug);
      const walked: string[] = [];
      const counts: number[] = [];
      let after: string | null = null;
      for (let page = 0; page < 20; page += 1) {
        const data: any = await gqlData(server.url, `query($id: ID!, $o: EventOrder, $a: String) { node(id: $id) { ... on Initiative {
          events(orderBy: $o, first: 4, after: $a) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { slug } } } } }`,
        { id: busyId, o: order, a: after });
        const c = data.node.events;
        expect(c.pageInfo.hasPreviousPage).toBe(after !== null);
        walked.push(...slugsOf(c));
        counts.push(c.totalCount);
        if (!c.pageInfo.hasNextPage) break;
        after = c.pageInfo.endCursor;
      }
      expect(walked).toHaveLength(BUSY_EVENTS);
      expect(walked).toEqual(top);
      expect(new Set(counts)).toEqual(new Set([BUSY_EVENTS]));
    });

  it('hides cancelled events unless asked for, like the top-level list', async () => {
    const id = await organizerIdByName(server.url, 'Kunststoff-Cluster Ostwürttemberg');
    const data = await gqlData(server.url, `query($id: ID!) { node(id: $id) { ... on Initiative {
      published: events { totalCount nodes { slug } }
      both: events(filter: { statuses: [CANCELLED, PUBLISHED] }) { totalCount nodes { slug status } }
    } } }`, { id });
    expect(slugsOf(data.node.published)).not.toContain('workshop-kunststoffrecycling-aalen');
    expect(data.node.both.totalCount).toBe(data.node.published.totalCount + 1);
    expect(data.node.both.nodes).toContainEqual({ slug: 'workshop-kunststoffrecycling-aalen', status: 'CANCELLED' });
  });
});

describe('Campaign.events', () => {
  it('matches the top-level list filtered by the campaign, filter and page included', async () => {
    const top = (await allEvents(server.url, { campaign: 'clusterwoche-2017', region: 'DE1' })).rows.map((e) => e.slug);
    const walked: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const data: any = await gqlData(server.url, `query($a: String) { campaign(slug: "clusterwoche-2017") {
        events(filter: { region: "DE1" }, first: 6, after: $a) { totalCount pageInfo { hasNextPage endCursor } nodes { slug } } } }`,
      { a: after });
      expect(data.campaign.events.totalCount).toBe(top.length);
      walked.push(...slugsOf(data.campaign.events));
      if (!data.campaign.events.pageInfo.hasNextPage) break;
      after = data.campaign.events.pageInfo.endCursor;
    }
    expect(top.length).toBeGreaterThan(30);
    expect(walked).toEqual(top);
  });

  it('counts each campaign\'s own events in a list of campaigns', async () => {
    const data = await gqlData(server.url, '{ campaigns { slug events(first: 1) { totalCount nodes { campaign { slug } } } } }');
    expect(data.campaigns.map((c: { slug: string }) => c.slug).sort()).toEqual(['clusterwoche-2017', 'verschachtelt-2019']);
    for (const c of data.campaigns) {
      expect(c.events.totalCount).toBe(await countOf(server.url, { campaign: c.slug }));
      expect(c.events.nodes[0].campaign.slug).toBe(c.slug);
    }
    const own = data.campaigns.find((c: { slug: string }) => c.slug === 'verschachtelt-2019');
    expect(own.events.totalCount).toBe(BUSY_EVENTS);
  });
});

describe('bad arguments of a nested list', () => {
  it.each([
    ['first: 101', 'events(first: 101) { totalCount }', 'first'],
    ['first: -1', 'events(first: -1) { totalCount }', 'first'],
    ['a garbage cursor', 'events(after: "nope!") { totalCount }', 'after'],
    ['an unknown region', 'events(filter: { region: "ZZ1" }) { totalCount }', 'filter.region'],
  ])('answers %s under an organiser with BAD_USER_INPUT', async (_what, selection, field) => {
    const res = await send(server.url, `query($id: ID!) { node(id: $id) { ... on Organizer { ${selection} } } }`, { id: busyId });
    expectBadUserInput(res, field);
  });

  it('answers a cursor of another order under a campaign with BAD_USER_INPUT', async () => {
    const first = await gqlData(server.url, '{ campaign(slug: "verschachtelt-2019") { events(first: 2) { pageInfo { endCursor } } } }');
    const res = await send(server.url, 'query($a: String) { campaign(slug: "verschachtelt-2019") { events(orderBy: START_DESC, after: $a) { totalCount } } }',
      { a: first.campaign.events.pageInfo.endCursor });
    expectBadUserInput(res, 'after');
  });

  it('refuses SUBMITTED events of an organiser to the public', async () => {
    const res = await send(server.url, `query($id: ID!) { node(id: $id) { ... on Organizer { events(filter: { statuses: [SUBMITTED] }) { totalCount } } } }`, { id: busyId });
    expect(res.status).toBe(200);
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
