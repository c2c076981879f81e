import { Role } from '../../../src/shared/viewer';
import { authHeaders, createKey } from '../../helpers/api-keys';
import { gql } from '../../helpers/gql';
import { NON_ADMINS, call, dataOf, expectRefused, startAdminServer, storedState, type AdminServer } from './admin-kit';

let s: AdminServer;

beforeAll(async () => {
  s = await startAdminServer();
});

afterAll(async () => {
  await s?.close();
});

/** Every admin mutation with valid variables: only the caller's role can make it fail. */
const MUTATIONS: [string, string, () => Record<string, unknown>][] = [
  ['createMinistry', 'mutation ($v: MinistryInput!) { createMinistry(input: $v) { id } }', () => ({ v: { name: { de: 'Neues Ministerium' }, level: 'STATE' } })],
  ['updateMinistry', 'mutation ($id: ID!, $v: MinistryPatch!) { updateMinistry(id: $id, patch: $v) { id } }', () => ({ id: s.world.ministry, v: { shortName: 'NEU' } })],
  ['createInitiative', 'mutation ($v: InitiativeInput!) { createInitiative(input: $v) { id } }', () => ({ v: { name: { de: 'Neue Initiative' } } })],
  ['updateInitiative', 'mutation ($id: ID!, $v: InitiativePatch!) { updateInitiative(id: $id, patch: $v) { id } }', () => ({ id: s.world.photonik, v: { topics: ['Neu'] } })],
  ['createNetwork', 'mutation ($v: NetworkInput!) { createNetwork(input: $v) { id } }', () => ({ v: { name: { de: 'Neues Netz' }, scope: 'REGIONAL', memberIds: [s.world.medtech] } })],
  ['updateNetwork', 'mutation ($id: ID!, $v: NetworkPatch!) { updateNetwork(id: $id, patch: $v) { id } }', () => ({ id: s.world.leichtbau, v: { partnerIds: [s.world.alpen] } })],
  ['createPatron', 'mutation ($v: PatronInput!) { createPatron(input: $v) { id } }', () => ({ v: { name: 'Neue Patronin' } })],
  ['updatePatron', 'mutation ($id: ID!, $v: PatronPatch!) { updatePatron(id: $id, patch: $v) { id } }', () => ({ id: s.world.patron, v: { honorific: 'Dr.' } })],
  ['createCampaign', 'mutation ($v: CampaignInput!) { createCampaign(input: $v) { id } }', () => ({ v: { slug: 'neu-2030', name: { de: 'Neu' }, startsOn: '2030-01-01', endsOn: '2030-01-02' } })],
  ['updateCampaign', 'mutation ($id: ID!, $v: CampaignPatch!) { updateCampaign(id: $id, patch: $v) { id } }', () => ({ id: s.world.campaign, v: { endsOn: '2019-12-30' } })],
];

describe.each(MUTATIONS)('%s', (_name, query, variables) => {
  it.each(NON_ADMINS)('is FORBIDDEN for the %s role and writes nothing', async (who) => {
    const before = await storedState(s.db);
    expectRefused(await call(s, who, query, variables()), 'FORBIDDEN');
    expect(await storedState(s.db)).toEqual(before);
  });

  it('is FORBIDDEN for an editor even for its own organiser\'s data, and unknown ids do not leak as NOT_FOUND', async () => {
    const vars = variables();
    const res = await call(s, 'editor', query, 'id' in vars ? { ...vars, id: 'bm9uZTo5OTk5' } : vars);
    expectRefused(res, 'FORBIDDEN');
  });
});

describe('the admin mutations', () => {
  it('all succeed with the same variables for the admin role', async () => {
    for (const [name, query, variables] of MUTATIONS) {
      expect(dataOf(await call(s, 'admin', query, variables()))[name].id).toEqual(expect.any(String));
    }
  });

  it('refuse an expired admin key before anything runs (401 UNAUTHENTICATED)', async () => {
    const secret = await createKey(s.db, Role.ADMIN, { expiresAt: new Date(Date.now() - 1000) });
    const before = await storedState(s.db);
    const [, query, variables] = MUTATIONS[0];
    const res = await gql(s.url, query, variables(), authHeaders(secret));
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await storedState(s.db)).toEqual(before);
  });
});
