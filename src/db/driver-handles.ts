import type BetterSqlite3 from 'better-sqlite3';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

// The connections TypeORM's drivers opened, which TypeORM keeps in fields it does not
// type: node-postgres' pool and better-sqlite3's connection. We reach them for the fast
// read path (direct-query: TypeORM's own query path cost a quarter of a point lookup's
// CPU), for the pool's counts in the metrics and for its idle-client errors. The casts
// live here only, so a TypeORM upgrade that renames these fields breaks one file.

/** node-postgres' pool of a PostgreSQL data source; undefined on SQLite (or before it is opened). */
export function postgresPoolOf(dataSource: DataSource): Pool | undefined {
  if (dataSource.options.type !== 'postgres') return undefined;
  return (dataSource.driver as unknown as { master?: Pool }).master;
}

/** better-sqlite3's one connection of a SQLite data source (open once the data source is). */
export function sqliteConnectionOf(dataSource: DataSource): BetterSqlite3.Database {
  return (dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
}
