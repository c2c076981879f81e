import DataLoader from 'dataloader';
import type { Database } from '../../db/database';
import { manyByKey, oneByKey, reportingBatch, type BatchReport } from '../../shared/loaders';
import { allSources, latestRuns, linksOfEvents, sourcesByKeys } from './source.store';
import type { Source, SourceRun } from './source.types';

/** The read side of sources: the admin list and the batch reads the loaders use. */
export class SourceService {
  constructor(private readonly db: Database) {}

  list(): Promise<Source[]> {
    return allSources(this.db);
  }

  byKeys(keys: readonly number[]): Promise<Source[]> {
    return sourcesByKeys(this.db, keys);
  }

  async linksByEvents(eventKeys: readonly number[]) {
    return (await linksOfEvents(this.db, eventKeys)).map((l) => ({ key: l.eventKey, value: l }));
  }

  runs(sourceKeys: readonly number[], first: number): Promise<SourceRun[]> {
    return latestRuns(this.db, sourceKeys, first);
  }
}

/** Most runs one `runs` field lists. */
export const MAX_RUNS = 100;

/**
 * Per-request loaders of sources: by key, the links of events (Event.sources and the
 * first-source fields share one statement per page), and the newest runs of sources
 * (one statement per distinct `first`).
 */
export function createSourceLoaders(service: SourceService, report?: BatchReport) {
  const runsBySource = new DataLoader<string, SourceRun[]>(reportingBatch('runsBySource', report, async (keys) => {
    const byFirst = new Map<number, number[]>();
    for (const k of keys) {
      const [source, first] = k.split(':').map(Number);
      byFirst.set(first, [...(byFirst.get(first) ?? []), source]);
    }
    const found = new Map<string, SourceRun[]>();
    for (const [first, sources] of byFirst) {
      for (const run of await service.runs(sources, first)) {
        const k = `${run.sourceKey}:${first}`;
        found.set(k, [...(found.get(k) ?? []), run]);
      }
    }
    return keys.map((k) => found.get(k) ?? []);
  }));
  return {
    sourceById: oneByKey('sourceById', report, (keys: readonly number[]) => service.byKeys(keys), (s) => s.pk),
    sourceLinksByEvent: manyByKey('sourceLinksByEvent', report, (keys: readonly number[]) => service.linksByEvents(keys)),
    runsBySource,
  };
}
