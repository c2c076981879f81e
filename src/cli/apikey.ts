import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DateTime } from 'luxon';
import type { Database } from '../db/database';
import type { Role } from '../shared/viewer';
import {
  ApiKeyInputError, KEY_ROLES, apiKeyById, createApiKey, listApiKeys, revokeApiKey, type ApiKeySummary,
} from '../auth/api-key.service';
import { organizerGlobalId, organizerKeyOf, type OrganizerKind } from '../modules/organizers';
import { formatInZone } from '../shared/time';
import { quote } from '../shared/quote';

/** Zone of the dates a person types and reads here; a date alone means its midnight. */
const ZONE = 'Europe/Berlin';

/** The apikey lines of the CLI's usage text. */
export const APIKEY_USAGE = `  apikey create --role <${KEY_ROLES.join('|')}> --name "…" [--organizer <id>] [--expires <date>]
                             make a key and print it once, as the last line; an editor key
                             needs --organizer (the organiser's GraphQL id); --expires takes
                             a date (its midnight, Europe/Berlin) or an ISO date-time
  apikey list [--json]       every key: id, name, role, organiser, dates, status (never the secret)
  apikey revoke <id>         end a key; the next request with it is refused`;

/**
 * `clustergraph apikey …`. Bad arguments throw ApiKeyInputError (main.ts exits 2 on it);
 * the database is opened only once the arguments are known to be good. It may run while
 * servers use the same database: they look keys up on every request.
 */
export async function apikeyCommand(args: string[], open: () => Promise<Database>, out: (text: string) => void): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'create') return create(rest, open, out);
  if (sub === 'list') return list(rest, open, out);
  if (sub === 'revoke') return revoke(rest, open, out);
  throw new ApiKeyInputError(sub === undefined
    ? 'apikey needs a command: create, list or revoke'
    : `unknown apikey command ${quote(sub)} (create, list or revoke)`);
}

async function create(args: string[], open: () => Promise<Database>, out: (text: string) => void): Promise<void> {
  const values = options(args, {
    role: { type: 'string' }, name: { type: 'string' }, organizer: { type: 'string' }, expires: { type: 'string' },
  }) as { role?: string; name?: string; organizer?: string; expires?: string };
  if (values.role === undefined) throw new ApiKeyInputError(`--role is required: one of ${KEY_ROLES.join(', ')}`);
  if (!(KEY_ROLES as string[]).includes(values.role)) {
    throw new ApiKeyInputError(`--role must be one of ${KEY_ROLES.join(', ')}, got ${quote(values.role)}`);
  }
  if (values.name === undefined) throw new ApiKeyInputError('--name is required, e.g. --name "Kalender BMWK"');
  const organizer = values.organizer === undefined ? null : organizerKeyOf(values.organizer.trim());
  if (values.organizer !== undefined && !organizer) {
    throw new ApiKeyInputError(`--organizer ${quote(values.organizer)} is not the GraphQL id of a ministry, initiative or network`);
  }
  const expiresAt = values.expires === undefined ? null : parseExpiry(values.expires);

  await withDatabase(open, async (db) => {
    const { id, secret } = await createApiKey(db, {
      role: values.role as Role, name: values.name!, organizerId: organizer?.key ?? null,
      organizerKind: organizer?.kind, expiresAt,
    });
    const key = shown((await apiKeyById(db, id))!);
    out(`created API key ${key.id} "${key.name}": role ${key.role}`
      + `${key.organizer ? `, organiser ${key.organizer.id} (${key.organizer.name})` : ''}`
      + `, expires ${key.expiresAt ? at(key.expiresAt) : 'never'}\n`);
    out('send it as "Authorization: Bearer <key>"; only its hash is stored, so it is shown this once:\n');
    out(`${secret}\n`);
  });
}

async function list(args: string[], open: () => Promise<Database>, out: (text: string) => void): Promise<void> {
  const values = options(args, { json: { type: 'boolean' } }) as { json?: boolean };
  await withDatabase(open, async (db) => {
    const keys = (await listApiKeys(db)).map(shown);
    if (values.json) {
      out(`${JSON.stringify(keys, null, 2)}\n`);
      return;
    }
    if (keys.length === 0) {
      out('no API keys yet (make one with: clustergraph apikey create)\n');
      return;
    }
    out(table([
      ['id', 'name', 'role', 'organizer', 'created', 'expires', 'revoked', 'status'],
      ...keys.map(row),
    ]));
  });
}

async function revoke(args: string[], open: () => Promise<Database>, out: (text: string) => void): Promise<void> {
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args, options: {}, strict: true, allowPositionals: true }));
  } catch (err) {
    throw new ApiKeyInputError((err as Error).message);
  }
  if (positionals.length !== 1) throw new ApiKeyInputError('apikey revoke takes one key id (see apikey list)');
  const id = Number(positionals[0]);
  if (!/^[1-9][0-9]{0,14}$/.test(positionals[0])) {
    throw new ApiKeyInputError(`${quote(positionals[0])} is not a key id; ids are whole numbers (see apikey list)`);
  }
  await withDatabase(open, async (db) => {
    const before = await apiKeyById(db, id);
    if (!before) throw new ApiKeyInputError(`no API key has id ${id} (see apikey list)`);
    const after = (await revokeApiKey(db, id))!;
    out(before.revokedAt
      ? `API key ${id} "${after.name}" was already revoked at ${at(after.revokedAt!)}\n`
      : `revoked API key ${id} "${after.name}" (${after.role}); requests with it are refused from now on\n`);
  });
}

/**
 * An expiry instant from what a person typed: 2026-12-31 (that day's midnight in
 * Europe/Berlin), 2026-12-31T18:00 (Berlin wall clock) or a date-time with Z or an offset.
 * It must lie in the future: a key born expired is a typo.
 */
export function parseExpiry(text: string): Date {
  const value = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(value)) {
    throw new ApiKeyInputError(`--expires ${quote(text)} is not a date (2026-12-31) or an ISO date-time (2026-12-31T18:00:00+01:00)`);
  }
  const dt = DateTime.fromISO(value, { zone: ZONE });
  if (!dt.isValid) throw new ApiKeyInputError(`--expires ${quote(text)} is not a valid date`);
  if (dt.toMillis() <= Date.now()) throw new ApiKeyInputError(`--expires ${quote(text)} lies in the past`);
  return dt.toJSDate();
}

function options(args: string[], config: NonNullable<ParseArgsConfig['options']>): Record<string, unknown> {
  try {
    return parseArgs({ args, options: config, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new ApiKeyInputError((err as Error).message);
  }
}

async function withDatabase(open: () => Promise<Database>, fn: (db: Database) => Promise<void>): Promise<void> {
  const db = await open();
  try {
    await fn(db);
  } finally {
    await db.dataSource.destroy();
  }
}

function at(date: Date): string {
  return formatInZone(Math.floor(date.getTime() / 1000) * 1000, ZONE);
}

/** A key as the CLI shows it: its organiser by GraphQL id, as every id a person types here. */
type ShownKey = Omit<ApiKeySummary, 'organizer'> & { organizer: { id: string; name: string } | null };

function shown(k: ApiKeySummary): ShownKey {
  const o = k.organizer;
  return { ...k, organizer: o && { id: organizerGlobalId(o.kind as OrganizerKind, o.key), name: o.name } };
}

function row(k: ShownKey): string[] {
  return [
    String(k.id), k.name, k.role, k.organizer ? `${k.organizer.id} (${k.organizer.name})` : '-',
    at(k.createdAt), k.expiresAt ? at(k.expiresAt) : 'never', k.revokedAt ? at(k.revokedAt) : '-', k.status,
  ];
}

/** Rows as columns padded to their widest cell, two spaces apart. */
function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')).join('\n') + '\n';
}
