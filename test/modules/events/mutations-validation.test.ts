import {
  SUBMIT, UPDATE, call, dataOf, eventIn, eventInput, expectRefused, startMutationServer, storedRow, tableCounts,
  type MutationServer,
} from './mutations-kit';

let m: MutationServer;

beforeAll(async () => {
  m = await startMutationServer();
});

afterAll(async () => {
  await m?.close();
});

/** Submits as the moderator (who may name every organiser) and expects BAD_USER_INPUT at field, nothing written. */
async function expectSubmitRefused(over: Record<string, unknown>, field: string, organizerIds = [m.world.alpha]): Promise<void> {
  const before = await tableCounts(m.db);
  expectRefused(await call(m, 'moderator', SUBMIT, { input: eventInput(organizerIds, over) }), 'BAD_USER_INPUT', field);
  expect(await tableCounts(m.db)).toEqual(before);
}

const long = (n: number, unit = 'a') => unit.repeat(n);

describe('submitEvent refuses bad input with BAD_USER_INPUT at the input path and writes nothing', () => {
  it.each([
    ['an end before the start', { endsAt: '2027-04-21T09:29:59+02:00' }, 'input.endsAt'],
    ['an unknown region', { region: 'DE999' }, 'input.region'],
    ['a region that is not a NUTS code', { region: 'Stuttgart' }, 'input.region'],
    ['an empty German title', { title: { de: '   ', fr: 'Titre' } }, 'input.title.de'],
    ['a German title over 300 characters', { title: { de: long(301) } }, 'input.title.de'],
    ['a French title over 300 characters', { title: { de: 'Titel', fr: long(301, 'é') } }, 'input.title.fr'],
    ['a title over 300 characters counted as characters (emoji)', { title: { de: long(301, '😀') } }, 'input.title.de'],
    ['a title with a NUL character', { title: { de: 'Titel\u0000' } }, 'input.title.de'],
    ['a description in French without German', { description: { de: '', fr: 'Seulement en français' } }, 'input.description.de'],
    ['a URL that is not http(s)', { url: 'ftp://example.org/event' }, 'input.url'],
    ['a URL that is not absolute', { url: 'www.example.org' }, 'input.url'],
    ['a javascript: registration URL', { registrationUrl: 'javascript:alert(1)' }, 'input.registrationUrl'],
    ['an unknown time zone', { timeZone: 'Europe/Stuttgart' }, 'input.timeZone'],
    ['a venue country that is no ISO code', { venue: { city: 'Basel', country: 'XX' } }, 'input.venue.country'],
    ['a venue country given as three letters', { venue: { city: 'Basel', country: 'CHE' } }, 'input.venue.country'],
    ['a latitude above 90', { venue: { country: 'DE', latitude: 90.5, longitude: 9 } }, 'input.venue.latitude'],
    ['a longitude below -180', { venue: { country: 'DE', latitude: 48, longitude: -180.1 } }, 'input.venue.longitude'],
    ['an unknown campaign', { campaign: 'clusterwoche-1999' }, 'input.campaign'],
    ['an unknown patron', { patronIds: ['UGF0cm9uOjk5OTk='] }, 'input.patronIds[0]'],
  ])('%s', async (_what, over, field) => {
    await expectSubmitRefused(over as Record<string, unknown>, field as string);
  });

  it('an empty organizerIds', async () => {
    await expectSubmitRefused({}, 'input.organizerIds', []);
  });

  it('an unknown organiser, at its index', async () => {
    await expectSubmitRefused({}, 'input.organizerIds[1]', [m.world.alpha, 'SW5pdGlhdGl2ZTo5OTk5']);
  });

  it('an organiser id of the wrong kind (a network named as an initiative)', async () => {
    const betaAsInitiative = Buffer.from(`Initiative:${Buffer.from(m.world.beta, 'base64url').toString().split(':')[1]}`).toString('base64url');
    await expectSubmitRefused({}, 'input.organizerIds[0]', [betaAsInitiative]);
  });

  it('an organiser named twice', async () => {
    await expectSubmitRefused({}, 'input.organizerIds[1]', [m.world.alpha, m.world.alpha]);
  });

  it('a patron id that is not a patron\'s', async () => {
    await expectSubmitRefused({ patronIds: [m.world.patron, m.world.alpha] }, 'input.patronIds[1]');
  });

  it('a malformed start (GraphQL refuses it before anything runs)', async () => {
    const before = await tableCounts(m.db);
    const res = await call(m, 'moderator', SUBMIT, { input: eventInput([m.world.alpha], { startsAt: '21.04.2027 09:30' }) });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await tableCounts(m.db)).toEqual(before);
  });

  it('an editor\'s bad input is BAD_USER_INPUT too, and nothing is written', async () => {
    const before = await tableCounts(m.db);
    expectRefused(await call(m, 'editor', SUBMIT, { input: eventInput([m.world.alpha], { region: 'XX1' }) }), 'BAD_USER_INPUT', 'input.region');
    expect(await tableCounts(m.db)).toEqual(before);
  });
});

describe('submitEvent takes the limits as they are written', () => {
  it('accepts a title of exactly 300 characters, emoji counting as one each', async () => {
    const e = dataOf(await call(m, 'moderator', SUBMIT, { input: eventInput([m.world.alpha], { title: { de: long(300, '😀') } }) })).submitEvent;
    expect([...e.title]).toHaveLength(300);
  });

  it('accepts an end equal to the start, and no end at all', async () => {
    const same = dataOf(await call(m, 'moderator', SUBMIT, { input: eventInput([m.world.alpha], { endsAt: '2027-04-21T09:30:00+02:00' }) })).submitEvent;
    expect(same.endsAt).toBe(same.startsAt);
    const open = dataOf(await call(m, 'moderator', SUBMIT, { input: eventInput([m.world.alpha], { endsAt: null }) })).submitEvent;
    expect(open.endsAt).toBeNull();
  });
});

describe('updateEvent refuses bad patches with BAD_USER_INPUT at the patch path and leaves the event as it was', () => {
  let event: any;

  beforeAll(async () => {
    event = await eventIn(m, 'PUBLISHED', [m.world.alpha], { patronIds: [m.world.patron], campaign: 'clusterwoche-test' });
  });

  it.each([
    ['an end before the stored start', { endsAt: '2027-04-20T12:00:00+02:00' }, 'patch.endsAt'],
    ['a start after the stored end', { startsAt: '2027-04-22T09:00:00+02:00' }, 'patch.startsAt'],
    ['a start and end the wrong way round', { startsAt: '2027-05-02T09:00:00+02:00', endsAt: '2027-05-01T09:00:00+02:00' }, 'patch.endsAt'],
    ['an unknown region', { region: 'FRZ99' }, 'patch.region'],
    ['a cleared region', { region: null }, 'patch.region'],
    ['a cleared title', { title: null }, 'patch.title'],
    ['an empty German title', { title: { de: '' } }, 'patch.title.de'],
    ['a title over 300 characters', { title: { de: long(301) } }, 'patch.title.de'],
    ['a cleared start', { startsAt: null }, 'patch.startsAt'],
    ['a cleared category', { category: null }, 'patch.category'],
    ['empty organizerIds', { organizerIds: [] }, 'patch.organizerIds'],
    ['cleared organizerIds', { organizerIds: null }, 'patch.organizerIds'],
    ['an unknown organiser', { organizerIds: ['TmV0d29yazo5OTk5'] }, 'patch.organizerIds[0]'],
    ['a URL that is not http(s)', { url: 'mailto:info@example.org' }, 'patch.url'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'patch.timeZone'],
    ['a bad venue country', { venue: { country: 'Deutschland' } }, 'patch.venue.country'],
    ['an unknown campaign', { campaign: 'keine-kampagne' }, 'patch.campaign'],
    ['an unknown patron after a known one', { patronIds: ['known', 'UGF0cm9uOjk5OTk='] }, 'patch.patronIds[1]'],
  ])('%s', async (_what, patch, field) => {
    // "known" stands for the world's patron, whose id exists only once the server runs.
    const p = JSON.parse(JSON.stringify(patch).replace('"known"', JSON.stringify(m.world.patron)));
    const before = await tableCounts(m.db);
    const row = await storedRow(m.db, event.id);
    expectRefused(await call(m, 'moderator', UPDATE, { id: event.id, patch: p }), 'BAD_USER_INPUT', field as string);
    expect(await tableCounts(m.db)).toEqual(before);
    expect(await storedRow(m.db, event.id)).toEqual(row);
  });

  it('refuses an expectedVersion below 1', async () => {
    expectRefused(await call(m, 'moderator', UPDATE, { id: event.id, patch: {}, expectedVersion: 0 }), 'BAD_USER_INPUT', 'expectedVersion');
  });
});
