import {
  ADMIN_NAME, auditOf, call, dataOf, rowCounts, startAdminServer, type AdminServer,
} from './admin-kit';

let s: AdminServer;

beforeAll(async () => {
  s = await startAdminServer();
});

afterAll(async () => {
  await s?.close();
});

const OUT = `id __typename name nameFr: name(lang: FR) scope countries website region { code }
  members { id } partners { id } contacts { name role(lang: FR) }`;
const CREATE = `mutation ($input: NetworkInput!) { createNetwork(input: $input) { ${OUT} } }`;
const UPDATE = `mutation ($id: ID!, $patch: NetworkPatch!) { updateNetwork(id: $id, patch: $patch) { ${OUT} } }`;
const PARTNERS = `query ($id: ID!) { node(id: $id) { ... on Network { partners { id } } } }`;
const NETWORKS_OF = `query ($id: ID!) { node(id: $id) { ... on Initiative { networks { id } } } }`;

const ids = (list: { id: string }[]) => list.map((o) => o.id).sort();
const partnersOf = async (id: string) => ids(dataOf(await call(s, 'public', PARTNERS, { id })).node.partners);
const networksOf = async (id: string) => ids(dataOf(await call(s, 'public', NETWORKS_OF, { id })).node.networks);

describe('createNetwork', () => {
  it('adds a network with members and partners that both sides list, in German and French', async () => {
    const before = await rowCounts(s.db);
    const created = dataOf(await call(s, 'admin', CREATE, {
      input: {
        name: { de: 'Trinationales Netzwerk', fr: 'Réseau trinational' }, scope: 'CROSS_BORDER', countries: ['de', 'CH', 'FR'],
        region: 'DE139', website: 'https://trinational.example', memberIds: [s.world.medtech, s.world.automotive],
        partnerIds: [s.world.grenz], contacts: [{ name: 'Anne Kontakt', role: { de: 'Leitung', fr: 'Direction' } }],
      },
    })).createNetwork;
    expect(created).toMatchObject({
      __typename: 'Network', name: 'Trinationales Netzwerk', nameFr: 'Réseau trinational', scope: 'CROSS_BORDER',
      countries: ['DE', 'CH', 'FR'], website: 'https://trinational.example', region: { code: 'DE139' },
      partners: [{ id: s.world.grenz }], contacts: [{ name: 'Anne Kontakt', role: 'Direction' }],
    });
    expect(ids(created.members)).toEqual([s.world.medtech, s.world.automotive].sort());
    expect(await rowCounts(s.db)).toEqual({
      ...before, organizer: before.organizer + 1, contact: before.contact + 1, network_member: before.network_member + 2,
      network_partner: before.network_partner + 1, audit_entry: before.audit_entry + 1,
    });

    expect(await partnersOf(s.world.grenz)).toContain(created.id);
    expect(await networksOf(s.world.medtech)).toEqual([created.id]);
    const listed = dataOf(await call(s, 'public', `{ networks(scope: CROSS_BORDER) { nodes { id name(lang: FR) } } }`)).networks.nodes;
    expect(listed).toContainEqual({ id: created.id, name: 'Réseau trinational' });
  });

  it('records members and partners as global ids in the audit trail', async () => {
    const created = dataOf(await call(s, 'admin', CREATE, {
      input: { name: { de: 'Audit-Netz' }, scope: 'NATIONAL', memberIds: [s.world.photonik], partnerIds: [s.world.alpen] },
    })).createNetwork;
    expect(await auditOf(s, created.id)).toEqual([{
      actor: ADMIN_NAME, action: 'createNetwork', entityId: created.id,
      changes: {
        name: { old: null, new: { de: 'Audit-Netz', fr: null, en: null } },
        scope: { old: null, new: 'NATIONAL' },
        memberIds: { old: null, new: [s.world.photonik] },
        partnerIds: { old: null, new: [s.world.alpen] },
      },
    }]);
  });
});

describe('updateNetwork', () => {
  it('replaces the members as a whole list', async () => {
    const updated = dataOf(await call(s, 'admin', UPDATE, {
      id: s.world.leichtbau, patch: { memberIds: [s.world.medtech, s.world.automotive] },
    })).updateNetwork;
    expect(ids(updated.members)).toEqual([s.world.medtech, s.world.automotive].sort());
    expect(await networksOf(s.world.photonik)).not.toContain(s.world.leichtbau);
    const [update] = await auditOf(s, s.world.leichtbau);
    expect(update).toEqual({
      actor: ADMIN_NAME, action: 'updateNetwork', entityId: s.world.leichtbau,
      changes: { memberIds: { old: [s.world.photonik], new: [s.world.medtech, s.world.automotive].sort(sameAsKeys) } },
    });
  });

  it('replaces the partners in both directions, also a partnership the other network had named', async () => {
    // Seeded: leichtbau named grenz. Now grenz's partners become alpen alone.
    expect(await partnersOf(s.world.grenz)).toContain(s.world.leichtbau);
    const updated = dataOf(await call(s, 'admin', UPDATE, { id: s.world.grenz, patch: { partnerIds: [s.world.alpen] } })).updateNetwork;
    expect(ids(updated.partners)).toEqual([s.world.alpen]);
    expect(await partnersOf(s.world.leichtbau)).not.toContain(s.world.grenz);
    expect(await partnersOf(s.world.alpen)).toContain(s.world.grenz);
    const [update] = await auditOf(s, s.world.grenz);
    expect(update.changes.partnerIds.old).toContain(s.world.leichtbau);
    expect(update.changes.partnerIds.new).toEqual([s.world.alpen]);
  });

  it('ends every partnership and membership with empty lists', async () => {
    const created = dataOf(await call(s, 'admin', CREATE, {
      input: { name: { de: 'Kurzes Netz' }, scope: 'REGIONAL', memberIds: [s.world.photonik], partnerIds: [s.world.alpen] },
    })).createNetwork;
    const updated = dataOf(await call(s, 'admin', UPDATE, { id: created.id, patch: { memberIds: [], partnerIds: null } })).updateNetwork;
    expect(updated).toMatchObject({ members: [], partners: [] });
    expect(await partnersOf(s.world.alpen)).not.toContain(created.id);
  });

  it('changes scope and countries and keeps members and partners the patch leaves out', async () => {
    const before = await partnersOf(s.world.alpen);
    const updated = dataOf(await call(s, 'admin', UPDATE, {
      id: s.world.alpen, patch: { scope: 'CROSS_BORDER', countries: ['DE', 'AT'], name: { de: 'Alpennetz', fr: 'Réseau alpin' } },
    })).updateNetwork;
    expect(updated).toMatchObject({ scope: 'CROSS_BORDER', countries: ['DE', 'AT'], nameFr: 'Réseau alpin' });
    expect(ids(updated.partners)).toEqual(before);
  });

  it('shows the new links to a second mutation of the same request, not what the first one loaded', async () => {
    const both = dataOf(await call(s, 'admin', `mutation ($id: ID!, $a: [ID!], $b: [ID!]) {
      first: updateNetwork(id: $id, patch: { memberIds: $a }) { members { id } }
      second: updateNetwork(id: $id, patch: { memberIds: $b }) { members { id } }
    }`, { id: s.world.alpen, a: [s.world.photonik], b: [s.world.medtech] }));
    expect(both.first.members).toEqual([{ id: s.world.photonik }]);
    expect(both.second.members).toEqual([{ id: s.world.medtech }]);
  });
});

/** Sorts global ids by their numeric key (the order links are recorded in). */
function sameAsKeys(a: string, b: string): number {
  const key = (id: string) => Number(Buffer.from(id, 'base64url').toString().split(':')[1]);
  return key(a) - key(b);
}
