/** The roles of the contract; a request has exactly one. */
export enum Role {
  PUBLIC = 'public',
  PARTNER = 'partner',
  EDITOR = 'editor',
  MODERATOR = 'moderator',
  ADMIN = 'admin',
}

/** Who is asking: resolved once per request from the API key (none: public). */
export interface Viewer {
  role: Role;
  /** The organiser an editor's key is bound to. */
  organizerId: number | null;
  /** The key's name, for the audit trail. */
  keyName: string | null;
  /** The key's id (rate limits count per key); null for the public. */
  keyId: number | null;
}

export const PUBLIC_VIEWER: Viewer = Object.freeze({ role: Role.PUBLIC, organizerId: null, keyName: null, keyId: null });

/** True when the role sees events of every status of every organiser. */
export function seesEverything(viewer: Viewer): boolean {
  return viewer.role === Role.MODERATOR || viewer.role === Role.ADMIN;
}
