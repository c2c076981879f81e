import { createHash } from 'node:crypto';
import type { SqlExecutor } from '../../db/database';
import { foldText } from '../../shared/text-fold';
import { EventCategory, type EventFieldsInput } from '../events';
import { organizerGlobalId, organizerKeyOf, type OrganizerKind } from '../organizers';
import type { ImportedEvent } from './imported-event';
import type { Source } from './source.types';

// From a parsed record to what the event write side validates: the fields of an
// EventInput, the organisers it names that we know, the region it lands in.

/** Known organisers, looked up by folded name (any language) or global id. */
export class OrganizerDirectory {
  private constructor(
    private readonly byName: Map<string, string>,
    private readonly ids: Set<string>,
    readonly regionOf: Map<string, string | null>,
  ) {}

  /** Every organiser's names and region: a few thousand short rows, read once per import. */
  static async load(db: SqlExecutor): Promise<OrganizerDirectory> {
    const rows = await db.query<{ id: number; kind: OrganizerKind; name_de: string; name_fr: string | null; name_en: string | null; region_code: string | null }>(
      'SELECT id, kind, name_de, name_fr, name_en, region_code FROM organizer ORDER BY id');
    const byName = new Map<string, string>();
    const ids = new Set<string>();
    const regionOf = new Map<string, string | null>();
    for (const r of rows) {
      const id = organizerGlobalId(r.kind, Number(r.id));
      ids.add(id);
      regionOf.set(id, r.region_code);
      for (const name of [r.name_de, r.name_fr, r.name_en]) {
        const key = name ? foldText(name) : '';
        if (key !== '' && !byName.has(key)) byName.set(key, id);
      }
    }
    return new OrganizerDirectory(byName, ids, regionOf);
  }

  /** The global id of a known organiser a file names (by id or name), or null. */
  resolve(nameOrId: string): string | null {
    const trimmed = nameOrId.trim();
    if (organizerKeyOf(trimmed) && this.ids.has(trimmed)) return trimmed;
    return this.byName.get(foldText(trimmed)) ?? null;
  }
}

/** The organisers of an imported event: the source's owner first, then each known one the record names, once each. */
export function organizerIdsOf(e: ImportedEvent, ownerId: string | null, directory: OrganizerDirectory): string[] {
  const ids = ownerId ? [ownerId] : [];
  for (const name of e.organizerNames) {
    const id = directory.resolve(name);
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * Regions to try, best first: the record's (given or derived from the postal code by the
 * normaliser), the source owner's, the venue's country, the source's default country. A
 * country is a NUTS level-0 region, so a record is never refused for a missing region
 * while its country is known.
 */
export function regionCandidates(e: ImportedEvent, source: Source, ownerRegion: string | null): string[] {
  const list = [e.region, ownerRegion, e.venue?.country, source.mapping.defaultCountry ?? 'DE'];
  return [...new Set(list.filter((r): r is string => typeof r === 'string' && r.trim() !== '').map((r) => r.trim().toUpperCase()))];
}

/** The fields of an EventInput for an imported record, checked by the write side's validation. */
export function eventInputOf(e: ImportedEvent, source: Source, organizerIds: string[], region: string): EventFieldsInput {
  return {
    title: e.title,
    description: e.description ?? null,
    category: e.category ?? source.mapping.defaultCategory ?? EventCategory.OTHER,
    startsAt: e.startsAt,
    endsAt: e.endsAt ?? null,
    timeZone: e.timeZone,
    venue: e.venue ?? null,
    region,
    organizerIds,
    languages: e.languages ?? [],
    url: e.url ?? null,
    registrationUrl: e.registrationUrl ?? null,
    contact: e.contact ?? null,
    allDay: e.allDay,
  };
}

/**
 * The content hash of a record as the source announced it, with what else decides the
 * stored event (the source's owner and trust): equal hashes mean nothing to write. Where
 * it sits in the input and the source's own change stamp are left out; they move without
 * the event changing.
 */
export function contentHash(e: ImportedEvent, source: Source): string {
  const { position: _position, lastModified: _lastModified, ...content } = e;
  return createHash('sha256').update(JSON.stringify([content, source.ownerKey, source.trusted])).digest('hex');
}
