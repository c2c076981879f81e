import { Table, TableIndex, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';

// Written with TypeORM's Table API so one file runs unchanged on SQLite and PostgreSQL:
// the driver maps the column types. Times are bigint epoch milliseconds everywhere.

const id = (name = 'id'): TableColumnOptions => ({
  name, type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment',
});
const str = (name: string, length: number, isNullable = false): TableColumnOptions => ({
  name, type: 'varchar', length: String(length), isNullable,
});
const int = (name: string, isNullable = false, dflt?: number): TableColumnOptions => ({
  name, type: 'integer', isNullable, ...(dflt === undefined ? {} : { default: dflt }),
});
const ms = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'bigint', isNullable });
const text = (name: string, isNullable = true): TableColumnOptions => ({ name, type: 'text', isNullable });
const flag = (name: string): TableColumnOptions => ({ name, type: 'boolean' });
const fk = (columnNames: string[], table: string, onDelete: 'CASCADE' | 'SET NULL' | 'RESTRICT' = 'RESTRICT', referencedColumnNames = ['id']) => ({
  columnNames, referencedTableName: table, referencedColumnNames, onDelete,
});
const localized = (base: string, length: number, required: boolean): TableColumnOptions[] => [
  str(`${base}_de`, length, !required), str(`${base}_fr`, length, true), str(`${base}_en`, length, true),
];
const idx = (name: string, columnNames: string[], isUnique = false) => new TableIndex({ name, columnNames, isUnique });

export class CreateClusterGraph1764000000000 implements MigrationInterface {
  name = 'CreateClusterGraph1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'app_meta',
      columns: [{ ...str('key', 64), isPrimary: true }, text('value', false)],
    }));

    await q.createTable(new Table({
      name: 'region',
      columns: [
        { ...str('code', 8), isPrimary: true }, str('parent_code', 8, true), int('level'), str('country', 2),
        ...localized('name', 200, true),
      ],
      foreignKeys: [fk(['parent_code'], 'region', 'RESTRICT', ['code'])],
      indices: [idx('idx_region_parent', ['parent_code'])],
    }));

    await q.createTable(new Table({
      name: 'organizer',
      columns: [
        id(), str('kind', 16), ...localized('name', 300, true), str('name_sort', 300),
        str('region_code', 8, true), str('website', 500, true), flag('synthetic'),
        str('short_name', 40, true), str('level', 16, true), text('topics'), str('scope', 16, true), text('countries'),
      ],
      foreignKeys: [fk(['region_code'], 'region', 'RESTRICT', ['code'])],
      // The unnamed index on kind is the one TypeORM keeps on every inheritance discriminator.
      indices: [
        idx('idx_organizer_kind_sort', ['kind', 'name_sort']), idx('idx_organizer_region', ['region_code']),
        new TableIndex({ columnNames: ['kind'] }),
      ],
    }));

    await q.createTable(new Table({
      name: 'contact',
      columns: [
        id(), int('organizer_id'), int('position', false, 0), str('name', 200), ...localized('role', 300, false),
        str('email', 300, true), str('phone', 40, true),
      ],
      foreignKeys: [fk(['organizer_id'], 'organizer', 'CASCADE')],
      indices: [idx('idx_contact_organizer', ['organizer_id', 'position'])],
    }));

    await q.createTable(new Table({
      name: 'network_member',
      columns: [{ ...int('network_id'), isPrimary: true }, { ...int('initiative_id'), isPrimary: true }],
      foreignKeys: [fk(['network_id'], 'organizer', 'CASCADE'), fk(['initiative_id'], 'organizer', 'CASCADE')],
      indices: [idx('idx_network_member_initiative', ['initiative_id', 'network_id'])],
    }));

    await q.createTable(new Table({
      name: 'network_partner',
      columns: [{ ...int('network_id'), isPrimary: true }, { ...int('partner_id'), isPrimary: true }],
      foreignKeys: [fk(['network_id'], 'organizer', 'CASCADE'), fk(['partner_id'], 'organizer', 'CASCADE')],
      indices: [idx('idx_network_partner_partner', ['partner_id', 'network_id'])],
    }));

    await q.createTable(new Table({
      name: 'patron',
      columns: [
        id(), str('name', 200), str('honorific', 60, true), ...localized('office', 300, false),
        int('ministry_id', true), str('image_credit', 300, true),
      ],
      foreignKeys: [fk(['ministry_id'], 'organizer', 'SET NULL')],
      indices: [idx('idx_patron_ministry', ['ministry_id'])],
    }));

    await q.createTable(new Table({
      name: 'campaign',
      columns: [
        id(), str('slug', 100), ...localized('name', 300, true), str('starts_on', 10), str('ends_on', 10),
        int('initiator_id', true),
      ],
      foreignKeys: [fk(['initiator_id'], 'organizer', 'SET NULL')],
      indices: [idx('uq_campaign_slug', ['slug'], true), idx('idx_campaign_initiator', ['initiator_id'])],
    }));

    await q.createTable(new Table({
      name: 'campaign_patron',
      columns: [{ ...int('campaign_id'), isPrimary: true }, { ...int('patron_id'), isPrimary: true }, int('position', false, 0)],
      foreignKeys: [fk(['campaign_id'], 'campaign', 'CASCADE'), fk(['patron_id'], 'patron', 'CASCADE')],
      indices: [idx('idx_campaign_patron_patron', ['patron_id', 'campaign_id'])],
    }));

    await q.createTable(new Table({
      name: 'event',
      columns: [
        id(), str('slug', 200), ...localized('title', 1200, true), str('title_sort', 1200),
        text('description_de'), text('description_fr'), text('description_en'),
        str('category', 32), str('status', 16), ms('starts_at'), ms('ends_at', true), str('starts_local', 19),
        str('time_zone', 64),
        str('venue_name', 300, true), str('venue_street', 300, true), str('venue_postal_code', 20, true),
        str('venue_city', 200, true), str('venue_country', 2, true),
        { name: 'venue_latitude', type: 'double precision', isNullable: true },
        { name: 'venue_longitude', type: 'double precision', isNullable: true },
        str('region_code', 8), str('country', 2), str('nuts1', 3, true), str('nuts2', 4, true),
        int('campaign_id', true), text('languages', false), str('url', 1000, true), str('registration_url', 1000, true),
        flag('synthetic'), int('version', false, 1), ms('created_at'), ms('updated_at'),
      ],
      foreignKeys: [fk(['region_code'], 'region', 'RESTRICT', ['code']), fk(['campaign_id'], 'campaign', 'SET NULL')],
      indices: [
        idx('uq_event_slug', ['slug'], true),
        idx('idx_event_status_start', ['status', 'starts_at', 'id']),
        idx('idx_event_status_updated', ['status', 'updated_at', 'id']),
        idx('idx_event_status_title', ['status', 'title_sort', 'id']),
        idx('idx_event_country_start', ['country', 'starts_at']),
        idx('idx_event_nuts1_start', ['nuts1', 'starts_at']),
        idx('idx_event_nuts2_start', ['nuts2', 'starts_at']),
        idx('idx_event_region_start', ['region_code', 'starts_at']),
        idx('idx_event_category_start', ['category', 'starts_at']),
        idx('idx_event_campaign_start', ['campaign_id', 'starts_at']),
      ],
    }));

    await q.createTable(new Table({
      name: 'event_organizer',
      columns: [{ ...int('event_id'), isPrimary: true }, { ...int('organizer_id'), isPrimary: true }, int('position', false, 0)],
      foreignKeys: [fk(['event_id'], 'event', 'CASCADE'), fk(['organizer_id'], 'organizer', 'RESTRICT')],
      indices: [idx('idx_event_organizer_organizer', ['organizer_id', 'event_id'])],
    }));

    await q.createTable(new Table({
      name: 'event_patron',
      columns: [{ ...int('event_id'), isPrimary: true }, { ...int('patron_id'), isPrimary: true }, int('position', false, 0)],
      foreignKeys: [fk(['event_id'], 'event', 'CASCADE'), fk(['patron_id'], 'patron', 'RESTRICT')],
      indices: [idx('idx_event_patron_patron', ['patron_id', 'event_id'])],
    }));

    if (q.connection.options.type === 'postgres') {
      // Sort keys compare as bytes on SQLite; make PostgreSQL do the same instead of using
      // the server's locale, so TITLE_ASC and name orders are identical on both.
      await q.query('ALTER TABLE "event" ALTER COLUMN "title_sort" TYPE varchar(1200) COLLATE "C"');
      await q.query('ALTER TABLE "organizer" ALTER COLUMN "name_sort" TYPE varchar(300) COLLATE "C"');
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'event_patron', 'event_organizer', 'event', 'campaign_patron', 'campaign', 'patron',
      'network_partner', 'network_member', 'contact', 'organizer', 'region', 'app_meta',
    ]) {
      await q.dropTable(table);
    }
  }
}
