import { manyByKey, oneByKey } from '../../shared/loaders';
import type { CampaignService } from './campaign.service';

/** Per-request loaders of campaigns. */
export function createCampaignLoaders(service: CampaignService) {
  const campaignById = oneByKey((ids: readonly number[]) => service.byIds(ids), (c) => c.pk);
  const campaignBySlug = oneByKey(async (slugs: readonly string[]) => {
    const found = await service.bySlugs(slugs);
    for (const c of found) campaignById.prime(c.pk, c);
    return found;
  }, (c) => c.slug);
  return {
    campaignById,
    campaignBySlug,
    campaignsByPatron: manyByKey((ids: readonly number[]) => service.byPatrons(ids)),
  };
}
