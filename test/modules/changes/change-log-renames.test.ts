import { Role } from '../../../src/shared/viewer';
import { toGlobalId } from '../../../src/shared/global-id';
import { authHeaders, createKey } from '../../helpers/api-keys';
import { gql, gqlData } from '../../helpers/gql';
import { seed } from '../../helpers/seed-builder';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { appendedBy, entriesAfter } from './change-log-kit';

// An admin's rename of an organiser, campaign or patron changes what the events showing it
// look like (touchEventsShowing moves their updatedAt): each such event gets an UPDATED
// entry, with its version and status as they are, whatever its status.
let server: TestServer;
let admin: Record<string, string>;
const ids: Record<string, string> = {};
const events: Record<string, { key: number; version: number; status: string }> = {};

beforeAll(async () => {
  server = await startTestServer({
    demo: false,
    prepare: async (db) => {
      await seed(db, 'rename')
        .initiative('shown', { name: { de: 'Alte Initiative' } })
        .initiative('other', { name: { de: 'Andere Initiative' } })
        .patron('schirm', { name: 'Erika Schirm' })
        .campaign('woche-2019', { patronKeys: [] })
        .event('published', { organizerKeys: ['shown'], campaignSlug: 'woche-2019' })
        .event('submitted', { organizerKeys: ['other', 'shown'], status: 'SUBMITTED', patronKeys: ['schirm'] })
        .event('cancelled', { organizerKeys: ['shown'], status: 'CANCELLED' })
        .event('untouched', { organizerKeys: ['other'], campaignSlug: 'woche-2019' })
        .load({ now: '2020-01-01T00:00:00Z' });
    },
  });
  admin = authHeaders(await createKey(server.db, Role.ADMIN, { name: 'Stammdaten' }));
  const key = async (sql: string, value: string) => Number((await server.db.query<{ id: number }>(sql, [value]))[0].id);
  ids.shown = toGlobalId('Initiative', await key('SELECT id FROM organizer WHERE name_de = ?', 'Alte Initiative'));
  ids.patron = toGlobalId('Patron', await key('SELECT id FROM patron WHERE name = ?', 'Erika Schirm'));
  ids.campaign = toGlobalId('Campaign', await key('SELECT id FROM campaign WHERE slug = ?', 'woche-2019'));
  for (const r of await server.db.query<{ id: number; slug: string; version: number; status: string }>('SELECT id, slug, version, status FROM event')) {
    events[r.slug] = { key: Number(r.id), version: Number(r.version), status: r.status };
  }
});

afterAll(async () => {
  await server?.close();
});

const mutate = (query: string, variables: Record<string, unknown>) => gqlData(server.url, query, variables, admin);

/** The UPDATED entries expected for events by slug, in key order: version and status unchanged. */
function touched(...slugs: string[]) {
  return slugs.map((s) => events[s]).sort((a, b) => a.key - b.key).map((e) => ({
    event: e.key, kind: 'UPDATED', version: e.version, status: e.status, previousStatus: e.status, dropped: [],
  }));
}

describe('the change log of admin renames', () => {
  it('starts empty: loading data is no change anyone is told of', async () => {
    expect(await entriesAfter(server.db, 0)).toEqual([]);
  });

  it('has UPDATED for every event showing a renamed organiser, hidden ones included, and none for the others', async () => {
    const entries = await appendedBy(server.db, () =>
      mutate('mutation ($id: ID!) { updateInitiative(id: $id, patch: { name: { de: "Neue Initiative" } }) { id } }', { id: ids.shown }));
    expect(entries.map(({ seq: _, ...e }) => e)).toEqual(touched('published', 'submitted', 'cancelled'));
  });

  it('has UPDATED for the events of a renamed campaign and of a renamed patron', async () => {
    const campaign = await appendedBy(server.db, () =>
      mutate('mutation ($id: ID!) { updateCampaign(id: $id, patch: { name: { de: "Clusterwoche 2019" } }) { id } }', { id: ids.campaign }));
    expect(campaign.map(({ seq: _, ...e }) => e)).toEqual(touched('published', 'untouched'));
    const patron = await appendedBy(server.db, () =>
      mutate('mutation ($id: ID!) { updatePatron(id: $id, patch: { name: "Erika Schirm-Neu" }) { id } }', { id: ids.patron }));
    expect(patron.map(({ seq: _, ...e }) => e)).toEqual(touched('submitted'));
  });

  it('has nothing for a rename to the same name, nor for a refused one', async () => {
    const entries = await appendedBy(server.db, async () => {
      await mutate('mutation ($id: ID!) { updateInitiative(id: $id, patch: { name: { de: "Neue Initiative" } }) { id } }', { id: ids.shown });
      const refused = await gql(server.url, 'mutation ($id: ID!) { updateInitiative(id: $id, patch: { name: { de: "  " } }) { id } }', { id: ids.shown }, admin);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
    expect(entries).toEqual([]);
  });
});
