import { execFile } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

/** A fresh database holding the demo data plus N synthetic events. */
export interface Dataset {
  databaseUrl: string;
  seedSeconds: number;
  /** Its size on disk once filled: SQLite's file and WAL, PostgreSQL's pg_database_size. */
  sizeBytes: number;
  drop(): Promise<void>;
}

/** Where PostgreSQL databases for the benchmark are created (any database on that server). */
const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Creates a fresh database and seeds it through the real CLI (`seed --synthetic`), so the
 * benchmark measures the data the product itself writes.
 */
export async function createDataset(root: string, db: 'sqlite' | 'postgres', events: number, seed: number): Promise<Dataset> {
  return filledDatabase(root, db, ['seed', '--synthetic', '--events', String(events), '--seed', String(seed)]);
}

/** A fresh database as `clustergraph migrate` leaves it (schema and demo data): what an import starts from. */
export function createMigratedDatabase(root: string, db: 'sqlite' | 'postgres'): Promise<Dataset> {
  return filledDatabase(root, db, ['migrate']);
}

async function filledDatabase(root: string, db: 'sqlite' | 'postgres', command: string[]): Promise<Dataset> {
  const stamp = `${Date.now()}_${process.pid}`;
  let databaseUrl: string;
  let drop: () => Promise<void>;
  let size: () => Promise<number>;
  if (db === 'sqlite') {
    const path = join(tmpdir(), `clustergraph-bench-${stamp}.db`);
    databaseUrl = `sqlite:${path}`;
    drop = async () => { for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true }); };
    size = async () => ['', '-wal'].reduce((sum, suffix) => sum + (statSync(`${path}${suffix}`, { throwIfNoEntry: false })?.size ?? 0), 0);
  } else {
    const name = `cg_bench_${stamp}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    drop = async () => { await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); };
    size = async () => Number((await adminQuery<{ bytes: string }>(`SELECT pg_database_size('${name}') AS bytes`))[0].bytes);
  }
  const started = performance.now();
  try {
    await run(process.execPath, [join(root, 'bin/clustergraph.js'), ...command], {
      cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' }, maxBuffer: 16 * 2 ** 20,
    });
  } catch (err) {
    await drop();
    throw err;
  }
  const seedSeconds = (performance.now() - started) / 1000;
  return { databaseUrl, seedSeconds, sizeBytes: await size(), drop };
}

async function adminQuery<R = unknown>(sql: string): Promise<R[]> {
  const client = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return (await client.query(sql)).rows as R[];
  } finally {
    await client.end();
  }
}
