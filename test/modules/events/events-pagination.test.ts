import { pad, seed } from '../../helpers/seed-builder';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { allEvents, eventPage, EVENTS_PAGE, expectBadUserInput, instant, send, type EventPage } from './event-test-kit';

let server: TestServer;

const N = 150;
const FILTER = { campaign: 'blaettern' };

beforeAll(async () => {
  server = await startTestServer({
    prepare: async (db) => {
      await seed(db, 'blaettern')
        .initiative('seitenweise')
        .campaign('blaettern')
        // 10 distinct starts, 15 events each; 20 distinct titles; 3 distinct change times.
        .events(N, (i) => ({
          campaignSlug: 'blaettern',
          startsAt: `2019-05-${pad(1 + (i % 10))}T09:00`,
          title: { de: `Termin ${pad(i % 20)}` },
          updatedAt: `2022-0${1 + (i % 3)}-01T00:00:00Z`,
        }))
        .load();
    },
  });
});

afterAll(async () => {
  await server?.close();
});

/** Every page of FILTER in an order, `size` at a time. */
async function walk(orderBy: string, size: number): Promise<EventPage[]> {
  return (await allEvents(server.url, FILTER, orderBy, size)).pages;
}

describe('walking all pages with first: 7', () => {
  let pages: EventPage[];
  beforeAll(async () => {
    pages = await walk('START_ASC', 7);
  });

  it('returns every matching event exactly once, earliest first, ties included', async () => {
    const slugs = pages.flatMap((p) => p.edges.map((e) => e.node.slug));
    expect(slugs).toHaveLength(N);
    expect(new Set(slugs).size).toBe(N);
    const starts = pages.flatMap((p) => p.edges.map((e) => instant(e.node.startsAt)));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(pages).toHaveLength(Math.ceil(N / 7));
    expect(pages[pages.length - 1].edges).toHaveLength(N % 7);
  });

  it('reports the same totalCount on every page', () => {
    expect(pages.map((p) => p.totalCount)).toEqual(pages.map(() => N));
  });

  it('says hasNextPage until the last page and hasPreviousPage after a cursor', () => {
    expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual(pages.map((_, i) => i < pages.length - 1));
    expect(pages.map((p) => p.pageInfo.hasPreviousPage)).toEqual(pages.map((_, i) => i > 0));
  });

  it('gives the first and last edge cursors as startCursor and endCursor', () => {
    for (const p of pages) {
      expect(p.pageInfo.startCursor).toBe(p.edges[0].cursor);
      expect(p.pageInfo.endCursor).toBe(p.edges[p.edges.length - 1].cursor);
    }
  });

  it('continues behind any edge cursor, not only endCursor', async () => {
    const all = pages.flatMap((p) => p.edges);
    const from = all[40];
    const next = await eventPage(server.url, { filter: FILTER, first: 5, after: from.cursor });
    expect(next.edges.map((e) => e.node.slug)).toEqual(all.slice(41, 46).map((e) => e.node.slug));
  });
});

describe('walking in the other orders', () => {
  it.each([['START_DESC'], ['TITLE_ASC'], ['UPDATED_DESC']])(
    '%s with first: 7 returns every event once, in the order of one big page', async (order) => {
      const small = (await walk(order, 7)).flatMap((p) => p.edges.map((e) => e.node.slug));
      const big = (await walk(order, 100)).flatMap((p) => p.edges.map((e) => e.node.slug));
      expect(small).toHaveLength(N);
      expect(new Set(small).size).toBe(N);
      expect(small).toEqual(big);
    });
});

describe('cursors', () => {
  it('refuses a cursor made for another order with BAD_USER_INPUT on after', async () => {
    const asc = await eventPage(server.url, { filter: FILTER, orderBy: 'START_ASC', first: 3 });
    for (const orderBy of ['START_DESC', 'UPDATED_DESC', 'TITLE_ASC']) {
      const res = await send(server.url, EVENTS_PAGE, { filter: FILTER, orderBy, first: 3, after: asc.pageInfo.endCursor });
      expectBadUserInput(res, 'after', 'events');
    }
  });

  it.each([
    ['garbage', 'this is not a cursor!'],
    ['base64 of nonsense', Buffer.from('hello world').toString('base64url')],
    ['a forged cursor with a text where a start belongs', Buffer.from('["START_ASC","x",1]').toString('base64url')],
  ])('refuses %s with BAD_USER_INPUT on after', async (_what, after) => {
    expectBadUserInput(await send(server.url, EVENTS_PAGE, { filter: FILTER, first: 3, after }), 'after', 'events');
  });
});

describe('page sizes', () => {
  it.each([[101], [-1], [1000]])('refuses first: %i with BAD_USER_INPUT on first', async (first) => {
    expectBadUserInput(await send(server.url, EVENTS_PAGE, { filter: FILTER, first }), 'first', 'events');
  });

  it('hands out a full page for first: 100', async () => {
    const page = await eventPage(server.url, { filter: FILTER, first: 100 });
    expect(page.edges).toHaveLength(100);
    expect(page.totalCount).toBe(N);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  it('gives no edges for first: 0, but still the totalCount', async () => {
    const page = await eventPage(server.url, { filter: FILTER, first: 0 });
    expect(page.edges).toEqual([]);
    expect(page.totalCount).toBe(N);
    expect(page.pageInfo.startCursor).toBeNull();
  });

  it('uses 20 when first is not given', async () => {
    const res = await send(server.url, '{ events(filter: { campaign: "blaettern" }) { nodes { slug } } }');
    expect(res.body.data.events.nodes).toHaveLength(20);
  });
});
