import { cpus, totalmem, type } from 'node:os';
import { readFileSync } from 'node:fs';

/** One line of the benchmark table: a query shape on one database. */
export interface BenchRow {
  shape: string;
  label: string;
  db: 'sqlite' | 'postgres';
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  sqlStatements: number;
  responseBytes: number;
  peakRssMb: number;
  failures: number;
  /** Mean ms of one request at one connection, and of its SQL run directly; only for floor shapes. */
  serverMs?: number;
  sqlMs?: number;
  serverToSql?: number;
}

/** A whole run, as written to JSON so that two runs can be compared. */
export interface BenchRun {
  startedAt: string;
  machine: { cpu: string; cores: number; memoryGb: number; os: string; node: string };
  options: Record<string, unknown>;
  seedSeconds: Record<string, number>;
  /** Each database's size on disk after seeding (absent in runs before 2026-12-08). */
  databaseBytes?: Record<string, number>;
  rows: BenchRow[];
  /** A soak run's results per database, memory samples included (see soak.ts). */
  soak?: Record<string, import('./soak').SoakResult>;
  /** An import run's results per database (see import-shape.ts). */
  imports?: import('./import-shape').ImportRun[];
}

export function machine(): BenchRun['machine'] {
  const c = cpus();
  return { cpu: c[0]?.model ?? 'unknown', cores: c.length, memoryGb: Math.round(totalmem() / 2 ** 30), os: type(), node: process.version };
}

const fixed = (n: number | undefined, digits: number) => (n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(digits));

/** The table as aligned text (also valid Markdown). */
export function formatTable(rows: BenchRow[]): string {
  const header = ['shape', 'db', 'req/s', 'p50 ms', 'p99 ms', 'SQL/req', 'bytes', 'peak RSS MB', 'server ms', 'SQL ms', 'server/SQL', 'failed'];
  const lines = rows.map((r) => [
    `${r.shape} ${r.label}`, r.db, fixed(r.requestsPerSecond, 0), fixed(r.p50Ms, 1), fixed(r.p99Ms, 1), String(r.sqlStatements),
    String(r.responseBytes), fixed(r.peakRssMb, 0), fixed(r.serverMs, 2), fixed(r.sqlMs, 2), fixed(r.serverToSql, 2), String(r.failures),
  ]);
  return markdownTable(header, lines);
}

function markdownTable(header: string[], lines: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [row(header), `|${widths.map((w, i) => (i < 2 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...lines.map(row)].join('\n');
}

/** Ratios b / a for every shape and database both runs have: how run b moved against run a. */
export function formatComparison(aPath: string, bPath: string): string {
  const a = JSON.parse(readFileSync(aPath, 'utf8')) as BenchRun;
  const b = JSON.parse(readFileSync(bPath, 'utf8')) as BenchRun;
  const header = ['shape', 'db', 'req/s a', 'req/s b', 'req/s b/a', 'p50 b/a', 'p99 b/a', 'SQL/req a→b', 'server/SQL a→b'];
  const lines: string[][] = [];
  for (const rb of b.rows) {
    const ra = a.rows.find((r) => r.shape === rb.shape && r.db === rb.db);
    if (!ra) continue;
    lines.push([
      `${rb.shape} ${rb.label}`, rb.db, fixed(ra.requestsPerSecond, 0), fixed(rb.requestsPerSecond, 0),
      `${fixed(rb.requestsPerSecond / ra.requestsPerSecond, 2)}x`, `${fixed(rb.p50Ms / ra.p50Ms, 2)}x`, `${fixed(rb.p99Ms / ra.p99Ms, 2)}x`,
      `${ra.sqlStatements}→${rb.sqlStatements}`, `${fixed(ra.serverToSql, 2)}→${fixed(rb.serverToSql, 2)}`,
    ]);
  }
  return `a: ${aPath} (${a.startedAt})\nb: ${bPath} (${b.startedAt})\n${markdownTable(header, lines)}`;
}
