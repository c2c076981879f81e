import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase, type ScratchDatabase } from '../../helpers/test-database';
import { ROOT, buildCli, countRows, rawQuery, runCli, type CliResult } from '../../cli/cli';
import { startFeedServer, withEtag, type FeedServer } from './feed-server';

// Each CLI run starts node and opens the database: seconds each on a busy machine.
jest.setTimeout(240_000);

const FIXTURES = join(ROOT, 'test', 'fixtures', 'sources');
const WORK = join(tmpdir(), `clustergraph-source-cli-${process.pid}`);

/** A small clean calendar: three events, nothing to reject. */
const CLEAN_ICS = [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN',
  ...[1, 2, 3].flatMap((n) => [
    'BEGIN:VEVENT', `UID:clean-${n}@test.example.org`, `DTSTAMP:20270101T000000Z`,
    `DTSTART:2027050${n}T080000Z`, `DTEND:2027050${n}T100000Z`, `SUMMARY:Sauberes Treffen ${n}`,
    'LOCATION:Rathaus, Marktplatz 1, 79539 Lörrach', 'END:VEVENT',
  ]),
  'END:VCALENDAR', '',
].join('\r\n');

let scratch: ScratchDatabase;
let env: Record<string, string>;
let feeds: FeedServer;
const clean = join(WORK, 'clean.ics');

function lastLine(r: CliResult): string {
  return r.stdout.trimEnd().split('\n').at(-1) ?? '';
}

beforeAll(async () => {
  await buildCli();
  scratch = await createScratchDatabase();
  env = { DATABASE_URL: scratch.url };
  feeds = await startFeedServer();
  mkdirSync(WORK, { recursive: true });
  writeFileSync(clean, CLEAN_ICS);
}, 200_000);

afterAll(async () => {
  await feeds?.close();
  await scratch?.drop();
  rmSync(WORK, { recursive: true, force: true });
});

describe('clustergraph import', () => {
  it('imports a file, and a second import of it changes nothing', async () => {
    const first = await runCli(['import', '--source', 'clean-cal', '--format', 'ics', clean], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(lastLine(first)).toBe('created 3, updated 0, unchanged 0, rejected 0');
    const second = await runCli(['import', '--source', 'clean-cal', '--format', 'ics', clean], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe('created 0, updated 0, unchanged 3, rejected 0\n');
    const runs = await rawQuery<{ result: string; created: number; unchanged: number }>(scratch.url,
      "SELECT r.result, r.created, r.unchanged FROM source_run r JOIN source s ON s.id = r.source_id WHERE s.name = 'clean-cal' ORDER BY r.id");
    expect(runs.map((r) => [r.result, Number(r.created), Number(r.unchanged)])).toEqual([['ok', 3, 0], ['ok', 0, 3]]);
  });

  it('lists each rejected record with its line or UID and reason before the summary, and lands the rest', async () => {
    const r = await runCli(['import', '--source', 'suedbaden', '--format', 'csv', join(FIXTURES, 'netzwerk-suedbaden-1252.csv')], env);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toContain('rejected line 7: start: year 20170 is outside 1900..2200');
    expect(lines.at(-1)).toMatch(/^created [1-9]\d*, updated 0, unchanged 0, rejected 1$/);
    expect(lines.indexOf('rejected line 7: start: year 20170 is outside 1900..2200')).toBeLessThan(lines.length - 1);
    const [row] = await rawQuery<{ city: string }>(scratch.url, "SELECT venue_city AS city FROM event WHERE title_de LIKE 'Workshop IT-Sicherheit%'");
    expect(row.city).toBe('Lörrach');

    const ics = await runCli(['import', '--source', 'connect', '--format', 'ics', join(FIXTURES, 'outlook-connect-dreilaendereck.ics')], env);
    expect(ics.code).toBe(0);
    expect(ics.stdout).toMatch(/^rejected UID seminar-cloud-recht@connect-dreilaendereck\.example\.org: .*20170/m);
  });

  it('writes nothing on --dry-run, not even the new source, and still reports the counts', async () => {
    const tables = ['event', 'event_source', 'event_organizer', 'audit_entry', 'source', 'source_run'];
    const before = await Promise.all(tables.map((t) => countRows(scratch.url, t)));
    const r = await runCli(['import', '--source', 'dry-alsace', '--format', 'ics', join(FIXTURES, 'google-reseau-alsace.ics'), '--dry-run'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/dry run: nothing was written\ncreated [1-9]\d*, updated \d+, unchanged 0, rejected \d+\n$/);
    expect(await Promise.all(tables.map((t) => countRows(scratch.url, t)))).toEqual(before);
    // a dry run of a known source reports what a real import would do
    const again = await runCli(['import', '--source', 'clean-cal', '--format', 'ics', clean, '--dry-run'], env);
    expect(lastLine(again)).toBe('created 0, updated 0, unchanged 3, rejected 0');
  });

  it('refuses a malformed file with exit code 1 and a clear message, changing nothing stored', async () => {
    const broken = join(WORK, 'broken.ics');
    writeFileSync(broken, 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:cut off');
    const events = await countRows(scratch.url, 'event');
    const r = await runCli(['import', '--source', 'clean-cal', '--format', 'ics', broken], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^clustergraph import: ICS: /);
    expect(r.stdout).toBe('');
    expect(await countRows(scratch.url, 'event')).toBe(events);
    const [run] = await rawQuery<{ result: string; error: string }>(scratch.url,
      "SELECT r.result, r.error FROM source_run r JOIN source s ON s.id = r.source_id WHERE s.name = 'clean-cal' ORDER BY r.id DESC LIMIT 1");
    expect(run.result).toBe('failed');
    // the events of that source are still all there, none cancelled
    const [stored] = await rawQuery<{ n: number }>(scratch.url,
      "SELECT COUNT(*) AS n FROM event e JOIN event_source es ON es.event_id = e.id JOIN source s ON s.id = es.source_id WHERE s.name = 'clean-cal' AND e.status <> 'CANCELLED'");
    expect(Number(stored.n)).toBe(3);
  });

  it.each([
    [['import', '--format', 'ics', 'x.ics'], /--source <name> is required/],
    [['import', '--source', 'a', 'x.ics'], /--format is required/],
    [['import', '--source', 'a', '--format', 'xml', 'x.ics'], /--format must be ics, csv or json, got "xml"/],
    [['import', '--source', 'a', '--format', 'ics'], /needs the file or http\(s\) URL/],
    [['import', '--source', 'a', '--format', 'ics', '/nonexistent/x.ics'], /cannot read "\/nonexistent\/x.ics": ENOENT/],
    [['import', '--source', 'clean-cal', '--format', 'csv', join(FIXTURES, 'partner-export-utf8.csv')], /registered with format ics, not csv/],
    [['import', '--source', 'bad name!', '--format', 'ics', join(FIXTURES, 'outlook-connect-dreilaendereck.ics')], /letters, digits/],
    [['import', '--source', 'a', '--format', 'ics', '--organizer', 'nope', join(FIXTURES, 'outlook-connect-dreilaendereck.ics')], /Unknown organiser "nope"/],
    [['sources', 'add', '--name', 'x', '--format', 'ics'], /--url is required/],
    [['sources', 'add', '--name', 'x', '--url', 'http://x', '--format', 'ics', '--mapping', '{"colums":{}}'], /mapping: Unrecognized key/],
    [['sync', '--all', '--source', 'x'], /--all or --source, not both/],
    [['sync', '--source', 'nobody'], /no source is named "nobody"/],
  ])('refuses %j with exit code 2 and a one-line message', async (args, message) => {
    const r = await runCli(args, env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('clustergraph sources and sync', () => {
  it('registers a source, lists it, pulls it when due, and a 304 costs nothing', async () => {
    feeds.route('/net.ics', withEtag(CLEAN_ICS.replace(/clean-/g, 'net-').replace(/Sauberes Treffen/g, 'Netzwerk-Abend'), '"n1"'));
    const add = await runCli(['sources', 'add', '--name', 'net', '--url', `${feeds.url}/net.ics`, '--format', 'ics', '--interval', '30', '--publish'], env);
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/^registered source net \(ics, every 30 min, trusted: PUBLISHED\): \S+\n$/);

    const list = await runCli(['sources', 'list'], env);
    expect(list.stdout).toMatch(/^name\s+format\s+url/);
    expect(list.stdout).toMatch(/\nnet\s+ics\s+http:\/\/127\.0\.0\.1:\d+\/net\.ics\s+yes\s+30 min\s+now\s+never\n/);

    const first = await runCli(['sync'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^net: created 3, updated 0, unchanged 0, rejected 0\n/m);
    expect(lastLine(first)).toMatch(/^synced \d+ sources?: \d+ ok, 0 not modified, 0 failed$/);

    // not due any more: a plain sync leaves it alone
    const idle = await runCli(['sync'], env);
    expect(idle.stdout).not.toMatch(/^net:/m);
    const hits = feeds.hits.get('/net.ics');

    const forced = await runCli(['sync', '--source', 'net'], env);
    expect(forced.stdout).toBe('net: not modified\nsynced 1 source: 0 ok, 1 not modified, 0 failed\n');
    expect(feeds.hits.get('/net.ics')).toBe((hits ?? 0) + 1);
    const runs = await rawQuery<{ result: string }>(scratch.url,
      "SELECT r.result FROM source_run r JOIN source s ON s.id = r.source_id WHERE s.name = 'net' ORDER BY r.id");
    expect(runs.map((r) => r.result)).toEqual(['ok', 'not_modified']);
    const [published] = await rawQuery<{ n: number }>(scratch.url, "SELECT COUNT(*) AS n FROM event WHERE title_de LIKE 'Netzwerk-Abend%' AND status = 'PUBLISHED'");
    expect(Number(published.n)).toBe(3);
  });

  it('records a failed pull with its error, exits 1, and changes nothing stored', async () => {
    feeds.route('/gone.ics', (_req, res) => res.writeHead(500).end('oops'));
    await runCli(['sources', 'add', '--name', 'flaky', '--url', `${feeds.url}/gone.ics`, '--format', 'ics'], env);
    const events = await countRows(scratch.url, 'event');
    const r = await runCli(['sync', '--source', 'flaky'], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^flaky: failed: http:\/\/127\.0\.0\.1:\d+\/gone\.ics answered HTTP 500/);
    expect(lastLine(r)).toBe('synced 1 source: 0 ok, 0 not modified, 1 failed');
    expect(await countRows(scratch.url, 'event')).toBe(events);
    const [run] = await rawQuery<{ result: string; error: string }>(scratch.url,
      "SELECT r.result, r.error FROM source_run r JOIN source s ON s.id = r.source_id WHERE s.name = 'flaky'");
    expect(run.result).toBe('failed');
    expect(run.error).toMatch(/HTTP 500/);
  });

  it('respects the charset a server declares for CSV, and refuses a file in another encoding than its mapping says', async () => {
    const bytes = readFileSync(join(FIXTURES, 'netzwerk-suedbaden-1252.csv'));
    feeds.route('/latin.csv', (_req, res) => res.writeHead(200, { 'content-type': 'text/csv; charset=windows-1252' }).end(bytes));
    feeds.route('/wrong.csv', (_req, res) => res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' }).end(bytes));
    await runCli(['sources', 'add', '--name', 'latin', '--url', `${feeds.url}/latin.csv`, '--format', 'csv'], env);
    await runCli(['sources', 'add', '--name', 'wrong', '--url', `${feeds.url}/wrong.csv`, '--format', 'csv', '--mapping', '{"encoding":"utf-8"}'], env);
    const latin = await runCli(['sync', '--source', 'latin'], env);
    expect(latin.stdout).toMatch(/^latin: created 0, updated [1-9]\d*|^latin: created [1-9]\d*/);
    const events = await countRows(scratch.url, 'event');
    const wrong = await runCli(['sync', '--source', 'wrong'], env);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/^wrong: failed: CSV: the file is not valid UTF-8/);
    expect(await countRows(scratch.url, 'event')).toBe(events);
  });
});
