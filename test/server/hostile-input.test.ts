import { Role } from '../../src/shared/viewer';
import { toGlobalId, type NodeTypeName } from '../../src/shared/global-id';
import { authHeaders, createKey } from '../helpers/api-keys';
import { gql, gqlData, type GqlResponse } from '../helpers/gql';
import { startTestServer, type TestServer } from '../helpers/test-server';

// The class of issue 13, point 2: numbers of any size, forged cursors and NUL characters
// are input, never INTERNAL_SERVER_ERROR. Every id-taking field, every mutation on an id
// and every paged list of the schema gets the same forged values over HTTP: unknown ids
// are null (NOT_FOUND in mutations, as for any unknown id), bad cursors BAD_USER_INPUT on
// `after`, NUL in a text argument BAD_USER_INPUT on that argument.

let server: TestServer;
const headers: Record<'admin' | 'moderator' | 'editor', Record<string, string>> = { admin: {}, moderator: {}, editor: {} };
let ids: Record<NodeTypeName | 'Source', string>;

const ALL_TYPES = ['Event', 'Ministry', 'Initiative', 'Network', 'Patron', 'Campaign', 'Source'] as const;

/** A global id of any type with any key text, as a forger would make it. */
const forge = (type: string, key: string) => Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');

/** Ids of a type that name no row: keys past PostgreSQL's integer, and a NUL. */
function forgedIds(type: string): [string, string][] {
  return [
    ['a key of 2^31', forge(type, '2147483648')],
    ['a key of 2^32+1', forge(type, '4294967297')],
    ['a 15-digit key', forge(type, '999999999999999')],
    ['a 30-digit key', forge(type, '123456789012345678901234567890')],
    ['a NUL in the id', `${forge(type, '1')}\u0000`],
    ['a NUL in the key', forge(type, '1\u0000')],
  ];
}

/** A cursor as a forger would make it: base64url of any JSON. */
const cursor = (json: unknown) => Buffer.from(JSON.stringify(json), 'utf8').toString('base64url');

/** Cursors no list made: wrong types, out of range, another order, NUL. `order` and `value` are the list's own. */
function forgedCursors(order: string, value: string | number, otherOrder: string): [string, string][] {
  const other = typeof value === 'number' ? 'zebra' : 5;
  return [
    ['a float value', cursor([order, typeof value === 'number' ? value + 0.5 : 1.5, 1])],
    ['a value of 1e300', cursor([order, 1e300, 1])],
    ['a value of -1e300', cursor([order, -1e300, 1])],
    ['a value of 2^63', cursor([order, 2 ** 63, 1])],
    ['a value of the wrong type', cursor([order, other, 1])],
    ['an object as value', cursor([order, { a: 1 }, 1])],
    ['a text value with NUL', cursor([order, 'a\u0000b', 1])],
    ['a text value of 5000 characters', cursor([order, 'x'.repeat(5000), 1])],
    ['an id of 2^31', cursor([order, value, 2 ** 31])],
    ['an id of 2^53', cursor([order, value, 2 ** 53])],
    ['a float id', cursor([order, value, 1.5])],
    ['a negative id', cursor([order, value, -1])],
    ['an id as text', cursor([order, value, '1'])],
    ['a cursor of another order', cursor([otherOrder, value, 1])],
    ['a JSON object', cursor({ order, value, id: 1 })],
    ['a four-element array', cursor([order, value, 1, 1])],
    ['not JSON', Buffer.from('["START_ASC", 1').toString('base64url')],
    ['a NUL', '\u0000'],
  ];
}

beforeAll(async () => {
  server = await startTestServer();
  const [org] = await server.db.query<{ id: number }>("SELECT id FROM organizer WHERE kind = 'INITIATIVE' ORDER BY id LIMIT 1");
  headers.admin = authHeaders(await createKey(server.db, Role.ADMIN));
  headers.moderator = authHeaders(await createKey(server.db, Role.MODERATOR));
  headers.editor = authHeaders(await createKey(server.db, Role.EDITOR, { organizerId: Number(org.id) }));
  await gqlData(server.url, 'mutation { createSource(input: { name: "feindlich", format: ics }) { id } }', undefined, headers.admin);
  const data = await gqlData(server.url, `{
    events(first: 1) { nodes { id } }
    ministries { id }
    initiatives(first: 1) { nodes { id } }
    networks(first: 1) { nodes { id } }
    patrons { id }
    campaigns { id }
    sources { id }
  }`, undefined, headers.admin);
  ids = {
    Event: data.events.nodes[0].id, Ministry: data.ministries[0].id, Initiative: data.initiatives.nodes[0].id,
    Network: data.networks.nodes[0].id, Patron: data.patrons[0].id, Campaign: data.campaigns[0].id, Source: data.sources[0].id,
  };
});

afterAll(async () => {
  await server?.close();
});

/** No error of the response is INTERNAL_SERVER_ERROR, and it came with HTTP 200. */
function expectNoCrash(res: GqlResponse): void {
  expect([res.status, (res.body.errors ?? []).map((e) => e.extensions?.code)])
    .toEqual([200, expect.not.arrayContaining(['INTERNAL_SERVER_ERROR'])]);
}

/** Data and errors of a response (not its extensions, which carry query statistics). */
function outcome(res: GqlResponse): { data: unknown; errors: unknown } {
  return { data: res.body.data, errors: res.body.errors };
}

/** Every error is BAD_USER_INPUT on `field`, and there is at least one. */
function expectBadInput(res: GqlResponse, field: string): void {
  expectNoCrash(res);
  expect(res.body.errors?.length).toBeGreaterThan(0);
  for (const e of res.body.errors!) expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
}

describe('forged global ids', () => {
  const cases = ALL_TYPES.flatMap((type) => forgedIds(type).map(([what, id]) => [`${type} id with ${what}`, type, id] as const));

  it.each(cases)('reads a %s as unknown: node, nodes (that position only) and event are null, auditLog empty', async (_what, _type, id) => {
    const node = await gql(server.url, 'query ($id: ID!) { node(id: $id) { id } }', { id });
    expectNoCrash(node);
    expect(outcome(node)).toEqual({ data: { node: null } });

    const known = ids.Patron;
    const nodes = await gql(server.url, 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [known, id, known] });
    expect(outcome(nodes)).toEqual({ data: { nodes: [{ id: known }, null, { id: known }] } });

    const event = await gql(server.url, 'query ($id: ID) { event(id: $id) { id } }', { id });
    expect(outcome(event)).toEqual({ data: { event: null } });

    const log = await gql(server.url, 'query ($id: ID) { auditLog(entityId: $id) { totalCount nodes { at } } }', { id }, headers.admin);
    expect(outcome(log)).toEqual({ data: { auditLog: { totalCount: 0, nodes: [] } } });
  });

  it.each(cases.filter(([, type]) => ['Ministry', 'Initiative', 'Network'].includes(type)))(
    'refuses an organiser filter with a %s as BAD_USER_INPUT on filter.organizer, in every list that filters',
    async (_what, _type, id) => {
      expectBadInput(await gql(server.url, 'query ($id: ID) { events(filter: { organizer: $id }) { totalCount } }', { id }), 'filter.organizer');
      expectBadInput(await gql(server.url,
        'query ($id: ID) { campaign(slug: "clusterwoche-2017") { events(filter: { organizer: $id }) { totalCount } } }', { id }),
      'filter.organizer');
      expectBadInput(await gql(server.url,
        'query ($id: ID) { eventStats(filter: { organizer: $id }, groupBy: [CATEGORY]) { count } }', { id }), 'filter.organizer');
      expectBadInput(await gql(server.url,
        'query ($id: ID) { eventsByCategory(filter: { organizer: $id }) { count } }', { id }), 'filter.organizer');
    },
  );

  /** Each mutation on an id: the key that answers for it, the operation, and the type of its id. */
  const MUTATIONS: [string, 'moderator' | 'admin' | 'editor', NodeTypeName | 'Source', string][] = [
    ['updateEvent', 'moderator', 'Event', 'mutation ($id: ID!) { updateEvent(id: $id, patch: {}) { id } }'],
    ['updateEvent by an editor', 'editor', 'Event', 'mutation ($id: ID!) { updateEvent(id: $id, patch: {}) { id } }'],
    ['cancelEvent', 'moderator', 'Event', 'mutation ($id: ID!) { cancelEvent(id: $id) { id } }'],
    ['cancelEvent by an editor', 'editor', 'Event', 'mutation ($id: ID!) { cancelEvent(id: $id) { id } }'],
    ['publishEvent', 'moderator', 'Event', 'mutation ($id: ID!) { publishEvent(id: $id) { id } }'],
    ['rejectEvent', 'moderator', 'Event', 'mutation ($id: ID!) { rejectEvent(id: $id, reason: "nein") { id } }'],
    ['updateMinistry', 'admin', 'Ministry', 'mutation ($id: ID!) { updateMinistry(id: $id, patch: {}) { id } }'],
    ['updateInitiative', 'admin', 'Initiative', 'mutation ($id: ID!) { updateInitiative(id: $id, patch: {}) { id } }'],
    ['updateNetwork', 'admin', 'Network', 'mutation ($id: ID!) { updateNetwork(id: $id, patch: {}) { id } }'],
    ['updatePatron', 'admin', 'Patron', 'mutation ($id: ID!) { updatePatron(id: $id, patch: {}) { id } }'],
    ['updateCampaign', 'admin', 'Campaign', 'mutation ($id: ID!) { updateCampaign(id: $id, patch: {}) { id } }'],
    ['updateSource', 'admin', 'Source', 'mutation ($id: ID!) { updateSource(id: $id, patch: {}) { id } }'],
  ];

  it.each(MUTATIONS)('answers %s on a forged id exactly as on an unknown one: NOT_FOUND, nothing written', async (_name, role, type, query) => {
    const unknown = await gql(server.url, query, { id: toGlobalId(type, 2 ** 31 - 1) }, headers[role]);
    expect(unknown.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    for (const [, id] of forgedIds(type)) {
      const res = await gql(server.url, query, { id }, headers[role]);
      expectNoCrash(res);
      expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    }
  });

  /** Ids inside mutation inputs: unknown ones are BAD_USER_INPUT on their path (the contract's "unknown organiser"). */
  const INPUT_IDS: [string, 'moderator' | 'admin', string, (id: string) => Record<string, unknown>, string][] = [
    ['submitEvent organizerIds', 'moderator', 'mutation ($v: EventInput!) { submitEvent(input: $v) { id } }',
      (id) => ({ v: { title: { de: 'Feind' }, category: 'SEMINAR', startsAt: '2030-01-01T10:00:00+01:00', region: 'DE1', organizerIds: [id] } }),
      'input.organizerIds'],
    ['submitEvent patronIds', 'moderator', 'mutation ($v: EventInput!) { submitEvent(input: $v) { id } }',
      (id) => ({ v: { title: { de: 'Feind' }, category: 'SEMINAR', startsAt: '2030-01-01T10:00:00+01:00', region: 'DE1', organizerIds: [ids.Initiative], patronIds: [id] } }),
      'input.patronIds'],
    ['updateEvent organizerIds', 'moderator', 'mutation ($e: ID!, $v: EventPatch!) { updateEvent(id: $e, patch: $v) { id } }',
      (id) => ({ e: ids.Event, v: { organizerIds: [id] } }), 'patch.organizerIds'],
    ['updateNetwork memberIds', 'admin', 'mutation ($n: ID!, $v: NetworkPatch!) { updateNetwork(id: $n, patch: $v) { id } }',
      (id) => ({ n: ids.Network, v: { memberIds: [id] } }), 'patch.memberIds'],
    ['updateNetwork partnerIds', 'admin', 'mutation ($n: ID!, $v: NetworkPatch!) { updateNetwork(id: $n, patch: $v) { id } }',
      (id) => ({ n: ids.Network, v: { partnerIds: [id] } }), 'patch.partnerIds'],
    ['updatePatron ministryId', 'admin', 'mutation ($p: ID!, $v: PatronPatch!) { updatePatron(id: $p, patch: $v) { id } }',
      (id) => ({ p: ids.Patron, v: { ministryId: id } }), 'patch.ministryId'],
    ['updateCampaign initiatorId', 'admin', 'mutation ($c: ID!, $v: CampaignPatch!) { updateCampaign(id: $c, patch: $v) { id } }',
      (id) => ({ c: ids.Campaign, v: { initiatorId: id } }), 'patch.initiatorId'],
    ['updateCampaign patronIds', 'admin', 'mutation ($c: ID!, $v: CampaignPatch!) { updateCampaign(id: $c, patch: $v) { id } }',
      (id) => ({ c: ids.Campaign, v: { patronIds: [id] } }), 'patch.patronIds'],
    ['updateSource ownerId', 'admin', 'mutation ($s: ID!, $v: SourcePatch!) { updateSource(id: $s, patch: $v) { id } }',
      (id) => ({ s: ids.Source, v: { ownerId: id } }), 'patch.ownerId'],
  ];

  it.each(INPUT_IDS)('refuses a forged id in %s as BAD_USER_INPUT on its path', async (_name, role, query, variables, field) => {
    const type = /patron/i.test(field) ? 'Patron' : /ministry/i.test(field) ? 'Ministry' : 'Initiative';
    for (const [, id] of [...forgedIds(type), ...forgedIds('Network')]) {
      const res = await gql(server.url, query, variables(id), headers[role]);
      expectNoCrash(res);
      expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringMatching(new RegExp(`^${field.replace('.', '\\.')}`)) });
    }
  });
});

describe('forged cursors', () => {
  /** Every paged list: a query with $a as `after`, its cursor order and a real sort value of that order. */
  const LISTS: [string, string, string | number, string, 'admin' | null][] = [
    ['events START_ASC', 'START_ASC', 1_492_000_000_000, 'query ($a: String) { events(after: $a) { totalCount } }', null],
    ['events START_DESC', 'START_DESC', 1_492_000_000_000, 'query ($a: String) { events(orderBy: START_DESC, after: $a) { totalCount } }', null],
    ['events UPDATED_DESC', 'UPDATED_DESC', 1_492_000_000_000, 'query ($a: String) { events(orderBy: UPDATED_DESC, after: $a) { totalCount } }', null],
    ['events TITLE_ASC', 'TITLE_ASC', 'hannover messe', 'query ($a: String) { events(orderBy: TITLE_ASC, after: $a) { totalCount } }', null],
    ['events RELEVANCE', 'RELEVANCE', -1, 'query ($a: String) { events(filter: { text: "Messe" }, orderBy: RELEVANCE, after: $a) { totalCount } }', null],
    ['Campaign.events', 'START_ASC', 1_492_000_000_000, 'query ($a: String) { campaign(slug: "clusterwoche-2017") { events(after: $a) { totalCount } } }', null],
    ['Ministry.events', 'START_ASC', 1_492_000_000_000, 'query ($a: String) { ministries { events(after: $a) { totalCount } } }', null],
    ['Initiative.events', 'TITLE_ASC', 'hannover messe', 'query ($a: String) { initiatives(first: 3) { nodes { events(orderBy: TITLE_ASC, after: $a) { totalCount } } } }', null],
    ['Network.events', 'UPDATED_DESC', 1_492_000_000_000, 'query ($a: String) { networks(first: 3) { nodes { events(orderBy: UPDATED_DESC, after: $a) { totalCount } } } }', null],
    ['initiatives', 'INITIATIVE_NAME', 'go cluster', 'query ($a: String) { initiatives(after: $a) { totalCount } }', null],
    ['networks', 'NETWORK_NAME', 'leichtbau bw', 'query ($a: String) { networks(after: $a) { totalCount } }', null],
    ['auditLog', 'AUDIT_NEWEST', 1_492_000_000_000, 'query ($a: String) { auditLog(after: $a) { totalCount } }', 'admin'],
  ];

  /** A relevance score is a double: any finite number is a position in its list, if an odd one. */
  const FINITE = ['a float value', 'a value of 1e300', 'a value of -1e300', 'a value of 2^63'];
  const all = LISTS.flatMap(([list, order, value, query, role]) => {
    const otherOrder = order === 'START_ASC' ? 'START_DESC' : 'START_ASC';
    return forgedCursors(order, value, otherOrder).map(([what, after]) => [list, what, after, query, role] as const);
  });
  const refused = all.filter(([list, what]) => !(list === 'events RELEVANCE' && FINITE.includes(what)));
  const accepted = all.filter(([list, what]) => list === 'events RELEVANCE' && FINITE.includes(what));

  it.each(refused)('refuses on %s a cursor with %s as BAD_USER_INPUT on after', async (_list, _what, after, query, role) => {
    expectBadInput(await gql(server.url, query, { a: after }, role ? headers[role] : {}), 'after');
  });

  it.each(accepted)('pages %s after a cursor with %s, a finite score, without error', async (_list, _what, after, query) => {
    const res = await gql(server.url, query, { a: after });
    expectNoCrash(res);
    expect(res.body.errors).toBeUndefined();
  });

  it.each(LISTS)('still pages %s with its own cursors', async (_list, _order, _value, query, role) => {
    const withCursor = query.replace('{ totalCount }', '{ totalCount pageInfo { endCursor } }').replace('(after: $a)', '(first: 1, after: $a)');
    const res = await gql(server.url, withCursor, { a: null }, role ? headers[role] : {});
    expectNoCrash(res);
    expect(res.body.errors).toBeUndefined();
  });
});

describe('NUL characters in text arguments', () => {
  const NUL = 'a\u0000b';
  const CASES: [string, string, Record<string, unknown>, string, 'admin' | 'moderator' | null][] = [
    ['regions(parent)', 'query ($s: String) { regions(parent: $s) { code } }', { s: NUL }, 'parent', null],
    ['events(filter.text)', 'query ($s: String) { events(filter: { text: $s }) { totalCount } }', { s: `Messe ${NUL}` }, 'filter.text', null],
    ['events(filter.region)', 'query ($s: String) { events(filter: { region: $s }) { totalCount } }', { s: 'DE1\u0000' }, 'filter.region', null],
    ['events(filter.campaign)', 'query ($s: String) { events(filter: { campaign: $s }) { totalCount } }', { s: NUL }, 'filter.campaign', null],
    ['events(filter.country)', 'query ($s: String) { events(filter: { country: $s }) { totalCount } }', { s: NUL }, 'filter.country', null],
    ['a literal in events(filter.campaign)', '{ events(filter: { campaign: "clusterwoche-2017\\u0000" }) { totalCount } }', {}, 'filter.campaign', null],
    ['Campaign.events(filter.text)', 'query ($s: String) { campaign(slug: "clusterwoche-2017") { events(filter: { text: $s }) { totalCount } } }', { s: NUL }, 'filter.text', null],
    ['eventStats(filter.campaign)', 'query ($s: String) { eventStats(filter: { campaign: $s }, groupBy: [CATEGORY]) { count } }', { s: NUL }, 'filter.campaign', null],
    ['initiatives(text)', 'query ($s: String) { initiatives(text: $s) { totalCount } }', { s: NUL }, 'text', null],
    ['initiatives(region)', 'query ($s: String) { initiatives(region: $s) { totalCount } }', { s: NUL }, 'region', null],
    ['networks(region)', 'query ($s: String) { networks(region: $s) { totalCount } }', { s: NUL }, 'region', null],
    ['rejectEvent(reason)', 'mutation ($s: String!) { rejectEvent(id: "RXZlbnQ6MQ", reason: $s) { id } }', { s: NUL }, 'reason', 'moderator'],
    ['updateEvent(patch.campaign)', 'mutation ($s: String) { updateEvent(id: "RXZlbnQ6MQ", patch: { campaign: $s }) { id } }', { s: NUL }, 'patch.campaign', 'moderator'],
  ];

  it.each([
    ['event(slug)', 'query ($s: String) { result: event(slug: $s) { id } }'],
    ['campaign(slug)', 'query ($s: String!) { result: campaign(slug: $s) { id } }'],
    ['region(code)', 'query ($s: String!) { result: region(code: $s) { code } }'],
    ['a literal in event(slug)', '{ result: event(slug: "hannover-messe-2017\\u0000") { id } }'],
  ])('answers the point lookup %s with a NUL as null, like any unknown key, without an error', async (_what, query) => {
    const res = await gql(server.url, query, { s: NUL });
    expect(outcome(res)).toEqual({ data: { result: null } });
  });

  it.each(CASES)('refuses a NUL in %s as BAD_USER_INPUT on that argument', async (_what, query, variables, field, role) => {
    expectBadInput(await gql(server.url, query, variables, role ? headers[role] : {}), field);
  });
});
