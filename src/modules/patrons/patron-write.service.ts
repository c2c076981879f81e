import { isDeepStrictEqual } from 'node:util';
import type { Database, SqlExecutor, SqlValue } from '../../db/database';
import { entityReader, type EntityReader } from '../../db/entity-reader';
import { insertRow, updateRow } from '../../db/row-writes';
import type { Viewer } from '../../shared/viewer';
import { BadUserInputError, NotFoundError } from '../../shared/errors';
import { keyOf, toGlobalId } from '../../shared/global-id';
import { changesBetween, type AuditService, type AuditSnapshot } from '../audit';
import { assertAdmin, existingKeys, fieldReader, type EventTouch } from '../organizers';
import { optionalLocalized, required, requiredText, text, type LocalizedValues } from '../../shared/input-checks';
import { Patron } from './patron.entity';
import type { PatronFieldsInput } from './patron.inputs';
import { quote } from '../../shared/quote';

/** A patron as written, checked and normalised. */
interface PatronValues {
  name: string;
  honorific: string | null;
  office: LocalizedValues | null;
  ministryKey: number | null;
  imageCredit: string | null;
}

/**
 * createPatron and updatePatron. Each runs in one transaction: read (and on PostgreSQL lock)
 * the patron, validate the whole input, write, record the audit entry; a refusal throws
 * before the commit, so nothing of it is written.
 */
export class PatronWriteService {
  private readonly reader: EntityReader<Patron>;

  constructor(private readonly db: Database, private readonly audit: AuditService, private readonly touchEvents: EventTouch) {
    this.reader = entityReader(db.dataSource, Patron);
  }

  create(viewer: Viewer, input: PatronFieldsInput): Promise<Patron> {
    assertAdmin(viewer);
    return this.db.transaction(async (tx) => {
      const values = await checkPatron(tx, input, 'input', null);
      const columns = rowColumns(values);
      return this.finish(tx, viewer, 'createPatron', await insertRow(tx, 'patron', columns), null);
    }, { rerunnable: true });
  }

  /** The patch over the stored values; an unknown id is NOT_FOUND, a patch that changes nothing writes nothing. */
  update(viewer: Viewer, id: string, patch: PatronFieldsInput): Promise<Patron> {
    assertAdmin(viewer);
    const key = keyOf(id, 'Patron');
    return this.db.transaction(async (tx) => {
      const before = key === null ? null : await this.read(tx, key);
      if (key === null || before === null) throw new NotFoundError(`No patron has the id ${quote(id)}.`);
      const values = await checkPatron(tx, patch, 'patch', valuesOf(before));
      if (isDeepStrictEqual(values, valuesOf(before))) return before;
      await updateRow(tx, 'patron', key, rowColumns(values));
      return this.finish(tx, viewer, 'updatePatron', key, before);
    }, { rerunnable: true });
  }

  /** The patron with this key, locked on PostgreSQL until the transaction ends; null when there is none. */
  private async read(tx: SqlExecutor, key: number): Promise<Patron | null> {
    const [row] = await tx.query(`SELECT ${this.reader.select('p')} FROM patron p WHERE p.id = ?${tx.dialect.lockForUpdate()}`, [key]);
    return row ? this.reader.hydrate(row) : null;
  }

  private async finish(tx: SqlExecutor, viewer: Viewer, action: string, key: number, before: Patron | null): Promise<Patron> {
    const after = await this.read(tx, key);
    if (after === null) throw new Error(`patron ${key} vanished inside its own transaction`);
    const at = Date.now();
    if (before !== null) await this.touchEvents(tx, 'patron', key, at);
    await this.audit.record(tx, {
      at,
      actor: viewer.keyName ?? viewer.role,
      action,
      entityType: 'Patron',
      entityId: toGlobalId('Patron', key),
      changes: changesBetween(before === null ? null : snapshot(before), snapshot(after)),
    });
    return after;
  }
}

/** The checked values of a patron from an input (`current` null) or a patch over `current`. */
async function checkPatron(
  tx: SqlExecutor, source: PatronFieldsInput, path: 'input' | 'patch', current: PatronValues | null,
): Promise<PatronValues> {
  const read = fieldReader(source, path, current === null);
  const base: PatronValues = current ?? { name: '', honorific: null, office: null, ministryKey: null, imageCredit: null };
  return {
    name: read.given('name') ? requiredText(required(source.name, read.at('name')), read.at('name'), 200) : base.name,
    honorific: read.given('honorific') ? text(source.honorific, read.at('honorific'), 60) : base.honorific,
    office: read.given('office') ? optionalLocalized(source.office, read.at('office'), 300) : base.office,
    ministryKey: read.given('ministryId') ? await ministry(tx, source.ministryId, read.at('ministryId')) : base.ministryKey,
    imageCredit: read.given('imageCredit') ? text(source.imageCredit, read.at('imageCredit'), 300) : base.imageCredit,
  };
}

/** The key of a ministry that exists, or null for none. */
async function ministry(tx: SqlExecutor, id: string | null | undefined, field: string): Promise<number | null> {
  if (id == null) return null;
  const key = keyOf(id, 'Ministry');
  if (key === null || !(await existingKeys(tx, 'organizer', [key], 'MINISTRY')).has(key)) {
    throw new BadUserInputError(`Unknown ministry ${quote(id)}.`, field);
  }
  return key;
}

function valuesOf(p: Patron): PatronValues {
  return {
    name: p.name,
    honorific: p.honorific,
    office: p.officeDe === null ? null : { de: p.officeDe, fr: p.officeFr, en: p.officeEn },
    ministryKey: p.ministryId,
    imageCredit: p.imageCredit,
  };
}

function rowColumns(v: PatronValues): [string, SqlValue][] {
  return [
    ['name', v.name], ['honorific', v.honorific],
    ['office_de', v.office?.de ?? null], ['office_fr', v.office?.fr ?? null], ['office_en', v.office?.en ?? null],
    ['ministry_id', v.ministryKey], ['image_credit', v.imageCredit],
  ];
}

/** A patron as the audit trail records it: the fields of PatronInput, the ministry as its global id. */
function snapshot(p: Patron): AuditSnapshot {
  const v = valuesOf(p);
  return {
    name: v.name, honorific: v.honorific, office: v.office,
    ministryId: v.ministryKey === null ? null : toGlobalId('Ministry', v.ministryKey),
    imageCredit: v.imageCredit,
  };
}
