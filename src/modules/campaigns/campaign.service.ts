import { BY_KEY, type Database } from '../../db/database';
import { entityReader, type EntityReader } from '../../db/entity-reader';
import { Campaign } from './campaign.entity';

/** Reads campaigns. */
export class CampaignService {
  private readonly reader: EntityReader<Campaign>;

  constructor(private readonly db: Database) {
    this.reader = entityReader(db.dataSource, Campaign);
  }

  /** Every campaign, the latest first. */
  async all(): Promise<Campaign[]> {
    const rows = await this.db.query(`SELECT ${this.reader.select('c')} FROM campaign c ORDER BY c.starts_on DESC, c.id`);
    return rows.map((r) => this.reader.hydrate(r));
  }

  async byIds(ids: readonly number[]): Promise<Campaign[]> {
    const keys = this.db.dialect.keyIn('c.id', ids);
    const rows = await this.db.query(`SELECT ${this.reader.select('c')} FROM campaign c WHERE ${keys.sql}`, keys.params, BY_KEY);
    return rows.map((r) => this.reader.hydrate(r));
  }

  async bySlugs(slugs: readonly string[]): Promise<Campaign[]> {
    const keys = this.db.dialect.keyIn('c.slug', slugs);
    const rows = await this.db.query(`SELECT ${this.reader.select('c')} FROM campaign c WHERE ${keys.sql}`, keys.params, BY_KEY);
    return rows.map((r) => this.reader.hydrate(r));
  }

  /** The campaigns patrons stand behind. */
  async byPatrons(patronIds: readonly number[]): Promise<{ key: number; value: Campaign }[]> {
    const keys = this.db.dialect.keyIn('l.patron_id', patronIds);
    const rows = await this.db.query(
      `SELECT l.patron_id AS "linkKey", ${this.reader.select('c')}
       FROM campaign_patron l JOIN campaign c ON c.id = l.campaign_id
       WHERE ${keys.sql} ORDER BY l.patron_id, c.starts_on DESC, c.id`,
      keys.params, BY_KEY,
    );
    return rows.map((r) => ({ key: Number(r.linkKey), value: this.reader.hydrate(r) }));
  }
}
