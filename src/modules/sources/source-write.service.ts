import { isDeepStrictEqual } from 'node:util';
import type { Database, SqlExecutor } from '../../db/database';
import type { Viewer } from '../../shared/viewer';
import { BadUserInputError, NotFoundError } from '../../shared/errors';
import { httpUrl, required } from '../../shared/input-checks';
import { changesBetween, type AuditService, type AuditSnapshot } from '../audit';
import { organizerKeyOf, assertAdmin, existingKeys, fieldReader } from '../organizers';
import { maskUrl } from './source-url';
import type { SourceFieldsInput } from './source.inputs';
import { checkMapping } from './source-mapping';
import { sourceGlobalId, sourceKeyOf } from './source-id';
import { insertSource, sourceByName, sourcesByKeys, updateSource, type SourceValues } from './source.store';
import { SourceFormat, type Source } from './source.types';
import { quote } from '../../shared/quote';

/** Longest source URL, in characters (the column's width). */
const MAX_URL = 2000;
/** Shortest and longest pull interval, in minutes (5 minutes to a week). */
export const MIN_INTERVAL = 5;
export const MAX_INTERVAL = 10_080;
export const DEFAULT_INTERVAL = 60;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * createSource and updateSource (and the CLI's `sources add` and the first `import` of a
 * name). Each runs in one transaction: validate, write, record the audit entry.
 */
export class SourceWriteService {
  constructor(private readonly db: Database, private readonly audit: AuditService) {}

  create(viewer: Viewer, input: SourceFieldsInput): Promise<Source> {
    assertAdmin(viewer);
    return this.createAs(viewer.keyName ?? viewer.role, input);
  }

  update(viewer: Viewer, id: string, patch: SourceFieldsInput): Promise<Source> {
    assertAdmin(viewer);
    return this.updateAs(viewer.keyName ?? viewer.role, id, patch);
  }

  /** A new source, recorded as written by `actor` (an API key's name, or `cli`). */
  createAs(actor: string, input: SourceFieldsInput): Promise<Source> {
    return this.db.transaction((tx) => this.createIn(tx, actor, input));
  }

  /** createAs on the caller's transaction (a dry run registers a new source in the transaction it rolls back). */
  async createIn(tx: SqlExecutor, actor: string, input: SourceFieldsInput): Promise<Source> {
    const values = await checkSource(tx, input, 'input', null, null);
    const now = Date.now();
    const key = await insertSource(tx, values, now);
    return this.finish(tx, actor, 'createSource', key, null, now);
  }

  updateAs(actor: string, id: string, patch: SourceFieldsInput): Promise<Source> {
    const key = sourceKeyOf(id);
    return this.db.transaction(async (tx) => {
      const [before] = key === null ? [] : await sourcesByKeys(tx, [key]);
      if (key === null || !before) throw new NotFoundError(`No source has the id ${quote(id)}.`);
      const current = valuesOf(before);
      const values = await checkSource(tx, patch, 'patch', current, key);
      if (isDeepStrictEqual(values, current)) return before;
      const now = Date.now();
      await updateSource(tx, key, values, now);
      return this.finish(tx, actor, 'updateSource', key, before, now);
    });
  }

  private async finish(tx: SqlExecutor, actor: string, action: string, key: number, before: Source | null, now: number): Promise<Source> {
    const [after] = await sourcesByKeys(tx, [key]);
    await this.audit.record(tx, {
      at: now, actor, action, entityType: 'Source', entityId: sourceGlobalId(key),
      changes: changesBetween(before === null ? null : snapshot(before), snapshot(after)),
    });
    return after;
  }
}

/** The checked values of a source from an input (`current` null) or a patch over `current`. */
async function checkSource(
  tx: SqlExecutor, source: SourceFieldsInput, path: 'input' | 'patch', current: SourceValues | null, self: number | null,
): Promise<SourceValues> {
  const read = fieldReader(source, path, current === null);
  const base: SourceValues = current ?? {
    name: '', url: null, format: SourceFormat.ics, mapping: {}, ownerKey: null, trusted: false, intervalMinutes: DEFAULT_INTERVAL,
  };
  const out = { ...base };
  if (read.given('name')) {
    const name = required(source.name, read.at('name')).trim();
    if (!NAME.test(name)) {
      throw new BadUserInputError(`${read.at('name')} is letters, digits, ".", "_" and "-" (up to 100, starting with a letter or digit), got ${quote(name)}.`, read.at('name'));
    }
    const other = await sourceByName(tx, name);
    if (other && other.pk !== self) throw new BadUserInputError(`A source named ${quote(name)} exists already.`, read.at('name'));
    out.name = name;
  }
  if (read.given('url')) out.url = httpUrl(source.url, read.at('url'), MAX_URL);
  if (read.given('format')) {
    const format = required(source.format, read.at('format'));
    if (!(Object.values(SourceFormat) as string[]).includes(format)) {
      throw new BadUserInputError(`${read.at('format')} is ics, csv or json, got ${quote(String(format))}.`, read.at('format'));
    }
    out.format = format;
  }
  if (read.given('mapping')) {
    const checked = checkMapping(source.mapping);
    if ('message' in checked) throw new BadUserInputError(checked.message, `${read.at('mapping')}${checked.path ? `.${checked.path}` : ''}`);
    out.mapping = checked.mapping;
  }
  if (read.given('ownerId')) out.ownerKey = source.ownerId == null ? null : await owner(tx, source.ownerId, read.at('ownerId'));
  if (read.given('trusted')) out.trusted = source.trusted ?? false;
  if (read.given('intervalMinutes')) {
    const minutes = source.intervalMinutes ?? DEFAULT_INTERVAL;
    if (!Number.isInteger(minutes) || minutes < MIN_INTERVAL || minutes > MAX_INTERVAL) {
      throw new BadUserInputError(`${read.at('intervalMinutes')} is whole minutes from ${MIN_INTERVAL} to ${MAX_INTERVAL}, got ${minutes}.`, read.at('intervalMinutes'));
    }
    out.intervalMinutes = minutes;
  }
  return out;
}

async function owner(tx: SqlExecutor, id: string, field: string): Promise<number> {
  const ref = organizerKeyOf(id.trim());
  if (!ref || !(await existingKeys(tx, 'organizer', [ref.key], ref.kind)).has(ref.key)) {
    throw new BadUserInputError(`Unknown organiser ${quote(id)}: expected the GraphQL id of a ministry, initiative or network.`, field);
  }
  return ref.key;
}

function valuesOf(s: Source): SourceValues {
  return {
    name: s.name, url: s.url, format: s.format, mapping: s.mapping, ownerKey: s.ownerKey, trusted: s.trusted, intervalMinutes: s.intervalMinutes,
  };
}

function snapshot(s: Source): AuditSnapshot {
  // The audit log is read by people who need not know a partner feed's password.
  return { ...valuesOf(s), url: s.url === null ? null : maskUrl(s.url) };
}
