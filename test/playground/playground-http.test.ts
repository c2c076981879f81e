import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { EXAMPLE_OPERATIONS } from '../../src/playground/example-operations';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { getGraphQL, rawRequest, type RawResponse } from '../server/raw-http';

/** What a browser sends when it navigates to a page. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const CAMPAIGN = '{ campaign(slug: "clusterwoche-2017") { slug startsOn } }';

interface BinaryResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET that keeps the body as bytes (compressed answers are not text). */
function getBytes(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<BinaryResponse> {
  return new Promise((resolve, reject) => {
    request(new URL(path, baseUrl), { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject).end();
  });
}

function openPlayground(path: string): Promise<RawResponse> {
  return rawRequest(server.url, { path, headers: { accept: BROWSER_ACCEPT } });
}

/** The `src`/`href` URLs of a page, resolved against where it was served. */
function referencedUrls(html: string, pagePath: string): URL[] {
  return [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => new URL(m[1], new URL(pagePath, server.url)));
}

function pageData(html: string): { options: Record<string, unknown>; examples: { name: string; query: string; variables: string }[] } {
  const json = /<script type="application\/json" id="playground-options">([\s\S]*?)<\/script>/.exec(html);
  if (!json) throw new Error('the page has no #playground-options block');
  return JSON.parse(json[1]);
}

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

describe('the playground over HTTP', () => {
  it('serves the playground at / to a browser, as HTML that is revalidated on every visit', async () => {
    const r = await openPlayground('/');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.text).toMatch(/^<!doctype html>/);
    expect(r.text).toContain('<div id="root"></div>');
  });

  it('forbids every origin but this server in its Content-Security-Policy, with no inline script', async () => {
    const r = await openPlayground('/');
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:|\*|blob:|'unsafe-eval'/);
    expect(csp.match(/script-src[^;]*/)![0]).not.toContain('unsafe-inline');
    const scripts = [...r.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      // A script either comes from a file or is a JSON data block, which browsers do not run.
      expect(/\bsrc="/.test(attributes) || /type="application\/json"/.test(attributes)).toBe(true);
      if (/\bsrc="/.test(attributes)) expect(body).toBe('');
    }
  });

  it('refers only to files of this server, by relative URLs, so it works offline and under a path prefix', async () => {
    const r = await openPlayground('/');
    const urls = referencedUrls(r.text, '/');
    expect(urls.length).toBeGreaterThanOrEqual(4);
    for (const url of urls) expect(url.origin).toBe(server.url);
    expect(r.text).not.toMatch(/\b(?:src|href)="(?:[a-z]+:|\/)/);
    expect(pageData(r.text).options.endpoint).toBe('graphql');
  });

  it('opens with every example operation as a tab, the by-category one first', async () => {
    const { examples } = pageData((await openPlayground('/')).text);
    expect(examples.map((e) => e.name)).toEqual(EXAMPLE_OPERATIONS.map((op) => op.name));
    expect(examples[0].name).toBe('EventsByCategory');
    for (const [i, example] of examples.entries()) {
      expect(example.query).toBe(EXAMPLE_OPERATIONS[i].query);
      expect(JSON.parse(example.variables)).toEqual(EXAMPLE_OPERATIONS[i].variables);
    }
  });

  it('serves the same playground at GET /graphql to a browser', async () => {
    const atRoot = await openPlayground('/');
    const r = await openPlayground('/graphql');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers.vary).toMatch(/accept/i);
    expect(r.text).toBe(atRoot.text);
  });

  it('keeps GET /graphql?query=… a GraphQL request even when the client accepts HTML', async () => {
    const r = await getGraphQL(server.url, { query: CAMPAIGN }, { accept: BROWSER_ACCEPT });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.json.data).toEqual({ campaign: { slug: 'clusterwoche-2017', startsOn: '2017-04-20' } });
  });

  it('answers GET /graphql from a client that does not accept HTML as GraphQL, not with the page', async () => {
    const variants: Record<string, string>[] = [{}, { accept: 'application/json' }, { accept: 'application/graphql-response+json' }];
    for (const headers of variants) {
      const r = await rawRequest(server.url, { path: '/graphql', headers });
      expect(r.headers['content-type']).not.toMatch(/html/);
      expect(r.json.errors[0].extensions.code).toBe('BAD_REQUEST');
    }
  });

  it('keeps answering / in plain text to clients that do not ask for HTML', async () => {
    const r = await rawRequest(server.url, { path: '/' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/plain/);
    expect(r.text).toContain('/graphql');
  });

  it('leaves POST /graphql with an HTML Accept header to GraphQL', async () => {
    const r = await rawRequest(server.url, {
      method: 'POST', path: '/graphql', headers: { accept: BROWSER_ACCEPT, 'content-type': 'application/json' }, body: JSON.stringify({ query: CAMPAIGN }),
    });
    expect(r.status).toBe(200);
    expect(r.json.data.campaign.slug).toBe('clusterwoche-2017');
  });

  it('answers HEAD / from a browser with the page headers and no body', async () => {
    const r = await rawRequest(server.url, { method: 'HEAD', path: '/', headers: { accept: BROWSER_ACCEPT } });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.text).toBe('');
  });
});

describe('the playground assets', () => {
  let base: URL;

  beforeAll(async () => {
    const css = referencedUrls((await openPlayground('/')).text, '/').find((u) => u.pathname.endsWith('/graphiql.css'))!;
    base = new URL('./', css);
  });

  it.each([
    ['graphiql.js', /^text\/javascript/],
    ['graphiql.css', /^text\/css/],
    ['playground.js', /^text\/javascript/],
    ['editor.worker.js', /^text\/javascript/],
    ['json.worker.js', /^text\/javascript/],
    ['graphql.worker.js', /^text\/javascript/],
    ['favicon.ico', /^image\//],
  ])('serves %s from memory with its content type and immutable caching', async (file, type) => {
    const r = await getBytes(server.url, new URL(file, base).pathname);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(type);
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    expect(r.body.length).toBeGreaterThan(100);
  });

  it('holds GraphiQL itself, with no reference to a CDN', async () => {
    const js = (await getBytes(server.url, new URL('graphiql.js', base).pathname)).body.toString('utf8');
    expect(js).toContain('renderYogaGraphiQL');
    expect(js).not.toMatch(/unpkg\.com|jsdelivr\.net|cdnjs|embeddable-sandbox|apollo-server-landing-page/);
    const css = (await getBytes(server.url, new URL('graphiql.css', base).pathname)).body.toString('utf8');
    expect(css).not.toMatch(/url\(\s*["']?(https?:)?\/\//);
    expect(css).not.toMatch(/@import/);
  });

  it('sends gzip to a browser that accepts it, the same bytes once unpacked', async () => {
    const path = new URL('graphiql.js', base).pathname;
    const plain = await getBytes(server.url, path);
    const packed = await getBytes(server.url, path, { 'accept-encoding': 'gzip, deflate, br' });
    expect(packed.status).toBe(200);
    expect(packed.headers['content-encoding']).toBe('gzip');
    expect(packed.headers.vary).toMatch(/accept-encoding/i);
    expect(packed.body.length).toBeLessThan(plain.body.length / 2);
    expect(gunzipSync(packed.body).equals(plain.body)).toBe(true);
  });

  it('answers a file of another playground version, or an unknown file, with 404', async () => {
    expect((await getBytes(server.url, '/playground/0000000000000000/graphiql.js')).status).toBe(404);
    expect((await getBytes(server.url, new URL('nothing.js', base).pathname)).status).toBe(404);
    expect((await getBytes(server.url, '/playground/')).status).toBe(404);
  });
});
