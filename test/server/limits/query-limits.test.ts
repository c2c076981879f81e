import { getIntrospectionQuery, Lexer, Source, TokenKind } from 'graphql';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { gql, type GqlResponse } from '../../helpers/gql';
import { authHeaders, createKey } from '../../helpers/api-keys';
import { Role } from '../../../src/shared/viewer';

// Server with small limits, so each boundary is reachable with the demo data.
const LIMITS = { COST_LIMIT: '3301', MAX_ALIASES: '5', MAX_TOKENS: '400' };

let small: TestServer;
let defaults: TestServer;
let closed: TestServer;
beforeAll(async () => {
  [small, defaults, closed] = await Promise.all([
    startTestServer({ env: LIMITS }),
    startTestServer({ demo: false }),
    startTestServer({ demo: false, env: { INTROSPECTION: 'false' } }),
  ]);
});
afterAll(async () => {
  await Promise.all([small?.close(), defaults?.close(), closed?.close()]);
});

/** The request was refused before execution: 400, one QUERY_TOO_COMPLEX error, no data, no SQL. */
function expectRefused(r: GqlResponse, keyLookups = 0): void {
  expect(r.status).toBe(400);
  expect(r.body.data).toBeUndefined();
  expect(r.body.errors).toHaveLength(1);
  expect(r.body.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  expect(r.body.extensions?.stats?.sqlStatements).toBe(keyLookups); // EXPOSE_QUERY_STATS is on in tests
}

function expectAnswered(r: GqlResponse): void {
  expect(r.body.errors).toBeUndefined();
  expect(r.status).toBe(200);
}

/** `{ region(code: "DE1") { parent { … { code } } } }`, `depth` fields deep. */
function regionChain(depth: number): string {
  const parents = depth - 2;
  return `{ region(code: "DE1") { ${'parent { '.repeat(parents)}code${' }'.repeat(parents)} } }`;
}

function tokens(query: string): number {
  const lexer = new Lexer(new Source(query));
  let n = 0;
  while (lexer.advance().kind !== TokenKind.EOF) n += 1;
  return n;
}

describe('depth limit (12 by default, fragments expanded)', () => {
  it('answers 12 levels and refuses 13 before anything runs', async () => {
    expectAnswered(await gql(defaults.url, regionChain(12)));
    const r = await gql(defaults.url, regionChain(13));
    expectRefused(r);
    expect(r.body.errors?.[0].message).toMatch(/depth limit of 12 exceeded, found 13/);
  });

  it('counts the fields inside fragments, not the fragments', async () => {
    // region(1) parent×3 (4) + fragment parent×7 (11) + code (12)
    const fragment = (parents: number) => `fragment Up on Region { ${'parent { '.repeat(parents)}code${' }'.repeat(parents)} }`;
    const query = (parents: number) => `{ region(code: "DE1") { parent { parent { parent { ...Up } } } } } ${fragment(parents)}`;
    expectAnswered(await gql(defaults.url, query(7)));
    expectRefused(await gql(defaults.url, query(8)));
    // the same through an inline fragment
    expectRefused(await gql(defaults.url, `{ region(code: "DE1") { ... on Region { ${'parent { '.repeat(11)}code${' }'.repeat(11)} } } }`));
  });

  it('refuses a too deep mutation without writing anything', async () => {
    const admin = authHeaders(await createKey(small.db, Role.ADMIN));
    const deep = (parents: number) => `mutation { createPatron(input: { name: "Tiefe Patronin" }) { ministry { region { ${'parent { '.repeat(parents)}code${' }'.repeat(parents)} } } } }`;
    expectRefused(await gql(small.url, deep(9), undefined, admin), 1); // the key's lookup, nothing else
    const after = await gql(small.url, '{ patrons { name } }');
    expect(after.body.data.patrons.map((p: { name: string }) => p.name)).not.toContain('Tiefe Patronin');
    // one level less is written (the check is not refusing every mutation)
    const ok = await gql(small.url, deep(8), undefined, admin);
    expectAnswered(ok);
    expect(ok.body.data.createPatron.ministry).toBeNull();
  });
});

describe('cost limit', () => {
  // events(first: n) { nodes { id } } = 1 + n × (1 + 1 × 1) = 1 + 2n
  // eventsByCategory(eventsPerCategory: k) { category events { id } } = 1 + 11k × (1 + (1 + 1)) = 1 + 33k
  const PAGE = 'query Page($n: Int) { events(first: $n) { nodes { id } } }';
  const GROUPS = 'query Groups($k: Int) { eventsByCategory(eventsPerCategory: $k) { category events { id } } }';

  it('weighs a list by its first, taken from the variables', async () => {
    expectAnswered(await gql(small.url, PAGE, { n: 100 })); // 201
    expectAnswered(await gql(small.url, GROUPS, { k: 100 })); // 3301, the limit
    const r = await gql(small.url, GROUPS, { k: 101 }); // 3334
    expectRefused(r);
    expect(r.body.errors?.[0].extensions).toMatchObject({ cost: 3334, limit: 3301 });
  });

  it('counts a list without first as 10, and first left out as its default (20)', async () => {
    // ministries (10) { patrons (10) { campaigns (10) { patrons (10) { name } } } }
    // = 1 + 10 × (1 + 10 × (1 + 10 × (1 + 10 × 1))) = 11,111
    const q = '{ ministries { patrons { campaigns { patrons { name } } } } }';
    expect((await gql(small.url, q)).body.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: 11_111 });
    // events (first: 20 by default) { nodes { id } } = 1 + 20 × 2 = 41, plus 1 + 33k for the groups
    const both = (k: number) => `{ events { nodes { id } } eventsByCategory(eventsPerCategory: ${k}) { category events { id } } }`;
    expectAnswered(await gql(small.url, both(98))); // 41 + 3235 = 3276
    expect((await gql(small.url, both(99))).body.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: 3309 });
    const r = await gql(defaults.url, q);
    expectAnswered(r);
  });

  it('refuses above 50,000 by default', async () => {
    // 1 + 100 × (1 + 1 × (1 + 10 × (1 + 100 × (1 + 1 × 1)))) = 201,201
    const r = await gql(defaults.url, '{ events(first: 100) { nodes { organizers { events(first: 100) { nodes { id } } } } } }');
    expectRefused(r);
    expect(r.body.errors?.[0].extensions).toMatchObject({ cost: 201_201, limit: 50_000 });
    // 1 + 24 × (1 + 1 × (1 + 10 × (1 + 100 × 2))) = 48,289
    expectAnswered(await gql(defaults.url, '{ events(first: 24) { nodes { organizers { events(first: 100) { nodes { id } } } } } }'));
    // 1 + 25 × 2012 = 50,301
    expectRefused(await gql(defaults.url, '{ events(first: 25) { nodes { organizers { events(first: 100) { nodes { id } } } } } }'));
  });

  it('leaves bad variables to execution (BAD_USER_INPUT, not a limit)', async () => {
    const r = await gql(small.url, PAGE, { n: 'many' });
    expect(r.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('alias limit', () => {
  const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `r${i}: region(code: "DE1") { code }`).join(' ')} }`;

  it('answers 5 aliases and refuses 6', async () => {
    expectAnswered(await gql(small.url, aliases(5)));
    const r = await gql(small.url, aliases(6));
    expectRefused(r);
    expect(r.body.errors?.[0].message).toMatch(/Aliases limit of 5 exceeded/);
  });
});

describe('token limit', () => {
  const query = (codes: number) => `{ region(code: "DE1") { ${'code '.repeat(codes)}} }`;

  it('parses 400 tokens and stops at 401', async () => {
    const base = tokens(query(0));
    const atLimit = query(400 - base);
    expect(tokens(atLimit)).toBe(400);
    expectAnswered(await gql(small.url, atLimit));
    const r = await gql(small.url, query(401 - base));
    expect(r.body.errors?.[0].message).toMatch(/more tha[nt] 400 tokens/);
    expectRefused(r);
  });
});

describe('introspection', () => {
  // GraphiQL sends getIntrospectionQuery with these options: deep (ofType chains) and big.
  const FULL = getIntrospectionQuery({
    descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true,
  });

  it("passes GraphiQL's query under every limit", async () => {
    for (const server of [small, defaults]) {
      const r = await gql(server.url, FULL, undefined, {}, 'IntrospectionQuery');
      expectAnswered(r);
      expect(r.body.data.__schema.queryType.name).toBe('Query');
    }
    expectAnswered(await gql(small.url, getIntrospectionQuery()));
  });

  it('is exempt only when the operation asks for nothing else', async () => {
    const r = await gql(defaults.url, `{ __schema { queryType { name } } ${regionChain(13).slice(1)}`);
    expectRefused(r);
  });

  it('can be turned off (INTROSPECTION=false)', async () => {
    const r = await gql(closed.url, FULL);
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expectAnswered(await gql(closed.url, '{ regions { code } }'));
  });
});
