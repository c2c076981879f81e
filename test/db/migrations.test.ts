import { useScratchAppDatabase } from '../helpers/scratch-app-database';

const scratch = useScratchAppDatabase();

/**
 * The one deliberate difference: on PostgreSQL the sort keys are COLLATE "C" (byte order,
 * as on SQLite), which an entity cannot say for one driver only. TypeORM would undo it,
 * dropping and re-creating the two indexes on those columns.
 */
function isSortKeyCollation(sql: string): boolean {
  return /COLLATE/.test(sql) || /idx_organizer_kind_sort|idx_event_status_title/.test(sql);
}

describe('migrations', () => {
  it('build exactly the schema the entities describe (TypeORM finds nothing to synchronize)', async () => {
    const pending = await scratch.db.dataSource.driver.createSchemaBuilder().log();
    const statements = pending.upQueries.map((q) => q.query);
    const unexpected = scratch.db.kind === 'postgres' ? statements.filter((s) => !isSortKeyCollation(s)) : statements;
    expect(unexpected).toEqual([]);
  });

  it('are all applied, and running them again changes nothing', async () => {
    expect(await scratch.db.dataSource.showMigrations()).toBe(false);
    expect(await scratch.db.dataSource.runMigrations()).toEqual([]);
  });

  it('load all 506 NUTS regions with their parents', async () => {
    const [row] = await scratch.db.query<{ n: number; orphans: number }>(
      `SELECT COUNT(*) AS n, SUM(CASE WHEN r.level > 0 AND p.code IS NULL THEN 1 ELSE 0 END) AS orphans
       FROM region r LEFT JOIN region p ON p.code = r.parent_code`,
    );
    expect(Number(row.n)).toBe(506);
    expect(Number(row.orphans)).toBe(0);
  });

  it('undo cleanly and apply again', async () => {
    await scratch.db.dataSource.undoLastMigration();
    await scratch.db.dataSource.undoLastMigration();
    expect(await scratch.db.dataSource.showMigrations()).toBe(true);
    await scratch.db.dataSource.runMigrations();
    const [row] = await scratch.db.query<{ n: number }>('SELECT COUNT(*) AS n FROM region');
    expect(Number(row.n)).toBe(506);
  });
});
