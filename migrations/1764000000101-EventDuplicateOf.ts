import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The published event an imported one may duplicate. An untrusted source's record that
 * matches another source's event is not merged into it (that would hand the source's owner
 * an event it never had): it becomes its own SUBMITTED event, and this column tells the
 * moderator which event it seems to repeat.
 */
export class EventDuplicateOf1764000000101 implements MigrationInterface {
  name = 'EventDuplicateOf1764000000101';

  async up(q: QueryRunner): Promise<void> {
    // Plain ALTER TABLE, as in 1764000000004: TypeORM's addColumn rebuilds a SQLite table.
    // A plain key without a foreign key: events are never deleted (they are cancelled), and
    // SQLite's ALTER TABLE can only add an inline constraint, which TypeORM cannot name.
    await q.query('ALTER TABLE "event" ADD COLUMN "duplicate_of_id" integer');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "event" DROP COLUMN "duplicate_of_id"');
  }
}
