import { Role } from '../../../src/shared/viewer';
import { toGlobalId, type NodeTypeName } from '../../../src/shared/global-id';
import type { Database } from '../../../src/db/database';
import { authHeaders, createKey } from '../../helpers/api-keys';
import { gql, type GqlResponse } from '../../helpers/gql';
import { seed } from '../../helpers/seed-builder';
import { startTestServer, type TestServer } from '../../helpers/test-server';

/** Who calls: request headers per role (public has none). */
export type Caller = 'public' | 'partner' | 'editor' | 'moderator' | 'admin';

/** Every role but admin: the ones the admin mutations refuse. */
export const NON_ADMINS: readonly Caller[] = ['public', 'partner', 'editor', 'moderator'];

/** The admin key's name, which the audit trail records as the actor. */
export const ADMIN_NAME = 'Clusterreferat Stammdaten';

/** Records seeded before the tests, by global id. */
export interface AdminWorld {
  /** Ministry "Wirtschaftsministerium Test" (STATE). */
  ministry: string;
  /** Initiatives. */
  photonik: string;
  medtech: string;
  automotive: string;
  /** Networks: leichtbau has member photonik and partner grenz. */
  leichtbau: string;
  grenz: string;
  alpen: string;
  patron: string;
  otherPatron: string;
  /** Campaign "woche-2019", initiated by the ministry, with patron. */
  campaign: string;
}

export interface AdminServer {
  url: string;
  db: Database;
  world: AdminWorld;
  headers: Record<Caller, Record<string, string>>;
  close(): Promise<void>;
}

/**
 * A server on a fresh database without demo data, holding a ministry, three initiatives,
 * three networks, two patrons and a campaign, and a key of every role (the editor bound to
 * the first initiative).
 */
export async function startAdminServer(): Promise<AdminServer> {
  const server: TestServer = await startTestServer({
    demo: false,
    prepare: async (db) => {
      await seed(db, 'adm')
        .ministry('wm', { name: { de: 'Wirtschaftsministerium Test' }, level: 'STATE', shortName: 'WM T', regionCode: 'DE11' })
        .initiative('photonik', { name: { de: 'Photonik BW' }, regionCode: 'DE122', topics: ['Photonik'] })
        .initiative('medtech', { name: { de: 'Medizintechnik Tuttlingen' }, regionCode: 'DE136' })
        .initiative('automotive', { name: { de: 'Automotive Region Stuttgart' }, regionCode: 'DE11' })
        .network('leichtbau', { name: { de: 'Leichtbau Netz' }, scope: 'STATEWIDE', memberKeys: ['photonik'], partnerKeys: ['grenz'] })
        .network('grenz', { name: { de: 'Grenznetz' }, scope: 'CROSS_BORDER', countries: ['DE', 'CH'] })
        .network('alpen', { name: { de: 'Alpennetz' }, scope: 'REGIONAL' })
        .patron('schirm', { name: 'Erika Schirm', ministryKey: 'wm' })
        .patron('zweit', { name: 'Max Zweit' })
        .campaign('woche-2019', { initiatorKey: 'wm', patronKeys: ['schirm'] })
        .load();
    },
  });
  const db = server.db;
  const key = async (table: string, column: string, value: string) => {
    const [row] = await db.query<{ id: number }>(`SELECT id FROM ${table} WHERE ${column} = ?`, [value]);
    return Number(row.id);
  };
  const organizer = async (type: NodeTypeName, name: string) => toGlobalId(type, await key('organizer', 'name_de', name));
  const photonikKey = await key('organizer', 'name_de', 'Photonik BW');
  const world: AdminWorld = {
    ministry: await organizer('Ministry', 'Wirtschaftsministerium Test'),
    photonik: toGlobalId('Initiative', photonikKey),
    medtech: await organizer('Initiative', 'Medizintechnik Tuttlingen'),
    automotive: await organizer('Initiative', 'Automotive Region Stuttgart'),
    leichtbau: await organizer('Network', 'Leichtbau Netz'),
    grenz: await organizer('Network', 'Grenznetz'),
    alpen: await organizer('Network', 'Alpennetz'),
    patron: toGlobalId('Patron', await key('patron', 'name', 'Erika Schirm')),
    otherPatron: toGlobalId('Patron', await key('patron', 'name', 'Max Zweit')),
    campaign: toGlobalId('Campaign', await key('campaign', 'slug', 'woche-2019')),
  };
  const headers: Record<Caller, Record<string, string>> = {
    public: {},
    partner: authHeaders(await createKey(db, Role.PARTNER)),
    editor: authHeaders(await createKey(db, Role.EDITOR, { organizerId: photonikKey })),
    moderator: authHeaders(await createKey(db, Role.MODERATOR)),
    admin: authHeaders(await createKey(db, Role.ADMIN, { name: ADMIN_NAME })),
  };
  return { url: server.url, db, world, headers, close: () => server.close() };
}

/** Runs one operation as a caller. */
export function call(s: AdminServer, who: Caller, query: string, variables: Record<string, unknown> = {}): Promise<GqlResponse> {
  return gql(s.url, query, variables, s.headers[who]);
}

/** The data of an operation that must succeed. */
export function dataOf(res: GqlResponse): any {
  if (res.status !== 200 || res.body.errors) throw new Error(`operation failed (${res.status}): ${JSON.stringify(res.body.errors)}`);
  return res.body.data;
}

/** Asserts the contract's answer to a refused mutation: HTTP 200, that code (and field), no data. */
export function expectRefused(res: GqlResponse, code: string, field?: string): void {
  expect(res.status).toBe(200);
  expect(res.body.errors).toHaveLength(1);
  expect(res.body.errors?.[0]?.extensions).toMatchObject({ code, ...(field === undefined ? {} : { field }) });
  expect(res.body.data ?? null).toBeNull();
}

/** The tables the admin mutations write (and the audit trail), whole. */
const WRITTEN_TABLES: Record<string, string> = {
  organizer: 'id', contact: 'id', network_member: 'network_id, initiative_id', network_partner: 'network_id, partner_id',
  patron: 'id', campaign: 'id', campaign_patron: 'campaign_id, patron_id', audit_entry: 'id',
};

/**
 * Every row of every table an admin mutation writes: equal before and after a refused
 * mutation means nothing at all was written (no insert, no update, no audit entry).
 */
export async function storedState(db: Database): Promise<Record<string, unknown[]>> {
  const state: Record<string, unknown[]> = {};
  for (const [table, order] of Object.entries(WRITTEN_TABLES)) {
    state[table] = await db.query(`SELECT * FROM ${table} ORDER BY ${order}`);
  }
  return state;
}

/** Row counts of the written tables (for "one row more" assertions). */
export async function rowCounts(db: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of Object.keys(WRITTEN_TABLES)) {
    const [row] = await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`);
    counts[table] = Number(row.n);
  }
  return counts;
}

const AUDIT = `query ($entityId: ID) { auditLog(entityId: $entityId, first: 100) { totalCount nodes { actor action entityId changes } } }`;

/** The audit entries of one object, newest first (read by the admin). */
export async function auditOf(s: AdminServer, entityId: string): Promise<{ actor: string; action: string; entityId: string; changes: any }[]> {
  return dataOf(await call(s, 'admin', AUDIT, { entityId })).auditLog.nodes;
}
