import { foldText } from '../../shared/text-fold';
import { localWallClock } from '../../shared/time';

/**
 * The columns an event row copies from its other values so lists filter and sort on plain
 * indexed columns. The demo loader and the mutations both write events; both take these
 * values from here, so a row means the same whoever wrote it.
 */

/** The region's country and NUTS-1/-2 ancestors, read off its code (DE139 → DE, DE1, DE13). */
export function regionColumns(code: string): { country: string; nuts1: string | null; nuts2: string | null } {
  return {
    country: code.slice(0, 2),
    nuts1: code.length >= 3 ? code.slice(0, 3) : null,
    nuts2: code.length >= 4 ? code.slice(0, 4) : null,
  };
}

/** The key TITLE_ASC sorts by: the German title folded. */
export function titleSortOf(titleDe: string): string {
  return foldText(titleDe);
}

/** The wall-clock start in the event's zone, "YYYY-MM-DDTHH:mm:ss" (months are counted by it). */
export function startsLocalOf(startsAt: number, timeZone: string): string {
  return localWallClock(startsAt, timeZone);
}
