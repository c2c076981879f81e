import type { MigrationInterface, QueryRunner } from 'typeorm';
import { NUTS_2021_REGIONS } from './frozen/nuts-2021-regions';

// Regions are reference data every event points at, so they come with the schema rather
// than with the demo data: a database without demo data still accepts events anywhere.
// They come from the migration's own frozen copy, never from the application's files.
export class LoadNutsRegions1764000000001 implements MigrationInterface {
  name = 'LoadNutsRegions1764000000001';

  async up(q: QueryRunner): Promise<void> {
    const rows = NUTS_2021_REGIONS;
    const pg = q.connection.options.type === 'postgres';
    for (let i = 0; i < rows.length; i += 100) {
      const chunk = rows.slice(i, i + 100);
      const values: unknown[] = [];
      const tuples = chunk.map((r, j) => {
        values.push(...r); // code, parent_code, level, country, name_de, name_fr
        const b = j * 6;
        return pg ? `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6})` : '(?, ?, ?, ?, ?, ?)';
      });
      await q.query(
        `INSERT INTO region (code, parent_code, level, country, name_de, name_fr) VALUES ${tuples.join(', ')}`,
        values,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // Children first: SQLite checks the parent foreign key row by row.
    for (const level of [3, 2, 1, 0]) await q.query(`DELETE FROM region WHERE level = ${level}`);
  }
}
