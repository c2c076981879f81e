/**
 * Global ids of sources: the scheme of shared/global-id.ts ("<Type>:<key>" in base64url),
 * kept here because a source is admin data, not a Node the public `node` query resolves.
 */
export function sourceGlobalId(key: number): string {
  return Buffer.from(`Source:${key}`, 'utf8').toString('base64url');
}

/** The key behind a source's global id, or null for anything else. */
export function sourceKeyOf(id: string): number | null {
  if (typeof id !== 'string' || id.length === 0 || id.length > 64 || !/^[A-Za-z0-9_-]+$/.test(id)) return null;
  const match = /^Source:([1-9][0-9]{0,14})$/.exec(Buffer.from(id, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : null;
}
