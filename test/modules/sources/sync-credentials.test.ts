import { createScratchDatabase, type ScratchDatabase } from '../../helpers/test-database';
import { buildCli, rawQuery, runCli } from '../../cli/cli';
import { startFeedServer, type FeedServer } from './feed-server';

// Issue 13, point 7: a partner's feed behind HTTP basic auth is registered as
// `https://user:pass@host/…`; sync sends the credentials as basic auth and never prints,
// logs or stores them in a message.

jest.setTimeout(240_000);

const USER = 'partner';
const PASSWORD = 'S3cr%t-pw';
const CALENDAR = [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN',
  ...[1, 2].flatMap((n) => [
    'BEGIN:VEVENT', `UID:locked-${n}@partner.example`, 'DTSTAMP:20270101T000000Z', `DTSTART:2027060${n}T080000Z`,
    'DURATION:PT2H', `SUMMARY:Geschütztes Treffen ${n}`, 'LOCATION:Rathaus, Marktplatz 1, 79539 Lörrach', 'END:VEVENT',
  ]),
  'END:VCALENDAR', '',
].join('\r\n');

let scratch: ScratchDatabase;
let env: Record<string, string>;
let feeds: FeedServer;
const seen: (string | undefined)[] = [];

/** The feed URL with credentials, as a partner hands it over (the password percent-encoded, as URLs need). */
function withCredentials(password: string, port: string, path = '/locked.ics'): string {
  return `http://${USER}:${encodeURIComponent(password)}@${port}${path}`;
}

beforeAll(async () => {
  await buildCli();
  scratch = await createScratchDatabase();
  env = { DATABASE_URL: scratch.url };
  feeds = await startFeedServer();
  const expected = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
  feeds.route('/locked.ics', (req, res) => {
    seen.push(req.headers.authorization);
    if (req.headers.authorization !== expected) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="feeds"' }).end('who are you?');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' }).end(CALENDAR);
  });
}, 200_000);

afterAll(async () => {
  await feeds?.close();
  await scratch?.drop();
});

it('pulls a feed behind basic auth with the credentials of its URL, and prints them nowhere', async () => {
  const host = feeds.url.replace(/^http:\/\//, '');
  const add = await runCli(['sources', 'add', '--name', 'locked', '--url', withCredentials(PASSWORD, host), '--format', 'ics'], env);
  expect(add.stderr).toBe('');
  expect(add.code).toBe(0);

  const sync = await runCli(['sync', '--source', 'locked'], env);
  expect(sync.stderr).toBe('');
  expect(sync.stdout).toBe('locked: created 2, updated 0, unchanged 0, rejected 0\nsynced 1 source: 1 ok, 0 not modified, 0 failed\n');
  expect(sync.code).toBe(0);
  expect(seen.at(-1)).toBe(`Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`);

  const list = await runCli(['sources', 'list'], env);
  expect(list.stdout).toContain(`http://***@${host}/locked.ics`);
  expect(list.stdout).not.toContain(USER);
  const audit = await rawQuery<{ changes: string }>(scratch.url, "SELECT changes FROM audit_entry WHERE entity_type = 'Source'");
  expect(audit.length).toBeGreaterThan(0);
  expect(JSON.stringify(audit)).not.toContain('S3cr');
});

it('says why a pull with wrong credentials or an unreachable host failed, with the credentials masked', async () => {
  const host = feeds.url.replace(/^http:\/\//, '');
  await runCli(['sources', 'add', '--name', 'wrong', '--url', withCredentials('wrong-pw', host), '--format', 'ics'], env);
  await runCli(['sources', 'add', '--name', 'nowhere', '--url', withCredentials('gone-pw', '127.0.0.1:9', '/x.ics'), '--format', 'ics'], env);

  const wrong = await runCli(['sync', '--source', 'wrong'], env);
  expect(wrong.code).toBe(1);
  expect(wrong.stdout).toMatch(new RegExp(`^wrong: failed: http://${host.replace(/\./g, '\\.')}/locked\\.ics answered HTTP 401 Unauthorized$`, 'm'));
  const nowhere = await runCli(['sync', '--source', 'nowhere'], env);
  expect(nowhere.code).toBe(1);
  expect(nowhere.stdout).toMatch(/^nowhere: failed: http:\/\/\*\*\*@127\.0\.0\.1:9\/x\.ics could not be read: .+$/m);

  const list = await runCli(['sources', 'list'], env);
  const runs = await rawQuery<{ error: string | null }>(scratch.url, 'SELECT error FROM source_run');
  for (const text of [wrong.stdout, wrong.stderr, nowhere.stdout, nowhere.stderr, list.stdout, JSON.stringify(runs)]) {
    expect(text).not.toContain('-pw');
    expect(text).not.toContain(`${USER}:`);
  }
});
