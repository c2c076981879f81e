import * as XLSX from '@e965/xlsx';
import { Role } from '../../src/shared/viewer';
import { authHeaders, createKey } from '../helpers/api-keys';
import { gqlData } from '../helpers/gql';
import { seed } from '../helpers/seed-builder';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { getFeed, parseCsv, parseIcs, type ParsedEvent } from './feed-kit';

let server: TestServer;
let moderator: Record<string, string>;
const ids: Record<string, string> = {};

/** Written by its canceller in German only; its own ';' and '!' are not ours to respace. */
const REASON = 'Der Referent ist erkrankt; ein neuer Termin folgt!';

/** The columns the CSV had before cancellationReason: their positions must not move. */
const EARLIER_COLUMNS = [
  'id', 'title', 'category', 'status', 'startsAt', 'endsAt', 'timeZone', 'region', 'city', 'country', 'organizers', 'url',
  'slug', 'description', 'regionName', 'venue', 'street', 'postalCode', 'campaign', 'registrationUrl', 'languages', 'updatedAt', 'allDay',
];

beforeAll(async () => {
  server = await startTestServer({
    prepare: async (db) => {
      await seed(db, 'storno')
        .initiative('storno-cluster', { name: { de: 'Cluster Oberrhein', fr: 'Cluster Rhin supérieur' } })
        .event('storno-mit-grund', {
          title: { de: 'Werkstattgespräch Wasserstoff', fr: 'Atelier hydrogène', en: 'Hydrogen workshop' },
          description: { de: 'Gespräch in der Werkstatt.', fr: 'Discussion à l\'atelier.' },
          startsAt: '2019-09-10T14:00', registrationUrl: 'https://oberrhein.example.org/anmeldung',
        })
        .event('storno-ohne-grund', { title: { de: 'Stammtisch ohne Grund' }, startsAt: '2019-09-11T18:00' })
        .event('storno-abgelehnt', { title: { de: 'Abgelehnter Vorschlag' }, status: 'SUBMITTED', startsAt: '2019-09-12T10:00' })
        .load();
    },
  });
  moderator = authHeaders(await createKey(server.db, Role.MODERATOR));
  for (const slug of ['storno-mit-grund', 'storno-ohne-grund', 'storno-abgelehnt']) {
    ids[slug] = (await gqlData<{ event: { id: string } }>(server.url, 'query ($s: String!) { event(slug: $s) { id } }', { s: slug }, moderator)).event.id;
  }
  const cancel = 'mutation ($id: ID!, $reason: String) { cancelEvent(id: $id, reason: $reason) { status } }';
  await gqlData(server.url, cancel, { id: ids['storno-mit-grund'], reason: REASON }, moderator);
  await gqlData(server.url, cancel, { id: ids['storno-ohne-grund'], reason: null }, moderator);
  await gqlData(server.url, 'mutation ($id: ID!, $reason: String!) { rejectEvent(id: $id, reason: $reason) { status } }',
    { id: ids['storno-abgelehnt'], reason: 'Bitte Ort ergänzen.' }, moderator);
});

afterAll(async () => {
  await server?.close();
});

async function icsEvent(slug: string, query = ''): Promise<ParsedEvent> {
  const res = await getFeed(server.url, `/feeds/events.ics${query}`);
  expect(res.status).toBe(200);
  const found = parseIcs(res.text).events.find((e) => e.uid === `${ids[slug]}@clustergraph`);
  if (!found) throw new Error(`no VEVENT for ${slug}`);
  return found;
}

async function csvRows(query = '', headers: Record<string, string> = {}) {
  const res = await getFeed(server.url, `/exports/events.csv${query}`, headers);
  expect(res.status).toBe(200);
  return parseCsv(res.text);
}

describe('a cancellation\'s reason in the feeds', () => {
  it('opens the calendar DESCRIPTION with the reason, the event STATUS:CANCELLED; without a reason there is no such line', async () => {
    const event = await icsEvent('storno-mit-grund');
    expect(event.status).toBe('CANCELLED');
    expect(event.summary).toBe('Abgesagt: Werkstattgespräch Wasserstoff');
    expect(event.description).toBe(
      `Abgesagt: ${REASON}\n\nGespräch in der Werkstatt.\n\nVeranstalter: Cluster Oberrhein\nAnmeldung: https://oberrhein.example.org/anmeldung`);
    const withoutReason = await icsEvent('storno-ohne-grund');
    expect([withoutReason.status, withoutReason.description]).toEqual(['CANCELLED', 'Veranstalter: Cluster Oberrhein']);
  });

  it('labels the reason in the feed\'s language and keeps its text as written', async () => {
    const en = await icsEvent('storno-mit-grund', '?lang=en');
    expect(en.description).toMatch(new RegExp(`^Cancelled: ${REASON}\n\nGespräch`));
    expect(`${en.summary}\n${en.description}`).not.toMatch(/[\u00A0\u202F]/); // English keeps a plain colon
    expect((await icsEvent('storno-mit-grund', '?lang=fr')).description).toMatch(new RegExp(`^Annulé\u00A0: ${REASON}\n\nDiscussion`));
  });

  it('appends a cancellationReason column to the CSV, every earlier column where it was', async () => {
    const { header, rows } = await csvRows();
    expect(header).toEqual([...EARLIER_COLUMNS, 'cancellationReason']);
    const reasonOf = (slug: string) => rows.find((r) => r.slug === slug)?.cancellationReason;
    expect([reasonOf('storno-mit-grund'), reasonOf('storno-ohne-grund'), reasonOf('hannover-messe-2017')]).toEqual([REASON, '', '']);
  });

  it('never shows a rejection\'s reason as a cancellation\'s, not even to a moderator', async () => {
    const { rows } = await csvRows('', moderator);
    const rejected = rows.find((r) => r.slug === 'storno-abgelehnt')!;
    expect([rejected.status, rejected.cancellationReason]).toEqual(['REJECTED', '']);
  });

  it('carries the reason in the XLSX export\'s last column', async () => {
    const res = await getFeed(server.url, '/exports/events.xlsx');
    const sheet = XLSX.read(res.bytes, { type: 'buffer' }).Sheets.Veranstaltungen;
    const rows = XLSX.utils.sheet_to_json<Record<string, string>>(sheet, { defval: '' });
    expect(rows.find((r) => r.slug === 'storno-mit-grund')?.cancellationReason).toBe(REASON);
    expect(Object.keys(rows[0]).at(-1)).toBe('cancellationReason');
  });
});

describe('French typography in the text feeds compose', () => {
  it('puts a no-break space before the colon of every label in the French calendar', async () => {
    const event = await icsEvent('storno-mit-grund', '?lang=fr');
    expect(event.summary).toBe('Annulé\u00A0: Atelier hydrogène');
    expect(event.description!.split('\n').slice(-2)).toEqual([
      'Organisateurs\u00A0: Cluster Rhin supérieur',
      'Inscription\u00A0: https://oberrhein.example.org/anmeldung',
    ]);
    expect(event.description).toContain(REASON);
    expect(event.description).not.toContain('\u202F');
  });

  it('keeps the French CSV\'s values as written, with no spaces added', async () => {
    const { rows } = await csvRows('?lang=fr');
    const row = rows.find((r) => r.slug === 'storno-mit-grund')!;
    expect([row.title, row.cancellationReason, row.registrationUrl])
      .toEqual(['Atelier hydrogène', REASON, 'https://oberrhein.example.org/anmeldung']);
  });
});
