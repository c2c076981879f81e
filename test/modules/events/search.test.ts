import { gql, gqlData } from '../../helpers/gql';
import { pad, seed } from '../../helpers/seed-builder';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { indexEvents } from '../../../src/modules/events/event-search';
import { EventSearch1764000000002 } from '../../../migrations/1764000000002-EventSearch';
import { searchDocument, tsVector } from '../../../src/modules/events/event-search-text';
import { testDbKind } from '../../helpers/test-database';
import { allEvents, countOf, expectBadUserInput, send, slugSet, type EventRow } from './event-test-kit';

let server: TestServer;

const LOERRACH = 'innovationstag-loerrach';
const BALE = 'journee-numerique-bale';
/** "Quantenoptik-Kolloquium n": 30 published events over three regions and categories, some at the same hour. */
const KOLLOQUIEN = Array.from({ length: 30 }, (_, i) => `kolloquium-${i}`);
const REGIONS = ['DE111', 'DE139', 'CH031'];
const CATEGORIES = ['WORKSHOP', 'SEMINAR', 'CONFERENCE'] as const;

beforeAll(async () => {
  server = await startTestServer({
    prepare: async (db) => {
      await seed(db, 'suche')
        .initiative('optik', { regionCode: 'DE111' })
        .event(LOERRACH, {
          title: { de: 'Innovationstag Lörrach', fr: "Journée de l'innovation à Lörrach" },
          regionCode: 'DE139', category: 'CONFERENCE', languages: ['DE', 'FR'],
        })
        .event(BALE, {
          title: { de: 'Digitaltag Basel', fr: 'Journée numérique Bâle-Ville' },
          description: { de: 'Treffen der digitalen Netzwerke in Basel.', fr: 'Rencontre des réseaux numériques du canton de Bâle-Ville.' },
          regionCode: 'CH031', category: 'NETWORKING', languages: ['FR'],
        })
        .events(KOLLOQUIEN.length, (i) => ({
          slug: KOLLOQUIEN[i],
          title: { de: `Quantenoptik-Kolloquium ${i}`, en: `Quantum optics colloquium ${i}` },
          description: { de: 'Laser, Licht und Präzisionsmesstechnik für die Industrie.' },
          regionCode: REGIONS[i % 3], category: CATEGORIES[i % 3],
          startsAt: `2019-0${1 + (i % 3)}-${pad(1 + (i % 4))}T10:00`,
          updatedAt: `2019-12-${pad(1 + (i % 7))}T08:00:00Z`,
        }))
        .event('quantenoptik-stammtisch', { title: { de: 'Quantenoptik-Stammtisch' } })
        .event('kolloquium-leichtbau', { title: { de: 'Kolloquium Leichtbau' } })
        .event('kolloquium-entwurf', { title: { de: 'Quantenoptik-Kolloquium (Entwurf)' }, status: 'DRAFT' })
        .event('go-and-see', { title: { de: 'Go and see: eine Cluster-Tour' } })
        .event('tag-x', { title: { de: 'Tag X der Messtechnik' } })
        .event('xylophon', { title: { de: 'Xylophon-Abend' } })
        .load();
    },
  });
});

afterAll(async () => {
  await server?.close();
});

const search = async (text: string, filter: object = {}, orderBy = 'START_ASC'): Promise<EventRow[]> =>
  (await allEvents(server.url, { ...filter, text }, orderBy)).rows;
const slugsOf = async (text: string, filter: object = {}) => slugSet(await search(text, filter));

describe('full-text search (filter.text)', () => {
  it.each([['Lörrach'], ['Loerrach'], ['lorrach'], ['LÖRRACH'], ['Lo\u0308rrach'], ['lörr']])(
    'finds the event titled "Innovationstag Lörrach" by %j', async (text) => {
      expect(await slugsOf(text)).toContain(LOERRACH);
    });

  it('finds the demo event held in Lörrach by the city of its venue', async () => {
    expect(await slugsOf('Loerrach')).toContain('connect-dreilaendereck-digitalisierung-2017');
  });

  it.each([['Bâle'], ['bale'], ['BALE'], ['Bâle-Ville'], ['bale-ville'], ['journee numerique'], ['Journée']])(
    'finds the event titled "Journée numérique Bâle-Ville" by %j, accents or not', async (text) => {
      expect(await slugsOf(text)).toContain(BALE);
    });

  it.each([
    ['go-cluster', 'go-cluster-jahrestagung-2017'],
    ['Hannover Messe', 'hannover-messe-2017'],
    ['Hoffmeister-Kraut', 'auftakt-gespraech-hoffmeister-kraut-2017'],
    ['Dreiländereck', 'connect-dreilaendereck-digitalisierung-2017'],
  ])('finds the article\'s event by the contract\'s phrase %j', async (text, slug) => {
    expect(await slugsOf(text, { campaign: 'clusterwoche-2017' })).toContain(slug);
    expect(await slugsOf(text)).toContain(slug);
  });

  it('searches descriptions and every language, not only the German title', async () => {
    expect(await slugsOf('Präzisionsmesstechnik')).toEqual(slugSet(KOLLOQUIEN.map((slug) => ({ slug }))));
    expect(await slugsOf('quantum optics colloquium')).toHaveLength(KOLLOQUIEN.length);
    expect(await slugsOf('Semaine des clusters', { campaign: 'clusterwoche-2017' })).toContain('go-cluster-jahrestagung-2017');
  });

  it('requires every word (AND), wherever it stands', async () => {
    const both = await slugsOf('Kolloquium Quantenoptik');
    expect(both).toEqual(slugSet(KOLLOQUIEN.map((slug) => ({ slug }))));
    expect(both).not.toContain('quantenoptik-stammtisch');
    expect(both).not.toContain('kolloquium-leichtbau');
    expect(await slugsOf('Kolloquium')).toEqual(expect.arrayContaining(['kolloquium-leichtbau', ...KOLLOQUIEN]));
  });

  it('matches each word as a prefix', async () => {
    expect(await slugsOf('Dreiländer')).toContain('connect-dreilaendereck-digitalisierung-2017');
    expect(await slugsOf('Hoffm')).toContain('auftakt-gespraech-hoffmeister-kraut-2017');
    expect(await slugsOf('quantenopt kolloq')).toHaveLength(KOLLOQUIEN.length);
  });

  it('matches a word of one character whole, not as a prefix', async () => {
    expect(await slugsOf('X')).toEqual(['tag-x']);
    expect(await slugsOf('Xy')).toEqual(['xylophon']);
  });

  it('keeps the parts of a hyphenated word together, in order', async () => {
    expect(await slugsOf('go-cluster')).not.toContain('go-and-see');
    expect(await slugsOf('go cluster')).toContain('go-and-see');
    expect(await slugsOf('Kolloquium-Quantenoptik')).toEqual([]);
  });

  it('never finds events the viewer may not see', async () => {
    expect(await slugsOf('Quantenoptik-Kolloquium')).not.toContain('kolloquium-entwurf');
  });

  it('combines with region, categories and language, and totalCount counts the same events', async () => {
    const filter = { region: 'DE1', categories: ['WORKSHOP', 'SEMINAR'] };
    const rows = await search('Quantenoptik', filter);
    const expected = KOLLOQUIEN.filter((_, i) => REGIONS[i % 3].startsWith('DE1') && i % 3 !== 2);
    expect(slugSet(rows)).toEqual(slugSet(expected.map((slug) => ({ slug }))));
    expect(await countOf(server.url, { ...filter, text: 'Quantenoptik' })).toBe(expected.length);
    expect(await countOf(server.url, { text: 'Quantenoptik' })).toBe(KOLLOQUIEN.length + 1);
    expect(await slugsOf('Lörrach', { language: 'FR' })).toContain(LOERRACH);
    expect(await slugsOf('Lörrach', { language: 'EN' })).not.toContain(LOERRACH);
  });

  it.each([['START_ASC'], ['START_DESC'], ['UPDATED_DESC'], ['TITLE_ASC']])(
    'pages through the matches in %s order, each page with the full totalCount', async (orderBy) => {
      const whole = (await allEvents(server.url, { text: 'Kolloquium Quantenoptik' }, orderBy, 100)).rows;
      const { rows, pages } = await allEvents(server.url, { text: 'Kolloquium Quantenoptik' }, orderBy, 7);
      expect(pages).toHaveLength(Math.ceil(KOLLOQUIEN.length / 7));
      expect(rows.map((r) => r.slug)).toEqual(whole.map((r) => r.slug));
      expect(new Set(rows.map((r) => r.slug)).size).toBe(KOLLOQUIEN.length);
      for (const page of pages) expect(page.totalCount).toBe(KOLLOQUIEN.length);
    });

  it('filters eventStats and eventsByCategory to the same events as the list', async () => {
    const text = 'Quantenoptik Kolloquium';
    const data = await gqlData<{
      eventStats: { count: number; category: string }[];
      eventsByCategory: { category: string; count: number; events: { slug: string }[] }[];
      events: { totalCount: number };
    }>(server.url, `query Q($f: EventFilter) {
      eventStats(filter: $f, groupBy: [CATEGORY]) { count category }
      eventsByCategory(filter: $f, eventsPerCategory: 50) { category count events { slug } }
      events(filter: $f, first: 0) { totalCount }
    }`, { f: { text } });
    const byCategory = Object.fromEntries(data.eventStats.map((r) => [r.category, r.count]));
    expect(byCategory).toEqual({ WORKSHOP: 10, SEMINAR: 10, CONFERENCE: 10 });
    expect(data.events.totalCount).toBe(30);
    expect(data.eventsByCategory.map((g) => [g.category, g.count])).toEqual(
      expect.arrayContaining([['WORKSHOP', 10], ['SEMINAR', 10], ['CONFERENCE', 10]]));
    expect(data.eventsByCategory).toHaveLength(3);
    expect(slugSet(data.eventsByCategory.flatMap((g) => g.events))).toEqual(slugSet(KOLLOQUIEN.map((slug) => ({ slug }))));
  });

  it('filters the events of a campaign and of an organiser too', async () => {
    const data = await gqlData(server.url, `{
      campaign(slug: "clusterwoche-2017") { events(filter: { text: "Hannover Messe" }) { totalCount nodes { slug } } }
      initiatives(first: 100) { nodes { name(lang: DE) events(filter: { text: "Quantenoptik-Kolloquium" }, first: 5) { totalCount } } }
    }`);
    expect(data.campaign.events.nodes.map((n: { slug: string }) => n.slug)).toContain('hannover-messe-2017');
    expect(data.campaign.events.totalCount).toBe(data.campaign.events.nodes.length);
    const optik = data.initiatives.nodes.find((n: { name: string }) => n.name === 'Organisation optik');
    expect(optik.events.totalCount).toBe(KOLLOQUIEN.length);
  });
});

describe('full-text search with input that is no search', () => {
  it.each([[''], ['   '], ['"'], ['*'], ['('], [')'], ['-'], ['"*():&|!'], ['\\'], ['\u0000'], ['Lör\u0000rach'], ['\ud800'], ['北京']])(
    'refuses %j with BAD_USER_INPUT on filter.text', async (text) => {
      const res = await send(server.url, 'query Q($f: EventFilter) { events(filter: $f) { totalCount } }', { f: { text } });
      expectBadUserInput(res, 'filter.text', 'events');
    });

  it('refuses a text longer than 500 characters, and more than 32 words', async () => {
    for (const text of ['x'.repeat(501), Array.from({ length: 33 }, (_, i) => `w${i}`).join(' ')]) {
      const res = await send(server.url, 'query Q($f: EventFilter) { events(filter: $f) { totalCount } }', { f: { text } });
      expectBadUserInput(res, 'filter.text', 'events');
    }
  });

  it.each([
    ['a:b'], ['OR'], ['AND'], ['NOT'], ['NEAR'], ['"Lörrach'], ['Lörrach*'], ['*Lörrach'], ['(Lörrach'], ['Lörrach OR x'],
    ['go:* <-> x'], ["'; DROP TABLE event; --"], ['x'.repeat(500)], ['a & b | !c'],
  ])('answers %j as words, never with an error', async (text) => {
    const res = await send(server.url, 'query Q($f: EventFilter) { events(filter: $f, first: 100) { totalCount nodes { slug } } }', { f: { text } });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.events.nodes).toHaveLength(Math.min(100, res.body.data.events.totalCount));
  });

  it('reads operators and quotes as plain words: "Lörrach OR x" needs both words', async () => {
    expect(await slugsOf('"Lörrach')).toContain(LOERRACH);
    expect(await slugsOf('Lörrach OR x')).toEqual([]);
  });
});

describe('the search index', () => {
  /** The statements the server sends while fn runs. */
  async function statementsOf(fn: () => Promise<unknown>): Promise<{ sql: string; params: unknown[] }[]> {
    const logger = server.db.dataSource.logger;
    const original = logger.logQuery;
    const seen: { sql: string; params: unknown[] }[] = [];
    logger.logQuery = (sql, params, runner) => {
      seen.push({ sql, params: Array.isArray(params) ? params : [] });
      return original.call(logger, sql, params, runner);
    };
    try {
      await fn();
    } finally {
      logger.logQuery = original;
    }
    return seen;
  }

  it('answers a text filter from the engine\'s full-text index, not with LIKE', async () => {
    const sent = await statementsOf(() => gqlData(server.url, '{ events(filter: { text: "Dreiländereck" }) { nodes { slug } } }'));
    const page = sent.find((s) => /FROM event e/.test(s.sql) && /LIMIT/.test(s.sql));
    expect(page).toBeDefined();
    expect(page!.sql).not.toMatch(/LIKE/i);
    if (server.db.kind === 'sqlite') {
      const plan = await server.db.query<{ detail: string }>(`EXPLAIN QUERY PLAN ${page!.sql}`, page!.params as never[]);
      expect(plan.map((p) => p.detail).join('\n')).toMatch(/event_search VIRTUAL TABLE INDEX \d+:M/);
    } else {
      // The demo's few events make a sequential scan cheaper; forbid it to see that the GIN index serves the condition.
      const plan = await server.db.transaction(async (tx) => {
        await tx.query('SET LOCAL enable_seqscan = off');
        return tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${page!.sql}`, page!.params as never[]);
      });
      expect(plan.map((p) => p['QUERY PLAN']).join('\n')).toMatch(/idx_event_search_document/);
    }
  });

  it('costs the same few statements whatever the page size', async () => {
    const query = `query Q($first: Int) { events(filter: { text: "Quantenoptik" }, first: $first) {
      totalCount nodes { slug region { name } organizers { name } } } }`;
    const small = await gql(server.url, query, { first: 3 });
    const large = await gql(server.url, query, { first: 30 });
    expect(large.body.data.events.nodes).toHaveLength(30);
    const statements = small.body.extensions!.stats!.sqlStatements;
    expect(large.body.extensions!.stats!.sqlStatements).toBe(statements);
    expect(statements).toBeLessThanOrEqual(5);
  });

  it('follows a changed event once indexEvents has seen it', async () => {
    const [{ id }] = await server.db.query<{ id: number }>('SELECT id FROM event WHERE slug = ?', ['quantenoptik-stammtisch']);
    await server.db.transaction(async (tx) => {
      await tx.query('UPDATE event SET title_de = ? WHERE id = ?', ['Atomuhren-Stammtisch', id]);
      await indexEvents(tx, [Number(id)]);
    });
    expect(await slugsOf('Atomuhren')).toEqual(['quantenoptik-stammtisch']);
    expect(await slugsOf('Quantenoptik-Stammtisch')).toEqual([]);
  });

  it('forgets a deleted event by itself (trigger on SQLite, foreign key on PostgreSQL)', async () => {
    const [{ id }] = await server.db.query<{ id: number }>('SELECT id FROM event WHERE slug = ?', ['quantenoptik-stammtisch']);
    await server.db.transaction(async (tx) => {
      await tx.query('DELETE FROM event_organizer WHERE event_id = ?', [id]);
      await tx.query('DELETE FROM event WHERE id = ?', [id]);
    });
    expect(await indexedIds([Number(id)])).toEqual([]);
  });

  it('drops the entry of an id without an event when indexEvents is asked for it', async () => {
    const stray = 999_999;
    if (server.db.kind === 'sqlite') {
      await server.db.query('INSERT INTO event_search (rowid, document) VALUES (?, ?)', [stray, 'atomuhren']);
      expect(await indexedIds([stray])).toEqual([stray]);
    }
    await server.db.transaction((tx) => indexEvents(tx, [stray]));
    expect(await indexedIds([stray])).toEqual([]);
  });

  /** Which of these event ids the search index holds. */
  async function indexedIds(ids: number[]): Promise<number[]> {
    const key = server.db.kind === 'sqlite' ? 'rowid' : 'event_id';
    const rows = await server.db.query<{ id: number }>(
      `SELECT ${key} AS id FROM event_search WHERE ${key} IN (${ids.map(() => '?').join(', ')})`, ids);
    return rows.map((r) => Number(r.id));
  }

  it('stores each text folded, and once more with umlauts as their base letter', () => {
    expect(searchDocument(['Lörrach', 'Bâle-Ville', null, 'Straße', 'cœur'])).toBe('loerrach lorrach bale ville strasse coeur');
  });

  (testDbKind === 'postgres' ? it : it.skip)('writes on PostgreSQL the tsvector that to_tsvector(\'simple\', …) makes of the document', async () => {
    const rows = await server.db.query<Record<string, string | null>>(
      'SELECT title_de, title_fr, title_en, description_de, description_fr, description_en, venue_city FROM event');
    const documents = rows.map((r) => searchDocument(Object.values(r)));
    documents.push(Array.from({ length: 300 }, () => 'wort').join(' '));
    for (const document of documents) {
      const [same] = await server.db.query<{ ok: boolean }>(
        "SELECT CAST(? AS tsvector) = to_tsvector('simple', CAST(? AS text)) AS ok", [tsVector(document), document]);
      expect({ document, ok: same.ok }).toEqual({ document, ok: true });
    }
  });

  it('is filled for the events already there when the migration runs', async () => {
    const runner = server.db.dataSource.createQueryRunner();
    try {
      await new EventSearch1764000000002().down(runner);
      await new EventSearch1764000000002().up(runner);
    } finally {
      await runner.release();
    }
    const [events] = await server.db.query<{ n: number }>('SELECT COUNT(*) AS n FROM event');
    const [indexed] = await server.db.query<{ n: number }>('SELECT COUNT(*) AS n FROM event_search');
    expect(Number(indexed.n)).toBe(Number(events.n));
    expect(await slugsOf('Lorrach')).toContain(LOERRACH);
  });
});
