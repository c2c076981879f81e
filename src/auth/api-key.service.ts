import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/database';
import { Role, type Viewer } from '../shared/viewer';
import { quote } from '../shared/quote';

/** Every secret starts with this, so a leaked key is recognisable (e.g. by secret scanners). */
export const API_KEY_PREFIX = 'cg_';

/** The shape of a secret we hand out: the prefix and 32 random bytes in base64url. */
const SECRET_PATTERN = /^cg_[A-Za-z0-9_-]{43}$/;

/** The roles a key can carry; the public role is having no key. */
export const KEY_ROLES: readonly Role[] = [Role.PARTNER, Role.EDITOR, Role.MODERATOR, Role.ADMIN];

/** A key request that cannot be honoured as given; the message says what to change. */
export class ApiKeyInputError extends Error {}

export interface CreateApiKeyInput {
  role: Role;
  name: string;
  /** Required for an editor, refused for every other role. */
  organizerId?: number | null;
  /** When given, the organiser must also be of this kind (organizer.kind; its GraphQL id named one). */
  organizerKind?: string;
  expiresAt?: Date | null;
}

/** What `apikey list` shows of a key: everything but the secret, which is not stored. */
export interface ApiKeySummary {
  id: number;
  name: string;
  role: Role;
  /**
   * An editor key's organiser: its key and kind (organizer.kind, which the organizers
   * module turns into a GraphQL id) and German name.
   */
  organizer: { key: number; kind: string; name: string } | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  status: 'active' | 'expired' | 'revoked';
}

/** SHA-256 of a secret, lowercase hex: the only form a secret is stored or looked up in. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * Makes a key and returns its secret, which exists nowhere else afterwards. Refuses
 * (ApiKeyInputError) an empty name, the public role, an editor without an organiser,
 * an organiser on any other role, and an organiser that does not exist.
 */
export async function createApiKey(db: Database, input: CreateApiKeyInput): Promise<{ id: number; secret: string }> {
  const name = input.name.trim();
  if (name.length === 0) throw new ApiKeyInputError('the key needs a name (--name), e.g. the partner or person holding it');
  if (name.length > 200) throw new ApiKeyInputError('the name is longer than 200 characters');
  if (!KEY_ROLES.includes(input.role)) {
    throw new ApiKeyInputError(`role must be one of ${KEY_ROLES.join(', ')}, got ${quote(input.role)}`);
  }
  const organizerId = input.organizerId ?? null;
  if (input.role === Role.EDITOR && organizerId === null) {
    throw new ApiKeyInputError('an editor key is bound to one organiser: give --organizer <id>');
  }
  if (input.role !== Role.EDITOR && organizerId !== null) {
    throw new ApiKeyInputError(`only editor keys are bound to an organiser; a ${input.role} key acts for all of them`);
  }
  if (organizerId !== null) {
    const [row] = await db.query<{ kind: string }>('SELECT kind FROM organizer WHERE id = ?', [organizerId]);
    if (!row || (input.organizerKind !== undefined && row.kind !== input.organizerKind)) {
      throw new ApiKeyInputError('no organiser has this id (--organizer takes the GraphQL id of a ministry, initiative or network)');
    }
  }
  if (input.expiresAt != null && Number.isNaN(input.expiresAt.getTime())) {
    throw new ApiKeyInputError('the expiry is not a valid date');
  }
  const secret = API_KEY_PREFIX + randomBytes(32).toString('base64url');
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO api_key (name, role, organizer_id, hash, created_at, expires_at, revoked_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL) RETURNING id`,
    [name, input.role, organizerId, hashSecret(secret), Date.now(), input.expiresAt?.getTime() ?? null],
  );
  return { id: Number(row.id), secret };
}

/** Every key, oldest first, with its status now. */
export async function listApiKeys(db: Database): Promise<ApiKeySummary[]> {
  return (await selectKeys(db, '', [])).map(summaryOf);
}

/** One key by id, or null. */
export async function apiKeyById(db: Database, id: number): Promise<ApiKeySummary | null> {
  const [row] = await selectKeys(db, 'WHERE k.id = ?', [id]);
  return row ? summaryOf(row) : null;
}

/**
 * Ends a key at once (the next request with it is refused). Revoking a revoked key keeps
 * its first revocation time. Null when no key has this id.
 */
export async function revokeApiKey(db: Database, id: number): Promise<ApiKeySummary | null> {
  await db.query('UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [Date.now(), id]);
  return apiKeyById(db, id);
}

/**
 * The viewer a secret stands for, or null when it is not a live key of ours (malformed,
 * unknown, revoked or expired). One indexed point query, none for a malformed secret; no
 * cache, so a key made or revoked by the CLI counts from the next request on.
 */
export async function viewerForKey(db: Database, secret: string): Promise<Viewer | null> {
  if (!SECRET_PATTERN.test(secret)) return null;
  const [row] = await db.query<{ id: number; name: string; role: Role; organizerId: number | null; expiresAt: number | null; revokedAt: number | null }>(
    `SELECT id, name, role, organizer_id AS "organizerId", expires_at AS "expiresAt", revoked_at AS "revokedAt"
     FROM api_key WHERE hash = ?`,
    [hashSecret(secret)],
  );
  if (!row || row.revokedAt !== null || (row.expiresAt !== null && Number(row.expiresAt) <= Date.now())) return null;
  if (!KEY_ROLES.includes(row.role)) return null;
  return { role: row.role, organizerId: row.organizerId === null ? null : Number(row.organizerId), keyName: row.name, keyId: Number(row.id) };
}

interface KeyRow {
  id: number;
  name: string;
  role: Role;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
  organizerId: number | null;
  organizerKind: string | null;
  organizerName: string | null;
}

function selectKeys(db: Database, where: string, params: number[]): Promise<KeyRow[]> {
  return db.query<KeyRow>(
    `SELECT k.id, k.name, k.role, k.created_at AS "createdAt", k.expires_at AS "expiresAt", k.revoked_at AS "revokedAt",
            k.organizer_id AS "organizerId", o.kind AS "organizerKind", o.name_de AS "organizerName"
     FROM api_key k LEFT JOIN organizer o ON o.id = k.organizer_id ${where} ORDER BY k.id`,
    params,
  );
}

function summaryOf(row: KeyRow): ApiKeySummary {
  const at = (v: number | null) => (v === null ? null : new Date(Number(v)));
  const expiresAt = at(row.expiresAt);
  const revokedAt = at(row.revokedAt);
  return {
    id: Number(row.id),
    name: row.name,
    role: row.role,
    organizer: row.organizerId !== null && row.organizerKind !== null
      ? { key: Number(row.organizerId), kind: row.organizerKind, name: row.organizerName ?? '' }
      : null,
    createdAt: new Date(Number(row.createdAt)),
    expiresAt,
    revokedAt,
    status: revokedAt ? 'revoked' : expiresAt && expiresAt.getTime() <= Date.now() ? 'expired' : 'active',
  };
}
