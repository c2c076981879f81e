import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

declare const TEST_DB: 'sqlite' | 'postgres';

/** Which database this test project runs against. */
export const testDbKind: 'sqlite' | 'postgres' = typeof TEST_DB === 'string' ? TEST_DB : 'sqlite';

/** A fresh, empty database for one test file, and how to throw it away. */
export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new SQLite file, or a new PostgreSQL database on TEST_DATABASE_URL's server. */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const name = `cg_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (testDbKind === 'sqlite') {
    const dir = join(tmpdir(), 'clustergraph-tests');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${name}.db`);
    return {
      url: `sqlite:${file}`,
      drop: async () => {
        for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
      },
    };
  }
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error('TEST_DATABASE_URL is not set');
  await withClient(admin, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Scratch databases made during a test file, all dropped by one call in afterAll. */
export function scratchPool(): { url(): Promise<string>; dropAll(): Promise<void> } {
  const made: ScratchDatabase[] = [];
  return {
    url: async () => {
      const s = await createScratchDatabase();
      made.push(s);
      return s.url;
    },
    dropAll: async () => {
      for (const s of made.splice(0)) await s.drop();
    },
  };
}
