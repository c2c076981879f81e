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

const OUT = `id __typename name honorific office officeFr: office(lang: FR) imageCredit ministry { id shortName } campaigns { slug }`;
const CREATE = `mutation ($input: PatronInput!) { createPatron(input: $input) { ${OUT} } }`;
const UPDATE = `mutation ($id: ID!, $patch: PatronPatch!) { updatePatron(id: $id, patch: $patch) { ${OUT} } }`;

describe('createPatron', () => {
  it('adds a patron that the patrons query then lists, with the office in German and French', async () => {
    const before = await rowCounts(s.db);
    const created = dataOf(await call(s, 'admin', CREATE, {
      input: {
        name: 'Johanna Beispiel', honorific: 'Prof. Dr.', ministryId: s.world.ministry, imageCredit: '© Foto Test',
        office: { de: 'Ministerin für Wirtschaft', fr: 'Ministre de l\'Économie' },
      },
    })).createPatron;
    expect(created).toEqual({
      id: expect.any(String), __typename: 'Patron', name: 'Johanna Beispiel', honorific: 'Prof. Dr.',
      office: 'Ministerin für Wirtschaft', officeFr: 'Ministre de l\'Économie', imageCredit: '© Foto Test',
      ministry: { id: s.world.ministry, shortName: 'WM T' }, campaigns: [],
    });
    expect(await rowCounts(s.db)).toEqual({ ...before, patron: before.patron + 1, audit_entry: before.audit_entry + 1 });
    const listed = dataOf(await call(s, 'public', '{ patrons { id name office(lang: FR) } }')).patrons;
    expect(listed).toContainEqual({ id: created.id, name: 'Johanna Beispiel', office: 'Ministre de l\'Économie' });
    const ministry = dataOf(await call(s, 'public', `query ($id: ID!) { node(id: $id) { ... on Ministry { patrons { name } } } }`, { id: s.world.ministry })).node;
    expect(ministry.patrons.map((p: any) => p.name)).toContain('Johanna Beispiel');

    expect(await auditOf(s, created.id)).toEqual([{
      actor: ADMIN_NAME, action: 'createPatron', entityId: created.id,
      changes: {
        name: { old: null, new: 'Johanna Beispiel' },
        honorific: { old: null, new: 'Prof. Dr.' },
        office: { old: null, new: { de: 'Ministerin für Wirtschaft', fr: 'Ministre de l\'Économie', en: null } },
        ministryId: { old: null, new: s.world.ministry },
        imageCredit: { old: null, new: '© Foto Test' },
      },
    }]);
  });

  it('adds a patron with nothing but a name', async () => {
    const created = dataOf(await call(s, 'admin', CREATE, { input: { name: '  Nur Name  ' } })).createPatron;
    expect(created).toMatchObject({ name: 'Nur Name', honorific: null, office: null, ministry: null, imageCredit: null });
  });
});

describe('updatePatron', () => {
  it('changes what the patch names, clears what it sets to null, and records old and new values', async () => {
    const created = dataOf(await call(s, 'admin', CREATE, {
      input: { name: 'Brigitte Muster', office: { de: 'Bundesministerin' }, ministryId: s.world.ministry },
    })).createPatron;
    const updated = dataOf(await call(s, 'admin', UPDATE, {
      id: created.id, patch: { honorific: 'Dr.', ministryId: null, office: { de: 'Ministerin a. D.', fr: 'Ancienne ministre' } },
    })).updatePatron;
    expect(updated).toMatchObject({ name: 'Brigitte Muster', honorific: 'Dr.', ministry: null, office: 'Ministerin a. D.', officeFr: 'Ancienne ministre' });
    const [update] = await auditOf(s, created.id);
    expect(update).toEqual({
      actor: ADMIN_NAME, action: 'updatePatron', entityId: created.id,
      changes: {
        honorific: { old: null, new: 'Dr.' },
        office: { old: { de: 'Bundesministerin', fr: null, en: null }, new: { de: 'Ministerin a. D.', fr: 'Ancienne ministre', en: null } },
        ministryId: { old: s.world.ministry, new: null },
      },
    });
  });

  it('answers a patron with its campaigns through the loaders', async () => {
    const updated = dataOf(await call(s, 'admin', UPDATE, { id: s.world.patron, patch: { imageCredit: '© Neu' } })).updatePatron;
    expect(updated).toMatchObject({ imageCredit: '© Neu', campaigns: [{ slug: 'woche-2019' }] });
  });

  it('is NOT_FOUND for an unknown patron or another kind of id, and writes nothing', async () => {
    const before = await storedState(s.db);
    for (const id of [toGlobalId('Patron', 9999), s.world.ministry, '']) {
      expectRefused(await call(s, 'admin', UPDATE, { id, patch: { name: 'X' } }), 'NOT_FOUND');
    }
    expect(await storedState(s.db)).toEqual(before);
  });
});
