import type { MigrationInterface, QueryRunner } from 'typeorm';
import { readNutsRegions } from '../src/demo-data/nuts-regions';

// Regions are reference data every event points at, so they come with the schema rather
// than with the demo data: a database without demo data still accepts events anywhere.
export class LoadNutsRegions1764000000001 implements MigrationInterface {
  name = 'LoadNutsRegions1764000000001';

  async up(q: QueryRunner): Promise<void> {
    const rows = readNutsRegions();
    const pg = q.connection.options.type === 'postgres';
    for (let i = 0; i < rows.length; i += 100) {
      const chunk = rows.slice(i, i + 100);
      const values: unknown[] = [];
      const tuples = chunk.map((r, j) => {
        values.push(r.code, r.parentCode, r.level, r.country, r.nameDe, r.nameFr);
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
