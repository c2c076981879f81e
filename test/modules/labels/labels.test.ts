import { gql, gqlData } from '../../helpers/gql';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { getFeed, parseIcs } from '../../feeds/feed-kit';
import { buildStatsPage } from '../../stats-page/build-stats-page';

let server: TestServer;

beforeAll(async () => {
  buildStatsPage();
  server = await startTestServer();
}, 120_000);

afterAll(async () => {
  await server?.close();
});

type Item = { value: string; label: string };
type AllLabels = Record<string, Item[]>;

const ALL_LABELS = `query L($lang: Language) { labels(lang: $lang) {
  categories { value label } statuses { value label } dimensions { value label } orders { value label }
  languages { value label } governmentLevels { value label } networkScopes { value label } organizerTypes { value label }
} }`;

/** Each list of `labels` and the enum (or interface) its values come from. */
const LISTS: Record<string, { enum: string } | { implementationsOf: string }> = {
  categories: { enum: 'EventCategory' },
  statuses: { enum: 'EventStatus' },
  dimensions: { enum: 'EventDimension' },
  orders: { enum: 'EventOrder' },
  languages: { enum: 'Language' },
  governmentLevels: { enum: 'GovernmentLevel' },
  networkScopes: { enum: 'NetworkScope' },
  organizerTypes: { implementationsOf: 'Organizer' },
};

const labelsIn = async (lang: string | null, headers?: Record<string, string>) =>
  (await gqlData<{ labels: AllLabels }>(server.url, ALL_LABELS, { lang }, headers)).labels;

const labelOf = (items: Item[], value: string) => items.find((i) => i.value === value)?.label;

const TRADE_FAIRS = `query T($lang: Language) { events(first: 5, filter: { categories: [TRADE_FAIR] }) {
  nodes { category categoryLabel(lang: $lang) status statusLabel(lang: $lang) }
} }`;

describe('labels of enum values', () => {
  it('says "Salon professionnel" for TRADE_FAIR with lang: FR, on the event and in the dropdown list', async () => {
    const { events } = await gqlData(server.url, TRADE_FAIRS, { lang: 'FR' });
    expect(events.nodes.length).toBeGreaterThan(0);
    for (const e of events.nodes) {
      expect(e).toEqual({ category: 'TRADE_FAIR', categoryLabel: 'Salon professionnel', status: 'PUBLISHED', statusLabel: 'Publié' });
    }
    expect(labelOf((await labelsIn('FR')).categories, 'TRADE_FAIR')).toBe('Salon professionnel');
  });

  it('follows Accept-Language when no lang is given, German without either, and a field\'s lang wins over the header', async () => {
    const english = await gqlData(server.url, TRADE_FAIRS, {}, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(english.events.nodes[0]).toMatchObject({ categoryLabel: 'Trade fair', statusLabel: 'Published' });
    expect(labelOf((await labelsIn(null, { 'accept-language': 'en' })).categories, 'COMPANY_VISIT')).toBe('Company visit');

    const german = await gqlData(server.url, TRADE_FAIRS);
    expect(german.events.nodes[0]).toMatchObject({ categoryLabel: 'Messe', statusLabel: 'Veröffentlicht' });
    expect(labelOf((await labelsIn(null)).statuses, 'CANCELLED')).toBe('Abgesagt');

    const frenchOverEnglish = await gqlData(server.url, TRADE_FAIRS, { lang: 'FR' }, { 'accept-language': 'en' });
    expect(frenchOverEnglish.events.nodes[0].categoryLabel).toBe('Salon professionnel');
  });

  it('has a distinct, non-empty label for every value of every listed enum in every language, in the enum\'s order', async () => {
    const intro = await gqlData<{ __schema: { types: { name: string; enumValues: { name: string }[] | null; possibleTypes: { name: string }[] | null }[] } }>(
      server.url, '{ __schema { types { name enumValues { name } possibleTypes { name } } } }',
    );
    const types = new Map(intro.__schema.types.map((t) => [t.name, t]));
    for (const lang of ['DE', 'FR', 'EN']) {
      const labels = await labelsIn(lang);
      expect(Object.keys(labels).sort()).toEqual(Object.keys(LISTS).sort());
      for (const [list, source] of Object.entries(LISTS)) {
        const expected = 'enum' in source
          ? types.get(source.enum)!.enumValues!.map((v) => v.name)
          : types.get(source.implementationsOf)!.possibleTypes!.map((t) => t.name).sort();
        const values = labels[list].map((i) => i.value);
        expect({ list, lang, values: 'enum' in source ? values : [...values].sort() }).toEqual({ list, lang, values: expected });
        for (const item of labels[list]) expect({ list, lang, ...item, label: item.label.trim().length > 0 }).toEqual({ list, lang, ...item, label: true });
        const texts = labels[list].map((i) => i.label);
        expect({ list, lang, distinct: new Set(texts).size }).toEqual({ list, lang, distinct: texts.length });
      }
    }
  });

  it('has a list in labels for every enum of the schema, except the two only admins\' source tools show (file formats and run outcomes)', async () => {
    type TypeRef = { name: string | null; ofType: TypeRef | null };
    type IntroType = { name: string; kind: string; fields: { name: string; type: TypeRef }[] | null };
    const intro = await gqlData<{ __schema: { types: IntroType[] } }>(server.url, `{ __schema { types { name kind
      fields { name type { name ofType { name ofType { name ofType { name ofType { name } } } } } } } } }`);
    const types = new Map(intro.__schema.types.map((t) => [t.name, t]));
    const named = (t: TypeRef): string => t.name ?? named(t.ofType!);
    const labelled = (types.get('Labels')?.fields ?? []).map((list) => {
      const item = types.get(named(list.type))!;
      return named(item.fields!.find((f) => f.name === 'value')!.type);
    });
    const enums = intro.__schema.types.filter((t) => t.kind === 'ENUM' && !t.name.startsWith('__')).map((t) => t.name);
    expect(enums.sort()).toEqual([...labelled.filter((n) => n !== 'String'), 'SourceFormat', 'SourceRunResult'].sort());
  });

  it('labels the groups of eventStats and eventsByCategory, and organisers\' kind, level and scope', async () => {
    const data = await gqlData(server.url, `{
      eventStats(groupBy: [CATEGORY, MONTH]) { category categoryLabel(lang: FR) month }
      eventsByCategory(eventsPerCategory: 0) { category categoryLabel(lang: EN) }
      ministries { __typename level levelLabel(lang: FR) kindLabel }
      networks(first: 50) { nodes { __typename scope scopeLabel(lang: EN) kindLabel(lang: FR) } }
      labels(lang: FR) { categories { value label } organizerTypes { value label } }
    }`);
    const french = new Map(data.labels.categories.map((c: Item) => [c.value, c.label]));
    expect(data.eventStats.length).toBeGreaterThan(0);
    for (const row of data.eventStats) expect(row.categoryLabel).toBe(french.get(row.category));
    const messe = data.eventsByCategory.find((g: { category: string }) => g.category === 'TRADE_FAIR');
    expect(messe.categoryLabel).toBe('Trade fair');
    expect(data.ministries.length).toBeGreaterThan(0);
    for (const m of data.ministries) {
      expect(m.kindLabel).toBe('Ministerium');
      expect(m.levelLabel).toBe(m.level === 'FEDERAL' ? 'Fédéral' : 'Land (État fédéré)');
    }
    const crossBorder = data.networks.nodes.find((n: { scope: string }) => n.scope === 'CROSS_BORDER');
    expect(crossBorder).toMatchObject({ scopeLabel: 'Cross-border', kindLabel: 'Réseau' });
    // A front-end can label an organiser by its __typename with organizerTypes.
    expect(labelOf(data.labels.organizerTypes, data.networks.nodes[0].__typename)).toBe('Réseau');
  });

  it('costs no SQL statement: labels alone none, and label fields none beyond the page they sit on', async () => {
    const alone = await gql(server.url, ALL_LABELS, { lang: 'FR' });
    expect(alone.body.errors).toBeUndefined();
    expect(alone.body.extensions?.stats?.sqlStatements).toBe(0);

    const page = '{ events(first: 50) { nodes { category status organizers { name } } } }';
    const withLabels = '{ events(first: 50) { nodes { category categoryLabel statusLabel(lang: EN) status organizers { name kindLabel } } } }';
    const plain = await gql(server.url, page);
    const labelled = await gql(server.url, withLabels);
    expect(labelled.body.errors).toBeUndefined();
    expect(labelled.body.extensions?.stats?.sqlStatements).toBe(plain.body.extensions?.stats?.sqlStatements);
  });

  it('lets anyone cache the labels for an hour, varying by Accept-Language', async () => {
    const res = await fetch(`${server.url}/graphql?${new URLSearchParams({ query: '{ labels { categories { value label } } }' })}`, {
      headers: { accept: 'application/graphql-response+json, application/json', 'accept-language': 'fr' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(res.headers.get('vary')).toContain('accept-language');
  });
});

describe('one table of labels for GraphQL, the feeds and /stats', () => {
  it('gives the ICS feed\'s CATEGORIES the same words as GraphQL, as before ("Salon professionnel", "Messe")', async () => {
    for (const [lang, word] of [['FR', 'Salon professionnel'], ['DE', 'Messe'], ['EN', 'Trade fair']]) {
      const feed = await getFeed(server.url, `/feeds/events.ics?category=TRADE_FAIR&lang=${lang.toLowerCase()}`);
      expect(feed.status).toBe(200);
      const { events } = parseIcs(feed.text);
      expect(events.length).toBeGreaterThan(0);
      const graphql = labelOf((await labelsIn(lang)).categories, 'TRADE_FAIR');
      expect(graphql).toBe(word);
      for (const e of events) expect(e.categories[0]).toBe(word);
    }
  });

  it('gives the /stats page the same category names, in the same order, as GraphQL in each language', async () => {
    for (const lang of ['DE', 'FR', 'EN']) {
      const res = await fetch(`${server.url}/stats?lang=${lang.toLowerCase()}`);
      expect(res.status).toBe(200);
      const json = /<script type="application\/json" id="stats-config">([\s\S]*?)<\/script>/.exec(await res.text());
      const config = JSON.parse(json![1]) as { categories: Item[] };
      expect(config.categories).toEqual((await labelsIn(lang)).categories);
    }
    const french = (await labelsIn('FR')).categories;
    expect(labelOf(french, 'COMPANY_VISIT')).toBe('Visite d\'entreprise');
  });
});
