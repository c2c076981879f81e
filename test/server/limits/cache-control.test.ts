import { buildSchema, parse } from 'graphql';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { authHeaders, createKey } from '../../helpers/api-keys';
import { Role } from '../../../src/shared/viewer';
import { documentCachePolicy } from '../../../src/server/cache/cache-policy';

const ACCEPT = { accept: 'application/graphql-response+json, application/json' };

let server: TestServer;
let noCache: TestServer;
beforeAll(async () => {
  [server, noCache] = await Promise.all([startTestServer(), startTestServer({ demo: false, env: { CACHE_MAX_AGE: '0' } })]);
});
afterAll(async () => {
  await Promise.all([server?.close(), noCache?.close()]);
});

const get = (base: string, query: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/graphql?${new URLSearchParams({ query })}`, { headers: { ...ACCEPT, ...headers } });

describe('Cache-Control of GraphQL responses', () => {
  it('lets anyone store a public GET query that answered without errors', async () => {
    const res = await get(server.url, '{ campaigns { slug } }');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const vary = res.headers.get('vary') ?? '';
    for (const header of ['accept', 'accept-language', 'authorization']) expect(vary).toContain(header);
  });

  it("takes the schema's hints: regions (reference data) an hour, alone; with events the smaller default", async () => {
    const regions = await get(server.url, '{ regions { code name parent { code } } region(code: "DE1") { name } }');
    expect(regions.status).toBe(200);
    expect(regions.headers.get('cache-control')).toBe('public, max-age=3600');
    const mixed = await get(server.url, '{ regions { code } events(first: 1) { nodes { title region { code } } } }');
    expect(mixed.status).toBe(200);
    expect(mixed.headers.get('cache-control')).toBe('public, max-age=60');
  });

  it('keeps CORS in Vary', async () => {
    const cors = await startTestServer({ demo: false, env: { CORS_ORIGINS: 'https://example.org' } });
    try {
      const res = await get(cors.url, '{ regions { code } }', { origin: 'https://example.org' });
      expect(res.headers.get('vary')).toMatch(/origin.*accept-language/);
    } finally {
      await cors.close();
    }
  });

  it('is private for a keyed GET', async () => {
    const partner = authHeaders(await createKey(server.db, Role.PARTNER));
    const res = await get(server.url, '{ regions { code } }', partner);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
  });

  it('is no-store for POST, for errors and for a failed validation', async () => {
    const post = await fetch(`${server.url}/graphql`, {
      method: 'POST', headers: { ...ACCEPT, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ regions { code } }' }),
    });
    expect(post.status).toBe(200);
    expect(post.headers.get('cache-control')).toBe('no-store');
    const failing = await get(server.url, '{ events(first: 101) { totalCount } }');
    expect(((await failing.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(failing.headers.get('cache-control')).toBe('no-store');
    const invalid = await get(server.url, '{ nothingHere }');
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('cache-control')).toBe('no-store');
  });

  it('is no-store everywhere with CACHE_MAX_AGE=0', async () => {
    const res = await get(noCache.url, '{ regions { code } }');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('documentCachePolicy (the hints, read from the schema)', () => {
  const schema = buildSchema(`
    enum CacheControlScope { PUBLIC PRIVATE }
    directive @cacheControl(maxAge: Int, scope: CacheControlScope) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
    type Query { news: [Item!]! archive: [Item!]! @cacheControl(maxAge: 3600) me: User version: String }
    type Item @cacheControl(maxAge: 600) { title: String! author: User hot: String @cacheControl(maxAge: 5) }
    type User @cacheControl(scope: PRIVATE) { name: String }
  `);
  const policy = (query: string) => documentCachePolicy(schema, parse(query), 60);

  it('takes the default for root and object fields without hints, and lets scalars inherit', () => {
    expect(policy('{ version }')).toEqual({ maxAge: 60, scope: 'PUBLIC' });
    expect(policy('{ version me { name } }')).toEqual({ maxAge: 60, scope: 'PRIVATE' }); // User has a scope, no maxAge
  });

  it("takes a field's hint over its type's, and the smallest of all", () => {
    expect(policy('{ news { title } }')).toEqual({ maxAge: 600, scope: 'PUBLIC' }); // no field hint: Item's
    expect(policy('{ archive { title } }')).toEqual({ maxAge: 3600, scope: 'PUBLIC' }); // the field's over Item's
    expect(policy('{ archive { title } news { title } }')).toEqual({ maxAge: 600, scope: 'PUBLIC' });
    expect(policy('{ archive { title hot } }')).toEqual({ maxAge: 5, scope: 'PUBLIC' });
  });

  it('is PRIVATE when any field is', () => {
    expect(policy('{ archive { author { name } } }').scope).toBe('PRIVATE');
  });
});
