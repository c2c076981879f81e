import { startTestServer, type TestServer } from '../helpers/test-server';
import { gql, gqlData } from '../helpers/gql';
import { clusterwoche2017 } from '../../src/demo-data/clusterwoche-2017';
import { fromGlobalId, toGlobalId } from '../../src/shared/global-id';

const submittedSlug = clusterwoche2017.events.find((e) => e.status === 'SUBMITTED')!.slug;
const cancelledSlug = clusterwoche2017.events.find((e) => e.status === 'CANCELLED')!.slug;

/** One id of every node type, found through the public API. */
type Samples = Record<'Event' | 'Ministry' | 'Initiative' | 'Network' | 'Patron' | 'Campaign', string>;

describe('node and nodes', () => {
  let server: TestServer;
  let ids: Samples;

  beforeAll(async () => {
    server = await startTestServer();
    const data = await gqlData<{
      events: { nodes: { id: string }[] };
      ministries: { id: string }[];
      initiatives: { nodes: { id: string }[] };
      networks: { nodes: { id: string }[] };
      patrons: { id: string }[];
      campaigns: { id: string }[];
    }>(server.url, `{
      events(first: 1) { nodes { id } }
      ministries { id }
      initiatives(first: 1) { nodes { id } }
      networks(first: 1) { nodes { id } }
      patrons { id }
      campaigns { id }
    }`);
    ids = {
      Event: data.events.nodes[0].id,
      Ministry: data.ministries[0].id,
      Initiative: data.initiatives.nodes[0].id,
      Network: data.networks.nodes[0].id,
      Patron: data.patrons[0].id,
      Campaign: data.campaigns[0].id,
    };
  });

  afterAll(async () => {
    await server?.close();
  });

  /** The global id of a demo event the public cannot list, from its row in the database. */
  async function eventIdBySlug(slug: string): Promise<string> {
    const [row] = await server.db.query<{ id: number }>('SELECT id FROM event WHERE slug = ?', [slug]);
    return toGlobalId('Event', Number(row.id));
  }

  it.each(['Event', 'Ministry', 'Initiative', 'Network', 'Patron', 'Campaign'] as const)(
    'fetches a %s back through node(id) with the same id and the right __typename',
    async (type) => {
      const r = await gql(server.url, 'query ($id: ID!) { node(id: $id) { __typename id } }', { id: ids[type] });
      expect(r.status).toBe(200);
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data.node).toEqual({ __typename: type, id: ids[type] });
    },
  );

  it('fetches the same object\'s fields through node(id) as through its list', async () => {
    const list = await gqlData<{ events: { nodes: { id: string; slug: string; title: string }[] } }>(server.url,
      '{ events(first: 1) { nodes { id slug title } } }');
    const data = await gqlData<{ node: { id: string; slug: string; title: string } }>(server.url,
      'query ($id: ID!) { node(id: $id) { id ... on Event { slug title } } }', { id: list.events.nodes[0].id });
    expect(data.node).toEqual(list.events.nodes[0]);
  });

  it('gives nodes(ids) in the order asked, every type mixed, repeats included', async () => {
    const order = [ids.Campaign, ids.Event, ids.Network, ids.Patron, ids.Initiative, ids.Ministry, ids.Event];
    const r = await gql(server.url, 'query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', { ids: order });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.nodes.map((n: { id: string }) => n.id)).toEqual(order);
    expect(r.body.data.nodes.map((n: { __typename: string }) => n.__typename))
      .toEqual(['Campaign', 'Event', 'Network', 'Patron', 'Initiative', 'Ministry', 'Event']);
  });

  it('gives null in place of unknown and malformed ids, keeps the others in order, and reports no error', async () => {
    const unknownEvent = toGlobalId('Event', 987654321);
    const asked = [ids.Ministry, 'nonsense', unknownEvent, '', ids.Patron, '!!!', Buffer.from('Region:1').toString('base64url'), ids.Campaign];
    const r = await gql(server.url, 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: asked });
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.nodes).toEqual([{ id: ids.Ministry }, null, null, null, { id: ids.Patron }, null, null, { id: ids.Campaign }]);
  });

  it.each([
    ['an unknown event', () => toGlobalId('Event', 987654321)],
    ['an unknown patron', () => toGlobalId('Patron', 987654321)],
    ['a malformed id', () => 'not an id'],
    ['an empty id', () => ''],
    ['an id of a type that is not a node', () => Buffer.from('Region:1', 'utf8').toString('base64url')],
  ])('answers node(id) for %s with null and no error', async (_what, makeId) => {
    const r = await gql(server.url, 'query ($id: ID!) { node(id: $id) { id } }', { id: makeId() });
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data).toEqual({ node: null });
  });

  it('gives the public null for a SUBMITTED event, through node, nodes and event', async () => {
    const id = await eventIdBySlug(submittedSlug);
    const r = await gql(server.url, `query ($id: ID!, $slug: String) {
      node(id: $id) { id }
      nodes(ids: [$id]) { id }
      byId: event(id: $id) { id }
      bySlug: event(slug: $slug) { id }
    }`, { id, slug: submittedSlug });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data).toEqual({ node: null, nodes: [null], byId: null, bySlug: null });
  });

  it('shows the public a CANCELLED event through node(id), with its status', async () => {
    const id = await eventIdBySlug(cancelledSlug);
    const data = await gqlData<{ node: { __typename: string; id: string; status: string; slug: string } }>(server.url,
      'query ($id: ID!) { node(id: $id) { __typename id ... on Event { status slug } } }', { id });
    expect(data.node).toEqual({ __typename: 'Event', id, status: 'CANCELLED', slug: cancelledSlug });
  });

  it('answers null for an Initiative id re-encoded as a Network id', async () => {
    const parsed = fromGlobalId(ids.Initiative)!;
    expect(parsed.type).toBe('Initiative');
    const asNetwork = toGlobalId('Network', parsed.key);
    const asMinistry = toGlobalId('Ministry', parsed.key);
    const r = await gql(server.url, 'query ($a: ID!, $b: ID!, $c: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } c: node(id: $c) { __typename id } }',
      { a: asNetwork, b: asMinistry, c: ids.Initiative });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data).toEqual({ a: null, b: null, c: { __typename: 'Initiative', id: ids.Initiative } });
  });

  it('answers null for a Network id re-encoded as an Initiative id, inside nodes too', async () => {
    const { key } = fromGlobalId(ids.Network)!;
    const r = await gql(server.url, 'query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', {
      ids: [toGlobalId('Initiative', key), ids.Network],
    });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.nodes).toEqual([null, { __typename: 'Network', id: ids.Network }]);
  });

  it('accepts 100 ids in one nodes call', async () => {
    const asked = Array.from({ length: 100 }, (_, i) => (i % 2 ? ids.Event : ids.Patron));
    const r = await gql(server.url, 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: asked });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.nodes).toHaveLength(100);
  });

  it('refuses more than 100 ids in one nodes call with BAD_USER_INPUT', async () => {
    const asked = Array.from({ length: 101 }, () => ids.Event);
    const r = await gql(server.url, 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: asked });
    expect(r.status).toBe(200);
    expect(r.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.body.data ?? null).toBeNull();
  });
});
