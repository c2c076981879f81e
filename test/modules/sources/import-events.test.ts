import { startTestServer, type TestServer } from '../../helpers/test-server';
import { gql, gqlData } from '../../helpers/gql';
import { authHeaders, createKey } from '../../helpers/api-keys';
import { Role } from '../../../src/shared/viewer';
import { importEvents } from '../../../src/modules/sources/import-events';
import { count, footprint, record, registerSource, twoOrganizers } from './source-kit';

let server: TestServer;
let admin: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  admin = authHeaders(await createKey(server.db, Role.ADMIN));
});
afterAll(async () => {
  await server?.close();
});

async function eventOf(sourceName: string, sourceId: string) {
  const [row] = await server.db.query<{ id: number; status: string; version: number; updated_at: number; status_reason: string | null; region_code: string; title_de: string }>(
    `SELECT e.id, e.status, e.version, e.updated_at, e.status_reason, e.region_code, e.title_de FROM event e
     JOIN event_source es ON es.event_id = e.id JOIN source s ON s.id = es.source_id WHERE s.name = ? AND es.external_id = ?`,
    [sourceName, sourceId]);
  return row ? { ...row, id: Number(row.id), version: Number(row.version), updated_at: Number(row.updated_at) } : undefined;
}

describe('importEvents', () => {
  it('creates events once, and a second import of the same input changes nothing', async () => {
    const source = await registerSource(server.db, { name: 'idempotent' });
    const input = { events: [record(), record(), record()], rejected: [] };
    const first = await importEvents(server.db, source, input);
    expect(first).toMatchObject({ created: 3, updated: 0, unchanged: 0, rejected: 0 });
    const before = await eventOf('idempotent', input.events[0].sourceId);
    const audits = await count(server.db, 'audit_entry');

    const second = await importEvents(server.db, source, input);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 0 });
    const after = await eventOf('idempotent', input.events[0].sourceId);
    expect(after?.version).toBe(before?.version);
    expect(after?.updated_at).toBe(before?.updated_at);
    expect(await count(server.db, 'audit_entry')).toBe(audits);
  });

  it('updates an event whose record changed: its version and updatedAt move, the others stay', async () => {
    const source = await registerSource(server.db, { name: 'updating' });
    const a = record();
    const b = record();
    await importEvents(server.db, source, { events: [a, b], rejected: [] });
    const beforeA = (await eventOf('updating', a.sourceId))!;
    const beforeB = (await eventOf('updating', b.sourceId))!;
    const changed = { ...a, title: { de: 'Ein neuer Titel' } };
    const r = await importEvents(server.db, source, { events: [changed, b], rejected: [] }, { now: Date.now() + 1000 });
    expect(r).toMatchObject({ created: 0, updated: 1, unchanged: 1, rejected: 0 });
    const afterA = (await eventOf('updating', a.sourceId))!;
    expect(afterA.title_de).toBe('Ein neuer Titel');
    expect(afterA.version).toBe(beforeA.version + 1);
    expect(afterA.updated_at).toBeGreaterThan(beforeA.updated_at);
    expect(await eventOf('updating', b.sourceId)).toEqual(beforeB);
  });

  it('rejects a record the write side refuses, with its position and reason, and lands the rest', async () => {
    const source = await registerSource(server.db, { name: 'rejecting' });
    const good = record();
    const backwards = record({ endsAt: new Date(Date.UTC(2020, 0, 1)) });
    const badUrl = record({ url: 'ftp://example.org/x' });
    const farFuture = record({ startsAt: new Date(Date.UTC(20170, 0, 1)) });
    const r = await importEvents(server.db, source, {
      events: [good, backwards, badUrl, farFuture], rejected: [{ position: 'line 7', reason: 'start "31.02.2017" is not a date' }],
    });
    expect(r).toMatchObject({ created: 1, rejected: 4 });
    expect(r.rejectedItems).toEqual([
      { position: 'line 7', reason: 'start "31.02.2017" is not a date' },
      { position: backwards.position, reason: 'The event cannot end before it starts.' },
      { position: badUrl.position, reason: expect.stringMatching(/^url must be an http or https URL/) },
      { position: farFuture.position, reason: 'startsAt is not a usable date-time.' },
    ]);
    expect(await eventOf('rejecting', good.sourceId)).toBeDefined();
    expect(await eventOf('rejecting', backwards.sourceId)).toBeUndefined();
  });

  it('keeps an event with no organiser and no region in its country; the owner and named organisers run it otherwise', async () => {
    const [owner, named] = await twoOrganizers(server.db);
    const bare = await registerSource(server.db, { name: 'bare' });
    const lonely = record({ venue: null, region: null });
    expect(await importEvents(server.db, bare, { events: [lonely], rejected: [] })).toMatchObject({ created: 1 });
    const stored = (await eventOf('bare', lonely.sourceId))!;
    expect(stored.region_code).toBe('DE');
    expect(await count(server.db, 'event_organizer', 'event_id = ?', [stored.id])).toBe(0);

    const owned = await registerSource(server.db, { name: 'owned', ownerId: owner.id });
    const naming = record({ organizerNames: [named.name.toUpperCase(), 'Niemand Bekanntes e.V.'], region: 'DE13' });
    await importEvents(server.db, owned, { events: [naming], rejected: [] });
    const e = (await eventOf('owned', naming.sourceId))!;
    expect(e.region_code).toBe('DE13');
    const organizers = await server.db.query<{ organizer_id: number }>('SELECT organizer_id FROM event_organizer WHERE event_id = ? ORDER BY position', [e.id]);
    expect(organizers.map((o) => Number(o.organizer_id))).toEqual([owner.key, named.key]);
  });

  it('publishes the events of a trusted source, submits the others, and keeps what the source cancels as CANCELLED', async () => {
    const trusted = await registerSource(server.db, { name: 'trusted', trusted: true });
    const untrusted = await registerSource(server.db, { name: 'untrusted' });
    const a = record();
    const b = record();
    const c = record({ cancelled: true });
    await importEvents(server.db, trusted, { events: [a, c], rejected: [] });
    await importEvents(server.db, untrusted, { events: [b], rejected: [] });
    expect((await eventOf('trusted', a.sourceId))!.status).toBe('PUBLISHED');
    expect((await eventOf('untrusted', b.sourceId))!.status).toBe('SUBMITTED');
    expect((await eventOf('trusted', c.sourceId))!.status).toBe('CANCELLED');
  });

  it('records every write in the audit trail as source:<name>', async () => {
    const source = await registerSource(server.db, { name: 'audited' });
    const a = record();
    await importEvents(server.db, source, { events: [a], rejected: [] });
    const e = (await eventOf('audited', a.sourceId))!;
    const [entry] = await server.db.query<{ actor: string; action: string }>(
      "SELECT actor, action FROM audit_entry WHERE entity_type = 'Event' AND entity_id = (SELECT ? ) ORDER BY id DESC",
      [Buffer.from(`Event:${e.id}`).toString('base64url')]);
    expect(entry).toEqual({ actor: 'source:audited', action: 'importEvent' });
  });

  it('writes nothing on a dry run and still reports the counts', async () => {
    const source = await registerSource(server.db, { name: 'dry' });
    const kept = record();
    await importEvents(server.db, source, { events: [kept], rejected: [] });
    const before = await footprint(server.db);
    const r = await importEvents(server.db, source, {
      events: [{ ...kept, title: { de: 'Geändert' } }, record(), record(), record({ endsAt: new Date(0) })], rejected: [],
    }, { dryRun: true });
    expect(r).toMatchObject({ created: 2, updated: 1, unchanged: 0, rejected: 1 });
    expect(await footprint(server.db)).toEqual(before);
  });

  it('commits batch by batch: a batch that fails writes nothing, the earlier ones stay whole', async () => {
    const source = await registerSource(server.db, { name: 'crashing' });
    const records = [record(), record(), record(), record(), record()];
    const before = await count(server.db, 'event');
    await expect(importEvents(server.db, source, { events: records, rejected: [] }, {
      batchSize: 2,
      beforeCommit: async (batch) => {
        if (batch === 1) throw new Error('the process died here');
      },
    })).rejects.toThrow('the process died here');
    expect(await count(server.db, 'event')).toBe(before + 2);
    for (const r of records.slice(0, 2)) {
      const e = (await eventOf('crashing', r.sourceId))!;
      // whole: the event, its link and its audit entry
      expect(await count(server.db, 'audit_entry', 'entity_id = ?', [Buffer.from(`Event:${e.id}`).toString('base64url')])).toBe(1);
    }
    for (const r of records.slice(2)) expect(await eventOf('crashing', r.sourceId)).toBeUndefined();
    // and the next run finishes the job
    expect(await importEvents(server.db, source, { events: records, rejected: [] })).toMatchObject({ created: 3, unchanged: 2 });
  });

  it('cancels an event that vanished from its source within the span the input covers, never deleting it', async () => {
    const source = await registerSource(server.db, { name: 'vanishing' });
    const [early, middle, late] = [record(), record(), record()];
    const outside = record({ startsAt: new Date(Date.UTC(2026, 0, 1, 9)) });
    await importEvents(server.db, source, { events: [outside, early, middle, late], rejected: [] });
    const r = await importEvents(server.db, source, { events: [early, late], rejected: [] });
    expect(r).toMatchObject({ created: 0, unchanged: 2, cancelled: 1 });
    const gone = (await eventOf('vanishing', middle.sourceId))!;
    expect(gone.status).toBe('CANCELLED');
    expect(gone.status_reason).toMatch(/No longer announced by its source "vanishing"/);
    // before the span of the new input: a feed that only lists what is ahead drops it, nothing is cancelled
    expect((await eventOf('vanishing', outside.sourceId))!.status).toBe('SUBMITTED');
    // it comes back when the source lists it again
    const back = await importEvents(server.db, source, { events: [early, middle, late], rejected: [] });
    expect(back).toMatchObject({ updated: 1, unchanged: 2 });
    expect((await eventOf('vanishing', middle.sourceId))!.status).toBe('SUBMITTED');
  });

  it('does not cancel anything when the input is empty', async () => {
    const source = await registerSource(server.db, { name: 'emptied' });
    const a = record();
    await importEvents(server.db, source, { events: [a], rejected: [] });
    expect(await importEvents(server.db, source, { events: [], rejected: [] })).toMatchObject({ cancelled: 0 });
    expect((await eventOf('emptied', a.sourceId))!.status).toBe('SUBMITTED');
  });

  it('undoes its own cancellation when the source lists the event again, never a person\'s, whatever the reason says', async () => {
    const source = await registerSource(server.db, { name: 'recalled', trusted: true });
    const [bySource, byPerson] = [record(), record()];
    await importEvents(server.db, source, { events: [{ ...bySource, cancelled: true }, byPerson], rejected: [] });
    const cancelled = (await eventOf('recalled', bySource.sourceId))!;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', status_reason: 'Cancelled by its source "recalled".' });
    // a person's reason that reads like an import's: who cancelled is the column, not the text
    const id = Buffer.from(`Event:${(await eventOf('recalled', byPerson.sourceId))!.id}`).toString('base64url');
    const reason = 'Cancelled by its source "recalled".';
    await gqlData(server.url, 'mutation($id: ID!, $reason: String) { cancelEvent(id: $id, reason: $reason) { status } }', { id, reason }, admin);
    const who = async (r: { sourceId: string }) => (await server.db.query<{ cancelled_by: string | null }>(
      'SELECT cancelled_by FROM event WHERE id = ?', [(await eventOf('recalled', r.sourceId))!.id]))[0].cancelled_by;
    expect([await who(bySource), await who(byPerson)]).toEqual(['IMPORT', 'EDITOR']);

    const again = await importEvents(server.db, source, { events: [bySource, { ...byPerson, title: { de: 'Neu angekündigt' } }], rejected: [] }, { now: Date.now() + 1000 });
    expect(again).toMatchObject({ updated: 2 });
    expect(await eventOf('recalled', bySource.sourceId)).toMatchObject({ status: 'PUBLISHED', status_reason: null });
    expect(await who(bySource)).toBeNull();
    expect(await eventOf('recalled', byPerson.sourceId)).toMatchObject({ status: 'CANCELLED', status_reason: reason, title_de: 'Neu angekündigt' });
    expect(await who(byPerson)).toBe('EDITOR');
  });
});

describe('duplicates across sources', () => {
  it('merges the same event announced by two sources, with both organisers, and explains why', async () => {
    const [first, second] = await twoOrganizers(server.db);
    const ics = await registerSource(server.db, { name: 'merge-ics', ownerId: first.id, trusted: true });
    const csv = await registerSource(server.db, { name: 'merge-csv', ownerId: second.id, trusted: true, format: 'csv' as never });
    const startsAt = new Date(Date.UTC(2027, 8, 9, 7, 0));
    const a = record({ startsAt, title: { de: 'Netzwerktreffen Wasserstoff 2027' } });
    const b = record({ startsAt, title: { de: 'Netzwerk-Treffen Wasserstoff' }, sourceId: 'row-17', position: 'line 17' });
    await importEvents(server.db, ics, { events: [a], rejected: [] });
    expect(await importEvents(server.db, csv, { events: [b], rejected: [] })).toMatchObject({ created: 0, updated: 1 });
    const e = (await eventOf('merge-ics', a.sourceId))!;
    expect((await eventOf('merge-csv', b.sourceId))!.id).toBe(e.id);

    const data = await gqlData(server.url, `query($id: ID!) { event(id: $id) {
      organizers { id } source { name } sourceId importedAt
      sources { source { name format } sourceId mergedBy importedAt lastSeenAt } } }`,
    { id: Buffer.from(`Event:${e.id}`).toString('base64url') }, admin);
    expect(data.event.organizers.map((o: { id: string }) => o.id)).toEqual([first.id, second.id]);
    expect(data.event.source).toEqual({ name: 'merge-ics' });
    expect(data.event.sourceId).toBe(a.sourceId);
    expect(data.event.sources).toEqual([
      expect.objectContaining({ source: { name: 'merge-ics', format: 'ics' }, sourceId: a.sourceId, mergedBy: null }),
      expect.objectContaining({ source: { name: 'merge-csv', format: 'csv' }, sourceId: 'row-17', mergedBy: expect.stringMatching(/^same start, title 0\.\d\d similar, same postal code 79539$/) }),
    ]);
    // a second pull of both changes nothing
    expect(await importEvents(server.db, csv, { events: [b], rejected: [] })).toMatchObject({ unchanged: 1 });
  });

  it('keeps apart what differs in start, place or title', async () => {
    const x = await registerSource(server.db, { name: 'apart-x' });
    const y = await registerSource(server.db, { name: 'apart-y' });
    const startsAt = new Date(Date.UTC(2027, 9, 1, 7, 0));
    await importEvents(server.db, x, { events: [record({ startsAt, title: { de: 'Jahrestagung Photonik' } })], rejected: [] });
    const r = await importEvents(server.db, y, { events: [
      record({ startsAt: new Date(startsAt.getTime() + 3_600_000), title: { de: 'Jahrestagung Photonik' } }),
      record({ startsAt, title: { de: 'Jahrestagung Photonik' }, venue: { postalCode: '10115', city: 'Berlin', country: 'DE' } }),
      record({ startsAt, title: { de: 'Workshop Leichtbau' } }),
    ], rejected: [] });
    expect(r).toMatchObject({ created: 3, updated: 0 });
  });

  it('does not cancel a merged event that another source still announces', async () => {
    const x = await registerSource(server.db, { name: 'still-x', trusted: true });
    const y = await registerSource(server.db, { name: 'still-y', trusted: true });
    const startsAt = new Date(Date.UTC(2027, 10, 5, 9, 0));
    const ax = record({ startsAt, title: { de: 'Cluster-Konferenz Mikroelektronik' } });
    const other = record({ startsAt: new Date(startsAt.getTime() + 86_400_000) });
    const ay = record({ startsAt, title: { de: 'Clusterkonferenz Mikroelektronik' } });
    const laterY = record({ startsAt: new Date(startsAt.getTime() + 2 * 86_400_000) });
    await importEvents(server.db, x, { events: [ax, other], rejected: [] });
    await importEvents(server.db, y, { events: [ay, laterY], rejected: [] });
    expect((await eventOf('still-y', ay.sourceId))!.id).toBe((await eventOf('still-x', ax.sourceId))!.id);
    // x drops it, y still lists it
    const r = await importEvents(server.db, x, { events: [other, record({ startsAt: new Date(startsAt.getTime() - 86_400_000) })], rejected: [] });
    expect(r.cancelled).toBe(0);
    expect((await eventOf('still-x', ax.sourceId))!.status).toBe('PUBLISHED');
  });
});

describe('provenance in GraphQL', () => {
  it('is null and empty for an event entered here', async () => {
    const data = await gqlData(server.url, '{ events(first: 1, filter: { campaign: "clusterwoche-2017" }) { nodes { source { name } sourceId importedAt sources { sourceId } } } }');
    expect(data.events.nodes[0]).toEqual({ source: null, sourceId: null, importedAt: null, sources: [] });
  });

  it('costs the same number of statements for a page of 5 and of 50', async () => {
    const source = await registerSource(server.db, { name: 'paged', trusted: true });
    const base = Date.UTC(2031, 0, 1, 9);
    await importEvents(server.db, source, {
      events: Array.from({ length: 60 }, (_, i) => record({ startsAt: new Date(base + i * 86_400_000) })), rejected: [],
    });
    const query = (n: number) => `{ events(first: ${n}, filter: { startsFrom: "2031-01-01T00:00:00Z" }) { nodes { id
      source { name owner { name } } sourceId importedAt sources { sourceId mergedBy source { name } } } } }`;
    const five = await gql(server.url, query(5));
    const fifty = await gql(server.url, query(50));
    expect(five.body.errors).toBeUndefined();
    expect(fifty.body.errors).toBeUndefined();
    expect(fifty.body.data.events.nodes).toHaveLength(50);
    expect(fifty.body.data.events.nodes.every((n: { source: { name: string } }) => n.source.name === 'paged')).toBe(true);
    expect(fifty.body.extensions?.stats?.sqlStatements).toBe(five.body.extensions?.stats?.sqlStatements);
  });
});
