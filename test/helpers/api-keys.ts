import type { Database } from '../../src/db/database';
import { createApiKey } from '../../src/auth/api-key.service';
import type { Role } from '../../src/shared/viewer';

let made = 0;

/**
 * A live API key of a role, made straight in the database (as `apikey create` would), and
 * its bearer secret. An editor needs `organizerId` (an organiser's numeric key).
 */
export async function createKey(
  db: Database, role: Role, options: { organizerId?: number; name?: string; expiresAt?: Date } = {},
): Promise<string> {
  const { secret } = await createApiKey(db, {
    role,
    name: options.name ?? `test ${role} key ${++made}`,
    organizerId: options.organizerId ?? null,
    expiresAt: options.expiresAt ?? null,
  });
  return secret;
}

/** The request headers that present a key. */
export function authHeaders(secret: string): Record<string, string> {
  return { authorization: `Bearer ${secret}` };
}
