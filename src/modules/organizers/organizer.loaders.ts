import { manyByKey, oneByKey } from '../../shared/loaders';
import type { OrganizerService } from './organizer.service';

/** Per-request loaders of organisers and what hangs off every kind of them. */
export function createOrganizerLoaders(service: OrganizerService) {
  const organizerById = oneByKey((ids: readonly number[]) => service.byIds(ids), (o) => o.pk);
  const prime = <T extends { value: { pk: number } }>(rows: T[]): T[] => {
    for (const r of rows) organizerById.prime(r.value.pk, r.value as never);
    return rows;
  };
  return {
    organizerById,
    organizersByEvent: manyByKey(async (eventIds: readonly number[]) => prime(await service.byEvents(eventIds))),
    contactsByOrganizer: manyByKey((ids: readonly number[]) => service.contactsOf(ids)),
    membersByNetwork: manyByKey(async (ids: readonly number[]) =>
      prime(await service.linked('network_member', 'network_id', 'initiative_id', ids))),
    networksByInitiative: manyByKey(async (ids: readonly number[]) =>
      prime(await service.linked('network_member', 'initiative_id', 'network_id', ids))),
    partnersByNetwork: manyByKey(async (ids: readonly number[]) => prime(await service.partnersOf(ids))),
  };
}
