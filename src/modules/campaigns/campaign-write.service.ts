import { isDeepStrictEqual } from 'node:util';
import type { Database, SqlExecutor, SqlValue } from '../../db/database';
import { entityReader, type EntityReader } from '../../db/entity-reader';
import { insertRows } from '../../db/bulk-insert';
import { insertRow, updateRow } from '../../db/row-writes';
import type { Viewer } from '../../shared/viewer';
import { NotFoundError } from '../../shared/errors';
import { keyOf, toGlobalId } from '../../shared/global-id';
import { changesBetween, type AuditService } from '../audit';
import { assertAdmin, type EventTouch, type OrganizerKind } from '../organizers';
import { Campaign } from './campaign.entity';
import type { CampaignFieldsInput } from './campaign.inputs';
import { campaignSnapshot, checkCampaign, slugTaken, type CampaignValues } from './campaign-write.values';
import { quote } from '../../shared/quote';

/** A campaign as read for a change: the row (locked on PostgreSQL) and its values. */
interface StoredCampaign {
  campaign: Campaign;
  values: CampaignValues;
}

/**
 * createCampaign and updateCampaign. Each runs in one transaction: read (and on PostgreSQL
 * lock) the campaign, validate the whole input, write the row and its patrons, record the
 * audit entry; a refusal throws before the commit, so nothing of it is written.
 */
export class CampaignWriteService {
  private readonly reader: EntityReader<Campaign>;

  constructor(private readonly db: Database, private readonly audit: AuditService, private readonly touchEvents: EventTouch) {
    this.reader = entityReader(db.dataSource, Campaign);
  }

  async create(viewer: Viewer, input: CampaignFieldsInput): Promise<Campaign> {
    assertAdmin(viewer);
    return this.refusingSlugClash('input.slug', () => this.db.transaction(async (tx) => {
      const values = await checkCampaign(tx, input, 'input', null, null);
      const columns = rowColumns(values);
      const key = await insertRow(tx, 'campaign', columns);
      await writePatrons(tx, key, values.patronKeys, null);
      return this.finish(tx, viewer, 'createCampaign', key, null);
    }, { rerunnable: true }), input.slug);
  }

  /** The patch over the stored values; an unknown id is NOT_FOUND, a patch that changes nothing writes nothing. */
  async update(viewer: Viewer, id: string, patch: CampaignFieldsInput): Promise<Campaign> {
    assertAdmin(viewer);
    const key = keyOf(id, 'Campaign');
    return this.refusingSlugClash('patch.slug', () => this.db.transaction(async (tx) => {
      const before = key === null ? null : await this.read(tx, key);
      if (key === null || before === null) throw new NotFoundError(`No campaign has the id ${quote(id)}.`);
      const values = await checkCampaign(tx, patch, 'patch', before.values, key);
      if (isDeepStrictEqual(values, before.values)) return before.campaign;
      await updateRow(tx, 'campaign', key, rowColumns(values));
      await writePatrons(tx, key, values.patronKeys, before.values.patronKeys);
      return this.finish(tx, viewer, 'updateCampaign', key, before);
    }, { rerunnable: true }), patch.slug);
  }

  /**
   * Runs a write; if it lost a race for the slug (a concurrent write took it between the
   * check and the insert, which the unique index refuses), that is the same BAD_USER_INPUT
   * as a slug taken before.
   */
  private async refusingSlugClash<T>(field: string, write: () => Promise<T>, slug: string | null | undefined): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if (isSlugClash(err)) throw slugTaken((slug ?? '').trim(), field);
      throw err;
    }
  }

  /** The campaign with this key and its values, locked on PostgreSQL until the transaction ends; null when there is none. */
  private async read(tx: SqlExecutor, key: number): Promise<StoredCampaign | null> {
    const [row] = await tx.query(
      `SELECT ${this.reader.select('c')}, o.kind AS "initiatorKind" FROM campaign c
       LEFT JOIN organizer o ON o.id = c.initiator_id WHERE c.id = ?${tx.dialect.lockForUpdate('c')}`, [key]);
    if (!row) return null;
    const campaign = this.reader.hydrate(row);
    const patrons = await tx.query<{ k: number }>(
      'SELECT patron_id AS k FROM campaign_patron WHERE campaign_id = ? ORDER BY position, patron_id', [key]);
    return {
      campaign,
      values: {
        slug: campaign.slug,
        name: { de: campaign.nameDe, fr: campaign.nameFr, en: campaign.nameEn },
        startsOn: campaign.startsOn,
        endsOn: campaign.endsOn,
        initiator: campaign.initiatorId === null ? null : { key: campaign.initiatorId, kind: row.initiatorKind as OrganizerKind },
        patronKeys: patrons.map((p) => Number(p.k)),
      },
    };
  }

  private async finish(tx: SqlExecutor, viewer: Viewer, action: string, key: number, before: StoredCampaign | null): Promise<Campaign> {
    const after = await this.read(tx, key);
    if (after === null) throw new Error(`campaign ${key} vanished inside its own transaction`);
    const at = Date.now();
    if (before !== null) await this.touchEvents(tx, 'campaign', key, at);
    await this.audit.record(tx, {
      at,
      actor: viewer.keyName ?? viewer.role,
      action,
      entityType: 'Campaign',
      entityId: toGlobalId('Campaign', key),
      changes: changesBetween(before === null ? null : campaignSnapshot(before.values), campaignSnapshot(after.values)),
    });
    return after.campaign;
  }
}

function rowColumns(v: CampaignValues): [string, SqlValue][] {
  return [
    ['slug', v.slug], ['name_de', v.name.de], ['name_fr', v.name.fr], ['name_en', v.name.en],
    ['starts_on', v.startsOn], ['ends_on', v.endsOn], ['initiator_id', v.initiator?.key ?? null],
  ];
}

/** Rewrites the campaign's patrons, in order, when they differ from `before` (always when null). */
async function writePatrons(tx: SqlExecutor, key: number, patronKeys: number[], before: number[] | null): Promise<void> {
  if (before !== null && isDeepStrictEqual(before, patronKeys)) return;
  if (before !== null) await tx.query('DELETE FROM campaign_patron WHERE campaign_id = ?', [key]);
  await insertRows(tx, 'campaign_patron', ['campaign_id', 'patron_id', 'position'], patronKeys.map((p, i) => [key, p, i]));
}

/** True for the error of a write that lost the race for a campaign slug. */
function isSlugClash(err: unknown): boolean {
  const e = err as { message?: string; constraint?: string; driverError?: { constraint?: string } } | null;
  return e?.driverError?.constraint === 'uq_campaign_slug' || e?.constraint === 'uq_campaign_slug'
    || /UNIQUE constraint failed: campaign\.slug/.test(e?.message ?? '');
}
