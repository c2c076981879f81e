import { Role } from '../../src/shared/viewer';
import { clusterwoche2017 } from '../../src/demo-data/clusterwoche-2017';
import { seedSynthetic } from '../../src/demo-data/synthetic';
import { getFeed, parseIcs } from '../feeds/feed-kit';
import { authHeaders, createKey } from '../helpers/api-keys';
import { gqlData } from '../helpers/gql';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { ALL_STATUSES, allTexts, frenchSpacingFault, type TextsRow } from './demo-kit';

// Partners in Alsace read the French feed: every demo and synthetic event must carry its own
// French (and English) texts rather than fall back to German.
let server: TestServer;
let admin: Record<string, string>;
let demo: TextsRow[];
let synthetic: TextsRow[];

const SYNTHETIC_EVENTS = 150;

beforeAll(async () => {
  server = await startTestServer({
    prepare: async (db) => {
      await seedSynthetic(db, { events: SYNTHETIC_EVENTS, seed: 7 });
    },
  });
  admin = authHeaders(await createKey(server.db, Role.ADMIN, { name: 'Übersetzungen' }));
  const rows = await allTexts(server.url, { statuses: ALL_STATUSES }, admin);
  const demoSlugs = new Set(clusterwoche2017.events.map((e) => e.slug));
  demo = rows.filter((r) => demoSlugs.has(r.slug));
  synthetic = rows.filter((r) => r.slug.startsWith('syn-s7-'));
}, 120_000);

afterAll(async () => {
  await server?.close();
});

/** The slugs of rows where pick gives the same text in both languages (a fallback). */
const fallbacks = (rows: TextsRow[], pick: (r: TextsRow) => [string | null, string | null]) =>
  rows.filter((r) => {
    const [own, german] = pick(r);
    return own === null || own === german;
  }).map((r) => r.slug);

describe('the demo events in French and English', () => {
  it('gives every demo event a French and an English title of its own, the German one as written', async () => {
    expect(demo).toHaveLength(clusterwoche2017.events.length);
    expect(fallbacks(demo, (r) => [r.titleFr, r.titleDe])).toEqual([]);
    expect(fallbacks(demo, (r) => [r.titleEn, r.titleDe])).toEqual([]);
    // German stays as it was, so searching German words still finds the events.
    const written = new Map(clusterwoche2017.events.map((e) => [e.slug, e]));
    for (const r of demo) {
      expect(r.titleDe).toBe(written.get(r.slug)!.title.de);
      expect(r.descriptionDe).toBe(written.get(r.slug)!.description?.de ?? null);
    }
    const found = await gqlData<{ events: { nodes: { slug: string }[] } }>(server.url,
      '{ events(filter: { text: "Datenintegrität" }) { nodes { slug } } }');
    expect(found.events.nodes.map((n) => n.slug)).toContain('seminar-datenintegritaet-gmp-biberach');
  });

  it('gives every demo event a French and an English description of its own', () => {
    expect(demo.every((r) => r.descriptionDe !== null)).toBe(true);
    expect(fallbacks(demo, (r) => [r.descriptionFr, r.descriptionDe])).toEqual([]);
    expect(fallbacks(demo, (r) => [r.descriptionEn, r.descriptionDe])).toEqual([]);
  });

  it('writes every Baden-Württemberg event of the French feed with a French SUMMARY', async () => {
    const fr = parseIcs((await getFeed(server.url, '/feeds/events.ics?region=DE1&lang=fr')).text).events;
    const de = parseIcs((await getFeed(server.url, '/feeds/events.ics?region=DE1&lang=de')).text).events;
    const german = new Map(de.map((e) => [e.uid, e.summary]));
    expect(fr.length).toBeGreaterThanOrEqual(40);
    expect(fr.filter((e) => e.summary === german.get(e.uid)).map((e) => e.summary)).toEqual([]);
  });

  it('sets French titles and descriptions with no-break spaces before ":" ";" "!" "?" and inside « »', () => {
    const texts = demo.flatMap((r) => [r.titleFr, r.descriptionFr ?? '']);
    expect(texts.map(frenchSpacingFault).filter((f) => f !== null)).toEqual([]);
    expect(texts.some((t) => t.includes('\u00a0:'))).toBe(true);
    expect(texts.some((t) => t.includes('\u202f?'))).toBe(true);
    expect(texts.some((t) => t.includes('«\u00a0') && t.includes('\u00a0»'))).toBe(true);
  });
});

describe('the synthetic events in French and English', () => {
  it('gives every synthetic event a French and an English title of its own', () => {
    expect(synthetic).toHaveLength(SYNTHETIC_EVENTS);
    expect(fallbacks(synthetic, (r) => [r.titleFr, r.titleDe])).toEqual([]);
    expect(fallbacks(synthetic, (r) => [r.titleEn, r.titleDe])).toEqual([]);
  });

  it('describes a synthetic event in French and English whenever it is described in German', () => {
    const described = synthetic.filter((r) => r.descriptionDe !== null);
    expect(described.length).toBeGreaterThan(SYNTHETIC_EVENTS / 2);
    expect(fallbacks(described, (r) => [r.descriptionFr, r.descriptionDe])).toEqual([]);
    expect(fallbacks(described, (r) => [r.descriptionEn, r.descriptionDe])).toEqual([]);
    expect(described.every((r) => r.descriptionFr!.includes(`«\u00a0${r.titleFr}\u00a0»`))).toBe(true);
  });

  it('sets synthetic French texts with French spacing', () => {
    const texts = synthetic.flatMap((r) => [r.titleFr, r.descriptionFr ?? '']);
    expect(texts.map(frenchSpacingFault).filter((f) => f !== null)).toEqual([]);
  });
});
