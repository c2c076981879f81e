import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDataset } from './dataset';
import { statementsFromLogs, timeStatements, type CapturedStatement } from './floor';
import { GraphQLClient } from './graphql-client';
import { drive } from './load';
import { formatProfile, summarizeProfile } from './profile-summary';
import { formatComparison, formatTable, machine, type BenchRow, type BenchRun } from './report';
import { writeComparePlot, writeRunPlot } from './plot';
import { startServerProcess } from './server-process';
import { prepareShapes, type PreparedShape } from './shapes';
import { formatSoak, parseSoakDuration, scrapeHeapUsed, soak, SOAK_RATE, SOAK_SHAPES, type SoakResult } from './soak';
import { formatImports, measureImport, type ImportRun } from './import-shape';

const USAGE = `usage: npm run bench -- [options]
  --db sqlite|postgres|both   databases to measure (default both; postgres with --soak)
  --events N                  synthetic events to seed (default 100000)
  --duration S                seconds of load per query shape (default 10)
  --connections N             concurrent connections (default 10)
  --shapes Q1,Q2,…            only these shapes (default all)
  --profile                   also CPU-profile the server under each shape (written to bench-results/profiles)
  --out FILE                  where the JSON goes (default bench-results/bench-<time>.json)
  --soak <N>m|<N>s            instead of the table: one steady-rate run that long (shapes default
                              ${SOAK_SHAPES.join(',')}), sampling the server's memory; fails on any error or growing memory
  --rate N                    requests a second during a soak (default ${SOAK_RATE})
  --import N                  instead of the table: import N generated CSV rows (e.g. 100000) through the
                              real CLI into a fresh database per --db; time and the importer's peak RSS
  --compare A.json B.json     print the ratios of run B against run A and plot the two side by side
                              (compare-A-vs-B.html beside B), nothing else
Every run also writes a plot beside its JSON (bench-<time>.html: req/s and p99 per shape and database).`;

const ROOT = resolve(__dirname, '../../..');
const FLOOR_REQUESTS = 300;
const FLOOR_SECONDS = 3;

interface Options {
  dbs: ('sqlite' | 'postgres')[];
  events: number;
  duration: number;
  connections: number;
  shapes?: string[];
  profile: boolean;
  out: string;
  /** Seconds of soak; when set, the run is a soak only. */
  soak?: number;
  /** Rows of the import shape; when set, the run is that import only. */
  importRows?: number;
  rate: number;
}

export function parseOptions(argv: string[]): Options | { compare: [string, string] } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' }, events: { type: 'string', default: '100000' },
      duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '10' },
      shapes: { type: 'string' }, profile: { type: 'boolean', default: false }, out: { type: 'string' },
      compare: { type: 'boolean', default: false }, help: { type: 'boolean', default: false },
      soak: { type: 'string' }, rate: { type: 'string', default: String(SOAK_RATE) }, import: { type: 'string' },
    },
  });
  if (values.help) { process.stdout.write(`${USAGE}\n`); process.exit(0); }
  if (values.compare) {
    if (positionals.length !== 2) throw new Error('--compare takes two JSON files');
    return { compare: [positionals[0], positionals[1]] };
  }
  const soakSeconds = values.soak === undefined ? undefined : parseSoakDuration(values.soak);
  const db = values.db ?? (soakSeconds ? 'postgres' : 'both');
  const dbs = db === 'both' ? ['sqlite', 'postgres'] as const : [db];
  if (!dbs.every((d) => d === 'sqlite' || d === 'postgres')) throw new Error(`--db must be sqlite, postgres or both, got ${db}`);
  const whole = (name: string, v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number, got ${v}`);
    return n;
  };
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return {
    dbs: [...dbs] as Options['dbs'],
    events: whole('events', values.events!),
    duration: whole('duration', values.duration!),
    connections: whole('connections', values.connections!),
    shapes: values.shapes?.split(',').map((s) => s.trim()).filter(Boolean) ?? (soakSeconds ? SOAK_SHAPES : undefined),
    profile: values.profile!,
    out: values.out ?? join(ROOT, 'bench-results', `${values.import ? 'import' : soakSeconds ? 'soak' : 'bench'}-${stamp}.json`),
    soak: soakSeconds,
    rate: whole('rate', values.rate!),
    importRows: values.import === undefined ? undefined : whole('import', values.import),
  };
}

/** One request per shape on a server logging SQL at trace level: statements, counts, bytes. */
async function capture(databaseUrl: string, only?: string[]) {
  const server = await startServerProcess({ root: ROOT, databaseUrl, logLevel: 'trace', exposeStats: true });
  try {
    const client = new GraphQLClient(server.url);
    const shapes = await prepareShapes(client, only);
    const captured = new Map<string, { statements: CapturedStatement[]; sqlStatements: number; bytes: number }>();
    for (const shape of shapes) {
      await settle();
      server.drainLogs();
      const { body, bytes } = await client.post(shape.query, shape.variables[0]);
      if (body.errors?.length) throw new Error(`${shape.name} answered errors: ${JSON.stringify(body.errors)}`);
      await settle();
      captured.set(shape.name, { statements: statementsFromLogs(server.drainLogs()), sqlStatements: body.extensions?.stats?.sqlStatements ?? -1, bytes });
    }
    return { shapes, captured };
  } finally {
    await server.stop();
  }
}

const settle = () => new Promise((r) => setTimeout(r, 150));

async function measure(db: 'sqlite' | 'postgres', databaseUrl: string, shapes: PreparedShape[], captured: Awaited<ReturnType<typeof capture>>['captured'], o: Options): Promise<BenchRow[]> {
  const server = await startServerProcess({ root: ROOT, databaseUrl, logLevel: 'warn', exposeStats: false });
  const rows: BenchRow[] = [];
  try {
    for (const shape of shapes) {
      await drive(server.url, shape, { connections: o.connections, duration: 2 }, server.rss);
      const r = await drive(server.url, shape, { connections: o.connections, duration: o.duration }, server.rss);
      const c = captured.get(shape.name)!;
      const row: BenchRow = {
        shape: shape.name, label: shape.label, db, requestsPerSecond: r.requestsPerSecond, p50Ms: r.p50Ms, p99Ms: r.p99Ms,
        sqlStatements: c.sqlStatements, responseBytes: c.bytes, peakRssMb: r.peakRssBytes / 2 ** 20, failures: r.failures,
      };
      if (shape.floor) {
        const single = { ...shape, variables: [shape.variables[0]] };
        const sequential = await drive(server.url, single, { connections: 1, duration: FLOOR_SECONDS }, server.rss);
        row.serverMs = sequential.meanMs;
        row.sqlMs = await timeStatements(databaseUrl, c.statements, FLOOR_REQUESTS);
        row.serverToSql = row.serverMs / row.sqlMs;
      }
      rows.push(row);
      process.stdout.write(`  ${shape.name} ${db}: ${row.requestsPerSecond.toFixed(0)} req/s, p99 ${row.p99Ms} ms\n`);
    }
  } finally {
    await server.stop();
  }
  return rows;
}

/** A soak on one database: a production-like server (no statement counting, warn logs) at a steady rate. */
async function runSoak(databaseUrl: string, o: Options & { soak: number }): Promise<SoakResult> {
  const server = await startServerProcess({ root: ROOT, databaseUrl, logLevel: 'warn', exposeStats: false });
  try {
    const shapes = await prepareShapes(new GraphQLClient(server.url), o.shapes);
    const missing = (o.shapes ?? []).filter((name) => !shapes.some((s) => s.name === name));
    if (missing.length) throw new Error(`unknown shape(s): ${missing.join(', ')}`);
    process.stdout.write(`   soaking for ${o.soak} s at ${o.rate} req/s (${shapes.map((s) => s.name).join(', ')})\n`);
    return await soak(server.url, shapes, { seconds: o.soak, rate: o.rate, connections: o.connections }, async () => ({
      rssBytes: server.rss(), heapUsedBytes: await scrapeHeapUsed(server.url),
    }));
  } finally {
    await server.stop();
  }
}

/** One profiled server per shape, so each profile holds one query shape only. */
async function profile(db: string, databaseUrl: string, shapes: PreparedShape[], o: Options): Promise<string[]> {
  const texts: string[] = [];
  for (const shape of shapes.filter((s) => s.floor)) {
    const dir = join(ROOT, 'bench-results', 'profiles', `${db}-${shape.name}-${Date.now()}`);
    mkdirSync(dir, { recursive: true });
    const server = await startServerProcess({ root: ROOT, databaseUrl, logLevel: 'warn', exposeStats: false, nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
    try {
      await drive(server.url, shape, { connections: o.connections, duration: o.duration }, server.rss);
    } finally {
      await server.stop();
    }
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) { texts.push(`no profile written for ${shape.name} on ${db}`); continue; }
    texts.push(`${formatProfile(`${shape.name} on ${db} (${join(dir, file)})`, summarizeProfile(join(dir, file)))}`);
  }
  return texts;
}

async function main(): Promise<void> {
  const parsed = parseOptions(process.argv.slice(2));
  if ('compare' in parsed) {
    process.stdout.write(`${formatComparison(parsed.compare[0], parsed.compare[1])}\n`);
    process.stdout.write(`plot: ${writeComparePlot(parsed.compare[0], parsed.compare[1])}\n`);
    return;
  }
  const o = parsed;
  const run: BenchRun = { startedAt: new Date().toISOString(), machine: machine(), options: { ...o }, seedSeconds: {}, rows: [] };
  const profiles: string[] = [];
  if (o.importRows) {
    const imports: ImportRun[] = [];
    for (const db of o.dbs) {
      process.stdout.write(`== ${db}: importing ${o.importRows} generated CSV rows into a fresh database\n`);
      imports.push(await measureImport(ROOT, db, o.importRows));
      process.stdout.write(`${formatImports(imports.slice(-1))}\n`);
    }
    run.imports = imports;
    mkdirSync(join(o.out, '..'), { recursive: true });
    writeFileSync(o.out, `${JSON.stringify(run, null, 2)}\n`);
    const m = run.machine;
    process.stdout.write(`\n${m.cores} × ${m.cpu}, ${m.memoryGb} GB, Node ${m.node}\n${formatImports(imports)}\nJSON: ${o.out}\n`);
    return;
  }
  if (o.soak) {
    const soaks: Record<string, SoakResult> = {};
    for (const db of o.dbs) {
      process.stdout.write(`== ${db}: seeding ${o.events} synthetic events into a fresh database\n`);
      const dataset = await createDataset(ROOT, db, o.events, 42);
      run.seedSeconds[db] = dataset.seedSeconds;
      try {
        soaks[db] = await runSoak(dataset.databaseUrl, { ...o, soak: o.soak });
      } finally {
        await dataset.drop();
      }
      process.stdout.write(`\n${db}: ${formatSoak(soaks[db])}\n\n`);
    }
    run.soak = soaks;
    mkdirSync(join(o.out, '..'), { recursive: true });
    writeFileSync(o.out, `${JSON.stringify(run, null, 2)}\n`);
    const m = run.machine;
    process.stdout.write(`${m.cores} × ${m.cpu}, ${m.memoryGb} GB, Node ${m.node}; ${o.events} events\nJSON (with every memory sample): ${o.out}\n`);
    if (Object.values(soaks).some((s) => !s.verdict.includes('PASS'))) process.exitCode = 1;
    return;
  }
  for (const db of o.dbs) {
    process.stdout.write(`== ${db}: seeding ${o.events} synthetic events into a fresh database\n`);
    const dataset = await createDataset(ROOT, db, o.events, 42);
    run.seedSeconds[db] = dataset.seedSeconds;
    (run.databaseBytes ??= {})[db] = dataset.sizeBytes;
    try {
      process.stdout.write(`   seeded in ${dataset.seedSeconds.toFixed(1)} s, ${(dataset.sizeBytes / 2 ** 20).toFixed(0)} MB on disk; capturing SQL and preparing shapes\n`);
      const { shapes, captured } = await capture(dataset.databaseUrl, o.shapes);
      run.rows.push(...await measure(db, dataset.databaseUrl, shapes, captured, o));
      if (o.profile) profiles.push(...await profile(db, dataset.databaseUrl, shapes, o));
    } finally {
      await dataset.drop();
    }
  }
  mkdirSync(join(o.out, '..'), { recursive: true });
  writeFileSync(o.out, `${JSON.stringify(run, null, 2)}\n`);
  const m = run.machine;
  process.stdout.write(`\n${m.cores} × ${m.cpu}, ${m.memoryGb} GB, Node ${m.node}; ${o.events} events, ${o.connections} connections, ${o.duration} s a shape\n`);
  for (const db of o.dbs) {
    process.stdout.write(`${db}: seeded in ${run.seedSeconds[db].toFixed(1)} s, ${((run.databaseBytes?.[db] ?? 0) / 2 ** 20).toFixed(0)} MB on disk\n`);
  }
  process.stdout.write(`${formatTable(run.rows)}\n\n${profiles.join('\n\n')}${profiles.length ? '\n\n' : ''}JSON: ${o.out}\n`);
  process.stdout.write(`plot: ${writeRunPlot(run, o.out)}\n`);
  if (run.rows.some((r) => r.failures > 0)) {
    process.stderr.write('some requests failed (non-2xx, errors or timeouts): see the "failed" column\n');
    process.exitCode = 1;
  }
}

// Run when started as the bench command; a test may import parseOptions without starting it.
if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    process.exit(1);
  });
}
