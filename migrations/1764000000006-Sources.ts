import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Sources of imported events (other calendars and spreadsheets), every pull of one, and
 * the provenance of events: `event_source` links an event to each (source, the source's
 * own id) that announces it, so one event fed by several sources (a merge) keeps all of
 * them. The event table itself is left alone: no column, no index of its hot paths changes.
 */
export class Sources1764000000006 implements MigrationInterface {
  name = 'Sources1764000000006';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'source',
      columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        { name: 'name', type: 'varchar', length: '100' },
        { name: 'url', type: 'varchar', length: '2000', isNullable: true },
        { name: 'format', type: 'varchar', length: '8' },
        { name: 'mapping', type: 'text' },
        { name: 'owner_id', type: 'integer', isNullable: true },
        { name: 'trusted', type: 'boolean' },
        { name: 'interval_minutes', type: 'integer' },
        { name: 'etag', type: 'varchar', length: '500', isNullable: true },
        { name: 'last_modified', type: 'varchar', length: '100', isNullable: true },
        { name: 'last_run_at', type: 'bigint', isNullable: true },
        { name: 'next_due_at', type: 'bigint', isNullable: true },
        { name: 'created_at', type: 'bigint' },
        { name: 'updated_at', type: 'bigint' },
      ],
      foreignKeys: [{ columnNames: ['owner_id'], referencedTableName: 'organizer', referencedColumnNames: ['id'], onDelete: 'SET NULL' }],
      indices: [
        new TableIndex({ name: 'uq_source_name', columnNames: ['name'], isUnique: true }),
        new TableIndex({ name: 'idx_source_next_due', columnNames: ['next_due_at'] }),
      ],
    }));

    await q.createTable(new Table({
      name: 'source_run',
      columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        { name: 'source_id', type: 'integer' },
        { name: 'started_at', type: 'bigint' },
        { name: 'finished_at', type: 'bigint' },
        { name: 'result', type: 'varchar', length: '16' },
        { name: 'created', type: 'integer' },
        { name: 'updated', type: 'integer' },
        { name: 'unchanged', type: 'integer' },
        { name: 'rejected', type: 'integer' },
        { name: 'cancelled', type: 'integer' },
        { name: 'error', type: 'text', isNullable: true },
        { name: 'rejected_items', type: 'text', isNullable: true },
      ],
      foreignKeys: [{ columnNames: ['source_id'], referencedTableName: 'source', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      indices: [new TableIndex({ name: 'idx_source_run_source', columnNames: ['source_id', 'started_at', 'id'] })],
    }));

    await q.createTable(new Table({
      name: 'event_source',
      columns: [
        { name: 'source_id', type: 'integer', isPrimary: true },
        { name: 'external_id', type: 'varchar', length: '500', isPrimary: true },
        { name: 'event_id', type: 'integer' },
        { name: 'content_hash', type: 'varchar', length: '64' },
        { name: 'imported_at', type: 'bigint' },
        { name: 'last_seen_at', type: 'bigint' },
        { name: 'vanished_at', type: 'bigint', isNullable: true },
        { name: 'merged_by', type: 'varchar', length: '500', isNullable: true },
      ],
      foreignKeys: [
        { columnNames: ['source_id'], referencedTableName: 'source', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        { columnNames: ['event_id'], referencedTableName: 'event', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
      ],
      indices: [new TableIndex({ name: 'idx_event_source_event', columnNames: ['event_id', 'imported_at'] })],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('event_source');
    await q.dropTable('source_run');
    await q.dropTable('source');
  }
}
