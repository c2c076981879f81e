import type { MigrationInterface, QueryRunner } from 'typeorm';
import { indexEvents, type MigrationExecutor } from './frozen/event-search-index';

// The full-text index of events (EventFilter.text), in each engine's own machinery; see
// src/modules/events/event-search.ts (the events already there are indexed by the
// migration's own frozen copy of its logic, ./frozen/event-search-index.ts). Not an entity on either database, so TypeORM's
// schema builder neither creates nor drops it.
//
// SQLite: a contentless FTS5 table (rowid = event id) and a trigger that removes an
// event's entry with the event. A migration that rebuilds the event table on SQLite (as
// TypeORM does to change a column) drops the trigger with it and must create it again.
// PostgreSQL: a table with a tsvector per event, a GIN index, and a cascading foreign key.
export class EventSearch1764000000002 implements MigrationInterface {
  name = 'EventSearch1764000000002';

  async up(q: QueryRunner): Promise<void> {
    const tx = executorOf(q);
    if (tx.kind === 'sqlite') {
      await q.query(
        `CREATE VIRTUAL TABLE event_search USING fts5(
           document, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
         )`,
      );
      await q.query(
        `CREATE TRIGGER event_search_unindex AFTER DELETE ON event
         BEGIN DELETE FROM event_search WHERE rowid = OLD.id; END`,
      );
    } else {
      await q.query(
        `CREATE TABLE event_search (
           event_id integer PRIMARY KEY REFERENCES event (id) ON DELETE CASCADE,
           document tsvector NOT NULL
         )`,
      );
      await q.query('CREATE INDEX idx_event_search_document ON event_search USING GIN (document)');
    }
    // Index what is there already, 5,000 events at a time.
    for (let after = 0; ;) {
      const rows = await tx.query<{ id: number }>('SELECT id FROM event WHERE id > ? ORDER BY id LIMIT 5000', [after]);
      if (rows.length === 0) break;
      const ids = rows.map((r) => Number(r.id));
      await indexEvents(tx, ids);
      after = ids[ids.length - 1];
    }
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'postgres') await q.query('DROP TRIGGER IF EXISTS event_search_unindex');
    await q.query('DROP TABLE IF EXISTS event_search');
  }
}

/** The migration's query runner as the executor indexEvents takes (`?` placeholders). */
function executorOf(q: QueryRunner): MigrationExecutor {
  if (q.connection.options.type !== 'postgres') {
    return { kind: 'sqlite', query: async (sql, params = []) => q.query(sql, params) };
  }
  return {
    kind: 'postgres',
    query: async (sql, params = []) => {
      let n = 0;
      return q.query(sql.replace(/\?/g, () => `$${++n}`), params);
    },
  };
}
