import { gqlData } from '../../helpers/gql';
import { seed } from '../../helpers/seed-builder';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { allEvents, instant, slugSet } from './event-test-kit';

let server: TestServer;

/** Titles in the order a German reader expects, whatever case, umlauts and accents. */
const TITLES_IN_ORDER = [
  'Adler-Treffen',
  'Ärger im Büro',
  'Birnen und Äpfel',
  'ÉCOLE franco-allemande',
  'obstbau heute',
  'Ölmühle besichtigen',
  'Übergänge gestalten',
  'ulmer Gespräche',
  'Zukunftstag',
];

/** updatedAt of the change-order events; equal instants are ties. */
const CHANGES: [string, string][] = [
  ['aenderung-a', '2021-03-01T12:00:00Z'],
  ['aenderung-b', '2021-01-01T12:00:00Z'],
  ['aenderung-c', '2021-05-01T12:00:00Z'],
  ['aenderung-d', '2021-01-01T12:00:00Z'],
  ['aenderung-e', '2021-05-01T12:00:00Z'],
  ['aenderung-f', '2021-02-01T12:00:00Z'],
];

beforeAll(async () => {
  server = await startTestServer({
    prepare: async (db) => {
      // Shuffled on purpose: insertion order (and so ids) must not decide the title order.
      const shuffled = [4, 8, 1, 6, 0, 3, 7, 2, 5].map((i) => TITLES_IN_ORDER[i]);
      await seed(db, 'titel')
        .initiative('ordnung')
        .campaign('titel-ordnung')
        .campaign('aenderungen')
        .events(shuffled.length, (i) => ({ title: { de: shuffled[i] }, campaignSlug: 'titel-ordnung' }))
        // Two events with one title: a tie only the id can break.
        .event('zwilling-1', { title: { de: 'Mittagstisch' }, campaignSlug: 'titel-ordnung' })
        .event('zwilling-2', { title: { de: 'MITTAGSTISCH' }, campaignSlug: 'titel-ordnung' })
        .events(CHANGES.length, (i) => ({
          slug: CHANGES[i][0], updatedAt: CHANGES[i][1], campaignSlug: 'aenderungen', startsAt: '2021-06-01T10:00',
        }))
        .load();
    },
  });
});

afterAll(async () => {
  await server?.close();
});

async function titlesOf(filter: object, orderBy: string, first = 100): Promise<{ slug: string; title: string }[]> {
  const out: { slug: string; title: string }[] = [];
  let after: string | null = null;
  for (;;) {
    const data: any = await gqlData(server.url, `query T($f: EventFilter, $o: EventOrder, $n: Int, $a: String) {
      events(filter: $f, orderBy: $o, first: $n, after: $a) { pageInfo { hasNextPage endCursor } nodes { slug title(lang: DE) } } }`,
    { f: filter, o: orderBy, n: first, a: after });
    out.push(...data.events.nodes);
    if (!data.events.pageInfo.hasNextPage) return out;
    after = data.events.pageInfo.endCursor;
  }
}

describe('ordering by start', () => {
  it('START_ASC lists the earliest start first', async () => {
    const { rows } = await allEvents(server.url, { campaign: 'clusterwoche-2017' }, 'START_ASC');
    const starts = rows.map((e) => instant(e.startsAt));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(rows[0].startsAt.startsWith('2017-04-20T10:00')).toBe(true);
  });

  it('START_DESC lists the latest start first, the same events as START_ASC', async () => {
    const asc = (await allEvents(server.url, {}, 'START_ASC')).rows;
    const desc = (await allEvents(server.url, {}, 'START_DESC')).rows;
    const starts = desc.map((e) => instant(e.startsAt));
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    expect(slugSet(desc)).toEqual(slugSet(asc));
    expect(desc[0].slug).toBe(asc[asc.length - 1].slug);
  });
});

describe('ordering by change', () => {
  it('UPDATED_DESC lists the most recently changed first', async () => {
    const { rows } = await allEvents(server.url, { campaign: 'aenderungen' }, 'UPDATED_DESC');
    expect(rows.map((e) => e.updatedAt)).toEqual([
      '2021-05-01T12:00:00Z', '2021-05-01T12:00:00Z', '2021-03-01T12:00:00Z',
      '2021-02-01T12:00:00Z', '2021-01-01T12:00:00Z', '2021-01-01T12:00:00Z',
    ]);
    expect(rows.slice(0, 2).map((e) => e.slug).sort()).toEqual(['aenderung-c', 'aenderung-e']);
    expect(rows.slice(2, 4).map((e) => e.slug)).toEqual(['aenderung-a', 'aenderung-f']);
    expect(rows.slice(4).map((e) => e.slug).sort()).toEqual(['aenderung-b', 'aenderung-d']);
  });

  it('UPDATED_DESC puts events changed now first, then those changed in 2021, then the demo events of 2017', async () => {
    const { rows } = await allEvents(server.url, {}, 'UPDATED_DESC');
    const updated = rows.map((e) => instant(e.updatedAt));
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
    const changes = CHANGES.map(([slug]) => slug);
    const first = rows.findIndex((e) => changes.includes(e.slug));
    expect(first).toBeGreaterThan(0);
    expect(rows.slice(first, first + changes.length).map((e) => e.slug).sort()).toEqual([...changes].sort());
    expect(rows.slice(first + changes.length).every((e) => e.updatedAt.startsWith('2017-'))).toBe(true);
  });
});

describe('ordering by title', () => {
  it('TITLE_ASC sorts German titles ignoring case, umlauts and accents', async () => {
    const rows = await titlesOf({ campaign: 'titel-ordnung' }, 'TITLE_ASC');
    const titles = rows.map((r) => r.title).filter((t) => t.toLowerCase() !== 'mittagstisch');
    expect(titles).toEqual(TITLES_IN_ORDER);
  });

  it('TITLE_ASC keeps two events with the same title together, between their neighbours', async () => {
    const titles = (await titlesOf({ campaign: 'titel-ordnung' }, 'TITLE_ASC')).map((r) => r.title);
    const i = titles.indexOf('Mittagstisch');
    const j = titles.indexOf('MITTAGSTISCH');
    expect(Math.abs(i - j)).toBe(1);
    expect(titles[Math.min(i, j) - 1]).toBe('ÉCOLE franco-allemande');
    expect(titles[Math.max(i, j) + 1]).toBe('obstbau heute');
  });
});

describe('ties', () => {
  it.each([['START_ASC'], ['START_DESC'], ['UPDATED_DESC'], ['TITLE_ASC']])(
    '%s breaks ties the same way on every request and on every page size', async (order) => {
      const once = (await titlesOf({}, order, 100)).map((r) => r.slug);
      const again = (await titlesOf({}, order, 100)).map((r) => r.slug);
      const byOne = (await titlesOf({}, order, 1)).map((r) => r.slug);
      const byThree = (await titlesOf({}, order, 3)).map((r) => r.slug);
      expect(again).toEqual(once);
      expect(byOne).toEqual(once);
      expect(byThree).toEqual(once);
      expect(new Set(once).size).toBe(once.length);
    });

  it('the demo data has events sharing a start, so the tie rule is exercised', async () => {
    const { rows } = await allEvents(server.url, {}, 'START_ASC');
    const atTen = rows.filter((e) => e.startsAt === '2017-04-22T10:00:00+02:00');
    expect(atTen.length).toBeGreaterThanOrEqual(3);
  });
});
