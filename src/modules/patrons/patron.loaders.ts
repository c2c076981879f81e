import { manyByKey, oneByKey } from '../../shared/loaders';
import type { PatronService } from './patron.service';

/** Per-request loaders of patrons. */
export function createPatronLoaders(service: PatronService) {
  return {
    patronById: oneByKey((ids: readonly number[]) => service.byIds(ids), (p) => p.pk),
    patronsByEvent: manyByKey((ids: readonly number[]) => service.linked('event_patron', 'event_id', ids)),
    patronsByCampaign: manyByKey((ids: readonly number[]) => service.linked('campaign_patron', 'campaign_id', ids)),
    patronsByMinistry: manyByKey((ids: readonly number[]) => service.byMinistries(ids)),
  };
}
