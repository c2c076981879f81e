import { isDeepStrictEqual } from 'node:util';
import type { Database, SqlExecutor } from '../../db/database';
import { entityReader, type EntityReader } from '../../db/entity-reader';
import type { Viewer } from '../../shared/viewer';
import { NotFoundError } from '../../shared/errors';
import { keyOf, toGlobalId } from '../../shared/global-id';
import { changesBetween, type AuditService } from '../audit';
import type { EventTouch } from './shown-in-events';
import { Organizer } from './organizer.entity';
import type { OrganizerFieldsInput } from './organizer-write.inputs';
import { assertAdmin } from './organizer-write.checks';
import { checkOrganizerValues, organizerSnapshot, type OrganizerKindRules } from './organizer-write.values';
import {
  currentLinkKeys, insertOrganizer, lockOrganizers, readForChange, updateOrganizer, type StoredOrganizer,
} from './organizer-write.store';
import { quote } from '../../shared/quote';

/** The organiser writes only write through their transaction, so they may run again after a deadlock. */
const RERUNNABLE = { rerunnable: true } as const;

/**
 * The admin mutations of ministries, initiatives and networks: one flow for every kind,
 * the kind's own fields and names coming from its rules (ministry-write.rules.ts, …). Each
 * runs in one transaction: read (and on PostgreSQL lock) the organiser, validate the whole
 * input, write the row and its links, record the audit entry; a refusal throws before the
 * commit, so nothing of it is written.
 */
export class OrganizerWriteService {
  private readonly reader: EntityReader<Organizer>;

  constructor(private readonly db: Database, private readonly audit: AuditService, private readonly touchEvents: EventTouch) {
    this.reader = entityReader(db.dataSource, Organizer);
  }

  /** create<Kind>: a new organiser of the rules' kind. */
  create<I extends OrganizerFieldsInput>(viewer: Viewer, rules: OrganizerKindRules<I>, input: I): Promise<Organizer> {
    assertAdmin(viewer);
    return this.db.transaction(async (tx) => {
      const values = await checkOrganizerValues(rules, input, 'input', tx, null, null);
      const key = await insertOrganizer(tx, rules.kind, values);
      return this.finish(tx, viewer, rules, rules.createAction, key, null);
    }, RERUNNABLE);
  }

  /**
   * update<Kind>: the patch over the stored values. An id that is not an organiser of this
   * kind is NOT_FOUND; a patch that changes nothing writes nothing (and records nothing).
   */
  update<I extends OrganizerFieldsInput>(viewer: Viewer, rules: OrganizerKindRules<I>, id: string, patch: I): Promise<Organizer> {
    assertAdmin(viewer);
    const key = keyOf(id, rules.type);
    return this.db.transaction(async (tx) => {
      // Every organiser row this write touches (its own, the links it drops, the links it
      // makes), locked at once in one order before anything else: see lockOrganizers. The
      // keys are looked up only where rows are locked (not on SQLite).
      if (key !== null) await lockOrganizers(tx, async () => [key, ...await currentLinkKeys(tx, key), ...(rules.linkedKeys?.(patch) ?? [])]);
      const before = key === null ? null : await readForChange(tx, this.reader, key, rules.kind);
      if (key === null || before === null) throw new NotFoundError(`No ${rules.type.toLowerCase()} has the id ${quote(id)}.`);
      const values = await checkOrganizerValues(rules, patch, 'patch', tx, before.values, key);
      if (isDeepStrictEqual(values, before.values)) return before.organizer;
      await updateOrganizer(tx, key, rules.kind, values, before.values);
      return this.finish(tx, viewer, rules, rules.updateAction, key, before);
    }, RERUNNABLE);
  }

  /** After a write: record what changed and return the organiser as stored now. */
  private async finish<I extends OrganizerFieldsInput>(
    tx: SqlExecutor, viewer: Viewer, rules: OrganizerKindRules<I>, action: string, key: number, before: StoredOrganizer | null,
  ): Promise<Organizer> {
    const after = await readForChange(tx, this.reader, key, rules.kind);
    if (after === null) throw new Error(`organizer ${key} vanished inside its own transaction`);
    const at = Date.now();
    if (before !== null) await this.touchEvents(tx, 'organizer', key, at);
    await this.audit.record(tx, {
      at,
      actor: viewer.keyName ?? viewer.role,
      action,
      entityType: rules.type,
      entityId: toGlobalId(rules.type, key),
      changes: changesBetween(
        before === null ? null : organizerSnapshot(rules.kind, before.values), organizerSnapshot(rules.kind, after.values)),
    });
    return after.organizer;
  }
}
