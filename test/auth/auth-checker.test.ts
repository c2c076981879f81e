import { GraphQLError } from 'graphql';
import { authChecker, hasRole } from '../../src/auth/auth-checker';
import { PUBLIC_VIEWER, Role, type Viewer } from '../../src/shared/viewer';
import type { RequestContext } from '../../src/shared/request-context';
import { authHeaders, createKey } from '../helpers/api-keys';
import { gql } from '../helpers/gql';
import { startTestServer, type TestServer } from '../helpers/test-server';

const viewer = (role: Role, organizerId: number | null = null): Viewer => ({ role, organizerId, keyName: role === Role.PUBLIC ? null : `${role} key`, keyId: role === Role.PUBLIC ? null : 1 });

function check(v: Viewer, roles: Role[]): unknown {
  try {
    return authChecker({ context: { viewer: v } as RequestContext } as Parameters<typeof authChecker>[0], roles);
  } catch (err) {
    return err;
  }
}

describe('the authChecker', () => {
  it('lets a viewer through that holds one of the roles', () => {
    expect(check(viewer(Role.MODERATOR), [Role.MODERATOR, Role.ADMIN])).toBe(true);
    expect(check(viewer(Role.EDITOR, 7), [Role.EDITOR, Role.MODERATOR, Role.ADMIN])).toBe(true);
  });

  it('refuses everyone else with the contract code FORBIDDEN, naming the roles needed', () => {
    for (const v of [PUBLIC_VIEWER, viewer(Role.PARTNER), viewer(Role.EDITOR, 7), viewer(Role.MODERATOR)]) {
      const err = check(v, [Role.ADMIN]);
      expect(err).toBeInstanceOf(GraphQLError);
      expect((err as GraphQLError).extensions.code).toBe('FORBIDDEN');
      expect((err as GraphQLError).message).toMatch(/admin/);
    }
  });

  it('reads @Authorized() without roles as "any key": FORBIDDEN for the public, never UNAUTHENTICATED', () => {
    expect(hasRole(viewer(Role.PARTNER), [])).toBe(true);
    expect((check(PUBLIC_VIEWER, []) as GraphQLError).extensions.code).toBe('FORBIDDEN');
  });
});

describe('a role-guarded field over HTTP (auditLog, admins only)', () => {
  let server: TestServer;
  const keys = new Map<string, Record<string, string>>();

  beforeAll(async () => {
    server = await startTestServer();
    keys.set('public', {});
    keys.set('partner', authHeaders(await createKey(server.db, Role.PARTNER)));
    keys.set('editor', authHeaders(await createKey(server.db, Role.EDITOR, { organizerId: 1 })));
    keys.set('moderator', authHeaders(await createKey(server.db, Role.MODERATOR)));
    keys.set('admin', authHeaders(await createKey(server.db, Role.ADMIN)));
  });

  afterAll(async () => {
    await server?.close();
  });

  const QUERY = '{ patrons { name } auditLog(first: 1) { nodes { action } } }';

  it.each(['public', 'partner', 'editor', 'moderator'])('answers a %s caller with 200 and one FORBIDDEN error on that field', async (who) => {
    const r = await gql(server.url, QUERY, {}, keys.get(who));
    expect(r.status).toBe(200);
    expect(r.body.errors?.map((e) => ({ code: e.extensions?.code, path: e.path }))).toEqual([{ code: 'FORBIDDEN', path: ['auditLog'] }]);
    // auditLog is non-null, so its error nulls the whole of data (GraphQL's null propagation).
    expect(r.body.data).toBeNull();
  });

  it('answers an admin with the audit trail', async () => {
    const r = await gql(server.url, QUERY, {}, keys.get('admin'));
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    expect(Array.isArray(r.body.data?.auditLog.nodes)).toBe(true);
  });
});
