import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The person to ask about an event (name, e-mail, phone in E.164; what imports read from
 * ICS ORGANIZER and CSV contact columns) and whether it runs whole days (an all-day event
 * keeps local midnights with an exclusive end, as RFC 5545's VALUE=DATE does).
 */
export class EventContactAndAllDay1764000000007 implements MigrationInterface {
  name = 'EventContactAndAllDay1764000000007';

  async up(q: QueryRunner): Promise<void> {
    // Plain ALTER TABLE, as in 1764000000004: TypeORM's addColumn rebuilds a SQLite table, and
    // dropping `event` would cascade to its links. Both engines add these columns in place
    // (a constant default is no table rewrite on PostgreSQL 11+ either).
    await q.query('ALTER TABLE "event" ADD COLUMN "contact_name" varchar(200)');
    await q.query('ALTER TABLE "event" ADD COLUMN "contact_email" varchar(300)');
    await q.query('ALTER TABLE "event" ADD COLUMN "contact_phone" varchar(40)');
    // Each engine's spelling of the default, as TypeORM reads it back (SQLite stores 0/1).
    const no = q.connection.options.type === 'postgres' ? 'false' : '(0)';
    await q.query(`ALTER TABLE "event" ADD COLUMN "all_day" boolean NOT NULL DEFAULT ${no}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const column of ['all_day', 'contact_phone', 'contact_email', 'contact_name']) {
      await q.query(`ALTER TABLE "event" DROP COLUMN "${column}"`);
    }
  }
}
