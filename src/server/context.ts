import type { Viewer } from '../shared/viewer';
import { Language } from '../shared/i18n';
import type { BatchReport } from '../shared/loaders';
import type { RequestContext, RequestLoaders, RequestServices } from '../shared/request-context';
import { createEventLoaders } from '../modules/events';
import { createOrganizerLoaders } from '../modules/organizers';
import { createPatronLoaders } from '../modules/patrons';
import { createCampaignLoaders } from '../modules/campaigns';
import { createRegionLoaders } from '../modules/regions';
import { createSourceLoaders } from '../modules/sources';
import type { RequestRecord } from './observability/request-record';

// Only the server's own plugins read the request's record, so the server adds it to the
// shared context type itself, the way the modules add their services and loaders.
declare module '../shared/request-context' {
  interface RequestContext {
    /** What the request's log line and metrics report; its statement counter is `services`' database's. */
    request?: RequestRecord;
  }
}

type EventLoaders = ReturnType<typeof createEventLoaders>;
type OrganizerLoaders = ReturnType<typeof createOrganizerLoaders>;
type PatronLoaders = ReturnType<typeof createPatronLoaders>;
type CampaignLoaders = ReturnType<typeof createCampaignLoaders>;
type RegionLoaders = ReturnType<typeof createRegionLoaders>;
type SourceLoaders = ReturnType<typeof createSourceLoaders>;

/**
 * The per-request DataLoaders of every module under one flat set of names. A point lookup
 * uses one of the 24; making all of them for every request was 4 % of its CPU
 * (test/bench/RESULTS.md), so each module's loaders are made together (some prime one
 * another) when one of them is first asked for. Batching and caching live for one request.
 */
export class Loaders implements RequestLoaders {
  private events?: EventLoaders;
  private organizers?: OrganizerLoaders;
  private patrons?: PatronLoaders;
  private campaigns?: CampaignLoaders;
  private regions?: RegionLoaders;
  private sources?: SourceLoaders;

  constructor(private readonly ctx: RequestContext, private readonly report: BatchReport | undefined) {}

  private get eventLoaders(): EventLoaders {
    return (this.events ??= createEventLoaders(this.ctx.services.events, () => this.ctx, this.report));
  }
  private get organizerLoaders(): OrganizerLoaders {
    return (this.organizers ??= createOrganizerLoaders(this.ctx.services.organizers, this.report));
  }
  private get patronLoaders(): PatronLoaders {
    return (this.patrons ??= createPatronLoaders(this.ctx.services.patrons, this.report));
  }
  private get campaignLoaders(): CampaignLoaders {
    return (this.campaigns ??= createCampaignLoaders(this.ctx.services.campaigns, this.report));
  }
  private get regionLoaders(): RegionLoaders {
    return (this.regions ??= createRegionLoaders(this.ctx.services.regions, this.report));
  }
  private get sourceLoaders(): SourceLoaders {
    return (this.sources ??= createSourceLoaders(this.ctx.services.sources, this.report));
  }

  get eventById() { return this.eventLoaders.eventById; }
  get eventBySlug() { return this.eventLoaders.eventBySlug; }
  get eventPages() { return this.eventLoaders.eventPages; }
  get eventCounts() { return this.eventLoaders.eventCounts; }
  get organizerById() { return this.organizerLoaders.organizerById; }
  get organizersByEvent() { return this.organizerLoaders.organizersByEvent; }
  get contactsByOrganizer() { return this.organizerLoaders.contactsByOrganizer; }
  get membersByNetwork() { return this.organizerLoaders.membersByNetwork; }
  get networksByInitiative() { return this.organizerLoaders.networksByInitiative; }
  get partnersByNetwork() { return this.organizerLoaders.partnersByNetwork; }
  get patronById() { return this.patronLoaders.patronById; }
  get patronsByEvent() { return this.patronLoaders.patronsByEvent; }
  get patronsByCampaign() { return this.patronLoaders.patronsByCampaign; }
  get patronsByMinistry() { return this.patronLoaders.patronsByMinistry; }
  get campaignById() { return this.campaignLoaders.campaignById; }
  get campaignBySlug() { return this.campaignLoaders.campaignBySlug; }
  get campaignsByPatron() { return this.campaignLoaders.campaignsByPatron; }
  get regionByCode() { return this.regionLoaders.regionByCode; }
  get regionsByParent() { return this.regionLoaders.regionsByParent; }
  get sourceById() { return this.sourceLoaders.sourceById; }
  get sourceLinksByEvent() { return this.sourceLoaders.sourceLinksByEvent; }
  get runsBySource() { return this.sourceLoaders.runsBySource; }

  /** Forgets everything loaded so far (a write changed it): later uses make fresh loaders. */
  forgetAll(): void {
    this.events = this.organizers = this.patrons = this.campaigns = this.regions = this.sources = undefined;
  }
}

/** A request context for a viewer and language. */
export function createContext(services: RequestServices, viewer: Viewer, lang: Language, request?: RequestRecord): RequestContext {
  const ctx = { viewer, lang, services, request } as RequestContext;
  ctx.loaders = new Loaders(ctx, request?.onBatch);
  return ctx;
}

