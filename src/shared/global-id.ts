/**
 * Opaque global ids: base64url of "<Type>:<key>". Clients must treat them as opaque;
 * we only promise they are stable for the life of a record.
 */
export type NodeTypeName = 'Event' | 'Ministry' | 'Initiative' | 'Network' | 'Patron' | 'Campaign';

const NODE_TYPES: ReadonlySet<string> = new Set<NodeTypeName>([
  'Event', 'Ministry', 'Initiative', 'Network', 'Patron', 'Campaign',
]);

export function toGlobalId(type: NodeTypeName, key: number): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

/** The type and numeric key behind a global id, or null for anything that is not one of ours. */
export function fromGlobalId(id: string): { type: NodeTypeName; key: number } | null {
  if (typeof id !== 'string' || id.length === 0 || id.length > 64 || !/^[A-Za-z0-9_-]+$/.test(id)) return null;
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const match = /^([A-Za-z]+):([1-9][0-9]{0,14})$/.exec(decoded);
  if (!match || !NODE_TYPES.has(match[1])) return null;
  return { type: match[1] as NodeTypeName, key: Number(match[2]) };
}

/** The key of an id of one of the given types, or null. */
export function keyOf(id: string, ...types: NodeTypeName[]): number | null {
  const parsed = fromGlobalId(id);
  return parsed && types.includes(parsed.type) ? parsed.key : null;
}
