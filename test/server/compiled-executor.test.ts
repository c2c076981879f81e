import type { DestinationStream } from 'pino';
import { createLogger } from '../../src/logger';
import { Role } from '../../src/shared/viewer';
import { clusterwoche2017 } from '../../src/demo-data/clusterwoche-2017';
import { authHeaders, createKey } from '../helpers/api-keys';
import { startTestServer, type TestServer } from '../helpers/test-server';

// The same requests to a gateway executing with graphql-jit and to one executing with
// graphql-js must come back byte for byte the same (the request's duration aside), with
// the same status and the same SQL statement count.

/** A submitted demo event (admins see it) whose category the database holds as a value the enum lacks. */
const brokenSlug = clusterwoche2017.events.find((e) => e.status === 'SUBMITTED')!.slug;

type Who = 'public' | 'editor' | 'admin';

interface Side {
  server: TestServer;
  keys: Record<Who, Record<string, string>>;
  warnings: string[];
}

async function startSide(executor: 'jit' | 'graphql-js'): Promise<Side> {
  const warnings: string[] = [];
  const destination: DestinationStream = { write: (line: string) => { warnings.push(line); } };
  const server = await startTestServer({
    env: { GRAPHQL_EXECUTOR: executor },
    logger: createLogger('warn', destination),
    prepare: async (db) => {
      await db.query("UPDATE event SET category = 'bogus' WHERE slug = ?", [brokenSlug]);
    },
  });
  const keys = {
    public: {},
    editor: authHeaders(await createKey(server.db, Role.EDITOR, { organizerId: 1 })),
    admin: authHeaders(await createKey(server.db, Role.ADMIN)),
  };
  return { server, keys, warnings };
}

let jit: Side;
let js: Side;

beforeAll(async () => {
  [jit, js] = await Promise.all([startSide('jit'), startSide('graphql-js')]);
});

afterAll(async () => {
  await Promise.all([jit?.server.close(), js?.server.close()]);
});

interface Answer {
  status: number;
  /** The body as sent, its durationMs (a measurement) set to 0. */
  text: string;
  body: { data?: any; errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[]; extensions?: any };
}

async function post(side: Side, who: Who, payload: Record<string, unknown>): Promise<Answer> {
  const res = await fetch(`${side.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...side.keys[who] },
    body: JSON.stringify(payload),
  });
  const text = (await res.text()).replace(/"durationMs":[0-9.e-]+/, '"durationMs":0');
  return { status: res.status, text, body: JSON.parse(text) };
}

/** Sends one request to both gateways (one after the other) and expects the same answer. */
async function sameAnswer(query: string, variables?: Record<string, unknown>, options: { who?: Who; operationName?: string } = {}): Promise<Answer> {
  const payload = { query, variables, operationName: options.operationName };
  const [fromJs, fromJit] = await answers(payload, options.who);
  expect({ status: fromJit.status, text: fromJit.text }).toEqual({ status: fromJs.status, text: fromJs.text });
  return fromJit;
}

async function answers(payload: Record<string, unknown>, who: Who = 'public'): Promise<[Answer, Answer]> {
  const fromJs = await post(js, who, payload);
  return [fromJs, await post(jit, who, payload)];
}

const codes = (a: Answer) => a.body.errors?.map((e) => ({ code: e.extensions?.code, path: e.path }));

describe('graphql-jit against graphql-js, over HTTP', () => {
  it('answers a nested page (organisers of every kind, network members, patrons with their ministry) the same', async () => {
    const a = await sameAnswer(`query Page($first: Int) {
      events(first: $first) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes {
          id slug title startsAt endsAt status category venue { city country latitude }
          organizers { __typename id name ... on Network { scope members { name } } ... on Ministry { level } }
          patrons { name office ministry { id name shortName patrons { name } } }
          region { code name parent { code } }
        }
      }
    }`, { first: 100 });
    expect(a.status).toBe(200);
    expect(a.body.data.events.nodes.length).toBeGreaterThan(20);
    expect(a.body.data.events.nodes.some((e: any) => e.organizers.some((o: any) => o.__typename === 'Network'))).toBe(true);
    expect(a.body.extensions.stats.sqlStatements).toBeGreaterThan(2);
  });

  it('answers node(id:) with inline fragments on every node type the same', async () => {
    const ids = (await sameAnswer('{ events(first: 3) { nodes { id } } ministries { id } patrons { id } campaigns { id } networks(first: 2) { nodes { id } } }')).body.data;
    const all = [...ids.events.nodes, ...ids.ministries.slice(0, 2), ...ids.patrons.slice(0, 2), ...ids.campaigns, ...ids.networks.nodes]
      .map((n: { id: string }) => n.id);
    for (const id of [...all, 'bm9wZQ==', 'not an id']) {
      await sameAnswer(`query ($id: ID!) { node(id: $id) {
        __typename id
        ... on Event { title(lang: FR) startsAt }
        ... on Organizer { name kindLabel(lang: DE) }
        ... on Patron { name ministry { name } }
        ... on Campaign { slug startsOn endsOn initiator { __typename name } }
      } }`, { id });
    }
    const many = await sameAnswer('query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', { ids: [...all, 'bm9wZQ=='] });
    expect(many.body.data.nodes.filter((n: unknown) => n === null)).toHaveLength(1);
  });

  it('answers an error in a nested field, bubbled up to the nearest nullable parent, the same', async () => {
    const a = await sameAnswer('{ patrons { name } ministries { name events(first: -1) { totalCount } } }');
    expect(a.body.data).toBeNull();
    expect(codes(a)?.[0].code).toBe('BAD_USER_INPUT');
    expect(codes(a)?.[0].path).toEqual(['ministries', 0, 'events']);
  });

  it('answers a value a non-null enum field cannot serialize (masked, with its path) the same', async () => {
    const a = await sameAnswer('query ($slug: String) { event(slug: $slug) { slug title category } patrons { name } }', { slug: brokenSlug }, { who: 'admin' });
    expect(a.body.data).toEqual({ event: null, patrons: expect.any(Array) });
    expect(codes(a)).toEqual([{ code: 'INTERNAL_SERVER_ERROR', path: ['event', 'category'] }]);
    const list = await sameAnswer('{ events(first: 100, filter: { statuses: [SUBMITTED] }) { nodes { slug category } } }', undefined, { who: 'admin' });
    expect(list.body.data).toBeNull();
  });

  it('answers a null that wipes out a whole page the same, though graphql-jit may send more statements first', async () => {
    // graphql-js stops completing a list once an item fails; graphql-jit completes every
    // sibling (their loaders included) and trims the nulls afterwards.
    const [fromJs, fromJit] = await answers({
      query: '{ events(first: 100, filter: { statuses: [SUBMITTED, PUBLISHED] }) { nodes { slug category organizers { name } patrons { name } } } }',
    }, 'admin');
    expect(fromJit.status).toBe(fromJs.status);
    expect(fromJit.body.data).toBeNull();
    expect({ ...fromJit.body, extensions: undefined }).toEqual({ ...fromJs.body, extensions: undefined });
    expect(fromJit.body.extensions.stats.sqlStatements).toBeGreaterThanOrEqual(fromJs.body.extensions.stats.sqlStatements);
  });

  it.each([
    ['a string for an Int', 'query ($first: Int) { events(first: $first) { totalCount } }', { first: 'ten' }],
    ['a missing non-null variable', 'query ($id: ID!) { node(id: $id) { id } }', {}],
    ['an unknown enum value', 'query ($s: [EventStatus!]) { events(filter: { statuses: $s }) { totalCount } }', { s: ['SOON'] }],
    ['a bad DateTime', 'query ($from: DateTime) { events(filter: { startsFrom: $from }) { totalCount } }', { from: 'yesterday' }],
    ['an unknown input field', 'query ($f: EventFilter) { events(filter: $f) { totalCount } }', { f: { colour: 'red' } }],
    ['null for a non-null list item', 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [null] }],
  ])('answers a variable coercion error (%s) the same: 400 with the graphql-js message', async (_label, query, variables) => {
    const a = await sameAnswer(query, variables);
    expect(a.status).toBe(400);
    expect(a.body.data).toBeUndefined();
    expect(codes(a)?.[0].code).toBe('BAD_USER_INPUT');
  });

  it('answers well-typed variables (enums, DateTime, input objects) the same', async () => {
    const a = await sameAnswer(
      'query ($f: EventFilter, $o: EventOrder) { events(first: 5, filter: $f, orderBy: $o) { totalCount nodes { slug status startsAt } } }',
      { f: { statuses: ['PUBLISHED'], startsFrom: '2017-01-01T00:00:00Z', text: 'Cluster' }, o: 'START_DESC' },
    );
    expect(a.body.errors).toBeUndefined();
  });

  it('answers an @Authorized field refused to the public, and granted to an admin, the same', async () => {
    const refused = await sameAnswer('{ patrons { name } auditLog(first: 1) { nodes { action } } }');
    expect(codes(refused)).toEqual([{ code: 'FORBIDDEN', path: ['auditLog'] }]);
    const sourceUrl = await sameAnswer('{ sources { name url } }', undefined, { who: 'editor' });
    expect(codes(sourceUrl)?.[0].code).toBe('FORBIDDEN');
    const granted = await sameAnswer('{ sources { name url format } auditLog(first: 2) { nodes { action } } }', undefined, { who: 'admin' });
    expect(granted.body.errors).toBeUndefined();
  });

  it('answers mutations the same: a created ministry, a refused one and an invalid one', async () => {
    const create = 'mutation Create($input: MinistryInput!) { createMinistry(input: $input) { __typename id name(lang: DE) level shortName region { code } } }';
    const created = await sameAnswer(create, { input: { level: 'STATE', name: { de: 'Ministerium für Tests' }, shortName: 'MfT', region: 'DE1' } }, { who: 'admin' });
    expect(created.body.data.createMinistry.name).toBe('Ministerium für Tests');
    const refused = await sameAnswer(create, { input: { level: 'STATE', name: { de: 'Nicht erlaubt' } } }, { who: 'editor' });
    expect(codes(refused)?.[0].code).toBe('FORBIDDEN');
    const invalid = await sameAnswer(create, { input: { level: 'STATE', name: { de: '' }, region: 'XX9' } }, { who: 'admin' });
    expect(invalid.body.errors?.length).toBeGreaterThan(0);
  });

  it('answers introspection and __typename the same', async () => {
    const a = await sameAnswer(`{
      __typename
      __schema { queryType { name } types { name kind fields(includeDeprecated: true) { name type { name kind ofType { name kind } } } } }
      __type(name: "Organizer") { possibleTypes { name } }
      events(first: 1) { __typename nodes { __typename organizers { __typename } } }
    }`);
    expect(a.body.data.__typename).toBe('Query');
  });

  it('answers a document of two operations, run by operationName, the same', async () => {
    const doc = 'query First { patrons { name } } query Second { campaigns { slug name } }';
    expect((await sameAnswer(doc, undefined, { operationName: 'Second' })).body.data.campaigns.length).toBeGreaterThan(0);
    expect((await sameAnswer(doc, undefined, { operationName: 'First' })).body.data.patrons.length).toBeGreaterThan(0);
    expect((await sameAnswer(doc, undefined, { operationName: 'Third' })).status).toBe(400);
    expect((await sameAnswer(doc)).status).toBe(400);
  });

  it('answers aliases, fragments and @include/@skip driven by variables the same', async () => {
    const query = `query ($withOrganizers: Boolean!, $noPatrons: Boolean!) {
      first: events(first: 2) { nodes { ...EventBits } }
      later: events(first: 2, orderBy: START_DESC) { nodes { ...EventBits when: startsAt } }
    }
    fragment EventBits on Event {
      slug
      organizers @include(if: $withOrganizers) { ... on Organizer { label: name } }
      patrons @skip(if: $noPatrons) { name }
      ... @include(if: $withOrganizers) { region { code } }
    }`;
    for (const [withOrganizers, noPatrons] of [[true, false], [false, true], [true, true], [false, false]]) {
      const a = await sameAnswer(query, { withOrganizers, noPatrons });
      expect('organizers' in a.body.data.first.nodes[0]).toBe(withOrganizers);
      expect('patrons' in a.body.data.later.nodes[0]).toBe(!noPatrons);
    }
  });

  it('compiles every document above with graphql-jit: no fallback to graphql-js was logged', () => {
    expect(jit.warnings.filter((line) => line.includes('executing a document with graphql-js'))).toEqual([]);
  });
});
