import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '../../../src/shared/viewer';
import { authHeaders, createKey } from '../../helpers/api-keys';
import { gql, gqlData } from '../../helpers/gql';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { buildCli, runCli } from '../../cli/cli';
import { twoOrganizers } from './source-kit';

// Issue 13, point 1: a source registered without --publish that announces what another
// source already published (same start, similar title, same postal code: all of it in the
// public feed) must not get into that event. Everything goes through the real CLI and HTTP.

jest.setTimeout(240_000);

const WORK = join(tmpdir(), `clustergraph-untrusted-${process.pid}`);
let server: TestServer;
let env: Record<string, string>;
let admin: Record<string, string>;

function calendar(uid: string, start: string, title: string, description: string): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20270101T000000Z',
    `DTSTART:${start}`, 'DURATION:PT2H', `SUMMARY:${title}`, `DESCRIPTION:${description}`,
    'LOCATION:Rathaus, Marktplatz 1, 79539 Lörrach', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
}

function file(name: string, text: string): string {
  const path = join(WORK, name);
  writeFileSync(path, text);
  return path;
}

const EVENT = `query($id: ID!) { event(id: $id) { id status title description organizers { id } sources { source { name } } } }`;

async function publishedEventOf(uid: string): Promise<{ key: number; id: string }> {
  const [row] = await server.db.query<{ event_id: number }>('SELECT event_id FROM event_source WHERE external_id = ?', [uid]);
  const key = Number(row.event_id);
  return { key, id: Buffer.from(`Event:${key}`).toString('base64url') };
}

beforeAll(async () => {
  await buildCli();
  server = await startTestServer();
  const o = server.db.dataSource.options as { type: string; database?: string; url?: string };
  env = { DATABASE_URL: o.type === 'postgres' ? (o.url as string) : `sqlite:${o.database}` };
  admin = authHeaders(await createKey(server.db, Role.ADMIN));
  mkdirSync(WORK, { recursive: true });
}, 200_000);

afterAll(async () => {
  await server?.close();
  rmSync(WORK, { recursive: true, force: true });
});

it('sends an untrusted source\'s match of a published event to review and leaves the published event, its organisers and its fields as they were', async () => {
  const [owner, intruder] = await twoOrganizers(server.db);
  const original = file('original.ics', calendar('treffen@owner.example', '20270909T070000Z', 'Netzwerktreffen Wasserstoff 2027', 'Das Treffen der Wasserstoff-Branche.'));
  const first = await runCli(['import', '--source', 'owner-cal', '--format', 'ics', '--organizer', owner.id, '--publish', original], env);
  expect(first.stdout).toBe('created 1, updated 0, unchanged 0, rejected 0\n');
  const published = await publishedEventOf('treffen@owner.example');
  const before = (await gqlData(server.url, EVENT, { id: published.id }, admin)).event;
  expect(before.status).toBe('PUBLISHED');

  const copy = file('copy.ics', calendar('copy@intruder.example', '20270909T070000Z', 'Netzwerk-Treffen Wasserstoff', 'Anmeldung nur bei uns.'));
  const attack = await runCli(['import', '--source', 'intruder-cal', '--format', 'ics', '--organizer', intruder.id, copy], env);
  expect(attack.code).toBe(0);
  const lines = attack.stdout.trimEnd().split('\n');
  expect(lines.at(-1)).toBe('created 1, updated 0, unchanged 0, rejected 0');
  expect(lines[0]).toMatch(new RegExp(`^review UID copy@intruder\\.example: possible duplicate of event ${published.id} `
    + '\\(same start, title 0\\.\\d\\d similar, same postal code 79539\\); not merged, submitted for review as event (\\S+)$'));
  const proposalId = /as event (\S+)$/.exec(lines[0])![1];

  // The published event is exactly as it was: no new organiser, no new source, no field changed.
  expect((await gqlData(server.url, EVENT, { id: published.id }, admin)).event).toEqual(before);

  // The intruder's editor key cannot touch it.
  const editor = authHeaders(await createKey(server.db, Role.EDITOR, { organizerId: intruder.key }));
  const update = await gql(server.url, 'mutation($id: ID!) { updateEvent(id: $id, patch: { title: { de: "Gekapert" } }) { id } }',
    { id: published.id }, editor);
  expect(update.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);

  // The record is a proposal of its own, for the moderator, marked as a possible duplicate.
  const proposal = (await gqlData(server.url, EVENT, { id: proposalId }, admin)).event;
  expect(proposal).toMatchObject({ status: 'SUBMITTED', title: 'Netzwerk-Treffen Wasserstoff', organizers: [{ id: intruder.id }], sources: [{ source: { name: 'intruder-cal' } }] });
  const [marked] = await server.db.query<{ duplicate_of_id: number }>('SELECT duplicate_of_id FROM event WHERE id = ?',
    [Number(Buffer.from(proposalId, 'base64url').toString().split(':')[1])]);
  expect(Number(marked.duplicate_of_id)).toBe(published.key);

  // A second run of the same file changes nothing and still never merges.
  const again = await runCli(['import', '--source', 'intruder-cal', '--format', 'ics', copy], env);
  expect(again.stdout).toBe('created 0, updated 0, unchanged 1, rejected 0\n');
  expect((await gqlData(server.url, EVENT, { id: published.id }, admin)).event).toEqual(before);
});

it('records in the audit log the organiser a trusted source adds to a published event by merging', async () => {
  const [owner, partner] = await twoOrganizers(server.db);
  const original = file('fair.ics', calendar('messe@owner.example', '20271012T080000Z', 'Photonik-Messe Südbaden', 'Die Messe.'));
  await runCli(['import', '--source', 'fair-owner', '--format', 'ics', '--organizer', owner.id, '--publish', original], env);
  const published = await publishedEventOf('messe@owner.example');

  const same = file('fair-partner.ics', calendar('messe@partner.example', '20271012T080000Z', 'Photonikmesse Südbaden', 'Auch bei uns.'));
  const merge = await runCli(['import', '--source', 'fair-partner', '--format', 'ics', '--organizer', partner.id, '--publish', same], env);
  expect(merge.stdout).toBe('created 0, updated 1, unchanged 0, rejected 0\n');

  const data = await gqlData(server.url, `query($id: ID!) { auditLog(entityId: $id, first: 20) { nodes { action actor changes } } }`,
    { id: published.id }, admin);
  const merges = data.auditLog.nodes.filter((n: { action: string }) => n.action === 'mergeEvent');
  expect(merges).toEqual([{
    action: 'mergeEvent', actor: 'source:fair-partner',
    changes: { organizerIds: { old: [owner.id], new: [owner.id, partner.id] } },
  }]);
  const event = (await gqlData(server.url, EVENT, { id: published.id }, admin)).event;
  expect(event).toMatchObject({ status: 'PUBLISHED', description: 'Die Messe.', organizers: [{ id: owner.id }, { id: partner.id }] });
});
