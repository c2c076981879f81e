import { BY_KEY, type Database } from '../../db/database';
import { entityReader, type EntityReader } from '../../db/entity-reader';
import { Region } from './region.entity';

/** Reads the NUTS tree. */
export class RegionService {
  private readonly reader: EntityReader<Region>;

  constructor(private readonly db: Database) {
    this.reader = entityReader(db.dataSource, Region);
  }

  async byCodes(codes: readonly string[]): Promise<Region[]> {
    const keys = this.db.dialect.keyIn('r.code', codes);
    const rows = await this.db.query(`SELECT ${this.reader.select('r')} FROM region r WHERE ${keys.sql}`, keys.params, BY_KEY);
    return rows.map((r) => this.reader.hydrate(r));
  }

  /** Children of regions, by code. */
  async childrenOf(codes: readonly string[]): Promise<{ key: string; value: Region }[]> {
    const keys = this.db.dialect.keyIn('r.parent_code', codes);
    const rows = await this.db.query(`SELECT ${this.reader.select('r')} FROM region r WHERE ${keys.sql} ORDER BY r.code`, keys.params, BY_KEY);
    return rows.map((row) => {
      const r = this.reader.hydrate(row);
      return { key: r.parentCode as string, value: r };
    });
  }

  /** The countries (level 0). */
  async countries(): Promise<Region[]> {
    const rows = await this.db.query(`SELECT ${this.reader.select('r')} FROM region r WHERE r.level = 0 ORDER BY r.code`);
    return rows.map((r) => this.reader.hydrate(r));
  }
}
