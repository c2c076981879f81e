import { gqlData } from '../helpers/gql';
import { seed } from '../helpers/seed-builder';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { countOf } from '../modules/events/event-test-kit';
import { getFeed, parseIcs, type ParsedEvent } from './feed-kit';

let server: TestServer;

const VISIBLE = ['PUBLISHED', 'CANCELLED'];
const LONG_TITLE =
  'Forum Wasserstoff, Batterie; Brennstoffzelle – Speicher für die Energiewende in Südbaden und der Nordwestschweiz (Tagung über Grenzen)';

beforeAll(async () => {
  server = await startTestServer({
    prepare: async (db) => {
      await seed(db, 'feed')
        .initiative('feed-cluster', { name: { de: 'Cluster Grenzenlos, Basel', fr: 'Cluster sans frontières, Bâle' } })
        .event('feed-lang-titel', {
          title: { de: LONG_TITLE },
          description: { de: 'Erste Zeile.\nZweite Zeile; mit Semikolon, Komma und \\ Backslash.' },
          category: 'CONFERENCE', startsAt: '2019-06-12T09:30', endsAt: '2019-06-12T17:00', timeZone: 'Europe/Zurich',
          regionCode: 'CH031', venue: { name: 'Messe Basel', street: 'Messeplatz 10', postalCode: '4058', city: 'Basel', country: 'CH', latitude: 47.5636, longitude: 7.6009 },
          url: 'https://grenzenlos.example.org/forum?jahr=2019&ort=basel',
        })
        .event('feed-abgesagt', {
          title: { de: 'Abgesagter Workshop', fr: 'Atelier annulé' }, category: 'WORKSHOP', status: 'CANCELLED',
          startsAt: '2019-06-13T10:00', regionCode: 'DE131',
        })
        .event('feed-entwurf', { title: { de: 'Entwurf, nie öffentlich' }, status: 'DRAFT', startsAt: '2019-06-14T10:00' })
        .event('feed-eingereicht', { title: { de: 'Eingereicht, nie öffentlich' }, status: 'SUBMITTED', startsAt: '2019-06-14T11:00' })
        .event('feed-abgelehnt', { title: { de: 'Abgelehnt, nie öffentlich' }, status: 'REJECTED', startsAt: '2019-06-14T12:00' })
        .load();
    },
  });
});

afterAll(async () => {
  await server?.close();
});

async function feed(query = '', headers: Record<string, string> = {}) {
  const res = await getFeed(server.url, `/feeds/events.ics${query}`, headers);
  expect(res.status).toBe(200);
  return { res, ...parseIcs(res.text) };
}

async function eventBySlug(slug: string): Promise<{ id: string; title: string }> {
  const data = await gqlData<{ event: { id: string; title: string } }>(
    server.url, 'query E($s: String!) { event(slug: $s) { id title } }', { s: slug });
  return data.event;
}

function byUid(events: ParsedEvent[], id: string): ParsedEvent {
  const found = events.find((e) => e.uid === `${id}@clustergraph`);
  if (!found) throw new Error(`no VEVENT with the UID of ${id}`);
  return found;
}

describe('GET /feeds/events.ics', () => {
  it('answers text/calendar as a download that ical.js parses, one VEVENT per visible event', async () => {
    const { res, events } = await feed();
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+\.ics"$/);
    expect(events.length).toBe(await countOf(server.url, { statuses: VISIBLE }));
    expect(events.length).toBeGreaterThan(45);
  });

  it('writes CRLF line ends and folds every line at 75 octets', async () => {
    const { res } = await feed();
    expect(res.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(res.text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = res.text.slice(0, -2).split('\r\n');
    expect(lines.some((l) => /[\r\n]/.test(l))).toBe(false);
    expect(Math.max(...lines.map((l) => Buffer.byteLength(l, 'utf8')))).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
  });

  it('keeps each event\'s UID, DTSTAMP and the whole body the same across two pulls', async () => {
    const first = await feed();
    const second = await feed();
    expect(second.events.map((e) => e.uid)).toEqual(first.events.map((e) => e.uid));
    expect(new Set(first.events.map((e) => e.uid)).size).toBe(first.events.length);
    expect(second.res.text).toBe(first.res.text);
    const messe = await eventBySlug('hannover-messe-2017');
    expect(byUid(first.events, messe.id).dtstamp).toMatch(/Z$/);
  });

  it('gives DTSTART a TZID with a VTIMEZONE for Europe/Berlin and every other zone used', async () => {
    const { events, tzids } = await feed();
    expect(tzids).toContain('Europe/Berlin');
    expect(tzids).toContain('Europe/Zurich');
    for (const e of events) expect(tzids).toContain(e.dtstartTzid);
  });

  it('puts the Hannover Messe at 24 April 2017 9:00 to 28 April 18:00 Berlin time', async () => {
    const { events } = await feed();
    const messe = byUid(events, (await eventBySlug('hannover-messe-2017')).id);
    expect(messe.dtstartTzid).toBe('Europe/Berlin');
    expect(messe.dtstartLocal).toBe('2017-04-24T09:00:00');
    expect(messe.start.toISOString()).toBe(new Date('2017-04-24T09:00:00+02:00').toISOString());
    expect(messe.end?.toISOString()).toBe(new Date('2017-04-28T18:00:00+02:00').toISOString());
  });

  it('shows an event in Basel in Zurich time', async () => {
    const { events } = await feed();
    const basel = byUid(events, (await eventBySlug('feed-lang-titel')).id);
    expect(basel.dtstartTzid).toBe('Europe/Zurich');
    expect(basel.start.toISOString()).toBe(new Date('2019-06-12T09:30:00+02:00').toISOString());
  });

  it('writes SUMMARY and DESCRIPTION in French for lang=fr in any case', async () => {
    const messe = await eventBySlug('hannover-messe-2017');
    for (const lang of ['fr', 'FR', 'Fr']) {
      const e = byUid((await feed(`?lang=${lang}`)).events, messe.id);
      expect(e.summary).toBe('Hannover Messe 2017 – les clusters du Bade-Wurtemberg');
      expect(e.description).toMatch(/^La Hannover Messe est un autre lieu central/);
    }
  });

  it('takes the language from Accept-Language without lang, and lang wins over it', async () => {
    const messe = await eventBySlug('hannover-messe-2017');
    const viaHeader = byUid((await feed('', { 'accept-language': 'fr-CH, de;q=0.5' })).events, messe.id);
    expect(viaHeader.summary).toBe('Hannover Messe 2017 – les clusters du Bade-Wurtemberg');
    const both = byUid((await feed('?lang=en', { 'accept-language': 'fr' })).events, messe.id);
    expect(both.summary).toBe('Hannover Messe 2017 – clusters from Baden-Württemberg');
    const none = byUid((await feed()).events, messe.id);
    expect(none.summary).toBe('Hannover Messe 2017 – Cluster aus Baden-Württemberg');
  });

  it('falls back to German where an event has no French text', async () => {
    const germanOnly = await eventBySlug('feed-lang-titel');
    const e = byUid((await feed('?lang=fr')).events, germanOnly.id);
    expect(e.summary).toBe(LONG_TITLE);
    expect(e.description).toMatch(/^Erste Zeile\./);
  });

  it('escapes commas, semicolons, backslashes and newlines so ical.js reads the texts back unchanged', async () => {
    const { events } = await feed();
    const basel = byUid(events, (await eventBySlug('feed-lang-titel')).id);
    expect(basel.summary).toBe(LONG_TITLE);
    expect(basel.description).toBe(
      'Erste Zeile.\nZweite Zeile; mit Semikolon, Komma und \\ Backslash.\n\nVeranstalter: Cluster Grenzenlos, Basel');
  });

  it('lists the category and campaign as CATEGORIES, the venue as LOCATION and the web page as URL', async () => {
    const { events } = await feed();
    const messe = byUid(events, (await eventBySlug('hannover-messe-2017')).id);
    expect(messe.categories).toEqual(['Messe', 'Bundesweite Clusterwoche 2017']);
    expect(messe.location).toBe('Messegelände Hannover, 30521 Hannover, Deutschland');
    const basel = byUid(events, (await eventBySlug('feed-lang-titel')).id);
    expect(basel.categories).toEqual(['Fachtagung']);
    expect(basel.location).toBe('Messe Basel, Messeplatz 10, 4058 Basel, Schweiz');
    expect(basel.url).toBe('https://grenzenlos.example.org/forum?jahr=2019&ort=basel');
    const fr = byUid((await feed('?lang=fr')).events, (await eventBySlug('feed-lang-titel')).id);
    expect(fr.categories).toEqual(['Conférence']);
    expect(fr.location).toBe('Messe Basel, Messeplatz 10, 4058 Basel, Suisse');
    expect(fr.description).toContain('Organisateurs\u00A0: Cluster sans frontières, Bâle');
  });

  it('names the organisers and the registration page in DESCRIPTION', async () => {
    const { events } = await feed();
    const mdr = byUid(events, (await eventBySlug('seminar-medizinprodukteverordnung-tuttlingen')).id);
    expect(mdr.description).toMatch(/\n\nVeranstalter: [^\n]+\nAnmeldung: https:\/\/medtech-cluster\.example\.org\/anmeldung\/mdr-seminar$/);
  });

  it('keeps cancelled events as STATUS:CANCELLED and published ones as CONFIRMED', async () => {
    const { events } = await feed();
    const cancelled = byUid(events, (await eventBySlug('feed-abgesagt')).id);
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.summary).toBe('Abgesagt: Abgesagter Workshop');
    expect(byUid((await feed('?lang=fr')).events, (await eventBySlug('feed-abgesagt')).id).summary).toBe('Annulé\u00A0: Atelier annulé');
    const demoCancelled = byUid(events, (await eventBySlug('workshop-kunststoffrecycling-aalen')).id);
    expect(demoCancelled.status).toBe('CANCELLED');
    const messe = byUid(events, (await eventBySlug('hannover-messe-2017')).id);
    expect(messe.status).toBe('CONFIRMED');
    expect(events.filter((e) => e.status === 'CANCELLED').length)
      .toBe(await countOf(server.url, { statuses: ['CANCELLED'] }));
  });

  it('never lists drafts, submitted or rejected events', async () => {
    const { res, events } = await feed();
    expect(res.text).not.toContain('nie öffentlich');
    expect(res.text).not.toContain('Elektromobilität erfahren');
    expect(events.every((e) => e.status === 'CONFIRMED' || e.status === 'CANCELLED')).toBe(true);
  });

  it('leaves out DTEND of an event without an end and names its region as the place', async () => {
    const { events } = await feed();
    const cancelled = byUid(events, (await eventBySlug('feed-abgesagt')).id);
    expect(cancelled.end).toBeNull();
    expect(cancelled.location).toBe('Freiburg im Breisgau, Stadtkreis, Deutschland');
  });

  it('answers HEAD with the headers alone', async () => {
    const res = await getFeed(server.url, '/feeds/events.ics', {}, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.bytes.length).toBe(0);
  });
});
