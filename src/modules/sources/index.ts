/** What the sources module offers the rest of the application; its other files are its own. */
export { DEFAULT_FETCH_LIMITS, fetchSource, SourceFetchError } from './fetch-source';
export type { FetchLimits } from './fetch-source';
export { importEvents } from './import-events';
export { openInput } from './parse-input';
export { sourceGlobalId } from './source-id';
export { maskUrl, maskUrlsIn } from './source-url';
export { DEFAULT_INTERVAL, SourceWriteService } from './source-write.service';
export {
  EventProvenanceResolver, EventSourceLinkResolver, SourceResolver, SourceRunResolver,
} from './source.resolver';
export { createSourceLoaders, SourceService } from './source.service';
export { allSources, dueSources, latestRuns, sourceByName } from './source.store';
export { SourceFormat, SourceRunResult } from './source.types';
export type { Source } from './source.types';
export { importInput, pullSource } from './sync.service';
export type { RunOutcome } from './sync.service';
