import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who cancelled an event, as a column: 'IMPORT' (its source called it cancelled, or it
 * vanished from every source; a later import may undo it) or 'EDITOR' (a person, whose
 * cancellation stays). Until now imports told theirs apart by how the reason text began;
 * the backfill reads those same two beginnings, as the imports of that time wrote them, so
 * events cancelled before this migration keep behaving as they did.
 */
export class EventCancellationOrigin1764000000103 implements MigrationInterface {
  name = 'EventCancellationOrigin1764000000103';

  async up(q: QueryRunner): Promise<void> {
    // Plain ALTER TABLE, as in 1764000000004: TypeORM's addColumn rebuilds a SQLite table.
    await q.query('ALTER TABLE "event" ADD COLUMN "cancelled_by" varchar(16)');
    // substr, not LIKE: SQLite's LIKE ignores case, PostgreSQL's does not.
    const startsWith = (prefix: string) => `substr("status_reason", 1, ${prefix.length}) = '${prefix.replace(/'/g, "''")}'`;
    await q.query(
      `UPDATE "event" SET "cancelled_by" = CASE
         WHEN ${startsWith(IMPORT_REASON_STARTS[0])} OR ${startsWith(IMPORT_REASON_STARTS[1])} THEN 'IMPORT'
         ELSE 'EDITOR' END
       WHERE "status" = 'CANCELLED'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "event" DROP COLUMN "cancelled_by"');
  }
}

/** How the reasons of an import's cancellations began (by its source, vanished from it). */
const IMPORT_REASON_STARTS = ['Cancelled by its source "', 'No longer announced by its source "'] as const;
