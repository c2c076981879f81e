import { readFile } from 'node:fs/promises';
import type { Database } from '../db/database';
import {
  fetchSource, SourceFetchError, importInput, sourceByName, SourceFormat, SourceRunResult,
  importEvents, openInput, sourceGlobalId, maskUrl, type RunOutcome, type Source,
} from '../modules/sources';
import { startProgress } from './progress';
import {
  FETCH_OPTIONS, SourceCommandError, fetchLimits, options, rejectedLines, reviewLines, sourceWrites, summaryLine, withDatabase,
} from './source-cli';
import { quote } from '../shared/quote';

/** The import line of the CLI's usage text. */
export const IMPORT_USAGE = `  import --source <name> --format <ics|csv|json> <file or http(s) URL> [--dry-run]
         [--organizer <id>] [--publish]
                             import events from another calendar; a new --source name
                             registers that source (--organizer: its owning organiser's
                             GraphQL id, --publish: trusted, its events are PUBLISHED);
                             prints each rejected record, then
                             "created N, updated N, unchanged N, rejected N"`;

/** Where the input is and what to do with it, from the arguments. */
interface ImportArgs {
  name: string;
  format: SourceFormat;
  input: string;
  dryRun: boolean;
  organizer: string | null;
  publish: boolean;
}

/**
 * `clustergraph import …`. Rejected records go to stdout, one line each, before the
 * summary line (the last line on stdout). Exit codes: 0 when the input was read (even with
 * rejected records), 1 when it could not be read at all, 2 for bad arguments.
 */
export async function importCommand(args: string[], open: () => Promise<Database>, out: (text: string) => void): Promise<number> {
  const parsed = parseImportArgs(args);
  const limits = fetchLimits('import', parsed.values);
  const a = parsed.args;
  const isUrl = /^https?:\/\//i.test(a.input);
  let bytes: Buffer;
  let charset: string | null = null;
  if (isUrl) {
    try {
      const fetched = await fetchSource(a.input, null, limits);
      if (fetched.notModified) throw new SourceFetchError(`${maskUrl(a.input)} answered 304 to an unconditional request`);
      bytes = fetched.body;
      charset = fetched.charset;
    } catch (err) {
      throw new ImportFailure((err as Error).message);
    }
  } else {
    try {
      bytes = await readFile(a.input);
    } catch (err) {
      throw new SourceCommandError('import', `cannot read ${quote(a.input)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }

  return withDatabase(open, async (db) => {
    const writes = sourceWrites(db);
    const registration = {
      name: a.name, format: a.format, url: isUrl ? a.input : null,
      ownerId: a.organizer, trusted: a.publish,
    };
    let source = await sourceByName(db, a.name);
    if (source && source.format !== a.format) {
      throw new SourceCommandError('import', `source ${quote(a.name)} is registered with format ${source.format}, not ${a.format}`);
    }
    const progress = startProgress(`import ${a.name}`);
    let ticked = 0;
    const onProgress = (done: number, total: number) => {
      progress.setTotal(total);
      progress.tick(done - ticked);
      ticked = done;
    };
    let outcome: RunOutcome;
    try {
      if (a.dryRun) {
        outcome = await dryRun(db, source, registration, bytes, charset, onProgress);
      } else {
        if (!source) source = await writes.createAs('cli', registration);
        else source = await adoptOptions(db, source, a);
        outcome = await importInput(db, source, bytes, charset, { onProgress });
      }
    } catch (err) {
      if ((err as { extensions?: { code?: string } }).extensions?.code === 'BAD_USER_INPUT') throw new SourceCommandError('import', (err as Error).message);
      throw err;
    } finally {
      progress.finish();
    }
    if (outcome.result === SourceRunResult.failed) throw new ImportFailure(outcome.error ?? 'the import failed');
    out(rejectedLines(outcome));
    out(reviewLines(outcome));
    if (outcome.counts.cancelled > 0) out(`cancelled ${outcome.counts.cancelled} (no longer in the source)\n`);
    if (a.dryRun) out('dry run: nothing was written\n');
    out(`${summaryLine(outcome.counts)}\n`);
    return 0;
  });
}

/** An import whose input could not be read or stored at all: exit 1 with the message. */
export class ImportFailure extends Error {}

/** --organizer and --publish on a known source change it (they are what the source is registered with). */
async function adoptOptions(db: Database, source: Source, a: ImportArgs): Promise<Source> {
  const patch: { ownerId?: string; trusted?: boolean } = {};
  if (a.organizer !== null) patch.ownerId = a.organizer;
  if (a.publish && !source.trusted) patch.trusted = true;
  if (Object.keys(patch).length === 0) return source;
  return sourceWrites(db).updateAs('cli', sourceGlobalId(source.pk), patch);
}

/** The whole import in one transaction that is rolled back: the counts, and not one write (a new source included). */
async function dryRun(
  db: Database, source: Source | null, registration: Parameters<ReturnType<typeof sourceWrites>['createAs']>[1],
  bytes: Buffer, charset: string | null, onProgress: (done: number, total: number) => void,
): Promise<RunOutcome> {
  const writes = sourceWrites(db);
  const format = (source?.format ?? registration.format) as SourceFormat;
  const mapping = source?.mapping ?? {};
  try {
    const stream = await openInput(format, bytes, mapping, charset);
    onProgress(0, stream.total);
    const placeholder = source ?? ({ pk: 0, name: registration.name as string, mapping: {} } as Source);
    const result = await importEvents(db, placeholder, stream, {
      dryRun: true,
      registerInDryRun: source ? undefined : (tx) => writes.createIn(tx, 'cli', registration),
      onProgress: (done) => onProgress(done, stream.total),
    });
    const { rejectedItems, reviews, ...counts } = result;
    return { source: placeholder, result: SourceRunResult.ok, counts, rejectedItems, reviews, error: null };
  } catch (err) {
    if ((err as { extensions?: unknown }).extensions) throw err;
    return { source: source as Source, result: SourceRunResult.failed, counts: { created: 0, updated: 0, unchanged: 0, rejected: 0, cancelled: 0 }, rejectedItems: [], reviews: [], error: (err as Error).message };
  }
}

function parseImportArgs(args: string[]) {
  const { values, positionals } = options('import', args, {
    source: { type: 'string' }, format: { type: 'string' }, 'dry-run': { type: 'boolean' },
    organizer: { type: 'string' }, publish: { type: 'boolean' }, ...FETCH_OPTIONS,
  }, true) as { values: Record<string, string | boolean | undefined>; positionals: string[] };
  const name = values.source as string | undefined;
  const format = values.format as string | undefined;
  if (!name) throw new SourceCommandError('import', '--source <name> is required (a new name registers the source)');
  if (!format) throw new SourceCommandError('import', '--format is required: ics, csv or json');
  if (!(Object.values(SourceFormat) as string[]).includes(format)) {
    throw new SourceCommandError('import', `--format must be ics, csv or json, got ${quote(format)}`);
  }
  if (positionals.length !== 1) {
    throw new SourceCommandError('import', positionals.length === 0
      ? 'import needs the file or http(s) URL to read'
      : `import reads one file or URL, got ${positionals.length}: ${positionals.join(' ')}`);
  }
  const parsedArgs: ImportArgs = {
    name, format: format as SourceFormat, input: positionals[0], dryRun: values['dry-run'] === true,
    organizer: (values.organizer as string | undefined) ?? null, publish: values.publish === true,
  };
  return { args: parsedArgs, values: values as { timeout?: string; 'max-size'?: string } };
}
