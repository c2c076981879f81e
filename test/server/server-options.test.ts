import { startTestServer, type TestServer } from '../helpers/test-server';
import { getGraphQL, postGraphQL, rawRequest } from './raw-http';

const ALLOWED = 'https://cluster.example.org';
const ALSO_ALLOWED = 'http://localhost:5173';
const CAMPAIGN = '{ campaign(slug: "clusterwoche-2017") { slug } }';

describe('a server with EXPOSE_QUERY_STATS=false and CORS_ORIGINS set', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      env: { EXPOSE_QUERY_STATS: 'false', CORS_ORIGINS: `${ALLOWED}, ${ALSO_ALLOWED}` },
    });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('adds no extensions.stats to a successful response', async () => {
    const r = await postGraphQL(server.url, { query: CAMPAIGN });
    expect(r.status).toBe(200);
    expect(r.json.data).toEqual({ campaign: { slug: 'clusterwoche-2017' } });
    expect(r.json.extensions?.stats).toBeUndefined();
    expect(r.text).not.toContain('sqlStatements');
  });

  it('adds no extensions.stats to an error response or a GET either', async () => {
    const parse = await postGraphQL(server.url, { query: '{ campaign(' });
    expect(parse.status).toBe(400);
    expect(parse.text).not.toContain('sqlStatements');
    const get = await getGraphQL(server.url, { query: CAMPAIGN });
    expect(get.status).toBe(200);
    expect(get.text).not.toContain('sqlStatements');
  });

  it('answers a request from an allowed Origin with Access-Control-Allow-Origin naming that origin', async () => {
    const r = await postGraphQL(server.url, { query: CAMPAIGN }, { origin: ALLOWED });
    expect(r.status).toBe(200);
    expect(r.headers['access-control-allow-origin']).toBe(ALLOWED);
    const other = await getGraphQL(server.url, { query: CAMPAIGN }, { origin: ALSO_ALLOWED });
    expect(other.headers['access-control-allow-origin']).toBe(ALSO_ALLOWED);
  });

  it('sends no Access-Control-Allow-Origin to an origin that is not listed', async () => {
    const r = await postGraphQL(server.url, { query: CAMPAIGN }, { origin: 'https://evil.example.com' });
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends no Access-Control-Allow-Origin to a request without an Origin', async () => {
    const r = await postGraphQL(server.url, { query: CAMPAIGN });
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a preflight from an allowed Origin with the methods and headers a client needs', async () => {
    const r = await rawRequest(server.url, {
      method: 'OPTIONS',
      path: '/graphql',
      headers: {
        origin: ALLOWED,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });
    expect(r.status).toBeGreaterThanOrEqual(200);
    expect(r.status).toBeLessThan(300);
    expect(r.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(String(r.headers['access-control-allow-methods'])).toMatch(/POST/);
    expect(String(r.headers['access-control-allow-headers']).toLowerCase()).toMatch(/content-type/);
    expect(String(r.headers['access-control-allow-headers']).toLowerCase()).toMatch(/authorization/);
  });
});
