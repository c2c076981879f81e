import { gqlData } from '../../helpers/gql';
import { seed } from '../../helpers/seed-builder';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { allEvents, countOf, eventPage, expectBadUserInput, send } from './event-test-kit';

let server: TestServer;

/**
 * 36 published "Bernsteinabend n": descriptions of the same length (eight words) naming
 * "Bernstein" three, two or one times (n % 3), so each group shares one score and the
 * groups rank 3 > 2 > 1; within a group ties go by id, i.e. by seed order.
 */
const ABENDE = Array.from({ length: 36 }, (_, i) => ({ slug: `abend-${i}`, mentions: 3 - (i % 3) }));
const FILLER = ['Musik', 'Gespräch', 'Ausstellung', 'Führung', 'Imbiss', 'Lesung', 'Tanz', 'Ende'];

function description(mentions: number): string {
  return FILLER.map((w, i) => (i < mentions ? 'Bernstein' : w)).join(' ');
}

beforeAll(async () => {
  server = await startTestServer({
    prepare: async (db) => {
      await seed(db, 'rang')
        .initiative('bernstein', { regionCode: 'DE111' })
        .events(ABENDE.length, (i) => ({
          slug: ABENDE[i].slug,
          title: { de: `Abend ${i}` },
          description: { de: description(ABENDE[i].mentions) },
          regionCode: i % 2 === 0 ? 'DE111' : 'DE139',
          startsAt: `2019-03-${String(1 + (i % 28)).padStart(2, '0')}T10:00`,
        }))
        .event('bernstein-dreimal', { title: { de: 'Zirbelholz' }, description: { de: 'Zirbelholz aus Tirol und Zirbelholz für alle' } })
        .event('bernstein-einmal', { title: { de: 'Holzwerkstatt' }, description: { de: 'Zirbelholz aus Tirol und Kiefer für alle' } })
        .event('bernstein-entwurf', { title: { de: 'Bernstein Bernstein Bernstein' }, status: 'DRAFT' })
        .load();
    },
  });
});

afterAll(async () => {
  await server?.close();
});

/** The slugs in ranked order: the three-mention group, then two, then one, each by seed order. */
const RANKED = [3, 2, 1].flatMap((m) => ABENDE.filter((a) => a.mentions === m).map((a) => a.slug));

describe('orderBy: RELEVANCE', () => {
  it('lists an event naming the searched word three times before one naming it once', async () => {
    const { rows } = await allEvents(server.url, { text: 'Zirbelholz' }, 'RELEVANCE');
    expect(rows.map((r) => r.slug)).toEqual(['bernstein-dreimal', 'bernstein-einmal']);
  });

  it('ranks by how often the word occurs, ties by id, and never lists hidden events', async () => {
    const { rows } = await allEvents(server.url, { text: 'Bernstein' }, 'RELEVANCE');
    expect(rows.map((r) => r.slug)).toEqual(RANKED);
  });

  it('pages through every match exactly once, in the same order as one big page, with the full totalCount', async () => {
    const whole = await allEvents(server.url, { text: 'bernst' }, 'RELEVANCE', 100);
    const { rows, pages } = await allEvents(server.url, { text: 'bernst' }, 'RELEVANCE', 5);
    expect(pages).toHaveLength(Math.ceil(ABENDE.length / 5));
    expect(rows.map((r) => r.slug)).toEqual(whole.rows.map((r) => r.slug));
    expect(rows.map((r) => r.slug)).toEqual(RANKED);
    expect(new Set(rows.map((r) => r.id)).size).toBe(ABENDE.length);
    for (const page of pages) expect(page.totalCount).toBe(ABENDE.length);
    expect(await countOf(server.url, { text: 'bernst' })).toBe(ABENDE.length);
  });

  it('gives the same page again for the same cursor', async () => {
    const first = await eventPage(server.url, { filter: { text: 'Bernstein' }, orderBy: 'RELEVANCE', first: 7 });
    const again = await eventPage(server.url, { filter: { text: 'Bernstein' }, orderBy: 'RELEVANCE', first: 5, after: first.pageInfo.endCursor });
    const twice = await eventPage(server.url, { filter: { text: 'Bernstein' }, orderBy: 'RELEVANCE', first: 5, after: first.pageInfo.endCursor });
    expect(again.edges.map((e) => e.node.slug)).toEqual(RANKED.slice(7, 12));
    expect(twice).toEqual(again);
  });

  it('combines with other filters, and totalCount counts the same events as without ranking', async () => {
    const filter = { text: 'Bernstein', region: 'DE111' };
    const ranked = await allEvents(server.url, filter, 'RELEVANCE', 4);
    expect(ranked.rows.map((r) => r.slug)).toEqual(RANKED.filter((slug) => Number(slug.split('-')[1]) % 2 === 0));
    const byStart = await allEvents(server.url, filter, 'START_ASC', 4);
    expect(ranked.pages[0].totalCount).toBe(byStart.pages[0].totalCount);
    expect(ranked.pages[0].totalCount).toBe(ABENDE.length / 2);
  });

  it('refuses RELEVANCE without filter.text with BAD_USER_INPUT on orderBy', async () => {
    for (const filter of [null, { region: 'DE111' }]) {
      const res = await send(server.url, 'query Q($f: EventFilter) { events(filter: $f, orderBy: RELEVANCE) { totalCount } }', { f: filter });
      expectBadUserInput(res, 'orderBy', 'events');
      expect(res.body.errors![0].message).toMatch(/filter\.text/);
    }
  });

  it('refuses a cursor of another order, and a cursor of RELEVANCE in another order, on after', async () => {
    const byStart = await eventPage(server.url, { filter: { text: 'Bernstein' }, orderBy: 'START_ASC', first: 2 });
    const ranked = await eventPage(server.url, { filter: { text: 'Bernstein' }, orderBy: 'RELEVANCE', first: 2 });
    const query = `query Q($o: EventOrder, $a: String) { events(filter: { text: "Bernstein" }, orderBy: $o, after: $a) { totalCount } }`;
    expectBadUserInput(await send(server.url, query, { o: 'RELEVANCE', a: byStart.pageInfo.endCursor }), 'after', 'events');
    expectBadUserInput(await send(server.url, query, { o: 'START_ASC', a: ranked.pageInfo.endCursor }), 'after', 'events');
    const forged = Buffer.from('["RELEVANCE","x",1]').toString('base64url');
    expectBadUserInput(await send(server.url, query, { o: 'RELEVANCE', a: forged }), 'after', 'events');
  });

  it('is refused in an organiser\'s and a campaign\'s events with BAD_USER_INPUT on orderBy', async () => {
    const res = await send(server.url, `{
      initiatives(first: 100) { nodes { events(filter: { text: "Bernstein" }, orderBy: RELEVANCE) { totalCount } } }
    }`);
    expect(res.status).toBe(200);
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orderBy' });
    const campaign = await send(server.url, `{
      campaign(slug: "clusterwoche-2017") { events(filter: { text: "Messe" }, orderBy: RELEVANCE) { totalCount } }
    }`);
    expect(campaign.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orderBy' });
  });

  it('still lists the other orders of a search unranked, by their own key', async () => {
    const data = await gqlData<{ events: { nodes: { slug: string }[] } }>(server.url,
      '{ events(filter: { text: "Bernstein" }, orderBy: TITLE_ASC, first: 3) { nodes { slug } } }');
    expect(data.events.nodes.map((n) => n.slug)).toEqual(['abend-0', 'abend-1', 'abend-10']);
  });
});
