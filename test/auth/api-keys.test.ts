import { createHash } from 'node:crypto';
import { Role } from '../../src/shared/viewer';
import { revokeApiKey } from '../../src/auth/api-key.service';
import type { Database } from '../../src/db/database';
import { toGlobalId } from '../../src/shared/global-id';
import { authHeaders, createKey } from '../helpers/api-keys';
import { gql, gqlData } from '../helpers/gql';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { getGraphQL, postGraphQL, type RawResponse } from '../server/raw-http';
import { buildCli, runCli, type CliResult } from '../cli/cli';

/** Succeeds for moderators and admins only: the public and partners get FORBIDDEN. */
const SUBMITTED = '{ events(filter: { statuses: [SUBMITTED] }) { totalCount } }';
const SECRET = /^cg_[A-Za-z0-9_-]{43}$/;

let server: TestServer;

/** The DATABASE_URL of the test server's database, for CLI runs beside the server. */
function urlOf(db: Database): string {
  const options = db.dataSource.options as { database?: unknown; url?: string };
  return db.kind === 'sqlite' ? `sqlite:${String(options.database)}` : options.url!;
}

function cli(args: string[]): Promise<CliResult> {
  return runCli(['apikey', ...args], { DATABASE_URL: urlOf(server.db) });
}

/** The secret `apikey create` printed: its last line. */
function secretOf(r: CliResult): string {
  expect(r.code).toBe(0);
  const lines = r.stdout.trimEnd().split('\n');
  const secret = lines[lines.length - 1];
  expect(secret).toMatch(SECRET);
  return secret;
}

/** A refusal before execution: HTTP 401, one UNAUTHENTICATED error, no data at all. */
function expectUnauthenticated(r: RawResponse): void {
  expect({ status: r.status, codes: r.json?.errors?.map((e: any) => e.extensions?.code), keys: Object.keys(r.json ?? {}) })
    .toEqual({ status: 401, codes: ['UNAUTHENTICATED'], keys: ['errors'] });
  expect(r.headers['www-authenticate']).toBe('Bearer');
  expect(r.text).not.toContain('"http"');
}

async function count(table: string): Promise<number> {
  const [row] = await server.db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(row.n);
}

async function someInitiative(): Promise<{ id: string; name: string }> {
  const data = await gqlData(server.url, '{ initiatives(first: 1) { nodes { id name } } }');
  return data.initiatives.nodes[0];
}

beforeAll(async () => {
  await buildCli();
  server = await startTestServer();
}, 200_000);

afterAll(async () => {
  await server?.close();
});

describe('API keys over HTTP', () => {
  it('let a moderator key see what the public may not', async () => {
    const key = await createKey(server.db, Role.MODERATOR);
    const withKey = await gql(server.url, SUBMITTED, {}, authHeaders(key));
    expect(withKey.status).toBe(200);
    expect(withKey.body.errors).toBeUndefined();
    const without = await gql(server.url, SUBMITTED);
    expect(without.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('accept the scheme in any case and over GET too', async () => {
    const key = await createKey(server.db, Role.ADMIN);
    const post = await postGraphQL(server.url, { query: SUBMITTED }, { 'content-type': 'application/json', authorization: `bearer ${key}` });
    expect(post.status).toBe(200);
    expect(post.json.errors).toBeUndefined();
    const get = await getGraphQL(server.url, { query: SUBMITTED }, { authorization: `Bearer ${key}` });
    expect(get.status).toBe(200);
    expect(get.json.errors).toBeUndefined();
  });

  it('refuse a revoked key with 401 and one UNAUTHENTICATED error on the very next request', async () => {
    const key = await createKey(server.db, Role.MODERATOR);
    expect((await postGraphQL(server.url, { query: SUBMITTED }, { 'content-type': 'application/json', ...authHeaders(key) })).status).toBe(200);
    const [row] = await server.db.query<{ id: number }>('SELECT id FROM api_key WHERE hash = ?', [sha256(key)]);
    await revokeApiKey(server.db, Number(row.id));
    expectUnauthenticated(await postGraphQL(server.url, { query: SUBMITTED }, { 'content-type': 'application/json', ...authHeaders(key) }));
    expectUnauthenticated(await getGraphQL(server.url, { query: SUBMITTED }, authHeaders(key)));
  });

  it('refuse an expired key, also one that expired after it was last used', async () => {
    const born = await createKey(server.db, Role.PARTNER, { expiresAt: new Date(Date.now() - 60_000) });
    expectUnauthenticated(await postGraphQL(server.url, { query: '{ patrons { name } }' }, { 'content-type': 'application/json', ...authHeaders(born) }));

    const key = await createKey(server.db, Role.PARTNER, { expiresAt: new Date(Date.now() + 86_400_000) });
    const headers = { 'content-type': 'application/json', ...authHeaders(key) };
    expect((await postGraphQL(server.url, { query: '{ patrons { name } }' }, headers)).status).toBe(200);
    await server.db.query('UPDATE api_key SET expires_at = ? WHERE hash = ?', [Date.now() - 1, sha256(key)]);
    expectUnauthenticated(await postGraphQL(server.url, { query: '{ patrons { name } }' }, headers));
  });

  it.each([
    ['an unknown key of the right shape', `Bearer cg_${'A'.repeat(43)}`],
    ['a key of the wrong shape', 'Bearer not-a-key-of-ours'],
    ['Bearer without a key', 'Bearer'],
    ['Bearer and a blank', 'Bearer '],
    ['an empty header', ''],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['a bare key without a scheme', `cg_${'A'.repeat(43)}`],
    ['a key followed by more words', `Bearer cg_${'A'.repeat(43)} extra`],
  ])('refuse %s with 401 and one UNAUTHENTICATED error before anything runs', async (_what, authorization) => {
    expectUnauthenticated(await postGraphQL(server.url, { query: '{ patrons { name } }' }, { 'content-type': 'application/json', authorization }));
  });

  it('refuse a live key followed by more words rather than guess', async () => {
    const key = await createKey(server.db, Role.ADMIN);
    expectUnauthenticated(await postGraphQL(server.url, { query: '{ patrons { name } }' }, { 'content-type': 'application/json', authorization: `Bearer ${key} ${key}` }));
  });

  it('count the key lookup as exactly one SQL statement of the request', async () => {
    const key = await createKey(server.db, Role.PARTNER);
    const query = '{ campaign(slug: "clusterwoche-2017") { slug events(first: 3) { totalCount nodes { slug } } } }';
    const publicRun = await gql(server.url, query);
    const keyed = await gql(server.url, query, {}, authHeaders(key));
    expect(keyed.body.data).toEqual(publicRun.body.data);
    expect(keyed.body.extensions!.stats!.sqlStatements).toBe(publicRun.body.extensions!.stats!.sqlStatements + 1);
  });

  it('store only the SHA-256 of a secret: the secret itself is nowhere in the table', async () => {
    const key = await createKey(server.db, Role.EDITOR, { organizerId: 1, name: 'Hashprobe' });
    const rows = await server.db.query('SELECT * FROM api_key');
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(key);
    expect(dump).not.toContain(key.slice(3));
    const mine = rows.find((r) => r.name === 'Hashprobe')!;
    expect(mine.hash).toBe(sha256(key));
    expect(mine.role).toBe('editor');
  });
});

describe('clustergraph apikey, beside a running server', () => {
  it('create prints a summary and the secret as its last line, and the key works on the next request', async () => {
    const r = await cli(['create', '--role', 'moderator', '--name', 'Redaktion Clusterplattform']);
    expect(r.stderr).toBe('');
    const secret = secretOf(r);
    expect(r.stdout).toMatch(/API key \d+ "Redaktion Clusterplattform": role moderator/);
    const res = await gql(server.url, SUBMITTED, {}, authHeaders(secret));
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });

  it('create binds an editor key to the organiser its GraphQL id names, and sets an expiry from a date', async () => {
    const organizer = await someInitiative();
    const r = await cli(['create', '--role', 'editor', '--name', 'Redaktion Initiative', '--organizer', organizer.id, '--expires', '2031-06-01']);
    secretOf(r);
    expect(r.stdout).toContain(organizer.id);
    expect(r.stdout).toContain('expires 2031-06-01T00:00:00+02:00');
    const list = JSON.parse((await cli(['list', '--json'])).stdout) as any[];
    expect(list.find((k) => k.name === 'Redaktion Initiative')).toMatchObject({
      role: 'editor', organizer: { id: organizer.id, name: organizer.name }, expiresAt: '2031-05-31T22:00:00.000Z', status: 'active',
    });
  });

  it('list shows every key with id, name, role, organiser, dates and status, and never a secret', async () => {
    const made = secretOf(await cli(['create', '--role', 'partner', '--name', 'Kalender BMWK', '--expires', '2032-01-01T12:30:00Z']));
    const r = await cli(['list']);
    expect(r.code).toBe(0);
    const [header, ...rows] = r.stdout.trimEnd().split('\n');
    expect(header.split(/\s{2,}/)).toEqual(['id', 'name', 'role', 'organizer', 'created', 'expires', 'revoked', 'status']);
    expect(rows).toHaveLength(await count('api_key'));
    expect(rows.find((line) => line.includes('Kalender BMWK'))).toMatch(/partner\s+-\s+\S+\s+2032-01-01T13:30:00\+01:00\s+-\s+active$/);
    expect(r.stdout).not.toContain(made);
    expect(r.stdout).not.toMatch(/cg_[A-Za-z0-9_-]{20,}/);
    expect(r.stdout).not.toMatch(/[0-9a-f]{64}/);
  });

  it('revoke ends a key: the next request with it is 401, and list shows it revoked', async () => {
    const secret = secretOf(await cli(['create', '--role', 'admin', '--name', 'Kurzzeit']));
    expect((await gql(server.url, SUBMITTED, {}, authHeaders(secret))).status).toBe(200);
    const id = (JSON.parse((await cli(['list', '--json'])).stdout) as any[]).find((k) => k.name === 'Kurzzeit').id;

    const r = await cli(['revoke', String(id)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`revoked API key ${id}`));
    expectUnauthenticated(await postGraphQL(server.url, { query: SUBMITTED }, { 'content-type': 'application/json', ...authHeaders(secret) }));

    const again = await cli(['revoke', String(id)]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already revoked/);
    const list = JSON.parse((await cli(['list', '--json'])).stdout) as any[];
    expect(list.find((k) => k.id === id)).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
  });

  const INVALID: [string, () => Promise<string[]>, RegExp][] = [
    ['no --role', async () => ['create', '--name', 'x'], /--role/],
    ['the public role', async () => ['create', '--role', 'public', '--name', 'x'], /--role must be one of partner, editor, moderator, admin/],
    ['an unknown role', async () => ['create', '--role', 'superuser', '--name', 'x'], /superuser/],
    ['no --name', async () => ['create', '--role', 'partner'], /--name/],
    ['a blank name', async () => ['create', '--role', 'partner', '--name', '   '], /name/],
    ['an editor without --organizer', async () => ['create', '--role', 'editor', '--name', 'x'], /--organizer/],
    ['an organiser on a partner key', async () => ['create', '--role', 'partner', '--name', 'x', '--organizer', (await someInitiative()).id], /only editor keys/],
    ['an organiser id that is no id', async () => ['create', '--role', 'editor', '--name', 'x', '--organizer', 'nonsense'], /--organizer "nonsense"/],
    ['an event id as organiser', async () => ['create', '--role', 'editor', '--name', 'x', '--organizer', toGlobalId('Event', 1)], /--organizer/],
    ['an organiser that does not exist', async () => ['create', '--role', 'editor', '--name', 'x', '--organizer', toGlobalId('Initiative', 987654)], /no organiser/],
    ['an unparsable expiry', async () => ['create', '--role', 'admin', '--name', 'x', '--expires', 'tomorrow'], /--expires "tomorrow"/],
    ['an impossible date', async () => ['create', '--role', 'admin', '--name', 'x', '--expires', '2031-02-30'], /--expires "2031-02-30"/],
    ['an expiry in the past', async () => ['create', '--role', 'admin', '--name', 'x', '--expires', '2001-01-01'], /past/],
    ['an unknown option', async () => ['create', '--role', 'admin', '--name', 'x', '--frobnicate'], /frobnicate/],
    ['revoke without an id', async () => ['revoke'], /one key id/],
    ['revoke with a word', async () => ['revoke', 'abc'], /"abc" is not a key id/],
    ['revoke of an unknown id', async () => ['revoke', '987654'], /no API key has id 987654/],
    ['an unknown subcommand', async () => ['rotate'], /unknown apikey command "rotate"/],
    ['no subcommand', async () => [], /create, list or revoke/],
  ];

  describe('refuses bad arguments', () => {
    // The runs are independent, so they go in parallel up front (each is a whole CLI start).
    let before: number;
    let after: number;
    const results = new Map<string, CliResult>();
    beforeAll(async () => {
      before = await count('api_key');
      await Promise.all(INVALID.map(async ([what, args]) => results.set(what, await cli(await args()))));
      after = await count('api_key');
    }, 120_000);

    it.each(INVALID)('like %s, with exit code 2 and one line naming the problem', (what, _args, message) => {
      const r = results.get(what)!;
      expect({ code: r.code, stdout: r.stdout, lines: r.stderr.trim().split('\n').length }).toEqual({ code: 2, stdout: '', lines: 1 });
      expect(r.stderr).toMatch(message);
    });

    it('and makes no key for any of them', () => {
      expect(after).toBe(before);
    });
  });
});

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
