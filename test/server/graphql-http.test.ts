import { Agent } from 'node:http';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { getGraphQL, postGraphQL, rawRequest, type RawResponse } from './raw-http';

const CAMPAIGN = '{ campaign(slug: "clusterwoche-2017") { slug startsOn } }';
const CAMPAIGN_DATA = { campaign: { slug: 'clusterwoche-2017', startsOn: '2017-04-20' } };

/** Fails when an error response leaks internals: stack traces or SQL. */
function expectNoInternals(r: RawResponse): void {
  expect(r.text).not.toMatch(/stacktrace/i);
  expect(r.text).not.toMatch(/\bSELECT\b/i);
  expect(r.text).not.toMatch(/\bFROM\s+"?[a-z_]+"?\s/);
  expect(r.text).not.toMatch(/\s+at\s+\S+\s+\(?\/.*:\d+:\d+\)?/);
}

describe('GraphQL over HTTP', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    // A refused upload may still pin a connection (see the keep-alive test); do not let it hold up teardown.
    server?.gateway.server.closeAllConnections();
    await server?.close();
  });

  describe('POST', () => {
    it('answers a query sent as application/json with 200, JSON and the data', async () => {
      const r = await postGraphQL(server.url, { query: CAMPAIGN });
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toMatch(/^application\/json/);
      expect(r.json.data).toEqual(CAMPAIGN_DATA);
      expect(r.json.errors).toBeUndefined();
    });

    it('answers in application/graphql-response+json when the client asks for it', async () => {
      const r = await postGraphQL(server.url, { query: CAMPAIGN }, { accept: 'application/graphql-response+json' });
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toMatch(/^application\/graphql-response\+json/);
      expect(r.json.data).toEqual(CAMPAIGN_DATA);
    });

    it('passes variables and picks the operation named by operationName', async () => {
      const r = await postGraphQL(server.url, {
        query: 'query A { patrons { name } } query B($slug: String!) { campaign(slug: $slug) { slug startsOn } }',
        operationName: 'B',
        variables: { slug: 'clusterwoche-2017' },
      });
      expect(r.status).toBe(200);
      expect(r.json.data).toEqual(CAMPAIGN_DATA);
    });

    it('adds extensions.stats with the SQL statement count and the duration when EXPOSE_QUERY_STATS is on', async () => {
      const r = await postGraphQL(server.url, { query: CAMPAIGN });
      expect(r.json.extensions.stats).toEqual({ sqlStatements: expect.any(Number), durationMs: expect.any(Number) });
      expect(r.json.extensions.stats.sqlStatements).toBeGreaterThan(0);
      expect(r.json.extensions.stats.durationMs).toBeGreaterThanOrEqual(0);
    });
  });

  describe('GET', () => {
    it('answers GET /graphql?query=… without any extra header', async () => {
      const r = await getGraphQL(server.url, { query: CAMPAIGN });
      expect(r.status).toBe(200);
      expect(r.json.data).toEqual(CAMPAIGN_DATA);
      expect(r.json.errors).toBeUndefined();
    });

    it('takes variables as JSON in the query string', async () => {
      const r = await getGraphQL(server.url, {
        query: 'query ($slug: String!) { campaign(slug: $slug) { slug startsOn } }',
        variables: JSON.stringify({ slug: 'clusterwoche-2017' }),
      });
      expect(r.status).toBe(200);
      expect(r.json.data).toEqual(CAMPAIGN_DATA);
    });

    it('picks the operation named by operationName in the query string', async () => {
      const r = await getGraphQL(server.url, {
        query: 'query A { patrons { name } } query B { campaign(slug: "clusterwoche-2017") { slug startsOn } }',
        operationName: 'B',
      });
      expect(r.status).toBe(200);
      expect(r.json.data).toEqual(CAMPAIGN_DATA);
    });

    it('refuses variables that are not JSON with 400 BAD_REQUEST', async () => {
      const r = await getGraphQL(server.url, { query: 'query ($slug: String!) { campaign(slug: $slug) { slug } }', variables: '{not json' });
      expect(r.status).toBe(400);
      expect(r.json.errors[0].extensions.code).toBe('BAD_REQUEST');
    });

    it('refuses a mutation over GET with 405 and runs nothing', async () => {
      const r = await getGraphQL(server.url, { query: 'mutation { cancelEvent(id: "RXZlbnQ6MQ") { id } }' });
      expect(r.status).toBe(405);
      expect(r.json.data).toBeUndefined();
      expect(r.json.errors).toHaveLength(1);
    });
  });

  describe('requests that fail before execution', () => {
    it('answers a syntax error with 400 GRAPHQL_PARSE_FAILED', async () => {
      const r = await postGraphQL(server.url, { query: '{ campaigns { slug ' });
      expect(r.status).toBe(400);
      expect(r.json.data).toBeUndefined();
      expect(r.json.errors).toHaveLength(1);
      expect(r.json.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
      expectNoInternals(r);
    });

    it('answers an unknown field with 400 GRAPHQL_VALIDATION_FAILED', async () => {
      const r = await postGraphQL(server.url, { query: '{ campaigns { slug noSuchField } }' });
      expect(r.status).toBe(400);
      expect(r.json.data).toBeUndefined();
      expect(r.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expectNoInternals(r);
    });

    it('answers the same way over GET', async () => {
      const parse = await getGraphQL(server.url, { query: '{ campaigns { ' });
      expect(parse.status).toBe(400);
      expect(parse.json.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
      const validation = await getGraphQL(server.url, { query: '{ nope }' });
      expect(validation.status).toBe(400);
      expect(validation.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('refuses a batched array of operations with a 4xx and runs none of them', async () => {
      const r = await postGraphQL(server.url, [{ query: CAMPAIGN }, { query: '{ patrons { name } }' }]);
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(Array.isArray(r.json)).toBe(false);
      expect(r.json.data).toBeUndefined();
      expect(r.json.errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(r.text).not.toContain('clusterwoche-2017');
    });

    it('refuses a body that is not valid JSON with 400 BAD_REQUEST', async () => {
      const r = await postGraphQL(server.url, '{"query": "{ campaigns { slug } }"');
      expect(r.status).toBe(400);
      expect(r.json.errors).toHaveLength(1);
      expect(r.json.errors[0].extensions.code).toBe('BAD_REQUEST');
      expectNoInternals(r);
    });

    it('refuses a body without a query with 400 BAD_REQUEST', async () => {
      const r = await postGraphQL(server.url, { variables: {} });
      expect(r.status).toBe(400);
      expect(r.json.errors[0].extensions.code).toBe('BAD_REQUEST');
    });

    it('refuses a body over 1 MB with 413', async () => {
      const body = JSON.stringify({ query: CAMPAIGN, variables: { padding: 'x'.repeat(1_100_000) } });
      const r = await postGraphQL(server.url, body);
      expect(r.status).toBe(413);
      expect(r.text).not.toContain('clusterwoche-2017');
    });

    it('serves the next request on the same keep-alive connection after refusing a body over 1 MB', async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const big = JSON.stringify({ query: CAMPAIGN, variables: { padding: 'x'.repeat(2_000_000) } });
        const refused = await rawRequest(server.url, {
          method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: big, agent,
        });
        expect(refused.status).toBe(413);
        const next = await rawRequest(server.url, {
          method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: CAMPAIGN }), agent, timeoutMs: 5_000,
        });
        expect(next.status).toBe(200);
        expect(next.json.data).toEqual(CAMPAIGN_DATA);
      } finally {
        agent.destroy();
      }
    });

    it('accepts a body just under 1 MB', async () => {
      const body = JSON.stringify({ query: CAMPAIGN, variables: { padding: 'x'.repeat(900_000) } });
      const r = await postGraphQL(server.url, body);
      expect(r.status).toBe(200);
      expect(r.json.data).toEqual(CAMPAIGN_DATA);
    });
  });

  describe('authentication', () => {
    it('refuses an unknown bearer key with 401 and exactly one UNAUTHENTICATED error, before anything runs', async () => {
      const r = await postGraphQL(server.url, { query: CAMPAIGN }, { authorization: 'Bearer not-a-key-of-ours' });
      expect(r.status).toBe(401);
      expect(r.json.data).toBeUndefined();
      expect(r.json.errors).toHaveLength(1);
      expect(r.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expectNoInternals(r);
    });

    it('refuses an unknown bearer key over GET the same way, never falling back to public', async () => {
      const r = await getGraphQL(server.url, { query: CAMPAIGN }, { authorization: 'Bearer cg_0000000000000000' });
      expect(r.status).toBe(401);
      expect(r.json.errors).toHaveLength(1);
      expect(r.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(r.text).not.toContain('clusterwoche-2017');
    });
  });

  describe('errors', () => {
    it('keeps stack traces and SQL out of every error response', async () => {
      const responses = await Promise.all([
        postGraphQL(server.url, { query: '{ campaigns { slug ' }),
        postGraphQL(server.url, { query: '{ nope }' }),
        postGraphQL(server.url, { query: '{ initiatives(first: 1000) { totalCount } }' }),
        postGraphQL(server.url, { query: '{ initiatives(after: "bm9wZQ") { totalCount } }' }),
        postGraphQL(server.url, { query: '{ networks(region: "not a region") { totalCount } }' }),
        postGraphQL(server.url, { query: '{ events(first: -5) { totalCount } }' }),
        postGraphQL(server.url, { query: 'query ($s: String!) { event(slug: $s) { id } }', variables: { s: 'a\u0000b' } }),
        postGraphQL(server.url, { query: '{ campaign(slug: 1) { id } }' }),
        postGraphQL(server.url, { query: CAMPAIGN }, { authorization: 'Bearer x' }),
        postGraphQL(server.url, '[{"query":"{ patrons { name } }"}]'),
        postGraphQL(server.url, '{ broken json'),
      ]);
      for (const r of responses) {
        expect(r.status).toBeLessThan(500);
        expectNoInternals(r);
      }
      for (const r of responses) {
        for (const e of r.json?.errors ?? []) expect(typeof e.extensions?.code).toBe('string');
      }
      // Every request above but the NUL-byte one is an error by design.
      expect(responses.filter((r) => r.json?.errors?.length).length).toBeGreaterThanOrEqual(responses.length - 1);
    });

    it('answers an argument out of range with 200, BAD_USER_INPUT and the field at fault', async () => {
      const r = await postGraphQL(server.url, { query: '{ initiatives(first: 1000) { totalCount } }' });
      expect(r.status).toBe(200);
      expect(r.json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    });

    it.each([
      ['event(slug)', 'query ($s: String!) { result: event(slug: $s) { id } }'],
      ['campaign(slug)', 'query ($s: String!) { result: campaign(slug: $s) { id } }'],
      ['region(code)', 'query ($s: String!) { result: region(code: $s) { code } }'],
    ])('answers a NUL byte in the string argument of %s with null, like any unknown value, not an internal error', async (_field, query) => {
      const r = await postGraphQL(server.url, { query, variables: { s: 'a\u0000b' } });
      expect(r.status).toBe(200);
      expectNoInternals(r);
      expect(r.json.errors).toBeUndefined();
      expect(r.json.data).toEqual({ result: null });
    });

    it('answers a NUL byte in a campaign filter with BAD_USER_INPUT, like any unknown campaign, not an internal error', async () => {
      const query = 'query ($s: String!) { events(filter: { campaign: $s }) { totalCount } }';
      const unknown = await postGraphQL(server.url, { query, variables: { s: 'no-such-campaign' } });
      const nul = await postGraphQL(server.url, { query, variables: { s: 'a\u0000b' } });
      expectNoInternals(nul);
      expect(nul.status).toBe(unknown.status);
      expect(nul.json.errors?.[0].extensions?.code).toBe(unknown.json.errors?.[0].extensions?.code ?? 'NO_ERROR');
      expect(nul.json.errors?.[0].extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    });
  });

  describe('other routes', () => {
    it('answers /healthz with 200', async () => {
      const r = await rawRequest(server.url, { path: '/healthz' });
      expect(r.status).toBe(200);
      expect(r.json).toEqual({ status: 'ok' });
    });

    it('answers /readyz with 200 and JSON once the database is migrated', async () => {
      const r = await rawRequest(server.url, { path: '/readyz' });
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toMatch(/^application\/json/);
      expect(r.json).toEqual(expect.objectContaining({ status: expect.any(String) }));
      expect(r.json.status).toBe('ready');
    });

    it('answers an unknown route with 404', async () => {
      const r = await rawRequest(server.url, { path: '/no/such/route' });
      expect(r.status).toBe(404);
      const post = await rawRequest(server.url, { method: 'POST', path: '/graphq', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(post.status).toBe(404);
    });

    it('sends no CORS header when CORS_ORIGINS is not set', async () => {
      const r = await postGraphQL(server.url, { query: CAMPAIGN }, { origin: 'https://example.org' });
      expect(r.status).toBe(200);
      expect(r.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
