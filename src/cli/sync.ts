import type { Database } from '../db/database';
import {
  allSources, dueSources, sourceByName, pullSource, SourceRunResult, type RunOutcome,
} from '../modules/sources';
import { startProgress } from './progress';
import { FETCH_OPTIONS, SourceCommandError, fetchLimits, options, reviewLines, summaryLine, withDatabase } from './source-cli';
import { quote } from '../shared/quote';

/** The sync line of the CLI's usage text. */
export const SYNC_USAGE = `  sync [--all | --source <name>]
                             pull every source that is due (or all, or one) and import
                             what changed; one line per source, then a summary; exit 1
                             when a pull failed`;

/**
 * `clustergraph sync`: pulls the due sources one after the other (a slow one delays the
 * next, but never two pulls of one source overlap in one sync) and records a run for each.
 * Returns the exit code: 0 when every pull succeeded, 1 when one failed.
 */
export async function syncCommand(args: string[], open: () => Promise<Database>, out: (text: string) => void): Promise<number> {
  const { values } = options('sync', args, { all: { type: 'boolean' }, source: { type: 'string' }, ...FETCH_OPTIONS }) as {
    values: { all?: boolean; source?: string; timeout?: string; 'max-size'?: string };
  };
  if (values.all && values.source !== undefined) throw new SourceCommandError('sync', 'give --all or --source, not both');
  const limits = fetchLimits('sync', values);
  return withDatabase(open, async (db) => {
    let sources;
    if (values.source !== undefined) {
      const one = await sourceByName(db, values.source);
      if (!one) throw new SourceCommandError('sync', `no source is named ${quote(values.source)} (see: clustergraph sources list)`);
      if (!one.url) throw new SourceCommandError('sync', `source ${quote(values.source)} has no URL to pull; import its files with clustergraph import`);
      sources = [one];
    } else {
      sources = values.all ? (await allSources(db)).filter((s) => s.url !== null) : await dueSources(db, Date.now());
    }
    const progress = startProgress('sync', sources.length);
    const outcomes: RunOutcome[] = [];
    try {
      for (const source of sources) {
        const o = await pullSource(db, source, { limits });
        outcomes.push(o);
        out(`${lineOf(o)}\n`);
        for (const line of reviewLines(o).split('\n').filter(Boolean)) out(`${o.source.name}: ${line}\n`);
        progress.tick();
      }
    } finally {
      progress.finish();
    }
    const count = (r: SourceRunResult) => outcomes.filter((o) => o.result === r).length;
    out(`synced ${outcomes.length} source${outcomes.length === 1 ? '' : 's'}: ${count(SourceRunResult.ok)} ok, `
      + `${count(SourceRunResult.not_modified)} not modified, ${count(SourceRunResult.failed)} failed\n`);
    return count(SourceRunResult.failed) > 0 ? 1 : 0;
  });
}

function lineOf(o: RunOutcome): string {
  if (o.result === SourceRunResult.not_modified) return `${o.source.name}: not modified`;
  if (o.result === SourceRunResult.failed) return `${o.source.name}: failed: ${o.error}`;
  const cancelled = o.counts.cancelled ? `, cancelled ${o.counts.cancelled}` : '';
  return `${o.source.name}: ${summaryLine(o.counts)}${cancelled}`;
}
