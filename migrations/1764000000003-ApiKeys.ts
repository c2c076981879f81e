import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** API keys: only the hash of each secret is stored (see src/auth/api-key.entity.ts). */
export class ApiKeys1764000000003 implements MigrationInterface {
  name = 'ApiKeys1764000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'api_key',
      columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        { name: 'name', type: 'varchar', length: '200' },
        { name: 'role', type: 'varchar', length: '16' },
        { name: 'organizer_id', type: 'integer', isNullable: true },
        { name: 'hash', type: 'varchar', length: '64' },
        { name: 'created_at', type: 'bigint' },
        { name: 'expires_at', type: 'bigint', isNullable: true },
        { name: 'revoked_at', type: 'bigint', isNullable: true },
      ],
      foreignKeys: [{ columnNames: ['organizer_id'], referencedTableName: 'organizer', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      indices: [
        new TableIndex({ name: 'uq_api_key_hash', columnNames: ['hash'], isUnique: true }),
        new TableIndex({ name: 'idx_api_key_organizer', columnNames: ['organizer_id'] }),
      ],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('api_key');
  }
}
