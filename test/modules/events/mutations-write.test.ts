import { EVENT_COLUMNS, eventRow } from '../../../src/demo-data/demo-loader';
import { gqlData } from '../../helpers/gql';
import {
  SUBMIT, UPDATE, call, dataOf, eventIn, eventInput, startMutationServer, storedRow, tableCounts, type MutationServer,
} from './mutations-kit';

let m: MutationServer;

beforeAll(async () => {
  m = await startMutationServer();
});

afterAll(async () => {
  await m?.close();
});

describe('submitEvent', () => {
  it('stores every field given and shows it back as the queries do', async () => {
    const input = eventInput([m.world.alpha, m.world.beta], {
      patronIds: [m.world.patron], campaign: 'clusterwoche-test', languages: ['DE', 'EN', 'DE'], timeZone: 'europe/zurich',
      region: 'ch031', startsAt: '2027-04-21T09:30:00Z', endsAt: '2027-04-21T16:00:00Z',
    });
    const e = dataOf(await call(m, 'admin', SUBMIT, { input })).submitEvent;
    expect(e).toMatchObject({
      status: 'PUBLISHED', version: 1, statusReason: null, category: 'CONFERENCE',
      title: 'Fachtagung Leichtbau', titleFr: 'Conférence construction légère', description: 'Vorträge und Austausch.',
      startsAt: '2027-04-21T11:30:00+02:00', endsAt: '2027-04-21T18:00:00+02:00', timeZone: 'Europe/Zurich',
      languages: ['DE', 'EN'], url: 'https://example.org/leichtbau', registrationUrl: 'https://example.org/leichtbau/anmeldung',
      venue: { name: 'Haus der Wirtschaft', street: 'Willi-Bleicher-Straße 19', postalCode: '70174', city: 'Stuttgart', country: 'DE', latitude: 48.7784, longitude: 9.1711 },
      region: { code: 'CH031' }, organizers: [{ id: m.world.alpha }, { id: m.world.beta }], patrons: [{ id: m.world.patron }],
      campaign: { slug: 'clusterwoche-test' },
    });
    expect(e.createdAt).toBe(e.updatedAt);
    const read = await gqlData(m.url, 'query($id: ID!) { event(id: $id) { slug title region { code } } }', { id: e.id });
    expect(read.event).toEqual({ slug: e.slug, title: e.title, region: { code: 'CH031' } });
  });

  it('computes the derived columns exactly as the demo loader does', async () => {
    const e = dataOf(await call(m, 'moderator', SUBMIT, {
      input: eventInput([m.world.alpha], { title: { de: 'Über Lörrach: Grenzüberschreitende Netzwerke' }, region: 'DE139', startsAt: '2027-10-31T01:30:00+02:00', endsAt: null }),
    })).submitEvent;
    const row = await storedRow(m.db, e.id);
    const expected = eventRow(Number(row.id), {
      slug: e.slug, title: { de: 'Über Lörrach: Grenzüberschreitende Netzwerke' }, category: 'CONFERENCE', status: 'PUBLISHED',
      startsAt: '2027-10-31T01:30', timeZone: 'Europe/Berlin', regionCode: 'DE139', organizerKeys: [], patronKeys: [],
      languages: ['DE'], synthetic: false,
    }, null, 0);
    const derived = ['title_sort', 'starts_at', 'starts_local', 'country', 'nuts1', 'nuts2'];
    const pick = (values: Record<string, unknown>) => Object.fromEntries(derived.map((c) => [c, values[c]]));
    expect(pick(row)).toEqual(pick(Object.fromEntries(EVENT_COLUMNS.map((c, i) => [c, expected[i]]))));
    expect(pick(row)).toMatchObject({ title_sort: 'ueber loerrach grenzueberschreitende netzwerke', country: 'DE', nuts1: 'DE1', nuts2: 'DE13' });
  });

  it('makes a slug from the German title and the year, and a unique one for the same title again', async () => {
    const input = eventInput([m.world.gamma], { title: { de: 'Netzwerktreffen Photonik & Optik' }, startsAt: '2028-02-01T18:00:00+01:00', endsAt: null });
    const slugs: string[] = [];
    for (let i = 0; i < 3; i += 1) slugs.push(dataOf(await call(m, 'admin', SUBMIT, { input })).submitEvent.slug);
    expect(slugs).toEqual(['netzwerktreffen-photonik-optik-2028', 'netzwerktreffen-photonik-optik-2028-2', 'netzwerktreffen-photonik-optik-2028-3']);
    const yearInTitle = eventInput([m.world.gamma], { title: { de: 'Clusterforum 2028' }, startsAt: '2028-03-01T10:00:00+01:00', endsAt: null });
    expect(dataOf(await call(m, 'admin', SUBMIT, { input: yearInTitle })).submitEvent.slug).toBe('clusterforum-2028');
    const noLatinWord = eventInput([m.world.gamma], { title: { de: '★★★' }, startsAt: '2028-03-01T10:00:00+01:00', endsAt: null });
    expect(dataOf(await call(m, 'admin', SUBMIT, { input: noLatinWord })).submitEvent.slug).toBe('veranstaltung-2028');
  });

  it('defaults the time zone to Europe/Berlin and leaves what was not given empty', async () => {
    const e = dataOf(await call(m, 'editor', SUBMIT, {
      input: {
        title: { de: 'Kurzes Treffen' }, category: 'NETWORKING', startsAt: '2027-06-01T16:00:00Z', region: 'DE1',
        organizerIds: [m.world.alpha],
      },
    })).submitEvent;
    expect(e).toMatchObject({
      timeZone: 'Europe/Berlin', startsAt: '2027-06-01T18:00:00+02:00', endsAt: null, venue: null, description: null,
      campaign: null, patrons: [], languages: [], url: null, registrationUrl: null, status: 'SUBMITTED',
    });
  });

  it('makes the new event findable by full-text search at once', async () => {
    const e = dataOf(await call(m, 'admin', SUBMIT, { input: eventInput([m.world.alpha], { title: { de: 'Quantensensorik-Forum Zollernalb' } }) })).submitEvent;
    const found = await gqlData(m.url, '{ events(filter: { text: "Quantensensorik Zollernalb" }) { nodes { id } } }');
    expect(found.events.nodes).toEqual([{ id: e.id }]);
  });
});

describe('updateEvent', () => {
  it('changes the fields a patch names, keeps the others, and clears those it sets to null', async () => {
    const e = await eventIn(m, 'PUBLISHED', [m.world.alpha], { patronIds: [m.world.patron], campaign: 'clusterwoche-test' });
    const u = dataOf(await call(m, 'moderator', UPDATE, {
      id: e.id, patch: { title: { de: 'Leichtbau-Tag' }, campaign: null, patronIds: null, url: null, endsAt: '2027-04-21T18:00:00+02:00' },
    })).updateEvent;
    expect(u).toMatchObject({
      id: e.id, slug: e.slug, title: 'Leichtbau-Tag', titleFr: 'Leichtbau-Tag', campaign: null, patrons: [], url: null,
      endsAt: '2027-04-21T18:00:00+02:00', version: e.version + 1,
      description: e.description, venue: e.venue, region: e.region, organizers: e.organizers, startsAt: e.startsAt,
      registrationUrl: e.registrationUrl, languages: e.languages, createdAt: e.createdAt,
    });
    expect((await storedRow(m.db, e.id)).title_sort).toBe('leichtbau tag');
  });

  it('answers each of two mutations in one operation from what is stored after it, not from the first one\'s reads', async () => {
    const e = await eventIn(m, 'PUBLISHED', [m.world.alpha]);
    const twice = `mutation Twice($id: ID!) {
      first: updateEvent(id: $id, patch: { title: { de: "Erst" } }) { version organizers { id } }
      second: updateEvent(id: $id, patch: { organizerIds: ["${m.world.beta}"] }) { version organizers { id } }
    }`;
    const r = dataOf(await call(m, 'moderator', twice, { id: e.id }));
    expect(r.first).toEqual({ version: e.version + 1, organizers: [{ id: m.world.alpha }] });
    expect(r.second).toEqual({ version: e.version + 2, organizers: [{ id: m.world.beta }] });
  });

  it('moves the derived region columns with the region', async () => {
    const e = await eventIn(m, 'PUBLISHED');
    await call(m, 'moderator', UPDATE, { id: e.id, patch: { region: 'FRF11' } });
    expect(await storedRow(m.db, e.id)).toMatchObject({ region_code: 'FRF11', country: 'FR', nuts1: 'FRF', nuts2: 'FRF1' });
    const inFrance = await gqlData(m.url, '{ events(filter: { country: "FR" }) { nodes { id } } }');
    expect(inFrance.events.nodes).toContainEqual({ id: e.id });
  });

  it('bumps updatedAt, so a partner\'s incremental pull (updatedSince) sees the change', async () => {
    const e = await eventIn(m, 'PUBLISHED');
    const u = dataOf(await call(m, 'editor', UPDATE, { id: e.id, patch: { category: 'WORKSHOP' } })).updateEvent;
    expect(Date.parse(u.updatedAt)).toBeGreaterThanOrEqual(Date.parse(e.updatedAt));
    expect(Number((await storedRow(m.db, e.id)).updated_at)).toBe(Date.parse(u.updatedAt));
    const pulled = await gqlData(m.url, 'query($s: DateTime) { events(filter: { updatedSince: $s }, first: 100) { nodes { id } } }', { s: u.updatedAt });
    expect(pulled.events.nodes).toContainEqual({ id: e.id });
  });

  it('writes nothing for a patch that changes nothing: no version bump, no audit entry', async () => {
    const e = await eventIn(m, 'PUBLISHED');
    const before = await tableCounts(m.db);
    const u = dataOf(await call(m, 'moderator', UPDATE, { id: e.id, patch: { title: { de: 'Fachtagung Leichtbau', fr: 'Conférence construction légère' }, category: 'CONFERENCE' } })).updateEvent;
    expect(u.version).toBe(e.version);
    expect(await tableCounts(m.db)).toEqual(before);
  });

  it('re-indexes the event for full-text search', async () => {
    const e = await eventIn(m, 'PUBLISHED');
    await call(m, 'moderator', UPDATE, { id: e.id, patch: { title: { de: 'Wasserstoff-Werkstatt Heilbronn' } } });
    const found = await gqlData(m.url, '{ events(filter: { text: "Wasserstoff Heilbronn" }) { nodes { id } } }');
    expect(found.events.nodes).toEqual([{ id: e.id }]);
  });
});
