import { toGlobalId } from '../../../src/shared/global-id';
import { gqlData } from '../../helpers/gql';
import { seed } from '../../helpers/seed-builder';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { send } from './event-test-kit';

let server: TestServer;
let startedAt: number;
let loadedAt: number;

const UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

beforeAll(async () => {
  startedAt = Date.now();
  server = await startTestServer({
    prepare: async (db) => {
      await seed(db, 'zeiten')
        .initiative('uhrwerk')
        .event('zeiten-kolkata', { startsAt: '2019-03-01T10:00', timeZone: 'Asia/Kolkata' })
        .event('zeiten-umstellung', { startsAt: '2019-03-30T20:00', endsAt: '2019-03-31T10:00', timeZone: 'Europe/Berlin' })
        .event('zeiten-geaendert', { startsAt: '2019-07-01T10:00', updatedAt: '2021-07-01T08:15:00Z' })
        .load();
    },
  });
  loadedAt = Date.now();
});

afterAll(async () => {
  await server?.close();
});

const EVENT = `query E($id: ID, $slug: String) {
  event(id: $id, slug: $slug) { id slug status category startsAt endsAt timeZone createdAt updatedAt }
}`;

async function event(vars: { id?: string; slug?: string }) {
  const res = await send(server.url, EVENT, vars);
  expect(res.status).toBe(200);
  expect(res.body.errors).toBeUndefined();
  return res.body.data.event;
}

/** The global id of an event the API will not show, built from the database row. */
async function hiddenEventId(slug: string): Promise<string> {
  const visible = await gqlData(server.url, '{ events(first: 1) { nodes { id slug } } }');
  const [row] = await server.db.query<{ id: number }>('SELECT id FROM event WHERE slug = ?', [visible.events.nodes[0].slug]);
  // Only meaningful while ids are built this way; checked on a visible event first.
  expect(toGlobalId('Event', Number(row.id))).toBe(visible.events.nodes[0].id);
  const [hidden] = await server.db.query<{ id: number }>('SELECT id FROM event WHERE slug = ?', [slug]);
  return toGlobalId('Event', Number(hidden.id));
}

describe('event(slug:) and event(id:)', () => {
  it('finds a published event by its slug', async () => {
    expect(await event({ slug: 'go-cluster-jahrestagung-2017' }))
      .toMatchObject({ slug: 'go-cluster-jahrestagung-2017', status: 'PUBLISHED', category: 'ANNUAL_MEETING' });
  });

  it('finds the same event by the id a list gave', async () => {
    const list = await gqlData(server.url, '{ events(first: 5, orderBy: START_DESC) { nodes { id slug } } }');
    for (const n of list.events.nodes) {
      expect(await event({ id: n.id })).toMatchObject({ id: n.id, slug: n.slug });
      expect(await event({ id: n.id, slug: n.slug })).toMatchObject({ id: n.id });
      const node = await gqlData(server.url, 'query($id: ID!) { node(id: $id) { id ... on Event { slug } } }', { id: n.id });
      expect(node.node).toEqual({ id: n.id, slug: n.slug });
    }
  });

  it('shows a cancelled event to the public', async () => {
    expect(await event({ slug: 'workshop-kunststoffrecycling-aalen' })).toMatchObject({ status: 'CANCELLED' });
  });

  it('is null, without an error, for an unknown slug, a malformed id or the id of something else', async () => {
    const ministry = await gqlData(server.url, '{ ministries { id } }');
    expect(await event({ slug: 'gibt-es-nicht-2017' })).toBeNull();
    expect(await event({ id: 'not an id at all' })).toBeNull();
    expect(await event({ id: ministry.ministries[0].id })).toBeNull();
  });

  it('is null when id and slug name two different events', async () => {
    const a = await event({ slug: 'go-cluster-jahrestagung-2017' });
    expect(await event({ id: a.id, slug: 'hannover-messe-2017' })).toBeNull();
  });

  it('is null, without an error, for a SUBMITTED event asked for by slug or id', async () => {
    const slug = 'elektromobilitaet-erfahren-ludwigsburg';
    expect(await event({ slug })).toBeNull();
    const id = await hiddenEventId(slug);
    expect(await event({ id })).toBeNull();
    const res = await send(server.url, 'query($id: ID!) { node(id: $id) { id } nodes(ids: [$id]) { id } }', { id });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ node: null, nodes: [null] });
  });
});

describe('DateTime output', () => {
  it('gives startsAt in the event\'s own offset', async () => {
    expect(await event({ slug: 'go-cluster-jahrestagung-2017' }))
      .toMatchObject({ startsAt: '2017-04-20T10:00:00+02:00', endsAt: null, timeZone: 'Europe/Berlin' });
    expect(await event({ slug: 'hannover-messe-2017' }))
      .toMatchObject({ startsAt: '2017-04-24T09:00:00+02:00', endsAt: '2017-04-28T18:00:00+02:00' });
  });

  it('uses the offset of the event\'s zone on that day, abroad and in winter', async () => {
    expect(await event({ slug: 'seminaire-protection-des-donnees-bale-2017' }))
      .toMatchObject({ startsAt: '2017-11-08T09:00:00+01:00', timeZone: 'Europe/Zurich' });
    expect(await event({ slug: 'journee-franco-allemande-industrie-du-futur-strasbourg-2017' }))
      .toMatchObject({ startsAt: '2017-10-12T09:00:00+02:00', timeZone: 'Europe/Paris' });
    expect(await event({ slug: 'zeiten-kolkata' }))
      .toMatchObject({ startsAt: '2019-03-01T10:00:00+05:30', timeZone: 'Asia/Kolkata' });
  });

  it('gives start and end their own offsets across the switch to summer time', async () => {
    expect(await event({ slug: 'zeiten-umstellung' }))
      .toMatchObject({ startsAt: '2019-03-30T20:00:00+01:00', endsAt: '2019-03-31T10:00:00+02:00' });
  });

  it('gives createdAt and updatedAt in UTC, ending in Z', async () => {
    const e = await event({ slug: 'zeiten-kolkata' });
    expect(e.createdAt).toMatch(UTC);
    expect(e.updatedAt).toMatch(UTC);
    expect(Date.parse(e.createdAt)).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(Date.parse(e.createdAt)).toBeLessThanOrEqual(loadedAt + 1000);
    expect(await event({ slug: 'zeiten-geaendert' })).toMatchObject({ updatedAt: '2021-07-01T08:15:00Z' });
    expect(await event({ slug: 'go-cluster-jahrestagung-2017' }))
      .toMatchObject({ createdAt: '2017-02-06T09:12:00Z', updatedAt: '2017-04-03T11:26:00Z' });
  });
});
