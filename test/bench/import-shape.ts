import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCsv } from '../modules/sources/generated-csv';
import { createMigratedDatabase } from './dataset';

// The import shape: N generated CSV rows through the real CLI (`clustergraph import`) into
// a fresh database, timed, with the importing process's peak resident memory. Memory that
// does not grow with N is what issue 13 asks of an import; compare two N to see it.

/** What one import run measured. */
export interface ImportRun {
  db: 'sqlite' | 'postgres';
  rows: number;
  csvMb: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
  /** The CLI's summary line. */
  summary: string;
}

/** Imports `rows` generated rows into a fresh database of `db`; throws when the import fails. */
export async function measureImport(root: string, db: 'sqlite' | 'postgres', rows: number): Promise<ImportRun> {
  const csv = join(tmpdir(), `clustergraph-bench-import-${process.pid}-${rows}.csv`);
  await writeCsv(csv, rows);
  const dataset = await createMigratedDatabase(root, db);
  try {
    const started = performance.now();
    const { code, stdout, stderr, peakKb } = await runWatched(root, dataset.databaseUrl,
      ['import', '--source', 'bench-import', '--format', 'csv', csv]);
    const seconds = (performance.now() - started) / 1000;
    const summary = stdout.trimEnd().split('\n').at(-1) ?? '';
    if (code !== 0) throw new Error(`the import exited ${code}: ${stderr.slice(0, 2000)}`);
    return {
      db, rows, csvMb: readFileSync(csv).length / 2 ** 20, seconds, rowsPerSecond: rows / seconds, peakRssMb: peakKb / 1024, summary,
    };
  } finally {
    await dataset.drop();
    rmSync(csv, { force: true });
  }
}

/** Runs the CLI, reading its peak resident set (VmHWM) from /proc until it exits. */
function runWatched(root: string, databaseUrl: string, args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string; peakKb: number }>((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'clustergraph.js'), ...args], {
      cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let peakKb = 0;
    const sample = () => {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (match) peakKb = Math.max(peakKb, Number(match[1]));
      } catch {
        // gone between two samples: VmHWM only grows, the last sample is its peak but for the final moments
      }
    };
    const timer = setInterval(sample, 50);
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', (err) => { clearInterval(timer); reject(err); });
    child.on('exit', () => sample());
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, stdout, stderr, peakKb });
    });
  });
}

/** The lines the bench prints for its import runs. */
export function formatImports(runs: ImportRun[]): string {
  return runs.map((r) => `import ${r.rows.toLocaleString('en')} CSV rows (${r.csvMb.toFixed(1)} MB) on ${r.db}: `
    + `${r.seconds.toFixed(1)} s (${r.rowsPerSecond.toFixed(0)} rows/s), peak RSS ${r.peakRssMb.toFixed(0)} MB; ${r.summary}`).join('\n');
}
