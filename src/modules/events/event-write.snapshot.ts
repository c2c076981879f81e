import type { AuditSnapshot } from '../audit';
import { toGlobalId } from '../../shared/global-id';
import { organizerGlobalId } from '../organizers';
import { formatInZone } from '../../shared/time';
import type { StoredEvent } from './event-write.store';
import { contactOf, venueOf } from './event-write.values';

/**
 * An event as the audit trail records it: the fields a client writes, named and shaped as
 * in the API (global ids, the campaign's slug, date-times in the event's zone), plus the
 * status and its reason. Derived and bookkeeping columns (title_sort, version, updated_at)
 * are left out: they change with everything and say nothing of their own.
 */
export function auditSnapshot(s: StoredEvent): AuditSnapshot {
  const e = s.event;
  return {
    title: { de: e.titleDe, fr: e.titleFr, en: e.titleEn },
    description: e.descriptionDe === null && e.descriptionFr === null && e.descriptionEn === null
      ? null : { de: e.descriptionDe, fr: e.descriptionFr, en: e.descriptionEn },
    category: e.category,
    status: e.status,
    statusReason: e.statusReason,
    startsAt: formatInZone(e.startsAt, e.timeZone),
    endsAt: e.endsAt === null ? null : formatInZone(e.endsAt, e.timeZone),
    timeZone: e.timeZone,
    venue: venueOf(e),
    region: e.regionCode,
    organizerIds: s.links.organizers.map((o) => organizerGlobalId(o.kind, o.key)),
    campaign: s.campaignSlug,
    patronIds: s.links.patronIds.map((k) => toGlobalId('Patron', k)),
    languages: [...e.languages],
    url: e.url,
    registrationUrl: e.registrationUrl,
    contact: contactOf(e),
    allDay: e.allDay,
  };
}
