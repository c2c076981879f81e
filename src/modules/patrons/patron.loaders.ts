import { manyByKey, oneByKey, type BatchReport } from '../../shared/loaders';
import type { PatronService } from './patron.service';

/** Per-request loaders of patrons. */
export function createPatronLoaders(service: PatronService, report?: BatchReport) {
  return {
    patronById: oneByKey('patronById', report, (ids: readonly number[]) => service.byIds(ids), (p) => p.pk),
    patronsByEvent: manyByKey('patronsByEvent', report, (ids: readonly number[]) => service.linked('event_patron', 'event_id', ids)),
    patronsByCampaign: manyByKey('patronsByCampaign', report, (ids: readonly number[]) => service.linked('campaign_patron', 'campaign_id', ids)),
    patronsByMinistry: manyByKey('patronsByMinistry', report, (ids: readonly number[]) => service.byMinistries(ids)),
  };
}
