import { Role } from '../../../src/shared/viewer';
import { toGlobalId } from '../../../src/shared/global-id';
import { authHeaders, createKey } from '../../helpers/api-keys';
import { gqlData } from '../../helpers/gql';
import { seed } from '../../helpers/seed-builder';
import { startTestServer, type TestServer } from '../../helpers/test-server';

// Issue 13, point 6: what the public sees of a RELEVANCE search (the order, the scores
// inside its cursors) must not depend on events it cannot see. FTS5's bm25 weighs a word
// by how many indexed documents hold it and by the average document length, hidden
// events included: submitting events with a word moved every public score for it.

let server: TestServer;
let editor: Record<string, string>;
let moderator: Record<string, string>;
let editorOrganizerId: string;

const FILLER = ['Musik', 'Gespräch', 'Ausstellung', 'Führung', 'Imbiss', 'Lesung', 'Tanz', 'Ende', 'Vortrag', 'Markt'];

beforeAll(async () => {
  server = await startTestServer({
    prepare: async (db) => {
      // Published events naming "Bernstein" 1–4 times in descriptions of 3–12 words: their
      // bm25 scores differ by count and by length, so any change of corpus statistics shows.
      await seed(db, 'privat')
        .initiative('bernstein', { regionCode: 'DE111' })
        .events(12, (i) => ({
          slug: `bernstein-abend-${i}`,
          title: { de: `Abend ${i}` },
          description: { de: [...Array(1 + (i % 4)).fill('Bernstein'), ...FILLER.slice(0, 2 + (i % 9))].join(' ') },
          startsAt: `2019-03-${String(1 + i).padStart(2, '0')}T10:00`,
        }))
        .load();
    },
  });
  const [org] = await server.db.query<{ id: number }>("SELECT id FROM organizer WHERE kind = 'INITIATIVE' ORDER BY id LIMIT 1");
  editorOrganizerId = toGlobalId('Initiative', Number(org.id));
  editor = authHeaders(await createKey(server.db, Role.EDITOR, { organizerId: Number(org.id) }));
  moderator = authHeaders(await createKey(server.db, Role.MODERATOR));
});

afterAll(async () => {
  await server?.close();
});

interface RankedPage {
  totalCount: number;
  edges: { cursor: string; node: { slug: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Every page of a public RELEVANCE search, three at a time: slugs and cursors in order. */
async function publicRanking(text: string): Promise<{ totalCount: number; slugs: string[]; cursors: string[] }> {
  const slugs: string[] = [];
  const cursors: string[] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (let guard = 0; guard < 100; guard += 1) {
    const data: { events: RankedPage } = await gqlData(server.url,
      `query ($t: String, $a: String) { events(filter: { text: $t }, orderBy: RELEVANCE, first: 3, after: $a) {
         totalCount edges { cursor node { slug } } pageInfo { hasNextPage endCursor } } }`, { t: text, a: after });
    totalCount = data.events.totalCount;
    for (const e of data.events.edges) {
      slugs.push(e.node.slug);
      cursors.push(e.cursor);
    }
    if (!data.events.pageInfo.hasNextPage) return { totalCount, slugs, cursors };
    after = data.events.pageInfo.endCursor;
  }
  throw new Error('endCursor does not advance');
}

/** An editor submits an event (SUBMITTED: hidden from the public) with this description. */
async function submitHidden(i: number, description: string): Promise<void> {
  await gqlData(server.url, 'mutation ($v: EventInput!) { submitEvent(input: $v) { status } }', {
    v: {
      title: { de: `Bernstein Bernstein Entwurf ${i}` }, description: { de: description }, category: 'SEMINAR',
      startsAt: '2030-05-01T10:00:00+02:00', region: 'DE111', organizerIds: [editorOrganizerId],
    },
  }, editor);
}

describe('orderBy RELEVANCE and hidden events', () => {
  it('gives the public the same order and the same cursors for a word after an editor submits hidden events with it', async () => {
    const before = {
      one: await publicRanking('Bernstein'),
      prefix: await publicRanking('bernst'),
      two: await publicRanking('Bernstein Musik'),
    };
    expect(before.one.totalCount).toBe(12);

    // Long and short hidden documents, full of the word and without the second one: they
    // change the word's document frequency, the average length and the other word's weight.
    for (let i = 0; i < 6; i += 1) {
      await submitHidden(i, i % 2 === 0 ? Array(40).fill('Bernstein').join(' ') : `Bernstein ${FILLER.join(' ')} ${FILLER.join(' ')}`);
    }
    const hidden = await gqlData<{ events: { totalCount: number } }>(server.url,
      '{ events(filter: { text: "Bernstein", statuses: [SUBMITTED] }, orderBy: RELEVANCE) { totalCount } }', undefined, moderator);
    expect(hidden.events.totalCount).toBe(6);

    expect({
      one: await publicRanking('Bernstein'),
      prefix: await publicRanking('bernst'),
      two: await publicRanking('Bernstein Musik'),
    }).toEqual(before);
  });

  it('still ranks an event naming the word more often first, ties by id', async () => {
    const { slugs } = await publicRanking('Bernstein');
    const mentions = (slug: string) => 1 + (Number(slug.split('-').pop()) % 4);
    expect(slugs.map(mentions)).toEqual([...slugs.map(mentions)].sort((a, b) => b - a));
  });
});
