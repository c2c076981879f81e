import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The event change log (src/modules/changes/): one entry per change some viewer sees,
 * written in the change's transaction, read by sequence (the primary key) and pruned by
 * time (idx_event_change_at). On SQLite the sequence is AUTOINCREMENT, so an id is never
 * handed out twice even after pruning; on PostgreSQL a sequence never goes back anyway.
 */
export class EventChangeLog1764000000104 implements MigrationInterface {
  name = 'EventChangeLog1764000000104';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'event_change',
      columns: [
        { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        { name: 'event_id', type: 'integer' },
        { name: 'kind', type: 'varchar', length: '16' },
        { name: 'version', type: 'integer' },
        { name: 'status', type: 'varchar', length: '16' },
        { name: 'previous_status', type: 'varchar', length: '16', isNullable: true },
        { name: 'dropped_organizer_ids', type: 'text', isNullable: true },
        { name: 'at', type: 'bigint' },
      ],
      indices: [new TableIndex({ name: 'idx_event_change_at', columnNames: ['at'] })],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('event_change');
  }
}
