import { BY_KEY, type Database } from '../../db/database';
import { entityReader, type EntityReader } from '../../db/entity-reader';
import { Patron } from './patron.entity';

/** Reads patrons and the patrons of events, campaigns and ministries. */
export class PatronService {
  private readonly reader: EntityReader<Patron>;

  constructor(private readonly db: Database) {
    this.reader = entityReader(db.dataSource, Patron);
  }

  async all(): Promise<Patron[]> {
    const rows = await this.db.query(`SELECT ${this.reader.select('p')} FROM patron p ORDER BY p.id`);
    return rows.map((r) => this.reader.hydrate(r));
  }

  async byIds(ids: readonly number[]): Promise<Patron[]> {
    const keys = this.db.dialect.keyIn('p.id', ids);
    const rows = await this.db.query(`SELECT ${this.reader.select('p')} FROM patron p WHERE ${keys.sql}`, keys.params, BY_KEY);
    return rows.map((r) => this.reader.hydrate(r));
  }

  /** Patrons through a link table (event_patron, campaign_patron), in the link's order. */
  async linked(table: 'event_patron' | 'campaign_patron', keyColumn: string, keys: readonly number[]): Promise<{ key: number; value: Patron }[]> {
    const inKeys = this.db.dialect.keyIn(`l.${keyColumn}`, keys);
    const rows = await this.db.query(
      `SELECT l.${keyColumn} AS "linkKey", ${this.reader.select('p')}
       FROM ${table} l JOIN patron p ON p.id = l.patron_id
       WHERE ${inKeys.sql} ORDER BY l.${keyColumn}, l.position, p.id`,
      inKeys.params, BY_KEY,
    );
    return rows.map((r) => ({ key: Number(r.linkKey), value: this.reader.hydrate(r) }));
  }

  async byMinistries(ministryIds: readonly number[]): Promise<{ key: number; value: Patron }[]> {
    const keys = this.db.dialect.keyIn('p.ministry_id', ministryIds);
    const rows = await this.db.query(
      `SELECT ${this.reader.select('p')} FROM patron p WHERE ${keys.sql} ORDER BY p.ministry_id, p.id`, keys.params, BY_KEY);
    return rows.map((r) => {
      const p = this.reader.hydrate(r);
      return { key: p.ministryId as number, value: p };
    });
  }
}
