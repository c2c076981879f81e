import type { Viewer } from '../auth/roles';
import { Language } from '../shared/i18n';
import { createEventLoaders } from '../modules/events/event.loaders';
import { createOrganizerLoaders } from '../modules/organizers/organizer.loaders';
import { createPatronLoaders } from '../modules/patrons/patron.loaders';
import { createCampaignLoaders } from '../modules/campaigns/campaign.loaders';
import { createRegionLoaders } from '../modules/regions/region.loaders';
import type { Services } from './services';

/** Everything a resolver may use, made fresh for every request. */
export interface RequestContext {
  viewer: Viewer;
  /** The request's language (Accept-Language, else German); a field's `lang` wins over it. */
  lang: Language;
  services: Services;
  loaders: Loaders;
}

export type Loaders = ReturnType<typeof createLoaders>;

/** The per-request DataLoaders of every module: batching and caching live for one request only. */
function createLoaders(services: Services, ctx: () => RequestContext) {
  return {
    ...createEventLoaders(services.events, ctx),
    ...createOrganizerLoaders(services.organizers),
    ...createPatronLoaders(services.patrons),
    ...createCampaignLoaders(services.campaigns),
    ...createRegionLoaders(services.regions),
  };
}

/** A request context for a viewer and language. */
export function createContext(services: Services, viewer: Viewer, lang: Language): RequestContext {
  const ctx = { viewer, lang, services } as RequestContext;
  ctx.loaders = createLoaders(services, () => ctx);
  return ctx;
}
