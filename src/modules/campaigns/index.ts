/** What the campaigns module offers the rest of the application; its other files are its own. */
export { CampaignPatronLink } from './campaign-patron.entity';
export { CampaignWriteResolver } from './campaign-write.resolver';
export { CampaignWriteService } from './campaign-write.service';
export { Campaign } from './campaign.entity';
export { createCampaignLoaders } from './campaign.loaders';
export { CampaignResolver } from './campaign.resolver';
export { CampaignService } from './campaign.service';
export { PatronCampaignsResolver } from './patron-campaigns.resolver';
