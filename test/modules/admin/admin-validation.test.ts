import { toGlobalId } from '../../../src/shared/global-id';
import { call, expectRefused, startAdminServer, storedState, type AdminServer, type AdminWorld } from './admin-kit';

let s: AdminServer;

beforeAll(async () => {
  s = await startAdminServer();
});

afterAll(async () => {
  await s?.close();
});

const long = (n: number, unit = 'a') => unit.repeat(n);
/** An Initiative id carrying a network's key: right type name, wrong kind of row. */
const asInitiative = (networkId: string) => toGlobalId('Initiative', Number(Buffer.from(networkId, 'base64url').toString().split(':')[1]));

const CREATE: Record<string, string> = {
  Ministry: 'mutation ($v: MinistryInput!) { createMinistry(input: $v) { id } }',
  Initiative: 'mutation ($v: InitiativeInput!) { createInitiative(input: $v) { id } }',
  Network: 'mutation ($v: NetworkInput!) { createNetwork(input: $v) { id } }',
  Patron: 'mutation ($v: PatronInput!) { createPatron(input: $v) { id } }',
  Campaign: 'mutation ($v: CampaignInput!) { createCampaign(input: $v) { id } }',
};
const UPDATE: Record<string, string> = {
  Ministry: 'mutation ($id: ID!, $v: MinistryPatch!) { updateMinistry(id: $id, patch: $v) { id } }',
  Initiative: 'mutation ($id: ID!, $v: InitiativePatch!) { updateInitiative(id: $id, patch: $v) { id } }',
  Network: 'mutation ($id: ID!, $v: NetworkPatch!) { updateNetwork(id: $id, patch: $v) { id } }',
  Patron: 'mutation ($id: ID!, $v: PatronPatch!) { updatePatron(id: $id, patch: $v) { id } }',
  Campaign: 'mutation ($id: ID!, $v: CampaignPatch!) { updateCampaign(id: $id, patch: $v) { id } }',
};
/** A valid input of each type; a case replaces some of its fields. */
const VALID: Record<string, (w: AdminWorld) => Record<string, unknown>> = {
  Ministry: () => ({ name: { de: 'Ministerium' }, level: 'FEDERAL', region: 'DE3', website: 'https://example.org' }),
  Initiative: () => ({ name: { de: 'Initiative' }, topics: ['KI'], contacts: [{ name: 'Eine Person', email: 'a@example.org' }] }),
  Network: (w) => ({ name: { de: 'Netz' }, scope: 'REGIONAL', countries: ['DE'], memberIds: [w.medtech], partnerIds: [w.alpen] }),
  Patron: (w) => ({ name: 'Eine Patronin', ministryId: w.ministry }),
  Campaign: (w) => ({ slug: 'gute-woche', name: { de: 'Woche' }, startsOn: '2030-01-01', endsOn: '2030-01-05', initiatorId: w.ministry, patronIds: [w.patron] }),
};
/** Which seeded record each update case patches. */
const TARGET: Record<string, keyof AdminWorld> = {
  Ministry: 'ministry', Initiative: 'medtech', Network: 'leichtbau', Patron: 'patron', Campaign: 'campaign',
};

type Case = [what: string, type: string, over: (w: AdminWorld) => Record<string, unknown>, field: string];

const CREATE_CASES: Case[] = [
  ['an empty German name', 'Ministry', () => ({ name: { de: '  ', fr: 'Ministère' } }), 'input.name.de'],
  ['a French name over 300 characters', 'Ministry', () => ({ name: { de: 'M', fr: long(301, 'é') } }), 'input.name.fr'],
  ['a name with a control character', 'Ministry', () => ({ name: { de: 'Minis\u0007terium' } }), 'input.name.de'],
  ['an abbreviation over 40 characters', 'Ministry', () => ({ shortName: long(41) }), 'input.shortName'],
  ['an unknown region', 'Ministry', () => ({ region: 'DE999' }), 'input.region'],
  ['a region that is not a NUTS code', 'Ministry', () => ({ region: 'Stuttgart' }), 'input.region'],
  ['an ftp website', 'Ministry', () => ({ website: 'ftp://example.org' }), 'input.website'],
  ['a javascript: website', 'Ministry', () => ({ website: 'javascript:alert(1)' }), 'input.website'],
  ['a website that is not absolute', 'Ministry', () => ({ website: 'www.example.org' }), 'input.website'],
  ['a website over 500 characters', 'Ministry', () => ({ website: `https://example.org/${long(500)}` }), 'input.website'],
  ['an empty topic', 'Initiative', () => ({ topics: ['KI', ' '] }), 'input.topics[1]'],
  ['a topic named twice', 'Initiative', () => ({ topics: ['KI', 'Photonik', 'ki'] }), 'input.topics[2]'],
  ['a topic over 100 characters', 'Initiative', () => ({ topics: [long(101)] }), 'input.topics[0]'],
  ['a contact without a name', 'Initiative', () => ({ contacts: [{ name: '' }] }), 'input.contacts[0].name'],
  ['a contact e-mail that is none', 'Initiative', () => ({ contacts: [{ name: 'A' }, { name: 'B', email: 'b(at)example.org' }] }), 'input.contacts[1].email'],
  ['a contact phone without country code', 'Initiative', () => ({ contacts: [{ name: 'A', phone: '0711 123456' }] }), 'input.contacts[0].phone'],
  ['a contact role in French only', 'Initiative', () => ({ contacts: [{ name: 'A', role: { de: '', fr: 'Direction' } }] }), 'input.contacts[0].role.de'],
  ['more than 20 contacts', 'Initiative', () => ({ contacts: Array.from({ length: 21 }, (_, i) => ({ name: `P${i}` })) }), 'input.contacts'],
  ['an unknown member, at its index', 'Network', (w) => ({ memberIds: [w.medtech, toGlobalId('Initiative', 9999)] }), 'input.memberIds[1]'],
  ['a member named twice', 'Network', (w) => ({ memberIds: [w.medtech, w.automotive, w.medtech] }), 'input.memberIds[2]'],
  ['a network as member', 'Network', (w) => ({ memberIds: [w.medtech, w.grenz] }), 'input.memberIds[1]'],
  ['a network\'s key dressed as an initiative id', 'Network', (w) => ({ memberIds: [asInitiative(w.grenz)] }), 'input.memberIds[0]'],
  ['a malformed member id', 'Network', () => ({ memberIds: ['not-an-id'] }), 'input.memberIds[0]'],
  ['an initiative as partner', 'Network', (w) => ({ partnerIds: [w.grenz, w.photonik] }), 'input.partnerIds[1]'],
  ['an unknown country', 'Network', () => ({ countries: ['DE', 'XX'] }), 'input.countries[1]'],
  ['a three-letter country', 'Network', () => ({ countries: ['DEU'] }), 'input.countries[0]'],
  ['a country named twice', 'Network', () => ({ countries: ['DE', 'de'] }), 'input.countries[1]'],
  ['an empty patron name', 'Patron', () => ({ name: '   ' }), 'input.name'],
  ['a title over 60 characters', 'Patron', () => ({ honorific: long(61) }), 'input.honorific'],
  ['an office in French only', 'Patron', () => ({ office: { de: '', fr: 'Ministre' } }), 'input.office.de'],
  ['an initiative as ministry', 'Patron', (w) => ({ ministryId: w.photonik }), 'input.ministryId'],
  ['an unknown ministry', 'Patron', () => ({ ministryId: toGlobalId('Ministry', 9999) }), 'input.ministryId'],
  ['a photo credit over 300 characters', 'Patron', () => ({ imageCredit: long(301) }), 'input.imageCredit'],
  ['a slug with capitals and spaces', 'Campaign', () => ({ slug: 'Clusterwoche 2030' }), 'input.slug'],
  ['a slug with a double hyphen', 'Campaign', () => ({ slug: 'cluster--woche' }), 'input.slug'],
  ['a slug over 100 characters', 'Campaign', () => ({ slug: long(101) }), 'input.slug'],
  ['an empty German name of a campaign', 'Campaign', () => ({ name: { de: '' } }), 'input.name.de'],
  ['a last day before the first', 'Campaign', () => ({ startsOn: '2030-01-05', endsOn: '2030-01-04' }), 'input.endsOn'],
  ['an unknown initiator', 'Campaign', () => ({ initiatorId: toGlobalId('Network', 9999) }), 'input.initiatorId'],
  ['a patron as initiator', 'Campaign', (w) => ({ initiatorId: w.patron }), 'input.initiatorId'],
  ['a patron named twice', 'Campaign', (w) => ({ patronIds: [w.patron, w.patron] }), 'input.patronIds[1]'],
  ['a ministry among the patrons', 'Campaign', (w) => ({ patronIds: [w.patron, w.ministry] }), 'input.patronIds[1]'],
];

const UPDATE_CASES: Case[] = [
  ['a cleared name', 'Ministry', () => ({ name: null }), 'patch.name'],
  ['a cleared level', 'Ministry', () => ({ level: null }), 'patch.level'],
  ['a mailto: website', 'Ministry', () => ({ website: 'mailto:info@example.org' }), 'patch.website'],
  ['an unknown region', 'Ministry', () => ({ region: 'XX9' }), 'patch.region'],
  ['an empty German name', 'Initiative', () => ({ name: { de: '' } }), 'patch.name.de'],
  ['a bad contact e-mail', 'Initiative', () => ({ contacts: [{ name: 'A', email: 'nobody' }] }), 'patch.contacts[0].email'],
  ['a cleared scope', 'Network', () => ({ scope: null }), 'patch.scope'],
  ['the network as its own partner', 'Network', (w) => ({ partnerIds: [w.alpen, w.leichtbau] }), 'patch.partnerIds[1]'],
  ['an unknown member', 'Network', () => ({ memberIds: [toGlobalId('Initiative', 9999)] }), 'patch.memberIds[0]'],
  ['a cleared patron name', 'Patron', () => ({ name: null }), 'patch.name'],
  ['a ministry that is a network', 'Patron', (w) => ({ ministryId: w.grenz }), 'patch.ministryId'],
  ['a cleared slug', 'Campaign', () => ({ slug: null }), 'patch.slug'],
  ['a cleared first day', 'Campaign', () => ({ startsOn: null }), 'patch.startsOn'],
  ['a last day before the stored first day', 'Campaign', () => ({ endsOn: '2018-12-31' }), 'patch.endsOn'],
  ['a slug with an underscore', 'Campaign', () => ({ slug: 'woche_2019' }), 'patch.slug'],
];

describe('the create mutations refuse bad input with BAD_USER_INPUT at the input path and write nothing', () => {
  it.each(CREATE_CASES)('%s (%s)', async (_what, type, over, field) => {
    const before = await storedState(s.db);
    const input = { ...VALID[type](s.world), ...over(s.world) };
    expectRefused(await call(s, 'admin', CREATE[type], { v: input }), 'BAD_USER_INPUT', field);
    expect(await storedState(s.db)).toEqual(before);
  });
});

describe('the update mutations refuse bad patches with BAD_USER_INPUT at the patch path and change nothing', () => {
  it.each(UPDATE_CASES)('%s (%s)', async (_what, type, patch, field) => {
    const before = await storedState(s.db);
    expectRefused(await call(s, 'admin', UPDATE[type], { id: s.world[TARGET[type]], v: patch(s.world) }), 'BAD_USER_INPUT', field);
    expect(await storedState(s.db)).toEqual(before);
  });

  it('checks the whole patch before writing any of it: a good name and a bad member change nothing', async () => {
    const before = await storedState(s.db);
    expectRefused(await call(s, 'admin', UPDATE.Network, {
      id: s.world.leichtbau, v: { name: { de: 'Umbenannt' }, contacts: [{ name: 'Neu' }], memberIds: [s.world.medtech, 'kaputt'] },
    }), 'BAD_USER_INPUT', 'patch.memberIds[1]');
    expect(await storedState(s.db)).toEqual(before);
  });
});

describe('what GraphQL itself refuses', () => {
  it('a date that does not exist, or a missing required field, is BAD_USER_INPUT before anything runs', async () => {
    const before = await storedState(s.db);
    const badDay = await call(s, 'admin', CREATE.Campaign, { v: { ...VALID.Campaign(s.world), startsOn: '2030-02-30' } });
    expect(badDay.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const noScope = await call(s, 'admin', CREATE.Network, { v: { name: { de: 'Netz ohne Reichweite' } } });
    expect(noScope.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await storedState(s.db)).toEqual(before);
  });
});
