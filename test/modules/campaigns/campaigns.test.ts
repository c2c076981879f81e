import { startTestServer, type TestServer } from '../../helpers/test-server';
import { gql, gqlData } from '../../helpers/gql';
import { clusterwoche2017 } from '../../../src/demo-data/clusterwoche-2017';

const SLUG = 'clusterwoche-2017';
const demoCampaign = clusterwoche2017.campaigns.find((c) => c.slug === SLUG)!;
const demoPatron = (key: string) => clusterwoche2017.patrons.find((p) => p.key === key)!;
const organizer = (key: string) => clusterwoche2017.organizers.find((o) => o.key === key)!;
/** What the public sees by default: the campaign's PUBLISHED events. */
const publishedCampaignEvents = clusterwoche2017.events.filter((e) => e.campaignSlug === SLUG && e.status === 'PUBLISHED');

interface PatronRow {
  __typename: string;
  id: string;
  name: string;
  honorific: string | null;
  office: string | null;
  officeFr: string | null;
  officeEn: string | null;
  imageCredit: string | null;
  ministry: { __typename: string; shortName: string } | null;
  campaigns: { slug: string }[];
}

const PATRONS = `{
  patrons {
    __typename id name honorific office officeFr: office(lang: FR) officeEn: office(lang: EN) imageCredit
    ministry { __typename shortName }
    campaigns { slug }
  }
}`;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

describe('patrons', () => {
  it('lists every patron of the demo data with name, title, office in three languages and image credit', async () => {
    const { patrons } = await gqlData<{ patrons: PatronRow[] }>(server.url, PATRONS);
    expect(patrons.map((p) => p.name).sort()).toEqual(clusterwoche2017.patrons.map((p) => p.name).sort());
    for (const demo of clusterwoche2017.patrons) {
      expect(patrons.find((p) => p.name === demo.name)).toMatchObject({
        __typename: 'Patron',
        honorific: demo.honorific ?? null,
        office: demo.office!.de,
        officeFr: demo.office!.fr,
        officeEn: demo.office!.en,
        imageCredit: demo.imageCredit ?? null,
      });
    }
    expect(patrons.find((p) => p.name === 'Johanna Wanka')!.honorific).toBe('Prof. Dr.');
  });

  it('answers the office in French when Accept-Language asks for it, and lang: DE overrides the header', async () => {
    const data = await gqlData<{ patrons: { name: string; office: string; officeDe: string }[] }>(server.url,
      '{ patrons { name office officeDe: office(lang: DE) } }', undefined, { 'accept-language': 'fr-CH, fr;q=0.9' });
    const zypries = data.patrons.find((p) => p.name === 'Brigitte Zypries')!;
    expect(zypries.office).toBe(demoPatron('zypries').office!.fr);
    expect(zypries.officeDe).toBe(demoPatron('zypries').office!.de);
  });

  it('names the ministry of each patron\'s office', async () => {
    const { patrons } = await gqlData<{ patrons: PatronRow[] }>(server.url, PATRONS);
    for (const demo of clusterwoche2017.patrons) {
      const got = patrons.find((p) => p.name === demo.name)!;
      expect(got.ministry).toEqual({ __typename: 'Ministry', shortName: organizer(demo.ministryKey!).shortName });
    }
  });

  it('lists the campaigns each patron is patron of', async () => {
    const { patrons } = await gqlData<{ patrons: PatronRow[] }>(server.url, PATRONS);
    for (const demo of clusterwoche2017.patrons) {
      const expected = clusterwoche2017.campaigns.filter((c) => c.patronKeys.includes(demo.key)).map((c) => c.slug);
      expect(patrons.find((p) => p.name === demo.name)!.campaigns.map((c) => c.slug)).toEqual(expected);
    }
  });
});

describe('campaigns', () => {
  it('finds the Clusterwoche 2017 by slug with its dates, names and initiator', async () => {
    const data = await gqlData<{ campaign: any }>(server.url, `query ($slug: String!) {
      campaign(slug: $slug) {
        __typename id slug name nameFr: name(lang: FR) nameEn: name(lang: EN) startsOn endsOn
        initiator { __typename id name ... on Ministry { shortName level } }
      }
    }`, { slug: SLUG });
    expect(data.campaign).toMatchObject({
      __typename: 'Campaign',
      slug: SLUG,
      name: demoCampaign.name.de,
      nameFr: demoCampaign.name.fr,
      nameEn: demoCampaign.name.en,
      startsOn: '2017-04-20',
      endsOn: '2017-04-28',
      initiator: { __typename: 'Ministry', name: organizer('wm-bw').name.de, shortName: 'WM BW', level: 'STATE' },
    });
  });

  it('names the initiator with the same id the ministries list gives it', async () => {
    const data = await gqlData<{ campaign: { initiator: { id: string } }; ministries: { id: string; shortName: string }[] }>(server.url,
      `{ campaign(slug: "${SLUG}") { initiator { id } } ministries { id shortName } }`);
    expect(data.campaign.initiator.id).toBe(data.ministries.find((m) => m.shortName === 'WM BW')!.id);
  });

  it('lists the campaign\'s patrons in their order', async () => {
    const data = await gqlData<{ campaign: { patrons: { __typename: string; name: string; ministry: { shortName: string } }[] } }>(server.url,
      `{ campaign(slug: "${SLUG}") { patrons { __typename name ministry { shortName } } } }`);
    expect(data.campaign.patrons.map((p) => p.name)).toEqual(demoCampaign.patronKeys.map((k) => demoPatron(k).name));
    expect(data.campaign.patrons.every((p) => p.__typename === 'Patron')).toBe(true);
  });

  it('counts the campaign\'s published events and lists them earliest first', async () => {
    const data = await gqlData<{ campaign: { events: { totalCount: number; nodes: { slug: string; startsAt: string; status: string }[] } } }>(server.url,
      `{ campaign(slug: "${SLUG}") { events(first: 100) { totalCount nodes { slug startsAt status } } } }`);
    expect(data.campaign.events.totalCount).toBe(publishedCampaignEvents.length);
    expect(data.campaign.events.nodes.map((e) => e.slug).sort()).toEqual(publishedCampaignEvents.map((e) => e.slug).sort());
    expect(data.campaign.events.nodes.every((e) => e.status === 'PUBLISHED')).toBe(true);
    const starts = data.campaign.events.nodes.map((e) => Date.parse(e.startsAt));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('counts the same events as the top-level events list filtered by the campaign', async () => {
    const data = await gqlData<{ campaign: { events: { totalCount: number } }; events: { totalCount: number } }>(server.url,
      `{ campaign(slug: "${SLUG}") { events { totalCount } } events(filter: { campaign: "${SLUG}" }) { totalCount } }`);
    expect(data.campaign.events.totalCount).toBe(data.events.totalCount);
    expect(data.campaign.events.totalCount).toBeGreaterThan(35);
  });

  it('lists the campaigns, with the Clusterwoche 2017 among them', async () => {
    const data = await gqlData<{ campaigns: { slug: string; startsOn: string; endsOn: string }[] }>(server.url,
      '{ campaigns { slug startsOn endsOn } }');
    expect(data.campaigns).toEqual(clusterwoche2017.campaigns.map((c) => ({ slug: c.slug, startsOn: c.startsOn, endsOn: c.endsOn })));
  });

  it('answers null, without an error, for a slug no campaign has', async () => {
    const r = await gql(server.url, '{ campaign(slug: "clusterwoche-1917") { id } }');
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data).toEqual({ campaign: null });
  });

  it('round-trips the campaign through node(id)', async () => {
    const { campaign } = await gqlData<{ campaign: { id: string } }>(server.url, `{ campaign(slug: "${SLUG}") { id } }`);
    const data = await gqlData<{ node: { __typename: string; id: string; slug: string } }>(server.url,
      'query ($id: ID!) { node(id: $id) { __typename id ... on Campaign { slug } } }', { id: campaign.id });
    expect(data.node).toEqual({ __typename: 'Campaign', id: campaign.id, slug: SLUG });
  });
});
