import {
  ADMIN_NAME, auditOf, call, dataOf, rowCounts, startAdminServer, storedState, type AdminServer,
} from './admin-kit';

let s: AdminServer;

beforeAll(async () => {
  s = await startAdminServer();
});

afterAll(async () => {
  await s?.close();
});

const OUT = `id __typename name nameFr: name(lang: FR) website region { code } topics networks { id }
  contacts { name role roleFr: role(lang: FR) email phone }`;
const CREATE = `mutation ($input: InitiativeInput!) { createInitiative(input: $input) { ${OUT} } }`;
const UPDATE = `mutation ($id: ID!, $patch: InitiativePatch!) { updateInitiative(id: $id, patch: $patch) { ${OUT} } }`;

const input = {
  name: { de: 'Cluster Lörrach Oberrhein', fr: 'Cluster Lörrach Rhin supérieur' },
  region: 'DE139',
  website: 'http://cluster-loerrach.example',
  topics: ['Medizintechnik', ' Photonik '],
  contacts: [
    { name: 'Gudrun Beispiel', role: { de: 'Clustermanagerin', fr: 'Gestionnaire de cluster' }, email: 'gb@example.org', phone: '+49 7621 123-45' },
    { name: 'Paul Zweiter' },
  ],
};

describe('createInitiative', () => {
  it('adds an initiative with topics and contacts that the initiatives query finds by name, in German and French', async () => {
    const before = await rowCounts(s.db);
    const created = dataOf(await call(s, 'admin', CREATE, { input })).createInitiative;
    expect(created).toEqual({
      id: expect.any(String), __typename: 'Initiative', name: input.name.de, nameFr: input.name.fr,
      website: 'http://cluster-loerrach.example', region: { code: 'DE139' }, topics: ['Medizintechnik', 'Photonik'], networks: [],
      contacts: [
        { name: 'Gudrun Beispiel', role: 'Clustermanagerin', roleFr: 'Gestionnaire de cluster', email: 'gb@example.org', phone: '+49762112345' },
        { name: 'Paul Zweiter', role: null, roleFr: null, email: null, phone: null },
      ],
    });
    expect(await rowCounts(s.db)).toEqual({
      ...before, organizer: before.organizer + 1, contact: before.contact + 2, audit_entry: before.audit_entry + 1,
    });
    const found = dataOf(await call(s, 'public', `{ initiatives(text: "loerrach", region: "DE1") { nodes { id name(lang: FR) topics } } }`)).initiatives.nodes;
    expect(found).toEqual([{ id: created.id, name: input.name.fr, topics: ['Medizintechnik', 'Photonik'] }]);
  });

  it('records the creation with its topics, leaving out the empty contact list', async () => {
    const created = dataOf(await call(s, 'admin', CREATE, { input: { name: { de: 'Audit-Initiative' }, topics: ['KI'] } })).createInitiative;
    expect(await auditOf(s, created.id)).toEqual([{
      actor: ADMIN_NAME, action: 'createInitiative', entityId: created.id,
      changes: { name: { old: null, new: { de: 'Audit-Initiative', fr: null, en: null } }, topics: { old: null, new: ['KI'] } },
    }]);
  });
});

describe('updateInitiative', () => {
  it('replaces topics and contacts as whole lists and keeps what the patch leaves out', async () => {
    const created = dataOf(await call(s, 'admin', CREATE, { input: { ...input, name: { de: 'Initiative zum Ändern' } } })).createInitiative;
    const updated = dataOf(await call(s, 'admin', UPDATE, {
      id: created.id,
      patch: { topics: ['Leichtbau'], contacts: [{ name: 'Neue Person', email: 'neu@example.org' }], region: null },
    })).updateInitiative;
    expect(updated).toMatchObject({
      name: 'Initiative zum Ändern', website: 'http://cluster-loerrach.example', region: null, topics: ['Leichtbau'],
      contacts: [{ name: 'Neue Person', role: null, roleFr: null, email: 'neu@example.org', phone: null }],
    });
    const [row] = await s.db.query<{ n: number }>('SELECT COUNT(*) AS n FROM contact c JOIN organizer o ON o.id = c.organizer_id WHERE o.name_de = ?', ['Initiative zum Ändern']);
    expect(Number(row.n)).toBe(1);

    const [update] = await auditOf(s, created.id);
    expect(update.action).toBe('updateInitiative');
    expect(update.changes).toEqual({
      region: { old: 'DE139', new: null },
      topics: { old: ['Medizintechnik', 'Photonik'], new: ['Leichtbau'] },
      contacts: {
        old: [
          { name: 'Gudrun Beispiel', role: { de: 'Clustermanagerin', fr: 'Gestionnaire de cluster', en: null }, email: 'gb@example.org', phone: '+49762112345' },
          { name: 'Paul Zweiter', role: null, email: null, phone: null },
        ],
        new: [{ name: 'Neue Person', role: null, email: 'neu@example.org', phone: null }],
      },
    });
  });

  it('clears topics and contacts with null', async () => {
    const created = dataOf(await call(s, 'admin', CREATE, { input: { ...input, name: { de: 'Initiative zum Leeren' } } })).createInitiative;
    const updated = dataOf(await call(s, 'admin', UPDATE, { id: created.id, patch: { topics: null, contacts: null } })).updateInitiative;
    expect(updated).toMatchObject({ topics: [], contacts: [] });
  });

  it('renames a seeded initiative, which its networks then list under the new name', async () => {
    dataOf(await call(s, 'admin', UPDATE, { id: s.world.photonik, patch: { name: { de: 'Photonics BW', fr: 'Photonique BW' } } }));
    const net = dataOf(await call(s, 'public', `query ($id: ID!) { node(id: $id) { ... on Network { members { name(lang: FR) } } } }`, { id: s.world.leichtbau })).node;
    expect(net.members).toEqual([{ name: 'Photonique BW' }]);
  });

  it('answers with the initiative\'s networks and an unchanged stored state for a patch equal to what is stored', async () => {
    const before = await storedState(s.db);
    const same = dataOf(await call(s, 'admin', UPDATE, { id: s.world.medtech, patch: { region: 'de136' } })).updateInitiative;
    expect(same).toMatchObject({ id: s.world.medtech, region: { code: 'DE136' }, networks: [] });
    expect(await storedState(s.db)).toEqual(before);
  });
});
