import type { SqlValue } from '../../db/database';
import { BadUserInputError } from '../../shared/errors';
import { foldText } from '../../shared/text-fold';
import { quote } from '../../shared/quote';
import { isNutsCode } from '../regions';
import type { OrganizerKind } from './organizer.entity';

/**
 * Which organisers of a kind a list holds, as the ministries, initiatives and networks
 * modules ask for them; a field left out or null matches every organiser. Only this module
 * turns it into SQL (organizerConditions), so no SQL crosses into the modules that ask.
 */
export interface OrganizerFilter {
  /** Ministries of this GovernmentLevel (FEDERAL, STATE). */
  level?: string | null;
  /** Networks of this NetworkScope. */
  scope?: string | null;
  /** A NUTS code, any case: organisers seated in that region or below it. BAD_USER_INPUT on `region` when it is none. */
  region?: string | null;
  /** Part of the name, ignoring case and accents; blank matches all. */
  name?: string | null;
}

/** The WHERE conditions (on alias o, joined by AND) of a kind and a filter, with their parameters in order. */
export function organizerConditions(kind: OrganizerKind, filter: OrganizerFilter): { sql: string[]; params: SqlValue[] } {
  const sql = ['o.kind = ?'];
  const params: SqlValue[] = [kind];
  if (filter.level != null) {
    sql.push('o.level = ?');
    params.push(filter.level);
  }
  if (filter.scope != null) {
    sql.push('o.scope = ?');
    params.push(filter.scope);
  }
  const region = regionOf(filter);
  if (region !== null) {
    sql.push('o.region_code LIKE ?');
    params.push(`${region}%`);
  }
  if (filter.name != null && filter.name.trim() !== '') {
    sql.push('o.name_sort LIKE ?');
    params.push(`%${foldText(filter.name)}%`);
  }
  return { sql, params };
}

/** Refuses a filter that can match nothing for being malformed (a region that is no NUTS code), before anything is read. */
export function checkOrganizerFilter(filter: OrganizerFilter): void {
  regionOf(filter);
}

/** The filter's NUTS code in upper case, or null for none. */
function regionOf(filter: OrganizerFilter): string | null {
  if (filter.region == null) return null;
  const code = filter.region.trim().toUpperCase();
  if (!isNutsCode(code)) throw new BadUserInputError(`region must be a NUTS code such as DE1, got ${quote(filter.region)}.`, 'region');
  return code;
}
