import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig, ConfigError, type Config } from './config';
import { openAppDatabase } from './server/app-database';
import type { Database } from './db/database';
import { createLogger, type Logger } from './logger';
import { startGateway } from './server/app';
import { onTerminationSignals } from './server/shutdown';
import { describeOpenFailure } from './db/open-failure';
import { reportPoolErrors } from './db/pool-errors';
import { ensureDemoData } from './demo-data/seed-state';
import { seedSynthetic } from './demo-data/synthetic';
import { startProgress } from './cli/progress';
import { APIKEY_USAGE, apikeyCommand } from './cli/apikey';
import { ApiKeyInputError } from './auth/api-key.service';
import { IMPORT_USAGE, ImportFailure, importCommand } from './cli/import';
import { SOURCES_USAGE, sourcesCommand } from './cli/sources';
import { SYNC_USAGE, syncCommand } from './cli/sync';
import { SourceCommandError } from './cli/source-cli';
import { quote } from './shared/quote';
import { semiSpaceMbInUse } from './cli/young-generation';

const USAGE = `usage: clustergraph <command> [options]

commands:
  serve                      migrate, load the demo data into a never-seeded database, serve HTTP
  migrate                    apply pending migrations (and load the demo data if never seeded)
  seed                       load the demo data (the Clusterwoche 2017) if never seeded
  seed --synthetic --events N [--seed S]
                             add N deterministic synthetic events (same S, same data)
${APIKEY_USAGE}
${IMPORT_USAGE}
${SOURCES_USAGE}
${SYNC_USAGE}

environment: PORT, HOST, DATABASE_URL, LOG_LEVEL, EXPOSE_QUERY_STATS, DEBUG_ERRORS, … (README)`;

/** Opens the configured database the way every command does: migrations, then demo data. */
async function prepareDatabase(config: Config, logger: Logger): Promise<Database> {
  const traceSql = logger.isLevelEnabled('trace')
    ? (sql: string, params: unknown[]) => logger.trace({ sql, params }, 'sql')
    : undefined;
  const db = await openAppDatabase(config.databaseUrl, { traceSql }).catch((err: unknown) => {
    const problem = describeOpenFailure(err, config.databaseUrl);
    throw problem ? new ConfigError(problem) : err;
  });
  if (await ensureDemoData(db)) logger.info('loaded the demo data (Clusterwoche 2017)');
  return db;
}

async function serve(config: Config, logger: Logger, args: string[]): Promise<void> {
  noOptions('serve', args);
  const db = await prepareDatabase(config, logger);
  reportPoolErrors(db, (err) => logger.warn({ err: err.message }, 'a database connection failed; the pool makes a new one'));
  const gateway = await startGateway(config, db, logger);
  const v8SemiSpaceMb = semiSpaceMbInUse(process.execArgv, process.env);
  logger.info({ url: `${gateway.url}/graphql`, pid: process.pid, v8SemiSpaceMb }, 'clustergraph is serving');
  if (v8SemiSpaceMb === null && process.env.V8_SEMI_SPACE_MB?.trim() !== '0') {
    logger.info('V8 runs with its default young generation: this Node cannot restart itself with --max-semi-space-size; give the flag on the command line (docs/operators.md)');
  }
  // Stop accepting, let in-flight requests finish, close the pool; exit anyway at the deadline.
  onTerminationSignals(logger, config.shutdownTimeoutMs, async (signal) => {
    await gateway.close({ delayMs: signal === 'SIGTERM' ? config.shutdownDelayMs : 0 });
    await db.dataSource.destroy();
  });
}

/** Commands without options refuse any argument rather than ignore it. */
function noOptions(command: string, args: string[]): void {
  try {
    parseArgs({ args, options: {}, strict: true });
  } catch (err) {
    throw new UsageError(`${command}: ${(err as Error).message}`);
  }
}

async function seed(config: Config, logger: Logger, args: string[]): Promise<void> {
  let values: { synthetic?: boolean; events?: string; seed?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { synthetic: { type: 'boolean' }, events: { type: 'string' }, seed: { type: 'string' } },
      strict: true,
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const db = await prepareDatabase(config, logger);
  try {
    if (!values.synthetic) return;
    const events = Number(values.events ?? '');
    const seedValue = Number(values.seed ?? '1');
    if (!Number.isInteger(events) || events < 1) throw new UsageError('--events must be a positive whole number');
    if (!Number.isInteger(seedValue)) throw new UsageError('--seed must be a whole number');
    const progress = startProgress('seeding', events);
    let reported = 0;
    const result = await seedSynthetic(db, {
      events, seed: seedValue,
      onProgress: (done) => { progress.tick(done - reported); reported = done; },
    }).finally(() => progress.finish());
    process.stdout.write(`seeded ${result.events} synthetic events and ${result.organizers} organisers (seed ${seedValue}) in ${(result.ms / 1000).toFixed(1)} s\n`);
  } finally {
    await db.dataSource.destroy();
  }
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  switch (command) {
    case 'serve':
      return serve(config, logger, rest);
    case 'migrate': {
      noOptions('migrate', rest);
      const db = await prepareDatabase(config, logger);
      await db.dataSource.destroy();
      process.stdout.write('migrations applied\n');
      return;
    }
    case 'seed':
      return seed(config, logger, rest);
    case 'apikey':
      return apikeyCommand(rest, () => prepareDatabase(config, logger), (text) => process.stdout.write(text));
    case 'import':
      process.exitCode = await importCommand(rest, () => prepareDatabase(config, logger), (text) => process.stdout.write(text));
      return;
    case 'sources':
      return sourcesCommand(rest, () => prepareDatabase(config, logger), (text) => process.stdout.write(text));
    case 'sync':
      process.exitCode = await syncCommand(rest, () => prepareDatabase(config, logger), (text) => process.stdout.write(text));
      return;
    default:
      throw new UsageError(`unknown command ${quote(command)}`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof SourceCommandError) {
    process.stderr.write(`clustergraph ${err.command}: ${err.message}\n`);
    process.exit(2);
  }
  if (err instanceof ImportFailure) {
    process.stderr.write(`clustergraph import: ${err.message}\n`);
    process.exit(1);
  }
  if (err instanceof ApiKeyInputError) {
    process.stderr.write(`clustergraph apikey: ${err.message}\n`);
    process.exit(2);
  }
  if (err instanceof ConfigError || err instanceof UsageError) {
    process.stderr.write(`clustergraph: ${err.message}\n${err instanceof UsageError ? `\n${USAGE}\n` : ''}`);
    process.exit(2);
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`clustergraph: ${message}\n`);
  process.exit(1);
});
