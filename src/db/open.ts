import type { DataSource } from 'typeorm';
import { createDataSource, type DataSourceSettings, type EntityList } from './data-source';
import { Database } from './database';

/** An open database with every migration applied, for these entities (see EntityList). */
export async function openDatabase(url: string, entities: EntityList, options: DataSourceSettings = {}): Promise<Database> {
  const dataSource: DataSource = createDataSource(url, entities, options);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (err) {
    await dataSource.destroy();
    throw err;
  }
  return new Database(dataSource);
}

/** True when no migration is pending: what /readyz asks. */
export async function migrationsApplied(db: Database): Promise<boolean> {
  return !(await db.dataSource.showMigrations());
}
