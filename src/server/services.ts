import type { Database } from '../db/database';
import { EventService } from '../modules/events/event.service';
import { EventStatsService } from '../modules/events/event-stats.service';
import { OrganizerService } from '../modules/organizers/organizer.service';
import { PatronService } from '../modules/patrons/patron.service';
import { CampaignService } from '../modules/campaigns/campaign.service';
import { RegionService } from '../modules/regions/region.service';

/** The application's services: made once per process around one database. */
export function createServices(db: Database) {
  return {
    db,
    events: new EventService(db),
    eventStats: new EventStatsService(db),
    organizers: new OrganizerService(db),
    patrons: new PatronService(db),
    campaigns: new CampaignService(db),
    regions: new RegionService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
