import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { importEvents } from '../../../src/modules/sources/import-events';
import { openInput } from '../../../src/modules/sources/parse-input';
import { parseJson } from '../../../src/modules/sources/formats/json.parser';
import type { Source } from '../../../src/modules/sources/source.types';
import { SourceFormat } from '../../../src/modules/sources/source.types';
import { toGlobalId } from '../../../src/shared/global-id';
import { gqlData } from '../../helpers/gql';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { getFeed } from '../../feeds/feed-kit';
import { footprint, record, registerSource, twoOrganizers } from './source-kit';

// What the fixture feeds say about whom to ask and about whole-day events reaches the
// event: the contact (e-mail de-obfuscated, phone in E.164) and allDay are stored, shown
// in GraphQL and the ICS feed, and a second import of the same file changes nothing.

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'sources');
const NOW = Date.UTC(2017, 3, 20, 12, 0);
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 120_000);

afterAll(async () => {
  await server?.close();
});

const EVENT = `query($id: ID!) { event(id: $id) { title startsAt endsAt timeZone allDay contact { name role email phone } } }`;

/** The event a source's record landed in, as GraphQL shows it. */
async function shown(source: Source, sourceId: string): Promise<any> {
  const [link] = await server.db.query<{ event_id: number }>(
    'SELECT event_id FROM event_source WHERE source_id = ? AND external_id = ?', [source.pk, sourceId]);
  expect(link).toBeDefined();
  return (await gqlData(server.url, EVENT, { id: toGlobalId('Event', Number(link.event_id)) })).event;
}

async function importFixture(source: Source, file: string): Promise<Awaited<ReturnType<typeof importEvents>>> {
  const parsed = await openInput(source.format, readFileSync(join(FIXTURES, file)), source.mapping, null, NOW);
  return importEvents(server.db, source, parsed, { now: NOW });
}

describe('importing contacts and all-day events', () => {
  it('stores the Windows-1252 CSV\'s contacts de-obfuscated and in E.164, and its date-only rows as all-day', async () => {
    const [, owner] = await twoOrganizers(server.db);
    const source = await registerSource(server.db, { name: 'suedbaden-contacts', format: SourceFormat.csv, ownerId: owner.id, trusted: true });
    const first = await importFixture(source, 'netzwerk-suedbaden-1252.csv');
    expect(first).toMatchObject({ created: 5, updated: 0, unchanged: 0, rejected: 1 });

    expect(await shown(source, 'SB-2017-014')).toMatchObject({
      allDay: false, startsAt: '2017-04-26T14:00:00+02:00',
      contact: { name: 'Gudrun Gempp', role: null, email: 'gudrun.gempp@connect-dreilaendereck.example.org', phone: '+497621940123' },
    });
    expect((await shown(source, 'SB-2017-015')).contact).toEqual(
      { name: 'Thomas Riedinger', role: null, email: 'thomas.riedinger@example.org', phone: '+4976138811200' });
    expect(await shown(source, 'SB-2017-016')).toMatchObject({
      allDay: true, startsAt: '2017-04-28T00:00:00+02:00', endsAt: '2017-04-29T00:00:00+02:00',
      contact: { name: 'Anna Schäfer', role: null, email: 'anna.schaefer@example.org', phone: '+4977518810' },
    });
    expect((await shown(source, 'SB-2017-017')).contact).toEqual(
      { name: 'Lukas Meier', role: null, email: 'lukas.meier@example.org', phone: '+41611234567' });
    // Two days, inclusive in the spreadsheet (24.–25.04.), exclusive end here; only a phone number to ask.
    expect(await shown(source, 'SB-2017-019')).toMatchObject({
      allDay: true, startsAt: '2017-04-24T00:00:00+02:00', endsAt: '2017-04-26T00:00:00+02:00',
      contact: { name: '+49781123456', role: null, email: null, phone: '+49781123456' },
    });

    const before = await footprint(server.db);
    const again = await importFixture(source, 'netzwerk-suedbaden-1252.csv');
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 5, rejected: 1 });
    expect(await footprint(server.db)).toEqual(before);
  });

  it('stores the Google export\'s three-day fair as all-day with the organiser\'s mail as contact, and the feed shows it as dates', async () => {
    const source = await registerSource(server.db, { name: 'alsace-contacts', trusted: true });
    expect(await importFixture(source, 'google-reseau-alsace.ics')).toMatchObject({ created: 4, rejected: 0 });
    const fair = await shown(source, '3k1v9o0t6f8c2q7r5s4p2m1n0b@google.com');
    expect(fair).toMatchObject({
      title: 'Salon Industrie du Futur Mulhouse 2017', allDay: true, timeZone: 'Europe/Paris',
      startsAt: '2017-04-25T00:00:00+02:00', endsAt: '2017-04-28T00:00:00+02:00',
    });
    expect((await shown(source, '0c2e4g6i8k1m3o5q7s9u1w3y5a@google.com')).contact)
      .toEqual({ name: 'Claire Muller', role: null, email: 'claire.muller@example.org', phone: null });
    expect((await shown(source, '9a8b7c6d5e4f3g2h1i0j9k8l7m@google.com')).allDay).toBe(true);

    const feed = await getFeed(server.url, '/feeds/events.ics?from=2017-04-25&to=2017-04-26');
    const vevents = new ICAL.Component(ICAL.parse(feed.text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const salon = vevents.find((v) => v.summary === 'Salon Industrie du Futur Mulhouse 2017')!;
    expect(salon.startDate.isDate).toBe(true);
    expect([salon.startDate.toString(), salon.endDate.toString()]).toEqual(['2017-04-25', '2017-04-28']);

    const before = await footprint(server.db);
    expect(await importFixture(source, 'google-reseau-alsace.ics')).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    expect(await footprint(server.db)).toEqual(before);
  });

  it('stores the Outlook organiser as the contact of its events; a merge keeps the contact of the event it joins', async () => {
    const source = await registerSource(server.db, { name: 'connect-contacts', trusted: true });
    const result = await importFixture(source, 'outlook-connect-dreilaendereck.ics');
    expect(result.rejected).toBe(2);
    const visit = await shown(source, 'besuch-druckhaus-2017@connect-dreilaendereck.example.org');
    expect(visit.contact).toMatchObject({ name: 'connect Dreiländereck', role: null, email: expect.stringMatching(/^info@connect-dreilaendereck\.ex/), phone: null });
    expect(visit.allDay).toBe(false);
    // The workshop merged into the CSV's event (first test): the event keeps the contact it had.
    const workshop = await shown(source, '040000008200E00074C5B7101A82E00800000000D0A1C5B5E3A4D201000000000000000010000000A3B1C2D3E4F5061728394A5B6C7D8E9F');
    expect(workshop.contact).toMatchObject({ name: 'Gudrun Gempp', phone: '+497621940123' });
  });

  it('counts a record whose contact or all-day flag changed as updated, and writes it', async () => {
    const source = await registerSource(server.db, { name: 'changing-contacts', trusted: true });
    const midnight = new Date(Date.UTC(2027, 4, 9, 22, 0));
    const one = record({ sourceId: 'contact-change@example.org', contact: { name: 'Anna', email: 'anna@example.org', phone: null } });
    const two = record({ sourceId: 'all-day-change@example.org', startsAt: midnight, endsAt: new Date(midnight.getTime() + 86_400_000) });
    expect(await importEvents(server.db, source, { events: [one, two], rejected: [] })).toMatchObject({ created: 2 });
    expect((await shown(source, 'all-day-change@example.org')).allDay).toBe(false);

    const changed = await importEvents(server.db, source, {
      events: [{ ...one, contact: { name: 'Anna', email: 'anna@example.org', phone: '+497621940123' } }, { ...two, allDay: true }],
      rejected: [],
    });
    expect(changed).toMatchObject({ created: 0, updated: 2, unchanged: 0 });
    expect((await shown(source, 'contact-change@example.org')).contact.phone).toBe('+497621940123');
    expect(await shown(source, 'all-day-change@example.org')).toMatchObject({ allDay: true, startsAt: '2027-05-10T00:00:00+02:00', endsAt: '2027-05-11T00:00:00+02:00' });
  });
});

describe('pulling another clustergraph (JSON)', () => {
  it('reads Event.allDay and Event.contact of its export, a name that only repeats the address being no name', () => {
    const item = (over: Record<string, unknown>) => ({
      id: 'RXZlbnQ6MQ', title: 'Salon', startsAt: '2027-04-25T00:00:00+02:00', endsAt: '2027-04-28T00:00:00+02:00', timeZone: 'Europe/Paris', ...over,
    });
    const body = { data: { events: { edges: [
      { node: item({ allDay: true, contact: { name: 'claire@example.org', role: null, email: 'claire@example.org', phone: '+33 3 89 00 00 00' } }) },
      { node: item({ id: 'RXZlbnQ6Mg', contact: { name: 'Claire Muller', email: null, phone: null } }) },
    ] } } };
    const parsed = parseJson(JSON.stringify(body), {});
    expect(parsed.rejected).toEqual([]);
    expect(parsed.events.map((e) => [e.allDay, e.contact])).toEqual([
      [true, { name: null, email: 'claire@example.org', phone: '+33389000000' }],
      [false, { name: 'Claire Muller', email: null, phone: null }],
    ]);
  });
});
