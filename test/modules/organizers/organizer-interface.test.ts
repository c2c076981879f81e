import { startTestServer, type TestServer } from '../../helpers/test-server';
import { gqlData } from '../../helpers/gql';
import { clusterwoche2017 } from '../../../src/demo-data/clusterwoche-2017';

const byKey = (key: string) => clusterwoche2017.organizers.find((o) => o.key === key)!;
const FRENCH = { 'accept-language': 'fr-CH, fr;q=0.9' };

/** Published demo events that name this organiser (what the public sees by default). */
const publishedEventsOf = (key: string) =>
  clusterwoche2017.events.filter((e) => e.status === 'PUBLISHED' && e.organizerKeys.includes(key));

const ORGANIZER_FIELDS = `
  fragment OrganizerFields on Organizer {
    __typename id name website region { code }
    events(first: 100) { totalCount nodes { slug } }
  }`;

describe('the Organizer interface', () => {
  let server: TestServer;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    const data = await gqlData<{
      ministries: { id: string; shortName: string }[];
      initiatives: { nodes: { id: string; name: string }[] };
      networks: { nodes: { id: string; name: string }[] };
    }>(server.url, `{
      ministries { id shortName }
      initiatives(first: 100) { nodes { id name } }
      networks(first: 100) { nodes { id name } }
    }`);
    ids.wmBw = data.ministries.find((m) => m.shortName === 'WM BW')!.id;
    ids.medtech = data.initiatives.nodes.find((n) => n.name === byKey('medtech-tuttlingen').name.de)!.id;
    ids.connect = data.networks.nodes.find((n) => n.name === byKey('connect-dreilaendereck').name.de)!.id;
    ids.leichtbau = data.networks.nodes.find((n) => n.name === 'Leichtbau BW')!.id;
    ids.smartProduction = data.networks.nodes.find((n) => n.name === byKey('smart-production').name.de)!.id;
  });

  afterAll(async () => {
    await server?.close();
  });

  it('resolves the shared fields through a fragment on Organizer for each kind, with the right __typename', async () => {
    const data = await gqlData<{ nodes: Record<string, unknown>[] }>(server.url, `
      query ($ids: [ID!]!) { nodes(ids: $ids) { ...OrganizerFields } }
      ${ORGANIZER_FIELDS}`, { ids: [ids.wmBw, ids.medtech, ids.connect] });

    const cases: [string, string, string][] = [['Ministry', 'wm-bw', ids.wmBw], ['Initiative', 'medtech-tuttlingen', ids.medtech], ['Network', 'connect-dreilaendereck', ids.connect]];
    cases.forEach(([typename, key, id], i) => {
      const demo = byKey(key);
      const got = data.nodes[i] as { events: { totalCount: number; nodes: { slug: string }[] } };
      expect(got).toMatchObject({
        __typename: typename, id, name: demo.name.de, website: demo.website ?? null, region: { code: demo.regionCode },
      });
      const expected = publishedEventsOf(key).map((e) => e.slug).sort();
      expect(expected.length).toBeGreaterThan(0);
      expect(got.events.totalCount).toBe(expected.length);
      expect(got.events.nodes.map((e) => e.slug).sort()).toEqual(expected);
    });
  });

  it('resolves each kind\'s own fields through `... on` fragments, and only for that kind', async () => {
    const data = await gqlData<{ nodes: Record<string, unknown>[] }>(server.url, `
      query ($ids: [ID!]!) {
        nodes(ids: $ids) {
          __typename
          ... on Ministry { shortName level }
          ... on Initiative { topics }
          ... on Network { scope countries }
        }
      }`, { ids: [ids.wmBw, ids.medtech, ids.connect] });
    expect(data.nodes).toEqual([
      { __typename: 'Ministry', shortName: 'WM BW', level: 'STATE' },
      { __typename: 'Initiative', topics: byKey('medtech-tuttlingen').topics },
      { __typename: 'Network', scope: 'CROSS_BORDER', countries: byKey('connect-dreilaendereck').countries },
    ]);
  });

  it('serves an event\'s organisers as the Organizer interface, in the order given', async () => {
    const slug = 'connect-dreilaendereck-digitalisierung-2017';
    const demo = clusterwoche2017.events.find((e) => e.slug === slug)!;
    const data = await gqlData<{ event: { organizers: { __typename: string; name: string }[] } }>(server.url, `
      query ($slug: String) { event(slug: $slug) { organizers { __typename name } } }`, { slug });
    expect(data.event.organizers).toEqual(demo.organizerKeys.map((k) => ({ __typename: 'Network', name: byKey(k).name.de })));
  });

  it('falls back to German where a name has no French or English translation', async () => {
    const data = await gqlData<{ node: { de: string; fr: string; en: string } }>(server.url, `
      query ($id: ID!) { node(id: $id) { ... on Organizer { de: name(lang: DE) fr: name(lang: FR) en: name(lang: EN) } } }`,
    { id: ids.leichtbau });
    expect(byKey('leichtbau-bw').name.fr).toBeUndefined();
    expect(data.node).toEqual({ de: 'Leichtbau BW', fr: 'Leichtbau BW', en: 'Leichtbau BW' });
  });

  it('gives the translation where one exists', async () => {
    const data = await gqlData<{ node: { de: string; fr: string; en: string } }>(server.url, `
      query ($id: ID!) { node(id: $id) { ... on Organizer { de: name(lang: DE) fr: name(lang: FR) en: name(lang: EN) } } }`,
    { id: ids.medtech });
    const demo = byKey('medtech-tuttlingen').name;
    expect(data.node).toEqual({ de: demo.de, fr: demo.fr, en: demo.en });
  });

  it('answers in German without a lang argument or an Accept-Language header', async () => {
    const data = await gqlData<{ node: { name: string } }>(server.url,
      'query ($id: ID!) { node(id: $id) { ... on Organizer { name } } }', { id: ids.smartProduction });
    expect(data.node.name).toBe(byKey('smart-production').name.de);
  });

  it('answers in French when Accept-Language is "fr-CH, fr;q=0.9" and no lang is given', async () => {
    const data = await gqlData<{ node: { name: string; contacts: { role: string }[] } }>(server.url,
      'query ($id: ID!) { node(id: $id) { ... on Network { name contacts { role } } } }', { id: ids.connect }, FRENCH);
    const demo = byKey('connect-dreilaendereck');
    expect(data.node.name).toBe(demo.name.fr);
    expect(data.node.contacts[0].role).toBe(demo.contacts![0].role!.fr);
  });

  it('lets lang: DE override a French Accept-Language header', async () => {
    const data = await gqlData<{ node: { name: string; plain: string } }>(server.url,
      'query ($id: ID!) { node(id: $id) { ... on Organizer { name(lang: DE) plain: name } } }', { id: ids.smartProduction }, FRENCH);
    expect(data.node).toEqual({ name: byKey('smart-production').name.de, plain: byKey('smart-production').name.fr });
  });

  it('falls back to German under a French Accept-Language header where no French name exists', async () => {
    const data = await gqlData<{ node: { name: string } }>(server.url,
      'query ($id: ID!) { node(id: $id) { ... on Organizer { name } } }', { id: ids.leichtbau }, FRENCH);
    expect(data.node.name).toBe('Leichtbau BW');
  });

  it('answers in English for Accept-Language "en-GB" and in German for a language we do not have', async () => {
    const query = 'query ($id: ID!) { node(id: $id) { ... on Organizer { name } } }';
    const en = await gqlData<{ node: { name: string } }>(server.url, query, { id: ids.medtech }, { 'accept-language': 'en-GB' });
    expect(en.node.name).toBe(byKey('medtech-tuttlingen').name.en);
    const italian = await gqlData<{ node: { name: string } }>(server.url, query, { id: ids.medtech }, { 'accept-language': 'it-IT, es;q=0.5' });
    expect(italian.node.name).toBe(byKey('medtech-tuttlingen').name.de);
  });
});
