import { openDatabase } from '../db/open';
import type { Database } from '../db/database';
import type { DataSourceSettings, EntityList } from '../db/data-source';
import { Region } from '../modules/regions';
import { Organizer, Contact } from '../modules/organizers';
import { Ministry } from '../modules/ministries';
import { Initiative } from '../modules/initiatives';
import { Network, NetworkMemberLink, NetworkPartnerLink } from '../modules/networks';
import { Patron } from '../modules/patrons';
import { Campaign, CampaignPatronLink } from '../modules/campaigns';
import { Event, EventOrganizerLink, EventPatronLink } from '../modules/events';
import { ApiKey } from '../auth/api-key.entity';
import { AuditEntry } from '../modules/audit';
import { EventChange } from '../modules/changes';

/**
 * Every TypeORM entity of the modules and auth, for the data source. It lives up here, with
 * the wiring, because db/ sits below the modules and may not name them; db/ adds its own.
 */
export const APP_ENTITIES: EntityList = [
  Region, Organizer, Ministry, Initiative, Network, Contact, NetworkMemberLink,
  NetworkPartnerLink, Patron, Campaign, CampaignPatronLink, Event, EventOrganizerLink, EventPatronLink,
  ApiKey, AuditEntry, EventChange,
];

/** The application's database at `url`, every migration applied: what every command and test opens. */
export function openAppDatabase(url: string, options: DataSourceSettings = {}): Promise<Database> {
  return openDatabase(url, APP_ENTITIES, options);
}
