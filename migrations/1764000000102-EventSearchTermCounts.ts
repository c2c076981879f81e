import type { MigrationInterface, QueryRunner } from 'typeorm';

// SQLite only: a read-only view of the FTS5 index of events (fts5vocab, "instance": one
// row per occurrence of a word in a document), from which orderBy RELEVANCE counts the
// query's words in each matching document (see rankJoin in
// src/modules/events/event-search.ts). FTS5's bm25 was the score before: it weighs words
// by statistics over every indexed event, hidden ones too, so submitting hidden events
// moved the public's scores. The view stores nothing; PostgreSQL's ts_rank needs no help.
export class EventSearchTermCounts1764000000102 implements MigrationInterface {
  name = 'EventSearchTermCounts1764000000102';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') return;
    await q.query('CREATE VIRTUAL TABLE event_search_instance USING fts5vocab(event_search, instance)');
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') return;
    await q.query('DROP TABLE IF EXISTS event_search_instance');
  }
}
