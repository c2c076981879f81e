import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { gqlData } from '../../helpers/gql';
import { ROOT, buildCli, runCli } from '../../cli/cli';
import { startFeedServer, withEtag, type FeedServer } from './feed-server';
import { twoOrganizers } from './source-kit';

// The "done when": two sources (an Outlook ICS and a Windows-1252 CSV of another
// network) announce the same workshop; after `sync` GraphQL and the ICS feed show it once,
// with both organisers and both sources.

const FIXTURES = join(ROOT, 'test', 'fixtures', 'sources');
let server: TestServer;
let feeds: FeedServer;

beforeAll(async () => {
  await buildCli();
  server = await startTestServer();
  feeds = await startFeedServer();
  feeds.route('/connect.ics', withEtag(readFileSync(join(FIXTURES, 'outlook-connect-dreilaendereck.ics')), '"c1"'));
  const csv = readFileSync(join(FIXTURES, 'netzwerk-suedbaden-1252.csv'));
  feeds.route('/suedbaden.csv', (_req, res) => res.writeHead(200, { 'content-type': 'text/csv; charset=windows-1252' }).end(csv));
}, 200_000);

afterAll(async () => {
  await feeds?.close();
  await server?.close();
});

const WORKSHOP = `{ events(first: 50, filter: { startsFrom: "2017-04-26T00:00:00Z", startsBefore: "2017-04-27T00:00:00Z", text: "IT-Sicherheit" }) {
  nodes { id title organizers { id name } source { name } sourceId importedAt
          sources { source { name format owner { id } } sourceId mergedBy } } } }`;

it('registers an ICS and a CSV source, syncs them, and shows the shared event once with both organisers and both sources', async () => {
  const env = { DATABASE_URL: databaseUrlOf(server) };
  const [connect, suedbaden] = await twoOrganizers(server.db);

  const addIcs = await runCli(['sources', 'add', '--name', 'connect', '--url', `${feeds.url}/connect.ics`, '--format', 'ics', '--organizer', connect.id, '--publish'], env);
  expect(addIcs.stderr).toBe('');
  const addCsv = await runCli(['sources', 'add', '--name', 'suedbaden', '--url', `${feeds.url}/suedbaden.csv`, '--format', 'csv', '--organizer', suedbaden.id, '--publish'], env);
  expect(addCsv.code).toBe(0);

  const sync = await runCli(['sync'], env);
  expect(sync.stderr).toBe('');
  expect(sync.code).toBe(0);
  expect(sync.stdout).toMatch(/^connect: created 2, updated 0, unchanged 0, rejected 2/m);
  expect(sync.stdout).toMatch(/^suedbaden: created \d+, updated 1, unchanged 0, rejected 1/m);
  expect(sync.stdout).toMatch(/synced 2 sources: 2 ok, 0 not modified, 0 failed\n$/);

  const data = await gqlData(server.url, WORKSHOP);
  expect(data.events.nodes).toHaveLength(1);
  const [event] = data.events.nodes;
  expect(event.title).toBe('Workshop: IT-Sicherheit für KMU im Dreiländereck');
  expect(event.organizers.map((o: { id: string }) => o.id)).toEqual(expect.arrayContaining([connect.id, suedbaden.id]));
  expect(event.source).toEqual({ name: 'connect' });
  expect(event.sources).toEqual([
    { source: { name: 'connect', format: 'ics', owner: { id: connect.id } }, sourceId: expect.stringMatching(/^040000008200E00074C5B7101A82E008/), mergedBy: null },
    { source: { name: 'suedbaden', format: 'csv', owner: { id: suedbaden.id } }, sourceId: 'SB-2017-014', mergedBy: expect.stringMatching(/^same start, title 0\.\d\d similar, same postal code 79539$/) },
  ]);

  const res = await fetch(`${server.url}/feeds/events.ics?from=2017-04-26&to=2017-04-27`);
  expect(res.status).toBe(200);
  const calendar = new ICAL.Component(ICAL.parse(await res.text()));
  const workshops = calendar.getAllSubcomponents('vevent')
    .filter((v) => String(v.getFirstPropertyValue('summary')).includes('IT-Sicherheit für KMU'));
  expect(workshops).toHaveLength(1);
  expect(String(workshops[0].getFirstPropertyValue('location'))).toMatch(/79539 Lörrach/);

  // a second sync: the ICS answers 304, the CSV is read again and changes nothing
  const again = await runCli(['sync', '--all'], env);
  expect(again.stdout).toMatch(/^connect: not modified$/m);
  expect(again.stdout).toMatch(/^suedbaden: created 0, updated 0, unchanged \d+, rejected 1$/m);
  expect((await gqlData(server.url, WORKSHOP)).events.nodes).toHaveLength(1);
}, 240_000);

/** The URL the test server's database was opened with (the CLI opens the same database). */
function databaseUrlOf(s: TestServer): string {
  const o = s.db.dataSource.options as { type: string; database?: string; url?: string };
  return o.type === 'postgres' ? (o.url as string) : `sqlite:${o.database}`;
}
