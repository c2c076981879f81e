import type { DataSource } from 'typeorm';
import { createDataSource, type DataSourceSettings } from './data-source';
import { Database } from './database';

/** An open database with every migration applied. */
export async function openDatabase(url: string, options: DataSourceSettings = {}): Promise<Database> {
  const dataSource: DataSource = createDataSource(url, options);
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
