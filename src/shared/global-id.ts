/**
 * Opaque global ids: base64url of "<Type>:<key>". Clients must treat them as opaque;
 * we only promise they are stable for the life of a record.
 *
 * This file is the one place an id from outside is turned into a key. Every key column is
 * `integer` on both databases (PostgreSQL's is 32-bit signed), so a key outside
 * 1…MAX_KEY cannot name a row: it decodes to null like any malformed id, and never
 * reaches SQL, where PostgreSQL would refuse it with an error instead of finding nothing.
 */
export type NodeTypeName = 'Event' | 'Ministry' | 'Initiative' | 'Network' | 'Patron' | 'Campaign';

/** Types with global ids that the public `node` query does not resolve (admin data). */
export type OtherIdTypeName = 'Source';

const NODE_TYPES: ReadonlySet<string> = new Set<NodeTypeName>([
  'Event', 'Ministry', 'Initiative', 'Network', 'Patron', 'Campaign',
]);

/** The largest key of any table: PostgreSQL's `integer` (and SQLite's rowids we hand out stay below it). */
export const MAX_KEY = 2 ** 31 - 1;

/** True for a number that can be the key of a row on both databases. */
export function isKey(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_KEY;
}

export function toGlobalId(type: NodeTypeName | OtherIdTypeName, key: number): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

/** Type and key of any id of ours (node or not), or null. */
function decode(id: unknown): { type: string; key: number } | null {
  if (typeof id !== 'string' || id.length === 0 || id.length > 64 || !/^[A-Za-z0-9_-]+$/.test(id)) return null;
  const match = /^([A-Za-z]+):([1-9][0-9]{0,9})$/.exec(Buffer.from(id, 'base64url').toString('utf8'));
  if (!match) return null;
  const key = Number(match[2]);
  return isKey(key) ? { type: match[1], key } : null;
}

/** The type and key behind a node's global id, or null for anything that is not one of ours. */
export function fromGlobalId(id: string): { type: NodeTypeName; key: number } | null {
  const parsed = decode(id);
  return parsed && NODE_TYPES.has(parsed.type) ? { type: parsed.type as NodeTypeName, key: parsed.key } : null;
}

/** The key of an id of one of the given types, or null. */
export function keyOf(id: string, ...types: (NodeTypeName | OtherIdTypeName)[]): number | null {
  const parsed = decode(id);
  return parsed && (types as string[]).includes(parsed.type) ? parsed.key : null;
}

/**
 * The canonical spelling of an id of any of our types (nodes and sources), or null for
 * anything else: for matching ids stored as text (the audit trail's entity ids).
 */
export function canonicalGlobalId(id: string): string | null {
  const parsed = decode(id);
  return parsed && (NODE_TYPES.has(parsed.type) || parsed.type === 'Source')
    ? toGlobalId(parsed.type as NodeTypeName | OtherIdTypeName, parsed.key) : null;
}
