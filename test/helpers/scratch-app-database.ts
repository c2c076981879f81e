import type { Database } from '../../src/db/database';
import { openAppDatabase } from '../../src/server/app-database';
import { createScratchDatabase, type ScratchDatabase } from './test-database';

/**
 * A fresh, migrated database of the application for the tests of one file or `describe`
 * block: opened before them, closed and dropped after. Read `db` inside the tests.
 */
export function useScratchAppDatabase(): { readonly db: Database } {
  let scratch: ScratchDatabase | undefined;
  let db: Database | undefined;
  beforeAll(async () => {
    scratch = await createScratchDatabase();
    db = await openAppDatabase(scratch.url);
  });
  afterAll(async () => {
    await db?.dataSource.destroy();
    await scratch?.drop();
  });
  return {
    get db(): Database {
      if (!db) throw new Error('the scratch database is opened in beforeAll: use it inside a test');
      return db;
    },
  };
}
