import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Client } from 'pg';
import type { ScratchDatabase } from '../helpers/test-database';

/** The project root, where bin/clustergraph.js lives. */
export const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'clustergraph.js');
const MAIN_JS = join(ROOT, 'dist', 'src', 'main.js');

/** What a finished CLI run gave back. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Compiles src/ to dist/ (what `npm run build` does) unless a build newer than every source
 * file was already made by a CLI test. A lock directory keeps the two jest projects, which
 * run the CLI tests in parallel, from writing dist/ at the same time. Type errors elsewhere
 * in the tree (others may be mid-edit) do not stop the tests as long as the CLI was emitted.
 */
export async function buildCli(): Promise<void> {
  const stamp = join(tmpdir(), 'clustergraph-cli-test-build.stamp');
  const release = await takeBuildLock();
  try {
    const sources = Math.max(newestMtime(join(ROOT, 'src')), newestMtime(join(ROOT, 'migrations')));
    const built = existsSync(stamp) ? Number(readFileSync(stamp, 'utf8')) : 0;
    if (existsSync(MAIN_JS) && built >= sources) return;
    const started = Date.now();
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
      cwd: ROOT, encoding: 'utf8', timeout: 170_000,
    });
    if (!existsSync(MAIN_JS)) {
      throw new Error(`the build did not produce dist/src/main.js:\n${tsc.stdout}\n${tsc.stderr}`);
    }
    if (tsc.status !== 0) {
      process.stderr.write(`note: tsc reported errors, testing the emitted CLI anyway:\n${tsc.stdout.slice(0, 2000)}\n`);
    }
    writeFileSync(stamp, String(Math.max(sources, started)));
  } finally {
    release();
  }
}

const BUILD_LOCK = join(tmpdir(), 'clustergraph-cli-test-build.lock');

/**
 * Waits for, then holds, the lock under which tests write dist/ (buildCli, or `npm start`,
 * which builds before it serves); returns its release. A lock older than two minutes is
 * taken as left behind by a killed run.
 */
export async function takeBuildLock(): Promise<() => void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      return () => rmSync(BUILD_LOCK, { recursive: true, force: true });
    } catch {
      try {
        if (Date.now() - statSync(BUILD_LOCK).mtimeMs > 120_000) rmSync(BUILD_LOCK, { recursive: true, force: true });
      } catch {
        // the holder just released it
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for the build lock ${BUILD_LOCK}`);
      await sleep(250);
    }
  }
}

/** The environment a CLI child gets: PATH and only the variables given (no leaks from ours). */
export function cliEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), LOG_LEVEL: 'warn', ...vars };
}

/** Runs `node bin/clustergraph.js <args>` to completion (cwd: a scratch folder). */
export function runCli(args: string[], vars: Record<string, string>, timeoutMs = 120_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = startCli(args, vars);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`clustergraph ${args.join(' ')} did not finish within ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Starts `node bin/clustergraph.js <args>` and returns the running child (stdout/stderr piped). */
export function startCli(args: string[], vars: Record<string, string>): ChildProcess {
  const cwd = join(tmpdir(), 'clustergraph-cli-tests');
  mkdirSync(cwd, { recursive: true });
  return spawn(process.execPath, [BIN, ...args], { cwd, env: cliEnv(vars), stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * For a describe block that starts CLI processes on scratch databases: builds the CLI before
 * its tests; after them kills what still runs and drops the databases. Push what you start.
 */
export function useCliServers(): { children: ChildProcess[]; scratches: ScratchDatabase[] } {
  const started = { children: [] as ChildProcess[], scratches: [] as ScratchDatabase[] };
  beforeAll(async () => {
    await buildCli();
  }, 200_000);
  afterAll(async () => {
    for (const child of started.children) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000).catch(() => undefined);
      }
    }
    for (const s of started.scratches) await s.drop();
  });
  return started;
}

/** Waits for a child to exit; rejects after timeoutMs (and kills it then). */
export function waitForExit(child: ChildProcess, timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ code: child.exitCode, signal: child.signalCode });
      return;
    }
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`process ${child.pid} did not exit within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Polls a URL until it answers 200; rejects after timeoutMs. */
export async function waitForHttp(url: string, timeoutMs: number, alive: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`the server exited before ${url} answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
      last = res.status;
    } catch (err) {
      last = err;
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (last: ${String(last)})`);
}

/**
 * Rows of one SQL statement, read straight from a DATABASE_URL without the app's code, so
 * nothing here migrates or seeds the database behind the CLI's back.
 */
export async function rawQuery<T = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  if (url.startsWith('sqlite:')) {
    const db = new BetterSqlite3(url.slice('sqlite:'.length), { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The tables of a database (empty for a database nothing has touched). */
export async function tableNames(url: string): Promise<string[]> {
  const rows = url.startsWith('sqlite:')
    ? existsSync(url.slice('sqlite:'.length))
      ? await rawQuery<{ name: string }>(url, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      : []
    : await rawQuery<{ name: string }>(url, "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'");
  return rows.map((r) => r.name).sort();
}

/** COUNT(*) of a table as a number (PostgreSQL returns bigint counts as strings). */
export async function countRows(url: string, table: string): Promise<number> {
  const [row] = await rawQuery<{ n: number | string }>(url, `SELECT COUNT(*) AS n FROM ${table}`);
  return Number(row.n);
}
