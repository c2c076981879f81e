import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * What the event mutations need: the reason of a rejection or cancellation on the event,
 * and the audit trail every accepted change is recorded in (see src/modules/audit/).
 */
export class EventWritesAndAudit1764000000004 implements MigrationInterface {
  name = 'EventWritesAndAudit1764000000004';

  async up(q: QueryRunner): Promise<void> {
    // Plain ALTER TABLE on purpose: TypeORM's addColumn rebuilds a SQLite table (copy, drop,
    // rename), and dropping `event` with foreign keys on would cascade to its organiser and
    // patron links. Both engines add (and drop) a nullable column in place.
    await q.query('ALTER TABLE "event" ADD COLUMN "status_reason" varchar(2000)');

    await q.createTable(new Table({
      name: 'audit_entry',
      columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        { name: 'at', type: 'bigint' },
        { name: 'actor', type: 'varchar', length: '200' },
        { name: 'action', type: 'varchar', length: '64' },
        { name: 'entity_type', type: 'varchar', length: '32' },
        { name: 'entity_id', type: 'varchar', length: '64' },
        { name: 'changes', type: 'text', isNullable: true },
      ],
      indices: [
        new TableIndex({ name: 'idx_audit_entry_at', columnNames: ['at', 'id'] }),
        new TableIndex({ name: 'idx_audit_entry_entity', columnNames: ['entity_id', 'at', 'id'] }),
      ],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('audit_entry');
    await q.query('ALTER TABLE "event" DROP COLUMN "status_reason"');
  }
}
