import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { types as pgTypes } from 'pg';
import { StatementCountingLogger, type StatementTracer } from './query-stats';
import { AppMeta } from './app-meta.entity';
import { MIGRATIONS } from './migrations';
import { applySqlitePragmas } from './sqlite-pragmas';

/** Which engine a DATABASE_URL selects. */
export type DatabaseKind = 'sqlite' | 'postgres';

export function databaseKindOf(url: string): DatabaseKind {
  return url.startsWith('postgres') ? 'postgres' : 'sqlite';
}

/** Which engine an opened data source runs on. */
export function dataSourceKind(dataSource: DataSource): DatabaseKind {
  return dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
}

// PostgreSQL returns int8 (our epoch-millisecond columns, COUNT(*)) as strings; every such
// value we store fits in a double exactly, so parse them as numbers once, here.
pgTypes.setTypeParser(20, (v) => Number(v));

/**
 * The application's entities: the modules' and auth's, given by whoever opens the database
 * (db/ sits below the modules and names none of them); db/ adds its own (app_meta).
 */
export type EntityList = readonly Function[];

/** How a data source is opened beyond its URL. */
export interface DataSourceSettings {
  poolSize?: number;
  /** Called with every statement sent (only set when someone reads them: it costs). */
  traceSql?: StatementTracer;
}

/**
 * A TypeORM data source for a DATABASE_URL (`sqlite:<path>`, `sqlite::memory:`,
 * `postgres://…`). Migrations come from migrations/; synchronize is never on.
 */
export function createDataSource(url: string, entities: EntityList, options: DataSourceSettings = {}): DataSource {
  const logger = new StatementCountingLogger(undefined, options.traceSql);
  const allEntities: Function[] = [AppMeta, ...entities];
  const common = {
    entities: allEntities,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    logger,
    logging: true,
  } as const;
  let opts: DataSourceOptions;
  if (databaseKindOf(url) === 'postgres') {
    // A connection attempt gives up after 10 s: an unreachable server fails a request (and
    // the start) with an error instead of hanging it; application_name shows in pg_stat_activity.
    opts = {
      ...common, type: 'postgres', url, poolSize: options.poolSize ?? 10, connectTimeoutMS: 10_000, applicationName: 'clustergraph',
    } as DataSourceOptions;
  } else {
    const path = url.slice('sqlite:'.length);
    const database = path === ':memory:' ? ':memory:' : resolve(path);
    if (database !== ':memory:') mkdirSync(dirname(database), { recursive: true });
    opts = {
      ...common,
      type: 'better-sqlite3',
      database,
      statementCacheSize: 500,
      // Reads wait for a moment of another process's checkpoint; writes go through SqliteWriter.
      prepareDatabase: (db: { pragma(s: string): unknown }) => applySqlitePragmas(db, 5000),
    } as DataSourceOptions;
  }
  return new DataSource(opts);
}
