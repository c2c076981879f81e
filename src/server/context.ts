import type { Viewer } from '../auth/roles';
import { Language } from '../shared/i18n';
import { createEventLoaders } from '../modules/events/event.loaders';
import { createOrganizerLoaders } from '../modules/organizers/organizer.loaders';
import { createPatronLoaders } from '../modules/patrons/patron.loaders';
import { createCampaignLoaders } from '../modules/campaigns/campaign.loaders';
import { createRegionLoaders } from '../modules/regions/region.loaders';
import { createSourceLoaders } from '../modules/sources/source.service';
import type { Services } from './services';
import type { RequestRecord } from './observability/request-record';
import { reportBatches } from './observability/loader-batches';

/** Everything a resolver may use, made fresh for every request. */
export interface RequestContext {
  viewer: Viewer;
  /** The request's language (Accept-Language, else German); a field's `lang` wins over it. */
  lang: Language;
  services: Services;
  loaders: Loaders;
  /** What the request's log line and metrics report; its statement counter is `services`' database's. */
  request?: RequestRecord;
}

type LoaderGroups = [
  ReturnType<typeof createEventLoaders>,
  ReturnType<typeof createOrganizerLoaders>,
  ReturnType<typeof createPatronLoaders>,
  ReturnType<typeof createCampaignLoaders>,
  ReturnType<typeof createRegionLoaders>,
  ReturnType<typeof createSourceLoaders>,
];

/** Every module's per-request DataLoaders under one flat set of names. */
export type Loaders = LoaderGroups[0] & LoaderGroups[1] & LoaderGroups[2] & LoaderGroups[3] & LoaderGroups[4]
  & LoaderGroups[5];

type Group = (services: Services, ctx: () => RequestContext) => Record<string, { clearAll(): unknown }>;

/** Each module's loaders, made together (some prime one another), on first use in a request. */
const GROUPS: Group[] = [
  (s, ctx) => createEventLoaders(s.events, ctx),
  (s) => createOrganizerLoaders(s.organizers),
  (s) => createPatronLoaders(s.patrons),
  (s) => createCampaignLoaders(s.campaigns),
  (s) => createRegionLoaders(s.regions),
  (s) => createSourceLoaders(s.sources),
];

/**
 * The loaders of one request. A point lookup uses one of the 24; making all of them for
 * every request was 4 % of its CPU (test/bench/RESULTS.md), so each module's group is
 * made when one of its loaders is first asked for. Batching and caching live for one
 * request only.
 */
class RequestLoaders {
  private made: (Record<string, { clearAll(): unknown }> | undefined)[] = [];

  constructor(private readonly services: Services, private readonly ctx: () => RequestContext) {}

  /** Forgets everything loaded so far (after a write): the next use makes fresh loaders. */
  forgetAll(): void {
    for (const group of this.made) for (const loader of Object.values(group ?? {})) loader.clearAll();
  }

  group(index: number): Record<string, { clearAll(): unknown }> {
    let group = this.made[index];
    if (!group) {
      group = this.made[index] = GROUPS[index](this.services, this.ctx);
      const onBatch = this.ctx().request?.onBatch;
      if (onBatch) reportBatches(group, onBatch);
    }
    return group;
  }
}

// One getter per loader name on the prototype; the names come from making each group once
// with no services (a loader only touches its service when it loads).
GROUPS.forEach((make, index) => {
  for (const name of Object.keys(make({} as Services, () => ({}) as RequestContext))) {
    Object.defineProperty(RequestLoaders.prototype, name, {
      get(this: RequestLoaders) { return this.group(index)[name]; },
    });
  }
});

/** A request context for a viewer and language. */
export function createContext(services: Services, viewer: Viewer, lang: Language, request?: RequestRecord): RequestContext {
  const ctx = { viewer, lang, services, request } as RequestContext;
  ctx.loaders = new RequestLoaders(services, () => ctx) as unknown as Loaders;
  return ctx;
}

/** Makes the request's loaders forget what they loaded (a write changed it). */
export function forgetLoaded(ctx: RequestContext): void {
  (ctx.loaders as unknown as RequestLoaders).forgetAll();
}
