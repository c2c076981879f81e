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

const OUT = `id __typename slug name nameFr: name(lang: FR) startsOn endsOn initiator { __typename id } patrons { id }
  events(first: 1) { totalCount }`;
const CREATE = `mutation ($input: CampaignInput!) { createCampaign(input: $input) { ${OUT} } }`;
const UPDATE = `mutation ($id: ID!, $patch: CampaignPatch!) { updateCampaign(id: $id, patch: $patch) { ${OUT} } }`;

const input = () => ({
  slug: 'clusterwoche-2019',
  name: { de: 'Clusterwoche 2019', fr: 'Semaine des clusters 2019' },
  startsOn: '2019-04-08',
  endsOn: '2019-04-12',
  initiatorId: s.world.leichtbau,
  patronIds: [s.world.otherPatron, s.world.patron],
});

describe('createCampaign', () => {
  it('adds a campaign that campaign(slug:) then returns, with its patrons in order and its initiator', async () => {
    const before = await rowCounts(s.db);
    const created = dataOf(await call(s, 'admin', CREATE, { input: input() })).createCampaign;
    expect(created).toEqual({
      id: expect.any(String), __typename: 'Campaign', slug: 'clusterwoche-2019', name: 'Clusterwoche 2019',
      nameFr: 'Semaine des clusters 2019', startsOn: '2019-04-08', endsOn: '2019-04-12',
      initiator: { __typename: 'Network', id: s.world.leichtbau }, patrons: [{ id: s.world.otherPatron }, { id: s.world.patron }],
      events: { totalCount: 0 },
    });
    expect(await rowCounts(s.db)).toEqual({
      ...before, campaign: before.campaign + 1, campaign_patron: before.campaign_patron + 2, audit_entry: before.audit_entry + 1,
    });
    const read = dataOf(await call(s, 'public', `{ campaign(slug: "clusterwoche-2019") { id name(lang: FR) patrons { name } } }`)).campaign;
    expect(read).toEqual({ id: created.id, name: 'Semaine des clusters 2019', patrons: [{ name: 'Max Zweit' }, { name: 'Erika Schirm' }] });
    const patron = dataOf(await call(s, 'public', `query ($id: ID!) { node(id: $id) { ... on Patron { campaigns { slug } } } }`, { id: s.world.otherPatron })).node;
    expect(patron.campaigns).toEqual([{ slug: 'clusterwoche-2019' }]);

    expect(await auditOf(s, created.id)).toEqual([{
      actor: ADMIN_NAME, action: 'createCampaign', entityId: created.id,
      changes: {
        slug: { old: null, new: 'clusterwoche-2019' },
        name: { old: null, new: { de: 'Clusterwoche 2019', fr: 'Semaine des clusters 2019', en: null } },
        startsOn: { old: null, new: '2019-04-08' },
        endsOn: { old: null, new: '2019-04-12' },
        initiatorId: { old: null, new: s.world.leichtbau },
        patronIds: { old: null, new: [s.world.otherPatron, s.world.patron] },
      },
    }]);
  });

  it('takes a one-day campaign (first day = last day) without initiator or patrons', async () => {
    const created = dataOf(await call(s, 'admin', CREATE, {
      input: { slug: 'tag-2020', name: { de: 'Aktionstag' }, startsOn: '2020-05-05', endsOn: '2020-05-05' },
    })).createCampaign;
    expect(created).toMatchObject({ startsOn: '2020-05-05', endsOn: '2020-05-05', initiator: null, patrons: [] });
  });

  it('refuses a slug another campaign has with BAD_USER_INPUT on input.slug, and writes nothing', async () => {
    const before = await storedState(s.db);
    expectRefused(await call(s, 'admin', CREATE, { input: { ...input(), slug: 'woche-2019' } }), 'BAD_USER_INPUT', 'input.slug');
    expect(await storedState(s.db)).toEqual(before);
  });
});

describe('updateCampaign', () => {
  it('moves the days, replaces the patrons and the initiator, and records old and new values', async () => {
    const updated = dataOf(await call(s, 'admin', UPDATE, {
      id: s.world.campaign,
      patch: { startsOn: '2019-03-01', endsOn: '2019-03-31', patronIds: [s.world.otherPatron], initiatorId: s.world.photonik },
    })).updateCampaign;
    expect(updated).toMatchObject({
      slug: 'woche-2019', startsOn: '2019-03-01', endsOn: '2019-03-31',
      initiator: { __typename: 'Initiative', id: s.world.photonik }, patrons: [{ id: s.world.otherPatron }],
    });
    const [update] = await auditOf(s, s.world.campaign);
    expect(update).toEqual({
      actor: ADMIN_NAME, action: 'updateCampaign', entityId: s.world.campaign,
      changes: {
        startsOn: { old: '2019-01-01', new: '2019-03-01' },
        endsOn: { old: '2019-12-31', new: '2019-03-31' },
        initiatorId: { old: s.world.ministry, new: s.world.photonik },
        patronIds: { old: [s.world.patron], new: [s.world.otherPatron] },
      },
    });
  });

  it('changes the slug to a free one, and keeps its own slug without a clash', async () => {
    const created = dataOf(await call(s, 'admin', CREATE, { input: { ...input(), slug: 'alter-slug', patronIds: [] } })).createCampaign;
    const same = dataOf(await call(s, 'admin', UPDATE, { id: created.id, patch: { slug: 'alter-slug', name: { de: 'Umbenannt' } } })).updateCampaign;
    expect(same).toMatchObject({ slug: 'alter-slug', name: 'Umbenannt' });
    const moved = dataOf(await call(s, 'admin', UPDATE, { id: created.id, patch: { slug: 'neuer-slug' } })).updateCampaign;
    expect(moved.slug).toBe('neuer-slug');
    expect(dataOf(await call(s, 'public', '{ campaign(slug: "alter-slug") { id } }')).campaign).toBeNull();
  });

  it('refuses the slug of another campaign on patch.slug and leaves both as they were', async () => {
    const before = await storedState(s.db);
    expectRefused(await call(s, 'admin', UPDATE, { id: s.world.campaign, patch: { slug: 'tag-2020' } }), 'BAD_USER_INPUT', 'patch.slug');
    expect(await storedState(s.db)).toEqual(before);
  });

  it('blames the first day when a patch moves only it past the stored last day', async () => {
    const before = await storedState(s.db);
    expectRefused(await call(s, 'admin', UPDATE, { id: s.world.campaign, patch: { startsOn: '2019-04-01' } }), 'BAD_USER_INPUT', 'patch.startsOn');
    expectRefused(await call(s, 'admin', UPDATE, { id: s.world.campaign, patch: { endsOn: '2019-02-28' } }), 'BAD_USER_INPUT', 'patch.endsOn');
    expect(await storedState(s.db)).toEqual(before);
  });

  it('is NOT_FOUND for an unknown campaign, and writes nothing', async () => {
    const before = await storedState(s.db);
    for (const id of [toGlobalId('Campaign', 9999), s.world.patron]) {
      expectRefused(await call(s, 'admin', UPDATE, { id, patch: { name: { de: 'X' } } }), 'NOT_FOUND');
    }
    expect(await storedState(s.db)).toEqual(before);
  });
});
