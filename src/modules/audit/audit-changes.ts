import { isDeepStrictEqual } from 'node:util';
import type { AuditChanges } from './audit-entry.entity';

/** A record as the audit trail compares it: field name to a JSON-able value. */
export type AuditSnapshot = Record<string, unknown>;

/**
 * The fields whose values differ between two snapshots of one object, each with its old
 * and new value (a field missing on one side counts as null there). Null when nothing
 * changed. Values are compared deeply, so lists and nested objects (a title in three
 * languages) count as changed only when some part of them did; null and an empty list are
 * both "nothing", so a creation does not list the lists it left empty.
 */
export function changesBetween(before: AuditSnapshot | null, after: AuditSnapshot): AuditChanges | null {
  const changes: AuditChanges = {};
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  for (const field of fields) {
    const old = before?.[field] ?? null;
    const now = after[field] ?? null;
    if (!(isNothing(old) && isNothing(now)) && !isDeepStrictEqual(old, now)) changes[field] = { old, new: now };
  }
  return Object.keys(changes).length > 0 ? changes : null;
}

function isNothing(value: unknown): boolean {
  return value === null || (Array.isArray(value) && value.length === 0);
}
