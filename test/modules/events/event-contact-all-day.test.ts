import ICAL from 'ical.js';
import { gqlData } from '../../helpers/gql';
import { getFeed, parseCsv } from '../../feeds/feed-kit';
import {
  SUBMIT, UPDATE, call, dataOf, eventInput, expectRefused, startMutationServer, storedRow, tableCounts, type MutationServer,
} from './mutations-kit';

// An event's contact (EventContactInput, shown as the organisers' Contact type) and all-day
// events (midnights in the event's zone, exclusive end), through GraphQL, the ICS feed and
// the CSV export.

let m: MutationServer;

beforeAll(async () => {
  m = await startMutationServer();
});

afterAll(async () => {
  await m?.close();
});

const OUT = '{ id version startsAt endsAt timeZone allDay contact { name role email phone } }';
const SUBMIT_OUT = `mutation Submit($input: EventInput!) { submitEvent(input: $input) ${OUT} }`;
const UPDATE_OUT = `mutation Update($id: ID!, $patch: EventPatch!) { updateEvent(id: $id, patch: $patch) ${OUT} }`;

async function submit(over: Record<string, unknown>): Promise<any> {
  return dataOf(await call(m, 'admin', SUBMIT_OUT, { input: eventInput([m.world.alpha], over) })).submitEvent;
}

async function auditChangesOf(id: string): Promise<Record<string, unknown>[]> {
  const rows = await m.db.query<{ changes: string | null }>(
    "SELECT changes FROM audit_entry WHERE entity_id = ? AND action = 'updateEvent' ORDER BY at, id", [id]);
  return rows.map((r) => JSON.parse(r.changes ?? '{}'));
}

describe('Event.contact', () => {
  it('stores a contact with the address checked and the phone number in E.164, and shows it as a Contact without role', async () => {
    const e = await submit({ contact: { name: '  Gudrun Gempp ', email: 'Gudrun.Gempp@Connect-Dreilaendereck.Example.ORG', phone: '07621 / 940 12-3' } });
    expect(e.contact).toEqual({ name: 'Gudrun Gempp', role: null, email: 'Gudrun.Gempp@connect-dreilaendereck.example.org', phone: '+497621940123' });
    expect(await storedRow(m.db, e.id)).toMatchObject({
      contact_name: 'Gudrun Gempp', contact_email: 'Gudrun.Gempp@connect-dreilaendereck.example.org', contact_phone: '+497621940123',
    });
  });

  it('reads a number without country code in the venue\'s country', async () => {
    const e = await submit({
      venue: { name: 'Volkshaus', city: 'Basel', postalCode: '4058', country: 'CH' }, region: 'CH031',
      contact: { email: 'lukas.meier@example.org', phone: '061 123 45 67' },
    });
    // No name given: the contact is named by its address (Contact.name is non-null).
    expect(e.contact).toEqual({ name: 'lukas.meier@example.org', role: null, email: 'lukas.meier@example.org', phone: '+41611234567' });
  });

  it('is null for an event without one, and for a contact whose parts are all empty', async () => {
    expect((await submit({})).contact).toBeNull();
    const e = await submit({ contact: { name: ' ', email: '', phone: null } });
    expect(e.contact).toBeNull();
    expect(await storedRow(m.db, e.id)).toMatchObject({ contact_name: null, contact_email: null, contact_phone: null });
  });

  it.each([
    ['an obfuscated address', { email: 'name(at)example(dot)org' }, 'input.contact.email'],
    ['an address without domain', { email: 'info@' }, 'input.contact.email'],
    ['text around an address', { email: 'Mail: info@example.org' }, 'input.contact.email'],
    ['a phone number with letters only', { phone: 'ruf an' }, 'input.contact.phone'],
    ['a phone number too short to exist', { phone: '+49 12' }, 'input.contact.phone'],
    ['a name with a line break', { name: 'Anna\nSchäfer' }, 'input.contact.name'],
  ])('refuses %s with BAD_USER_INPUT at its field and writes nothing', async (_what, contact, field) => {
    const before = await tableCounts(m.db);
    expectRefused(await call(m, 'admin', SUBMIT, { input: eventInput([m.world.alpha], { contact }) }), 'BAD_USER_INPUT', field);
    expect(await tableCounts(m.db)).toEqual(before);
  });

  it('is changed and cleared by a patch, each change in the audit trail; a bad one writes nothing', async () => {
    const e = await submit({ contact: { name: 'Anna Schäfer', phone: '0 77 51 / 88 10' } });
    expect(e.contact.phone).toBe('+4977518810');
    const changed = dataOf(await call(m, 'admin', UPDATE_OUT, { id: e.id, patch: { contact: { name: 'Anna Schäfer', email: 'anna@example.org' } } })).updateEvent;
    expect(changed.contact).toEqual({ name: 'Anna Schäfer', role: null, email: 'anna@example.org', phone: null });
    expect(changed.version).toBe(2);

    const before = await tableCounts(m.db);
    expectRefused(await call(m, 'admin', UPDATE, { id: e.id, patch: { contact: { email: 'anna at' } } }), 'BAD_USER_INPUT', 'patch.contact.email');
    expect(await tableCounts(m.db)).toEqual(before);

    const cleared = dataOf(await call(m, 'admin', UPDATE_OUT, { id: e.id, patch: { contact: null } })).updateEvent;
    expect(cleared.contact).toBeNull();
    const changes = await auditChangesOf(e.id);
    expect(changes).toEqual([
      { contact: { old: { name: 'Anna Schäfer', email: null, phone: '+4977518810' }, new: { name: 'Anna Schäfer', email: 'anna@example.org', phone: null } } },
      { contact: { old: { name: 'Anna Schäfer', email: 'anna@example.org', phone: null }, new: null } },
    ]);
  });
});

describe('Event.allDay', () => {
  it('keeps a three-day fair as midnights with an exclusive end, and shows it in the ICS feed as dates', async () => {
    const e = await submit({
      title: { de: 'Messe Ganztags Dreitägig' }, allDay: true, timeZone: 'Europe/Paris',
      startsAt: '2027-04-25T00:00:00+02:00', endsAt: '2027-04-28T00:00:00+02:00',
      venue: { name: 'Parc Expo', city: 'Mulhouse', postalCode: '68100', country: 'FR' }, region: 'FRF12',
    });
    expect(e).toMatchObject({ allDay: true, startsAt: '2027-04-25T00:00:00+02:00', endsAt: '2027-04-28T00:00:00+02:00', timeZone: 'Europe/Paris' });
    expect((await gqlData(m.url, 'query($id: ID!) { event(id: $id) { allDay } }', { id: e.id })).event).toEqual({ allDay: true });

    const feed = await getFeed(m.url, '/feeds/events.ics?from=2027-04-24&to=2027-04-29');
    expect(feed.status).toBe(200);
    expect(feed.text).toMatch(/\r\nDTSTART;VALUE=DATE:20270425\r\nDTEND;VALUE=DATE:20270428\r\n/);
    const calendar = new ICAL.Component(ICAL.parse(feed.text));
    const vevent = calendar.getAllSubcomponents('vevent').find((v) => v.getFirstPropertyValue('summary') === 'Messe Ganztags Dreitägig')!;
    const fair = new ICAL.Event(vevent);
    expect(fair.startDate.isDate).toBe(true);
    expect(fair.endDate.isDate).toBe(true);
    expect(fair.startDate.toString()).toBe('2027-04-25');
    expect(fair.endDate.toString()).toBe('2027-04-28');
    expect(fair.duration.days).toBe(3);

    const csv = parseCsv((await getFeed(m.url, '/exports/events.csv?from=2027-04-24&to=2027-04-29')).text);
    expect(csv.header.slice(0, 12)).toEqual(['id', 'title', 'category', 'status', 'startsAt', 'endsAt', 'timeZone', 'region', 'city', 'country', 'organizers', 'url']);
    expect(csv.header.slice(-2)).toEqual(['allDay', 'cancellationReason']);
    expect(csv.rows.find((r) => r.id === e.id)).toMatchObject({ allDay: 'true', startsAt: '2027-04-25T00:00:00+02:00', endsAt: '2027-04-28T00:00:00+02:00' });
    expect(csv.rows.filter((r) => r.id !== e.id).every((r) => r.allDay === 'false')).toBe(true);
  });

  it('gives an all-day event without end one day, and a timed event stays timed in the feed', async () => {
    const day = await submit({ title: { de: 'Tag der offenen Tür Ganztags' }, allDay: true, startsAt: '2027-05-03T00:00:00+02:00', endsAt: null });
    expect(day).toMatchObject({ allDay: true, startsAt: '2027-05-03T00:00:00+02:00', endsAt: '2027-05-04T00:00:00+02:00' });
    const timed = await submit({ title: { de: 'Abendvortrag Zeitlich' }, startsAt: '2027-05-03T18:00:00+02:00', endsAt: null });
    expect(timed.allDay).toBe(false);

    const feed = await getFeed(m.url, '/feeds/events.ics?from=2027-05-03&to=2027-05-04');
    const events = new ICAL.Component(ICAL.parse(feed.text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const byTitle = new Map(events.map((ev) => [ev.summary, ev]));
    expect(byTitle.get('Tag der offenen Tür Ganztags')!.startDate.isDate).toBe(true);
    expect(byTitle.get('Tag der offenen Tür Ganztags')!.endDate.toString()).toBe('2027-05-04');
    expect(byTitle.get('Abendvortrag Zeitlich')!.startDate.isDate).toBe(false);
  });

  it.each([
    ['a start that is no midnight in the zone', { startsAt: '2027-04-25T00:00:00Z', endsAt: null }, 'input.startsAt'],
    ['an end that is no midnight', { startsAt: '2027-04-25T00:00:00+02:00', endsAt: '2027-04-27T18:00:00+02:00' }, 'input.endsAt'],
    ['an end equal to the start (no day at all)', { startsAt: '2027-04-25T00:00:00+02:00', endsAt: '2027-04-25T00:00:00+02:00' }, 'input.endsAt'],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_what, times, field) => {
    const before = await tableCounts(m.db);
    const res = await call(m, 'admin', SUBMIT, { input: eventInput([m.world.alpha], { allDay: true, ...times }) });
    expectRefused(res, 'BAD_USER_INPUT', field);
    expect(res.body.errors?.[0]?.message).toMatch(/midnight/);
    expect(await tableCounts(m.db)).toEqual(before);
  });

  it('turns a timed event all-day by a patch only with midnights, and back', async () => {
    const e = await submit({ startsAt: '2027-06-01T09:00:00+02:00', endsAt: '2027-06-01T17:00:00+02:00' });
    const before = await tableCounts(m.db);
    expectRefused(await call(m, 'admin', UPDATE, { id: e.id, patch: { allDay: true } }), 'BAD_USER_INPUT', 'patch.allDay');
    expect(await tableCounts(m.db)).toEqual(before);

    const allDay = dataOf(await call(m, 'admin', UPDATE_OUT, {
      id: e.id, patch: { allDay: true, startsAt: '2027-06-01T00:00:00+02:00', endsAt: '2027-06-02T00:00:00+02:00' },
    })).updateEvent;
    expect(allDay).toMatchObject({ allDay: true, startsAt: '2027-06-01T00:00:00+02:00', endsAt: '2027-06-02T00:00:00+02:00' });
    expectRefused(await call(m, 'admin', UPDATE, { id: e.id, patch: { timeZone: 'America/New_York' } }), 'BAD_USER_INPUT', 'patch.timeZone');

    const timed = dataOf(await call(m, 'admin', UPDATE_OUT, { id: e.id, patch: { allDay: false } })).updateEvent;
    expect(timed.allDay).toBe(false);
    expect((await auditChangesOf(e.id)).map((c) => c.allDay)).toEqual([{ old: false, new: true }, { old: true, new: false }]);
  });
});
