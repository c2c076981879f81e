import { keyOf, toGlobalId } from '../../shared/global-id';

/**
 * Global ids of sources: the scheme of shared/global-id.ts ("<Type>:<key>" in base64url),
 * decoded there too; a source is admin data, not a Node the public `node` query resolves.
 */
export function sourceGlobalId(key: number): string {
  return toGlobalId('Source', key);
}

/** The key behind a source's global id, or null for anything else. */
export function sourceKeyOf(id: string): number | null {
  return keyOf(id, 'Source');
}
