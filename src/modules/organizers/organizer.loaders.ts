import { manyByKey, oneByKey, type BatchReport } from '../../shared/loaders';
import type { OrganizerService } from './organizer.service';

/**
 * Per-request loaders of organisers and what hangs off every kind of them. Lists do not
 * prime organizerById: which batch finishes first differs between runs on PostgreSQL, and
 * a statement count that depends on it would make `extensions.stats` flicker.
 */
export function createOrganizerLoaders(service: OrganizerService, report?: BatchReport) {
  return {
    organizerById: oneByKey('organizerById', report, (ids: readonly number[]) => service.byIds(ids), (o) => o.pk),
    organizersByEvent: manyByKey('organizersByEvent', report, (eventIds: readonly number[]) => service.byEvents(eventIds)),
    contactsByOrganizer: manyByKey('contactsByOrganizer', report, (ids: readonly number[]) => service.contactsOf(ids)),
    membersByNetwork: manyByKey('membersByNetwork', report, (ids: readonly number[]) => service.linked('network_member', 'network_id', 'initiative_id', ids)),
    networksByInitiative: manyByKey('networksByInitiative', report, (ids: readonly number[]) => service.linked('network_member', 'initiative_id', 'network_id', ids)),
    partnersByNetwork: manyByKey('partnersByNetwork', report, (ids: readonly number[]) => service.partnersOf(ids)),
  };
}
