import BetterSqlite3 from 'better-sqlite3';
import { Client } from 'pg';

/** One SQL statement as the server sent it. */
export interface CapturedStatement {
  sql: string;
  params: unknown[];
}

/** Picks the statements out of the server's trace log lines (msg "sql", see src/main.ts). */
export function statementsFromLogs(lines: Record<string, unknown>[]): CapturedStatement[] {
  return lines
    .filter((l) => l.msg === 'sql' && typeof l.sql === 'string')
    .map((l) => ({ sql: l.sql as string, params: (l.params as unknown[]) ?? [] }));
}

/**
 * Runs a request's statements directly against the database, in the order the server sent
 * them, `iterations` times after a warm-up, and returns the mean milliseconds per request:
 * what the database alone costs, without GraphQL, HTTP or our layers.
 */
export async function timeStatements(databaseUrl: string, statements: CapturedStatement[], iterations: number): Promise<number> {
  if (databaseUrl.startsWith('postgres')) return timePostgres(databaseUrl, statements, iterations);
  return timeSqlite(databaseUrl.slice('sqlite:'.length), statements, iterations);
}

function timeSqlite(path: string, statements: CapturedStatement[], iterations: number): number {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    const prepared = statements.map((s) => ({ stmt: db.prepare(s.sql), params: s.params.map(sqliteValue) }));
    const runOnce = () => {
      for (const { stmt, params } of prepared) {
        if (stmt.reader) stmt.all(...params);
        else stmt.run(...params);
      }
    };
    for (let i = 0; i < Math.min(50, iterations); i += 1) runOnce();
    const started = process.hrtime.bigint();
    for (let i = 0; i < iterations; i += 1) runOnce();
    return Number(process.hrtime.bigint() - started) / 1e6 / iterations;
  } finally {
    db.close();
  }
}

function sqliteValue(v: unknown): unknown {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

async function timePostgres(url: string, statements: CapturedStatement[], iterations: number): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const runOnce = async () => {
      for (const s of statements) await client.query(s.sql, s.params);
    };
    for (let i = 0; i < Math.min(50, iterations); i += 1) await runOnce();
    const started = process.hrtime.bigint();
    for (let i = 0; i < iterations; i += 1) await runOnce();
    return Number(process.hrtime.bigint() - started) / 1e6 / iterations;
  } finally {
    await client.end();
  }
}
