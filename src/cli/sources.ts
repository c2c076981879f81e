import { readFileSync } from 'node:fs';
import type { Database } from '../db/database';
import { formatInZone } from '../shared/time';
import {
  allSources, latestRuns, sourceGlobalId, maskUrl, maskUrlsIn, DEFAULT_INTERVAL,
} from '../modules/sources';
import { SourceCommandError, options, sourceWrites, withDatabase } from './source-cli';
import { quote } from '../shared/quote';

/** The sources lines of the CLI's usage text. */
export const SOURCES_USAGE = `  sources add --name <name> --url <http(s) URL> --format <ics|csv|json>
         [--mapping <file.json|json>] [--organizer <id>] [--publish] [--interval <minutes>]
                             register a source for sync (interval default ${DEFAULT_INTERVAL})
  sources list               every source: format, owner, interval, last run, next pull`;

/** `clustergraph sources add|list`. Bad arguments throw SourceCommandError (exit 2). */
export async function sourcesCommand(args: string[], open: () => Promise<Database>, out: (text: string) => void): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'add') return add(rest, open, out);
  if (sub === 'list') return list(rest, open, out);
  throw new SourceCommandError('sources', sub === undefined
    ? 'sources needs a command: add or list'
    : `unknown sources command ${quote(sub)} (add or list)`);
}

async function add(args: string[], open: () => Promise<Database>, out: (text: string) => void): Promise<void> {
  const { values } = options('sources', args, {
    name: { type: 'string' }, url: { type: 'string' }, format: { type: 'string' }, mapping: { type: 'string' },
    organizer: { type: 'string' }, publish: { type: 'boolean' }, interval: { type: 'string' },
  }) as { values: Record<string, string | boolean | undefined> };
  for (const required of ['name', 'url', 'format'] as const) {
    if (values[required] === undefined) throw new SourceCommandError('sources', `--${required} is required`);
  }
  const interval = values.interval === undefined ? DEFAULT_INTERVAL : Number(values.interval);
  if (!Number.isInteger(interval)) throw new SourceCommandError('sources', `--interval is whole minutes, got ${quote(values.interval)}`);
  const mapping = values.mapping === undefined ? undefined : mappingOf(values.mapping as string);
  await withDatabase(open, async (db) => {
    try {
      const s = await sourceWrites(db).createAs('cli', {
        name: values.name as string, url: values.url as string, format: values.format as never, mapping,
        ownerId: (values.organizer as string | undefined) ?? null, trusted: values.publish === true, intervalMinutes: interval,
      });
      out(`registered source ${s.name} (${s.format}, every ${s.intervalMinutes} min, ${s.trusted ? 'trusted: PUBLISHED' : 'SUBMITTED for review'}): ${sourceGlobalId(s.pk)}\n`);
    } catch (err) {
      if ((err as { extensions?: { code?: string } }).extensions?.code === 'BAD_USER_INPUT') {
        throw new SourceCommandError('sources', (err as Error).message.replace(/\binput\./g, '--'));
      }
      throw err;
    }
  });
}

/** A mapping from --mapping: inline JSON (starts with "{"), else a JSON file's path. */
function mappingOf(value: string): unknown {
  const textOf = () => {
    if (value.trim().startsWith('{')) return value;
    try {
      return readFileSync(value, 'utf8');
    } catch (err) {
      throw new SourceCommandError('sources', `cannot read --mapping file ${quote(value)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  };
  const text = textOf();
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new SourceCommandError('sources', `--mapping is not JSON: ${(err as Error).message}`);
  }
}

async function list(args: string[], open: () => Promise<Database>, out: (text: string) => void): Promise<void> {
  options('sources', args, {});
  await withDatabase(open, async (db) => {
    const sources = await allSources(db);
    if (sources.length === 0) {
      out('no sources yet (register one with: clustergraph sources add, or clustergraph import)\n');
      return;
    }
    const runs = new Map((await latestRuns(db, sources.map((s) => s.pk), 1)).map((r) => [r.sourceKey, r]));
    const rows = sources.map((s) => {
      const r = runs.get(s.pk);
      const last = r
        ? `${at(r.startedAt)} ${r.result}${r.result === 'ok' ? ` (+${r.created} ~${r.updated} =${r.unchanged} !${r.rejected})` : ''}${r.error ? `: ${maskUrlsIn(r.error)}` : ''}`
        : 'never';
      return [s.name, s.format, s.url === null ? '-' : maskUrl(s.url), s.trusted ? 'yes' : 'no', `${s.intervalMinutes} min`,
        s.nextDueAt === null ? (s.url ? 'now' : '-') : at(s.nextDueAt), last];
    });
    out(table([['name', 'format', 'url', 'trusted', 'interval', 'next pull', 'last run'], ...rows]));
  });
}

function at(ms: number): string {
  return formatInZone(Math.floor(ms / 1000) * 1000, 'Europe/Berlin');
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')).join('\n') + '\n';
}
