import { Role } from '../../../src/shared/viewer';
import { toGlobalId } from '../../../src/shared/global-id';
import { authHeaders, createKey } from '../../helpers/api-keys';
import { gqlData } from '../../helpers/gql';
import { seed } from '../../helpers/seed-builder';
import { startTestServer, type TestServer } from '../../helpers/test-server';

// A partner's copy shows organiser, campaign and patron names on its events: when an admin
// changes one, the events showing it must come back in the next incremental pull.
let server: TestServer;
let admin: Record<string, string>;
const ids: Record<string, string> = {};

const LONG_AGO = '2020-01-01T00:00:00Z';
const SINCE = '2021-01-01T00:00:00Z';

beforeAll(async () => {
  server = await startTestServer({
    demo: false,
    prepare: async (db) => {
      await seed(db, 'pull')
        .initiative('shown', { name: { de: 'Alte Initiative' } })
        .initiative('other', { name: { de: 'Andere Initiative' } })
        .patron('schirm', { name: 'Erika Schirm' })
        .campaign('woche-2019', { patronKeys: [] })
        .event('with-all', { organizerKeys: ['shown'], campaignSlug: 'woche-2019', patronKeys: ['schirm'] })
        .event('untouched', { organizerKeys: ['other'] })
        .load({ now: LONG_AGO });
    },
  });
  admin = authHeaders(await createKey(server.db, Role.ADMIN, { name: 'Stammdaten' }));
  const key = async (sql: string, value: string) => Number((await server.db.query<{ id: number }>(sql, [value]))[0].id);
  ids.shown = toGlobalId('Initiative', await key('SELECT id FROM organizer WHERE name_de = ?', 'Alte Initiative'));
  ids.patron = toGlobalId('Patron', await key('SELECT id FROM patron WHERE name = ?', 'Erika Schirm'));
  ids.campaign = toGlobalId('Campaign', await key('SELECT id FROM campaign WHERE slug = ?', 'woche-2019'));
});

afterAll(async () => {
  await server?.close();
});

interface Pulled { slug: string; updatedAt: string; version: number; organizers: { name: string }[]; campaign: { name: string } | null; patrons: { name: string }[] }

async function pull(since = SINCE): Promise<Pulled[]> {
  const data = await gqlData<{ events: { nodes: Pulled[] } }>(server.url, `query ($since: DateTime) {
    events(filter: { updatedSince: $since, statuses: [PUBLISHED, CANCELLED] }, orderBy: UPDATED_DESC, first: 100) {
      nodes { slug updatedAt version organizers { name } campaign { name } patrons { name } }
    }
  }`, { since });
  return data.events.nodes;
}

const mutate = (query: string, variables: Record<string, unknown>) => gqlData(server.url, query, variables, admin);

describe('incremental pulls after an admin changes what events show', () => {
  it('start with nothing changed since the seed', async () => {
    expect(await pull()).toEqual([]);
  });

  it('bring back the events of a renamed organiser, with the new name and the same version', async () => {
    await mutate('mutation ($id: ID!) { updateInitiative(id: $id, patch: { name: { de: "Neue Initiative" } }) { id } }', { id: ids.shown });
    const pulled = await pull();
    expect(pulled.map((e) => e.slug)).toEqual(['with-all']);
    expect(pulled[0]).toMatchObject({ version: 1, organizers: [{ name: 'Neue Initiative' }] });
  });

  it('bring them back again after their campaign or patron changes, each time later', async () => {
    const [first] = await pull();
    await mutate('mutation ($id: ID!) { updateCampaign(id: $id, patch: { name: { de: "Clusterwoche 2019" } }) { id } }', { id: ids.campaign });
    const [second] = await pull(first.updatedAt);
    expect(second).toMatchObject({ slug: 'with-all', campaign: { name: 'Clusterwoche 2019' } });
    expect(Date.parse(second.updatedAt)).toBeGreaterThan(Date.parse(first.updatedAt));

    await mutate('mutation ($id: ID!) { updatePatron(id: $id, patch: { name: "Erika Schirm-Neu" }) { id } }', { id: ids.patron });
    const [third] = await pull(second.updatedAt);
    expect(third).toMatchObject({ slug: 'with-all', patrons: [{ name: 'Erika Schirm-Neu' }] });
    expect(Date.parse(third.updatedAt)).toBeGreaterThan(Date.parse(second.updatedAt));
  });

  it('change nothing for a patch that changes nothing', async () => {
    const [before] = await pull();
    await mutate('mutation ($id: ID!) { updateInitiative(id: $id, patch: { name: { de: "Neue Initiative" } }) { id } }', { id: ids.shown });
    const [after] = await pull();
    expect(after.updatedAt).toBe(before.updatedAt);
  });
});
