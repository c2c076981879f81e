import { loadConfig, type Config } from '../../src/config';
import { openAppDatabase } from '../../src/server/app-database';
import type { Database } from '../../src/db/database';
import { createLogger, type Logger } from '../../src/logger';
import { startGateway, type Gateway } from '../../src/server/app';
import { ensureDemoData } from '../../src/demo-data/seed-state';
import { createScratchDatabase, type ScratchDatabase } from './test-database';

/** A real gateway on a real, fresh database, listening on a free local port. */
export interface TestServer {
  url: string;
  db: Database;
  gateway: Gateway;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Load the demo data (default true). */
  demo?: boolean;
  /** Environment overrides, as the process would see them. */
  env?: Record<string, string>;
  /** Runs against the database before the server starts (e.g. to seed more data). */
  prepare?: (db: Database) => Promise<void>;
  /** The gateway's logger (default: silent). */
  logger?: Logger;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const scratch: ScratchDatabase = await createScratchDatabase();
  const config: Config = loadConfig({
    PORT: '0', HOST: '127.0.0.1', DATABASE_URL: scratch.url, LOG_LEVEL: 'silent', EXPOSE_QUERY_STATS: 'true',
    // Every test talks from 127.0.0.1; the tests of the rate limits set their own low ones.
    RATE_LIMIT_PUBLIC_PER_MIN: '1000000', RATE_LIMIT_KEY_PER_MIN: '1000000',
    // GRAPHQL_EXECUTOR=jit npx jest … runs any suite on the other executor.
    ...(process.env.GRAPHQL_EXECUTOR ? { GRAPHQL_EXECUTOR: process.env.GRAPHQL_EXECUTOR } : {}),
    ...options.env,
  });
  const db = await openAppDatabase(config.databaseUrl, { poolSize: 4 });
  if (options.demo !== false) await ensureDemoData(db);
  if (options.prepare) await options.prepare(db);
  const gateway = await startGateway(config, db, options.logger ?? createLogger('silent'));
  return {
    url: gateway.url,
    db,
    gateway,
    close: async () => {
      await gateway.close();
      if (db.dataSource.isInitialized) await db.dataSource.destroy(); // a test may have closed it
      await scratch.drop();
    },
  };
}
