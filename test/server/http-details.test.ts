import { startTestServer, type TestServer } from '../helpers/test-server';
import { rawRequest } from './raw-http';

const ORIGIN = 'https://partner.example.org';
const CAMPAIGNS = JSON.stringify({ query: '{ campaigns { slug } }' });

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { CORS_ORIGINS: ORIGIN, RATE_LIMIT_PUBLIC_PER_MIN: '100000' } });
});
afterAll(async () => {
  await server?.close();
});

const post = (contentType: string, body = CAMPAIGNS) =>
  rawRequest(server.url, { method: 'POST', path: '/graphql', headers: { 'content-type': contentType }, body });

describe('media types are parsed, not searched for', () => {
  it.each(['Application/JSON', 'APPLICATION/json; Charset=UTF-8', 'application/json;charset="utf-8"'])(
    'reads a POST body sent as %s as JSON', async (type) => {
      const r = await post(type);
      expect(r.status).toBe(200);
      expect(r.json.data.campaigns.length).toBeGreaterThan(0);
    });

  it.each(['text/plain; x=application/json', 'text/plain; profile="application/json"', 'application/jsonx', 'application/json/x'])(
    'does not take a body sent as %s for JSON', async (type) => {
      const r = await post(type);
      expect(r.status).toBe(400);
      expect(r.json.errors[0].extensions.code).toBe('BAD_REQUEST');
    });

  it('opens the playground for an Accept header naming text/html in any case, not for one that mentions it in a parameter', async () => {
    const page = await rawRequest(server.url, { path: '/', headers: { accept: 'TEXT/HTML,application/xhtml+xml;q=0.9,*/*;q=0.8' } });
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    for (const accept of ['text/plain; x=text/html', 'application/json;q="text/html"', 'text/html;q=0', '*/*']) {
      const r = await rawRequest(server.url, { path: '/', headers: { accept } });
      expect([accept, r.headers['content-type']]).toEqual([accept, 'text/plain; charset=utf-8']);
    }
  });
});

describe('GET / for a client that is not a browser', () => {
  it('lists every route a client may use', async () => {
    const r = await rawRequest(server.url, { path: '/', headers: { accept: '*/*' } });
    expect(r.status).toBe(200);
    for (const route of ['POST /graphql', 'GET  /graphql?query=', '/feeds/events.ics', '/exports/events.csv', '/exports/events.xlsx',
      '/stats', '/metrics', '/healthz', '/readyz', 'text/html']) {
      expect(r.text).toContain(route);
    }
    expect(r.headers.vary).toBe('accept');
  });
});

describe('CORS', () => {
  it('lets a browser script read X-Request-Id, Retry-After, ETag and an export\'s file name', async () => {
    const r = await post('application/json');
    const preflight = await rawRequest(server.url, {
      method: 'OPTIONS', path: '/graphql',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, if-none-match' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toContain('if-none-match');
    const feed = await rawRequest(server.url, { path: '/feeds/events.ics', headers: { origin: ORIGIN } });
    expect(feed.status).toBe(200);
    const exposed = String(feed.headers['access-control-expose-headers']).split(/\s*,\s*/);
    expect(exposed).toEqual(expect.arrayContaining(['x-request-id', 'retry-after', 'etag', 'content-disposition']));
    expect(feed.headers.vary).toContain('origin');
    expect(r.status).toBe(200);
  });
});

describe('error messages quote a short prefix of a huge input', () => {
  const huge = 'Z'.repeat(100_000);

  it('cuts an unknown region code of 100 KB to its first 40 characters and "…"', async () => {
    const body = JSON.stringify({ query: 'query($r: String) { events(filter: { region: $r }) { totalCount } }', variables: { r: huge } });
    const r = await post('application/json', body);
    const error = r.json.errors[0];
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.region' });
    expect(error.message).toContain(`"${'Z'.repeat(40)}…"`);
    expect(error.message.length).toBeLessThan(200);
    expect(r.text.length).toBeLessThan(1_000);
  });

  it('cuts an unknown campaign of 900 characters in a feed parameter the same way', async () => {
    const r = await rawRequest(server.url, { path: `/feeds/events.ics?campaign=${'y'.repeat(900)}` });
    expect(r.status).toBe(400);
    expect(r.text).toBe(`Unknown campaign "${'y'.repeat(40)}…".\n`);
  });
});
