import type { CampaignService } from './campaign.service';
import type { CampaignWriteService } from './campaign-write.service';
import type { createCampaignLoaders } from './campaign.loaders';

type CampaignLoaders = ReturnType<typeof createCampaignLoaders>;

// What the campaigns module adds to every request's context (see src/shared/request-context.ts).
declare module '../../shared/request-context' {
  interface RequestServices {
    campaigns: CampaignService;
    campaignWrites: CampaignWriteService;
  }
  interface RequestLoaders extends CampaignLoaders {}
}
