import { openDatabase } from '../db/open';
import type { Database } from '../db/database';
import type { DataSourceSettings, EntityList } from '../db/data-source';
import { Region } from '../modules/regions/region.entity';
import { Organizer } from '../modules/organizers/organizer.entity';
import { Contact } from '../modules/organizers/contact.entity';
import { Ministry } from '../modules/ministries/ministry.entity';
import { Initiative } from '../modules/initiatives/initiative.entity';
import { Network } from '../modules/networks/network.entity';
import { NetworkMemberLink, NetworkPartnerLink } from '../modules/networks/network-links.entity';
import { Patron } from '../modules/patrons/patron.entity';
import { Campaign } from '../modules/campaigns/campaign.entity';
import { CampaignPatronLink } from '../modules/campaigns/campaign-patron.entity';
import { Event } from '../modules/events/event.entity';
import { EventOrganizerLink, EventPatronLink } from '../modules/events/event-links.entity';
import { ApiKey } from '../auth/api-key.entity';
import { AuditEntry } from '../modules/audit/audit-entry.entity';

/**
 * Every TypeORM entity of the modules and auth, for the data source. It lives up here, with
 * the wiring, because db/ sits below the modules and may not name them; db/ adds its own.
 */
export const APP_ENTITIES: EntityList = [
  Region, Organizer, Ministry, Initiative, Network, Contact, NetworkMemberLink,
  NetworkPartnerLink, Patron, Campaign, CampaignPatronLink, Event, EventOrganizerLink, EventPatronLink,
  ApiKey, AuditEntry,
];

/** The application's database at `url`, every migration applied: what every command and test opens. */
export function openAppDatabase(url: string, options: DataSourceSettings = {}): Promise<Database> {
  return openDatabase(url, APP_ENTITIES, options);
}
