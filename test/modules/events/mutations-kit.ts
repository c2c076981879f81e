import { Role } from '../../../src/shared/viewer';
import { toGlobalId } from '../../../src/shared/global-id';
import type { Database } from '../../../src/db/database';
import { authHeaders, createKey } from '../../helpers/api-keys';
import { gql, type GqlResponse } from '../../helpers/gql';
import { seed } from '../../helpers/seed-builder';
import { startTestServer, type TestServer } from '../../helpers/test-server';

/** Who calls: request headers per role (public has none). */
export interface Callers {
  public: Record<string, string>;
  partner: Record<string, string>;
  /** Editor bound to organiser "alpha". */
  editor: Record<string, string>;
  /** Editor bound to organiser "beta". */
  otherEditor: Record<string, string>;
  moderator: Record<string, string>;
  admin: Record<string, string>;
}

/** The records a mutation test writes against, by global id. */
export interface World {
  alpha: string;
  beta: string;
  gamma: string;
  patron: string;
  campaign: string;
}

/** The key names the audit trail records as actors. */
export const KEY_NAMES = {
  partner: 'Partnerportal', editor: 'Redaktion Alpha', otherEditor: 'Redaktion Beta',
  moderator: 'Clusterreferat Moderation', admin: 'Clusterreferat Admin',
} as const;

export interface MutationServer {
  server: TestServer;
  url: string;
  db: Database;
  as: Callers;
  world: World;
  close(): Promise<void>;
}

/**
 * A server on a fresh database (no demo data) with three organisers (initiative alpha,
 * network beta, initiative gamma), a patron, a campaign, and keys of every role: editors
 * bound to alpha and to beta.
 */
export async function startMutationServer(): Promise<MutationServer> {
  const server = await startTestServer({
    demo: false,
    prepare: async (db) => {
      await seed(db, 'mut')
        .initiative('alpha', { regionCode: 'DE111' })
        .network('beta', { regionCode: 'DE13' })
        .initiative('gamma')
        .ministry('wm', { level: 'STATE' })
        .patron('schirm', { ministryKey: 'wm' })
        .campaign('clusterwoche-test')
        .load();
    },
  });
  const db = server.db;
  const keyOf = async (table: string, column: string, value: string) => {
    const [row] = await db.query<{ id: number }>(`SELECT id FROM ${table} WHERE ${column} = ?`, [value]);
    return Number(row.id);
  };
  const alpha = await keyOf('organizer', 'name_de', 'Organisation alpha');
  const beta = await keyOf('organizer', 'name_de', 'Organisation beta');
  const gamma = await keyOf('organizer', 'name_de', 'Organisation gamma');
  const patron = await keyOf('patron', 'name', 'Patron schirm');
  const as: Callers = {
    public: {},
    partner: authHeaders(await createKey(db, Role.PARTNER, { name: KEY_NAMES.partner })),
    editor: authHeaders(await createKey(db, Role.EDITOR, { organizerId: alpha, name: KEY_NAMES.editor })),
    otherEditor: authHeaders(await createKey(db, Role.EDITOR, { organizerId: beta, name: KEY_NAMES.otherEditor })),
    moderator: authHeaders(await createKey(db, Role.MODERATOR, { name: KEY_NAMES.moderator })),
    admin: authHeaders(await createKey(db, Role.ADMIN, { name: KEY_NAMES.admin })),
  };
  return {
    server, url: server.url, db, as,
    world: {
      alpha: toGlobalId('Initiative', alpha), beta: toGlobalId('Network', beta), gamma: toGlobalId('Initiative', gamma),
      patron: toGlobalId('Patron', patron), campaign: 'clusterwoche-test',
    },
    close: () => server.close(),
  };
}

/** The fields the mutation tests read back. */
export const EVENT_OUT = `
  id slug status statusReason version category
  title(lang: DE) titleFr: title(lang: FR) description(lang: DE)
  startsAt endsAt timeZone createdAt updatedAt languages url registrationUrl
  venue { name street postalCode city country latitude longitude }
  region { code } organizers { id } patrons { id } campaign { slug }
`;

export const SUBMIT = `mutation Submit($input: EventInput!) { submitEvent(input: $input) { ${EVENT_OUT} } }`;
export const UPDATE = `mutation Update($id: ID!, $patch: EventPatch!, $expectedVersion: Int) {
  updateEvent(id: $id, patch: $patch, expectedVersion: $expectedVersion) { ${EVENT_OUT} } }`;
export const PUBLISH = `mutation Publish($id: ID!) { publishEvent(id: $id) { ${EVENT_OUT} } }`;
export const REJECT = `mutation Reject($id: ID!, $reason: String!) { rejectEvent(id: $id, reason: $reason) { ${EVENT_OUT} } }`;
export const CANCEL = `mutation Cancel($id: ID!, $reason: String) { cancelEvent(id: $id, reason: $reason) { ${EVENT_OUT} } }`;

/** A complete, valid EventInput for organisers (by global id); `over` replaces fields. */
export function eventInput(organizerIds: string[], over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: { de: 'Fachtagung Leichtbau', fr: 'Conférence construction légère' },
    description: { de: 'Vorträge und Austausch.' },
    category: 'CONFERENCE',
    startsAt: '2027-04-21T09:30:00+02:00',
    endsAt: '2027-04-21T17:00:00+02:00',
    timeZone: 'Europe/Berlin',
    venue: { name: 'Haus der Wirtschaft', street: 'Willi-Bleicher-Straße 19', postalCode: '70174', city: 'Stuttgart', country: 'DE', latitude: 48.7784, longitude: 9.1711 },
    region: 'DE111',
    organizerIds,
    languages: ['DE'],
    url: 'https://example.org/leichtbau',
    registrationUrl: 'https://example.org/leichtbau/anmeldung',
    ...over,
  };
}

/** Runs one operation as a caller. */
export function call(m: MutationServer, who: keyof Callers, query: string, variables: Record<string, unknown>): Promise<GqlResponse> {
  return gql(m.url, query, variables, m.as[who]);
}

/** The first error's code (undefined when none). */
export function codeOf(res: GqlResponse): string | undefined {
  return res.body.errors?.[0]?.extensions?.code;
}

/** Asserts the contract's answer to a refused operation: HTTP 200, that code, no data for it. */
export function expectRefused(res: GqlResponse, code: string, field?: string): void {
  expect(res.status).toBe(200);
  expect(res.body.errors?.[0]?.extensions).toMatchObject({ code, ...(field === undefined ? {} : { field }) });
  expect(res.body.data ?? null).toBeNull();
}

/** The data of an operation that must succeed. */
export function dataOf(res: GqlResponse): any {
  if (res.status !== 200 || res.body.errors) throw new Error(`operation failed (${res.status}): ${JSON.stringify(res.body.errors)}`);
  return res.body.data;
}

/** An event made through the API: submitted (by alpha's editor when alpha alone runs it), then moved to `status` by a moderator. */
export async function eventIn(
  m: MutationServer, status: 'SUBMITTED' | 'PUBLISHED' | 'REJECTED' | 'CANCELLED',
  organizerIds: string[] = [m.world.alpha], over: Record<string, unknown> = {},
): Promise<any> {
  // The editor of alpha submits its own events; others come from the moderator, already published.
  const submitter = organizerIds.every((id) => id === m.world.alpha) ? 'editor' : 'moderator';
  let e = dataOf(await call(m, submitter, SUBMIT, { input: eventInput(organizerIds, over) })).submitEvent;
  if (e.status !== 'SUBMITTED' && (status === 'SUBMITTED' || status === 'REJECTED')) {
    throw new Error(`an event of ${organizerIds.join(', ')} cannot be made ${status} here`);
  }
  if (status === 'PUBLISHED' && e.status !== 'PUBLISHED') e = dataOf(await call(m, 'moderator', PUBLISH, { id: e.id })).publishEvent;
  if (status === 'REJECTED') e = dataOf(await call(m, 'moderator', REJECT, { id: e.id, reason: 'Bitte Ort ergänzen.' })).rejectEvent;
  if (status === 'CANCELLED') e = dataOf(await call(m, 'moderator', CANCEL, { id: e.id, reason: 'Abgesagt.' })).cancelEvent;
  return e;
}

/** Row counts of every table a mutation writes: equal before and after means nothing was written. */
export async function tableCounts(db: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['event', 'event_organizer', 'event_patron', 'audit_entry', 'event_change']) {
    const [row] = await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`);
    counts[table] = Number(row.n);
  }
  const [sum] = await db.query<{ v: number | null; u: number | null }>('SELECT SUM(version) AS v, MAX(updated_at) AS u FROM event');
  counts.versions = Number(sum.v ?? 0);
  counts.lastUpdate = Number(sum.u ?? 0);
  return counts;
}

/** The stored row of an event by global id (raw columns, for what the API does not show). */
export async function storedRow(db: Database, id: string): Promise<Record<string, any>> {
  const key = Number(Buffer.from(id, 'base64url').toString('utf8').split(':')[1]);
  const [row] = await db.query('SELECT * FROM event WHERE id = ?', [key]);
  return row;
}
