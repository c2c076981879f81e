import type { Database } from '../db/database';
import type { RequestServices } from '../shared/request-context';
import {
  EventService, EventStatsService, EventExportService, EventWriteService, touchEventsShowing,
} from '../modules/events';
import { OrganizerService, OrganizerWriteService } from '../modules/organizers';
import { PatronService, PatronWriteService } from '../modules/patrons';
import { CampaignService, CampaignWriteService } from '../modules/campaigns';
import { RegionService } from '../modules/regions';
import { AuditService } from '../modules/audit';
import { SourceService, SourceWriteService } from '../modules/sources';

/**
 * The application's services for one request, around that request's database view (the
 * one that counts its statements). Each is made on first use: a point lookup needs one of
 * fifteen, and services are cheap to make (their entity readers are shared per process,
 * `entityReader`).
 */
export class Services implements RequestServices {
  private made: {
    events?: EventService; eventStats?: EventStatsService; eventExport?: EventExportService;
    organizers?: OrganizerService; patrons?: PatronService; campaigns?: CampaignService; regions?: RegionService;
    audit?: AuditService; eventWrites?: EventWriteService; organizerWrites?: OrganizerWriteService;
    patronWrites?: PatronWriteService; campaignWrites?: CampaignWriteService; sources?: SourceService;
    sourceWrites?: SourceWriteService;
  } = {};

  constructor(readonly db: Database) {}

  get events(): EventService { return (this.made.events ??= new EventService(this.db)); }
  get eventStats(): EventStatsService { return (this.made.eventStats ??= new EventStatsService(this.db)); }
  get eventExport(): EventExportService { return (this.made.eventExport ??= new EventExportService(this.db)); }
  get organizers(): OrganizerService { return (this.made.organizers ??= new OrganizerService(this.db)); }
  get patrons(): PatronService { return (this.made.patrons ??= new PatronService(this.db)); }
  get campaigns(): CampaignService { return (this.made.campaigns ??= new CampaignService(this.db)); }
  get regions(): RegionService { return (this.made.regions ??= new RegionService(this.db)); }
  get audit(): AuditService { return (this.made.audit ??= new AuditService(this.db)); }
  get eventWrites(): EventWriteService { return (this.made.eventWrites ??= new EventWriteService(this.db, this.audit)); }
  get organizerWrites(): OrganizerWriteService { return (this.made.organizerWrites ??= new OrganizerWriteService(this.db, this.audit, touchEventsShowing)); }
  get patronWrites(): PatronWriteService { return (this.made.patronWrites ??= new PatronWriteService(this.db, this.audit, touchEventsShowing)); }
  get campaignWrites(): CampaignWriteService { return (this.made.campaignWrites ??= new CampaignWriteService(this.db, this.audit, touchEventsShowing)); }
  get sources(): SourceService { return (this.made.sources ??= new SourceService(this.db)); }
  get sourceWrites(): SourceWriteService { return (this.made.sourceWrites ??= new SourceWriteService(this.db, this.audit)); }
}
