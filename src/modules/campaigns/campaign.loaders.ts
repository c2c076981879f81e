import { manyByKey, oneByKey, type BatchReport } from '../../shared/loaders';
import type { CampaignService } from './campaign.service';

/** Per-request loaders of campaigns. */
export function createCampaignLoaders(service: CampaignService, report?: BatchReport) {
  const campaignById = oneByKey('campaignById', report, (ids: readonly number[]) => service.byIds(ids), (c) => c.pk);
  const campaignBySlug = oneByKey('campaignBySlug', report, async (slugs: readonly string[]) => {
    const found = await service.bySlugs(slugs);
    for (const c of found) campaignById.prime(c.pk, c);
    return found;
  }, (c) => c.slug);
  return {
    campaignById,
    campaignBySlug,
    campaignsByPatron: manyByKey('campaignsByPatron', report, (ids: readonly number[]) => service.byPatrons(ids)),
  };
}
