import { gqlData } from '../../helpers/gql';
import { PUBLISH, REJECT, SUBMIT, call, dataOf, eventInput, startMutationServer, type MutationServer } from './mutations-kit';

let m: MutationServer;

beforeAll(async () => {
  m = await startMutationServer();
});

afterAll(async () => {
  await m?.close();
});

/** An event of a title starting in a year, as an EventInput for organisers. */
function titled(organizerIds: string[], title: string, year: number): Record<string, unknown> {
  return eventInput(organizerIds, {
    title: { de: title }, startsAt: `${year}-05-12T10:00:00+02:00`, endsAt: `${year}-05-12T16:00:00+02:00`,
  });
}

async function submit(who: 'editor' | 'otherEditor' | 'moderator', input: Record<string, unknown>): Promise<{ id: string; slug: string; status: string }> {
  return dataOf(await call(m, who, SUBMIT, { input })).submitEvent;
}

/** What a slug shows beyond its base: '' for the base itself, '-n' for a number, '-letters' for random letters. */
function shapeAfter(base: string, slug: string): string {
  expect(slug.startsWith(base)).toBe(true);
  return slug.slice(base.length).replace(/^-[0-9]+$/, '-n').replace(/^-[a-z]{6}$/, '-letters');
}

describe('slugs of new events', () => {
  it("look the same to an editor whether or not another organiser's hidden event has the same title and year", async () => {
    // Alpha's editor holds two hidden events of the title in 2030 (one SUBMITTED, one REJECTED); nobody has it in 2031.
    await submit('editor', titled([m.world.alpha], 'Vertrauliches Strategietreffen', 2030));
    const rejected = await submit('editor', titled([m.world.alpha], 'Vertrauliches Strategietreffen', 2030));
    dataOf(await call(m, 'moderator', REJECT, { id: rejected.id, reason: 'Bitte Ort ergänzen.' }));

    const withHidden = await submit('otherEditor', titled([m.world.beta], 'Vertrauliches Strategietreffen', 2030));
    const without = await submit('otherEditor', titled([m.world.beta], 'Vertrauliches Strategietreffen', 2031));
    expect(withHidden.status).toBe('SUBMITTED');
    expect(shapeAfter('vertrauliches-strategietreffen-2030', withHidden.slug))
      .toBe(shapeAfter('vertrauliches-strategietreffen-2031', without.slug));
  });

  it('stay unique for the same title submitted again and again, by editors and the cluster unit alike', async () => {
    const slugs: string[] = [];
    for (let i = 0; i < 3; i += 1) slugs.push((await submit('editor', titled([m.world.alpha], 'Wiederkehrender Stammtisch', 2032))).slug);
    for (let i = 0; i < 3; i += 1) slugs.push((await submit('otherEditor', titled([m.world.beta], 'Wiederkehrender Stammtisch', 2032))).slug);
    for (let i = 0; i < 2; i += 1) slugs.push((await submit('moderator', titled([m.world.gamma], 'Wiederkehrender Stammtisch', 2032))).slug);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('of published events count only published ones, so the public sees no gap where a hidden event is', async () => {
    await submit('editor', titled([m.world.alpha], 'Verborgene Werkstatt', 2033));
    const first = await submit('moderator', titled([m.world.gamma], 'Verborgene Werkstatt', 2033));
    const second = await submit('moderator', titled([m.world.gamma], 'Verborgene Werkstatt', 2033));
    expect([first.status, first.slug, second.slug]).toEqual(['PUBLISHED', 'verborgene-werkstatt-2033', 'verborgene-werkstatt-2033-2']);

    // An editor's event published later keeps its slug, and then shows nothing about others either.
    const late = await submit('editor', titled([m.world.alpha], 'Verborgene Werkstatt', 2033));
    const published = dataOf(await call(m, 'moderator', PUBLISH, { id: late.id })).publishEvent;
    expect(published.slug).toBe(late.slug);
    const listed = await gqlData<{ event: { slug: string } | null }>(m.url, 'query($slug: String!) { event(slug: $slug) { slug } }', { slug: late.slug });
    expect(listed.event).toEqual({ slug: late.slug });
  });
});
