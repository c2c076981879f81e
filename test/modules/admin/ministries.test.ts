import { toGlobalId } from '../../../src/shared/global-id';
import {
  ADMIN_NAME, auditOf, call, dataOf, expectRefused, rowCounts, startAdminServer, storedState, type AdminServer,
} from './admin-kit';

let s: AdminServer;

beforeAll(async () => {
  s = await startAdminServer();
});

afterAll(async () => {
  await s?.close();
});

const OUT = `id __typename name nameFr: name(lang: FR) nameEn: name(lang: EN) shortName level website region { code } patrons { name }`;
const CREATE = `mutation ($input: MinistryInput!) { createMinistry(input: $input) { ${OUT} } }`;
const UPDATE = `mutation ($id: ID!, $patch: MinistryPatch!) { updateMinistry(id: $id, patch: $patch) { ${OUT} } }`;

const bmbf = {
  name: { de: 'Bundesministerium für Bildung und Forschung', fr: 'Ministère fédéral de l\'Éducation et de la Recherche' },
  shortName: 'BMBF',
  level: 'FEDERAL',
  region: 'de300',
  website: 'https://www.bmbf.de',
};

describe('createMinistry', () => {
  it('adds a ministry that the ministries query and node(id) then return, in German and French', async () => {
    const before = await rowCounts(s.db);
    const created = dataOf(await call(s, 'admin', CREATE, { input: bmbf })).createMinistry;
    expect(created).toMatchObject({
      __typename: 'Ministry', name: bmbf.name.de, nameFr: bmbf.name.fr, nameEn: bmbf.name.de,
      shortName: 'BMBF', level: 'FEDERAL', website: 'https://www.bmbf.de', region: { code: 'DE300' }, patrons: [],
    });
    expect(await rowCounts(s.db)).toEqual({ ...before, organizer: before.organizer + 1, audit_entry: before.audit_entry + 1 });

    const read = dataOf(await call(s, 'public', `{ ministries(level: FEDERAL) { id name(lang: FR) shortName } }`)).ministries;
    expect(read).toContainEqual({ id: created.id, name: bmbf.name.fr, shortName: 'BMBF' });
    const node = dataOf(await call(s, 'public', `query ($id: ID!) { node(id: $id) { ... on Ministry { name level } } }`, { id: created.id })).node;
    expect(node).toEqual({ name: bmbf.name.de, level: 'FEDERAL' });
  });

  it('sorts a new ministry by its folded German name, umlauts spelt out', async () => {
    const created = dataOf(await call(s, 'admin', CREATE, { input: { name: { de: 'Ärztekammer-Ministerium' }, level: 'STATE' } })).createMinistry;
    const [row] = await s.db.query<{ name_sort: string; synthetic: unknown }>('SELECT name_sort, synthetic FROM organizer WHERE name_de = ?', ['Ärztekammer-Ministerium']);
    expect(row.name_sort).toBe('aerztekammer ministerium');
    expect([false, 0]).toContain(row.synthetic);
    const names = dataOf(await call(s, 'public', '{ ministries(level: STATE) { id } }')).ministries.map((m: any) => m.id);
    expect(names[0]).toBe(created.id);
  });

  it('records the creation in the audit trail with every field set and null as the old value', async () => {
    const created = dataOf(await call(s, 'admin', CREATE, { input: { ...bmbf, name: { de: 'Ministerium für Audit' } } })).createMinistry;
    expect(await auditOf(s, created.id)).toEqual([{
      actor: ADMIN_NAME, action: 'createMinistry', entityId: created.id,
      changes: {
        name: { old: null, new: { de: 'Ministerium für Audit', fr: null, en: null } },
        shortName: { old: null, new: 'BMBF' },
        level: { old: null, new: 'FEDERAL' },
        region: { old: null, new: 'DE300' },
        website: { old: null, new: 'https://www.bmbf.de' },
      },
    }]);
  });
});

describe('updateMinistry', () => {
  it('changes the fields the patch names, keeps the others, and records only the changes', async () => {
    const created = dataOf(await call(s, 'admin', CREATE, { input: { ...bmbf, name: { de: 'Ministerium Alt' } } })).createMinistry;
    const updated = dataOf(await call(s, 'admin', UPDATE, {
      id: created.id, patch: { name: { de: 'Ministerium Neu', fr: 'Ministère nouveau' }, website: null, level: 'STATE' },
    })).updateMinistry;
    expect(updated).toMatchObject({
      id: created.id, name: 'Ministerium Neu', nameFr: 'Ministère nouveau', shortName: 'BMBF', level: 'STATE', website: null,
      region: { code: 'DE300' },
    });
    const [update] = await auditOf(s, created.id);
    expect(update).toEqual({
      actor: ADMIN_NAME, action: 'updateMinistry', entityId: created.id,
      changes: {
        name: { old: { de: 'Ministerium Alt', fr: null, en: null }, new: { de: 'Ministerium Neu', fr: 'Ministère nouveau', en: null } },
        level: { old: 'FEDERAL', new: 'STATE' },
        website: { old: 'https://www.bmbf.de', new: null },
      },
    });
    const read = dataOf(await call(s, 'public', `query ($id: ID!) { node(id: $id) { ... on Ministry { name(lang: FR) level website } } }`, { id: created.id })).node;
    expect(read).toEqual({ name: 'Ministère nouveau', level: 'STATE', website: null });
  });

  it('writes nothing and records nothing for a patch that changes nothing', async () => {
    const before = await storedState(s.db);
    const same = dataOf(await call(s, 'admin', UPDATE, { id: s.world.ministry, patch: { shortName: 'WM T', level: 'STATE' } })).updateMinistry;
    expect(same).toMatchObject({ id: s.world.ministry, shortName: 'WM T' });
    expect(await storedState(s.db)).toEqual(before);
  });

  it('returns the ministry with its patrons resolved through the loaders', async () => {
    const updated = dataOf(await call(s, 'admin', UPDATE, { id: s.world.ministry, patch: { shortName: 'WM' } })).updateMinistry;
    expect(updated.patrons).toEqual([{ name: 'Erika Schirm' }]);
  });

  it('is NOT_FOUND for an unknown id, a malformed one, and the id of another kind of organiser, and writes nothing', async () => {
    const before = await storedState(s.db);
    for (const id of [toGlobalId('Ministry', 9999), 'nonsense', s.world.photonik, s.world.patron]) {
      expectRefused(await call(s, 'admin', UPDATE, { id, patch: { shortName: 'X' } }), 'NOT_FOUND');
    }
    expect(await storedState(s.db)).toEqual(before);
  });
});
