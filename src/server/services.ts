import type { Database } from '../db/database';
import { EventService } from '../modules/events/event.service';
import { EventStatsService } from '../modules/events/event-stats.service';
import { EventExportService } from '../modules/events/event-export.service';
import { OrganizerService } from '../modules/organizers/organizer.service';
import { PatronService } from '../modules/patrons/patron.service';
import { CampaignService } from '../modules/campaigns/campaign.service';
import { RegionService } from '../modules/regions/region.service';
import { AuditService } from '../modules/audit/audit.service';
import { EventWriteService } from '../modules/events/event-write.service';
import { OrganizerWriteService } from '../modules/organizers/organizer-write.service';
import { PatronWriteService } from '../modules/patrons/patron-write.service';
import { CampaignWriteService } from '../modules/campaigns/campaign-write.service';
import { SourceService } from '../modules/sources/source.service';
import { SourceWriteService } from '../modules/sources/source-write.service';

/** The application's services: made once per process around one database. */
export function createServices(db: Database) {
  const audit = new AuditService(db);
  return {
    db,
    events: new EventService(db),
    eventStats: new EventStatsService(db),
    eventExport: new EventExportService(db),
    organizers: new OrganizerService(db),
    patrons: new PatronService(db),
    campaigns: new CampaignService(db),
    regions: new RegionService(db),
    audit,
    eventWrites: new EventWriteService(db, audit),
    organizerWrites: new OrganizerWriteService(db, audit),
    patronWrites: new PatronWriteService(db, audit),
    campaignWrites: new CampaignWriteService(db, audit),
    sources: new SourceService(db),
    sourceWrites: new SourceWriteService(db, audit),
  };
}

export type Services = ReturnType<typeof createServices>;
