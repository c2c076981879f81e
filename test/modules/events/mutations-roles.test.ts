import {
  CANCEL, PUBLISH, REJECT, SUBMIT, UPDATE, call, dataOf, eventIn, eventInput, expectRefused, startMutationServer,
  storedRow, tableCounts, type Callers, type MutationServer,
} from './mutations-kit';

let m: MutationServer;

beforeAll(async () => {
  m = await startMutationServer();
});

afterAll(async () => {
  await m?.close();
});

const READERS: (keyof Callers)[] = ['public', 'partner'];

describe('submitEvent by role', () => {
  it.each(READERS)('is FORBIDDEN for the %s role and writes nothing', async (who) => {
    const before = await tableCounts(m.db);
    expectRefused(await call(m, who, SUBMIT, { input: eventInput([m.world.alpha]) }), 'FORBIDDEN');
    expect(await tableCounts(m.db)).toEqual(before);
  });

  it('puts an editor\'s event for its own organiser up for review as SUBMITTED, version 1', async () => {
    const e = dataOf(await call(m, 'editor', SUBMIT, { input: eventInput([m.world.alpha]) })).submitEvent;
    expect(e).toMatchObject({ status: 'SUBMITTED', version: 1, organizers: [{ id: m.world.alpha }] });
  });

  it.each(['moderator', 'admin'] as const)('publishes at once what the %s role submits', async (who) => {
    const e = dataOf(await call(m, who, SUBMIT, { input: eventInput([m.world.beta, m.world.gamma]) })).submitEvent;
    expect(e).toMatchObject({ status: 'PUBLISHED', version: 1, organizers: [{ id: m.world.beta }, { id: m.world.gamma }] });
  });

  it('is FORBIDDEN for an editor naming an organiser it is not bound to, alone or among others, and writes nothing', async () => {
    const before = await tableCounts(m.db);
    expectRefused(await call(m, 'editor', SUBMIT, { input: eventInput([m.world.beta]) }), 'FORBIDDEN');
    expectRefused(await call(m, 'editor', SUBMIT, { input: eventInput([m.world.alpha, m.world.beta]) }), 'FORBIDDEN');
    expectRefused(await call(m, 'otherEditor', SUBMIT, { input: eventInput([m.world.beta, m.world.alpha]) }), 'FORBIDDEN');
    expect(await tableCounts(m.db)).toEqual(before);
  });
});

describe('updateEvent by role', () => {
  const patch = { title: { de: 'Neuer Titel' } };

  it.each(READERS)('is FORBIDDEN for the %s role and writes nothing', async (who) => {
    const e = await eventIn(m, 'PUBLISHED');
    const before = await tableCounts(m.db);
    expectRefused(await call(m, who, UPDATE, { id: e.id, patch }), 'FORBIDDEN');
    expect(await tableCounts(m.db)).toEqual(before);
  });

  it('lets an editor change its own organiser\'s event', async () => {
    const e = await eventIn(m, 'SUBMITTED');
    expect(dataOf(await call(m, 'editor', UPDATE, { id: e.id, patch })).updateEvent).toMatchObject({ title: 'Neuer Titel', version: 2 });
  });

  it('lets an editor change an event its organiser runs with others, keeping the others', async () => {
    const e = await eventIn(m, 'PUBLISHED', [m.world.beta, m.world.alpha]);
    const u = dataOf(await call(m, 'editor', UPDATE, { id: e.id, patch })).updateEvent;
    expect(u).toMatchObject({ title: 'Neuer Titel', organizers: [{ id: m.world.beta }, { id: m.world.alpha }] });
  });

  it('is FORBIDDEN for an editor on a published event of another organiser, and writes nothing', async () => {
    const e = await eventIn(m, 'PUBLISHED', [m.world.beta]);
    const before = await tableCounts(m.db);
    expectRefused(await call(m, 'editor', UPDATE, { id: e.id, patch }), 'FORBIDDEN');
    expect(await tableCounts(m.db)).toEqual(before);
  });

  it('is NOT_FOUND for an editor on another organiser\'s event it cannot see (no existence leak)', async () => {
    const e = await eventIn(m, 'SUBMITTED');
    const before = await tableCounts(m.db);
    expectRefused(await call(m, 'otherEditor', UPDATE, { id: e.id, patch }), 'NOT_FOUND');
    expectRefused(await call(m, 'otherEditor', CANCEL, { id: e.id }), 'NOT_FOUND');
    expect(await tableCounts(m.db)).toEqual(before);
  });

  it('is FORBIDDEN for an editor moving its event to an organiser it is not bound to, alone or among others', async () => {
    const e = await eventIn(m, 'SUBMITTED');
    const before = await tableCounts(m.db);
    expectRefused(await call(m, 'editor', UPDATE, { id: e.id, patch: { organizerIds: [m.world.beta] } }), 'FORBIDDEN');
    expectRefused(await call(m, 'editor', UPDATE, { id: e.id, patch: { title: { de: 'X' }, organizerIds: [m.world.alpha, m.world.gamma] } }), 'FORBIDDEN');
    expect(await tableCounts(m.db)).toEqual(before);
    expect((await storedRow(m.db, e.id)).title_de).toBe('Fachtagung Leichtbau');
  });

  it.each(['moderator', 'admin'] as const)('lets the %s role change any organiser\'s event and its organisers', async (who) => {
    const e = await eventIn(m, 'SUBMITTED');
    const u = dataOf(await call(m, who, UPDATE, { id: e.id, patch: { organizerIds: [m.world.gamma, m.world.beta] } })).updateEvent;
    expect(u).toMatchObject({ status: 'SUBMITTED', organizers: [{ id: m.world.gamma }, { id: m.world.beta }] });
  });

  it('is NOT_FOUND for an id that is no event', async () => {
    expectRefused(await call(m, 'admin', UPDATE, { id: m.world.alpha, patch }), 'NOT_FOUND');
    expectRefused(await call(m, 'admin', UPDATE, { id: 'RXZlbnQ6OTk5OTk5', patch }), 'NOT_FOUND');
    expectRefused(await call(m, 'admin', UPDATE, { id: 'kein id', patch }), 'NOT_FOUND');
  });
});

describe('publishEvent and rejectEvent by role', () => {
  const ops = [['publishEvent', PUBLISH, {}], ['rejectEvent', REJECT, { reason: 'Unvollständig.' }]] as const;

  for (const [name, query, extra] of ops) {
    it.each(['public', 'partner', 'editor', 'otherEditor'] as const)(`${name} is FORBIDDEN for %s (an editor even on its own event) and writes nothing`, async (who) => {
      const e = await eventIn(m, 'SUBMITTED');
      const before = await tableCounts(m.db);
      expectRefused(await call(m, who, query, { id: e.id, ...extra }), 'FORBIDDEN');
      expect(await tableCounts(m.db)).toEqual(before);
    });

    it.each(['moderator', 'admin'] as const)(`${name} works for the %s role`, async (who) => {
      const e = await eventIn(m, 'SUBMITTED');
      const r = dataOf(await call(m, who, query, { id: e.id, ...extra }))[name];
      expect(r).toMatchObject({ status: name === 'publishEvent' ? 'PUBLISHED' : 'REJECTED', version: 2 });
    });
  }
});

describe('cancelEvent by role', () => {
  it.each(READERS)('is FORBIDDEN for the %s role and writes nothing', async (who) => {
    const e = await eventIn(m, 'PUBLISHED');
    const before = await tableCounts(m.db);
    expectRefused(await call(m, who, CANCEL, { id: e.id }), 'FORBIDDEN');
    expect(await tableCounts(m.db)).toEqual(before);
  });

  it('lets an editor cancel its own organiser\'s event', async () => {
    const e = await eventIn(m, 'PUBLISHED');
    expect(dataOf(await call(m, 'editor', CANCEL, { id: e.id, reason: 'Referent erkrankt.' })).cancelEvent)
      .toMatchObject({ status: 'CANCELLED', statusReason: 'Referent erkrankt.' });
  });

  it('is FORBIDDEN for an editor on a published event of another organiser, and writes nothing', async () => {
    const e = await eventIn(m, 'PUBLISHED', [m.world.beta]);
    const before = await tableCounts(m.db);
    expectRefused(await call(m, 'editor', CANCEL, { id: e.id }), 'FORBIDDEN');
    expect(await tableCounts(m.db)).toEqual(before);
  });

  it.each(['moderator', 'admin'] as const)('lets the %s role cancel any organiser\'s event', async (who) => {
    const e = await eventIn(m, 'PUBLISHED', [m.world.beta]);
    expect(dataOf(await call(m, who, CANCEL, { id: e.id })).cancelEvent).toMatchObject({ status: 'CANCELLED', statusReason: null });
  });
});
