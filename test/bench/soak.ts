import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import type { PreparedShape } from './shapes';

/**
 * The soak: one long run at a fixed request rate (not flat out), watching for what a short
 * benchmark cannot show: memory that keeps growing, and errors that only come after a while.
 */

/** Shapes a soak mixes unless told otherwise: a nested page, a filtered count, point lookups. */
export const SOAK_SHAPES = ['Q2/10', 'Q3', 'Q4'];
/**
 * Requests a second for the whole soak: the mix sustains about 580 a second flat out on
 * 2 cores (RESULTS.md), so this leaves room for a machine that does other work too.
 */
export const SOAK_RATE = 100;
/** Memory slope (MB a minute, after warm-up) still called flat: GC noise, not a leak. */
export const FLAT_MB_PER_MIN = 2;

/** `5m`, `90s` or `2.5m` → seconds. Throws on anything else. */
export function parseSoakDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(s|m)$/.exec(text.trim());
  if (!match) throw new Error(`--soak takes a duration like 5m or 30s, got ${JSON.stringify(text)}`);
  const seconds = Number(match[1]) * (match[2] === 'm' ? 60 : 1);
  if (!Number.isFinite(seconds) || seconds < 1) throw new Error(`--soak must be at least 1s, got ${text}`);
  return Math.round(seconds);
}

/** The server's memory at one moment. */
export interface MemoryReading {
  rssBytes: number;
  /** V8 heap in use, when the server's /metrics says it. */
  heapUsedBytes?: number;
}

export interface SoakSample {
  atSeconds: number;
  rssMb: number;
  heapUsedMb?: number;
  /** The machine's one-minute load average: other work on it skews latencies. */
  load1: number;
}

export interface SoakWindow {
  /** Window start, seconds since the soak began. */
  fromSeconds: number;
  requests: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
}

export interface MemoryTrend {
  startMb: number;
  middleMb: number;
  endMb: number;
  /** Least-squares slope over the samples after warm-up, MB a minute; null when too few. */
  slopeMbPerMin: number | null;
}

export interface SoakResult {
  seconds: number;
  rate: number;
  connections: number;
  shapes: string[];
  requests: number;
  requestsPerSecond: number;
  /** Non-2xx answers, GraphQL `errors` in a 2xx answer, socket errors, timeouts. */
  non2xx: number;
  graphqlErrors: number;
  socketErrors: number;
  timeouts: number;
  errors: number;
  /** Up to three bodies of failed answers, to see what went wrong. */
  errorExamples: string[];
  p50Ms: number;
  p99Ms: number;
  windows: SoakWindow[];
  warmupSeconds: number;
  rss: MemoryTrend;
  heapUsed?: MemoryTrend;
  samples: SoakSample[];
  flat: boolean | null;
  verdict: string;
  cores: number;
}

export interface SoakOptions {
  seconds: number;
  rate: number;
  connections: number;
  /** Seconds between memory samples (default 5). */
  sampleEverySeconds?: number;
  /** Seconds of the per-window latency table (default 60: per minute). */
  windowSeconds?: number;
}

/**
 * Drives POST /graphql at `rate` requests a second for `seconds`, the shapes' request
 * bodies round-robin, sampling memory every few seconds through `memory`.
 */
export async function soak(url: string, shapes: PreparedShape[], o: SoakOptions, memory: () => Promise<MemoryReading>): Promise<SoakResult> {
  // Interleave the shapes: with Q4's 1,000 id sets in one block, a plain round-robin would
  // send nothing but Q4 for seconds at a time.
  const perShape = shapes.map((shape) => shape.variables.map((variables) => JSON.stringify({ query: shape.query, variables })));
  let next = 0;
  const nextBody = () => {
    const list = perShape[next % perShape.length];
    const body = list[Math.floor(next / perShape.length) % list.length];
    next += 1;
    return body;
  };
  if (perShape.length === 0 || perShape.some((list) => list.length === 0)) throw new Error('soak: no shapes to send');

  const windowSeconds = o.windowSeconds ?? 60;
  const windows: { latencies: number[]; errors: number }[] = [];
  // Answers that arrive after the last full window (the run's last requests) count in it.
  const lastWindow = Math.max(0, Math.ceil(o.seconds / windowSeconds) - 1);
  const windowAt = (now: number) => {
    const i = Math.min(lastWindow, Math.floor((now - started) / 1000 / windowSeconds));
    while (windows.length <= i) windows.push({ latencies: [], errors: 0 });
    return windows[i];
  };
  const samples: SoakSample[] = [];
  const takeSample = async () => {
    const m = await memory();
    samples.push({
      atSeconds: Math.round((performance.now() - started) / 100) / 10,
      rssMb: round1(m.rssBytes / 2 ** 20),
      ...(m.heapUsedBytes !== undefined ? { heapUsedMb: round1(m.heapUsedBytes / 2 ** 20) } : {}),
      load1: round1(loadavg()[0]),
    });
  };

  let non2xx = 0;
  let graphqlErrors = 0;
  const errorExamples: string[] = [];
  const started = performance.now();
  await takeSample();
  const sampler = setInterval(() => { void takeSample(); }, (o.sampleEverySeconds ?? 5) * 1000);
  try {
    const instance = autocannon({
      url: `${url}/graphql`,
      method: 'POST',
      connections: o.connections,
      overallRate: o.rate,
      duration: o.seconds,
      headers: { 'content-type': 'application/json' },
      requests: [{
        setupRequest: (req) => ({ ...req, method: 'POST', path: '/graphql', body: nextBody() }),
        onResponse: (status, body) => {
          const badStatus = status < 200 || status >= 300;
          // A 2xx answer can still carry errors (execution errors come with 200).
          const badBody = !badStatus && body.includes('"errors"') && hasErrors(body);
          if (!badStatus && !badBody) return;
          if (badStatus) non2xx += 1; else graphqlErrors += 1;
          windowAt(performance.now()).errors += 1;
          if (errorExamples.length < 3) errorExamples.push(`${status} ${body.slice(0, 300)}`);
        },
      }],
    });
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      windowAt(performance.now()).latencies.push(responseTime);
    });
    const r = await instance;
    await takeSample();

    const all = windows.flatMap((w) => w.latencies);
    // The first half is warm-up: V8 grows its heap until its first major collections (about
    // 90 s into a 100 req/s run here) and only then hands memory back, so a slope over the
    // whole run, or after a fixed minute, reads that settling as a trend.
    const warmupSeconds = Math.round(o.seconds / 2);
    const rss = trend(samples, (s) => s.rssMb, warmupSeconds);
    const heapUsed = samples.every((s) => s.heapUsedMb !== undefined) ? trend(samples, (s) => s.heapUsedMb!, warmupSeconds) : undefined;
    const socketErrors = r.errors;
    const errors = non2xx + graphqlErrors + socketErrors + r.timeouts;
    const flat = rss.slopeMbPerMin === null ? null : Math.abs(rss.slopeMbPerMin) <= FLAT_MB_PER_MIN;
    const result: SoakResult = {
      seconds: o.seconds, rate: o.rate, connections: o.connections, shapes: shapes.map((s) => s.name),
      requests: r.requests.total, requestsPerSecond: round1(r.requests.total / o.seconds),
      non2xx, graphqlErrors, socketErrors, timeouts: r.timeouts, errors, errorExamples,
      p50Ms: round1(percentile(all, 50)), p99Ms: round1(percentile(all, 99)),
      windows: windows.map((w, i) => ({
        fromSeconds: i * windowSeconds, requests: w.latencies.length, errors: w.errors,
        p50Ms: round1(percentile(w.latencies, 50)), p99Ms: round1(percentile(w.latencies, 99)),
      })),
      warmupSeconds, rss, ...(heapUsed ? { heapUsed } : {}), samples, flat, verdict: '', cores: cpus().length,
    };
    result.verdict = verdictOf(result);
    return result;
  } finally {
    clearInterval(sampler);
  }
}

function hasErrors(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { errors?: unknown[] };
    return Array.isArray(parsed.errors) && parsed.errors.length > 0;
  } catch {
    return true; // a 2xx that is not JSON is an error too
  }
}

/** First, middle and last sample, and the slope after warm-up (needs a minute of samples). */
function trend(samples: SoakSample[], value: (s: SoakSample) => number, warmupSeconds: number): MemoryTrend {
  const steady = samples.filter((s) => s.atSeconds >= warmupSeconds);
  const span = steady.length > 1 ? steady[steady.length - 1].atSeconds - steady[0].atSeconds : 0;
  return {
    startMb: value(samples[0]),
    middleMb: value(samples[Math.floor(samples.length / 2)]),
    endMb: value(samples[samples.length - 1]),
    slopeMbPerMin: span >= 60 ? round2(slope(steady.map((s) => [s.atSeconds / 60, value(s)]))) : null,
  };
}

/** Ordinary least squares: the slope of y over x. */
function slope(points: [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  const sxy = points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0);
  const sxx = points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function verdictOf(r: SoakResult): string {
  const errorsPart = r.errors === 0 ? `0 errors in ${r.requests} requests` : `${r.errors} ERRORS in ${r.requests} requests`;
  const memoryPart = r.rss.slopeMbPerMin === null
    ? 'memory not judged (under a minute of samples after warm-up)'
    : `RSS ${r.rss.startMb} → ${r.rss.endMb} MB, slope after ${r.warmupSeconds} s warm-up ${signed(r.rss.slopeMbPerMin)} MB/min (${r.flat ? 'flat' : `NOT flat, limit ±${FLAT_MB_PER_MIN}`})`;
  const ok = r.errors === 0 && r.flat !== false;
  return `soak verdict: ${ok ? 'PASS' : 'FAIL'}: ${errorsPart}; ${memoryPart}`;
}

const signed = (n: number) => (n >= 0 ? `+${n.toFixed(2)}` : n.toFixed(2));

/** The soak as text: totals, the per-window latency table, memory, the verdict. */
export function formatSoak(r: SoakResult): string {
  const lines = [
    `soak: ${r.seconds} s at ${r.rate} req/s over ${r.connections} connections, shapes ${r.shapes.join(', ')}`,
    `requests ${r.requests} (${r.requestsPerSecond}/s); errors ${r.errors} (non-2xx ${r.non2xx}, GraphQL errors ${r.graphqlErrors}, socket ${r.socketErrors}, timeouts ${r.timeouts}); p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms`,
    '',
    '| from | requests | errors | p50 ms | p99 ms |',
    '|---:|---:|---:|---:|---:|',
    ...r.windows.map((w) => `| ${w.fromSeconds} s | ${w.requests} | ${w.errors} | ${w.p50Ms} | ${w.p99Ms} |`),
    '',
    `RSS MB start / middle / end: ${r.rss.startMb} / ${r.rss.middleMb} / ${r.rss.endMb}; slope after warm-up ${r.rss.slopeMbPerMin === null ? '–' : signed(r.rss.slopeMbPerMin)} MB/min`,
    ...(r.heapUsed ? [`heap used MB start / middle / end: ${r.heapUsed.startMb} / ${r.heapUsed.middleMb} / ${r.heapUsed.endMb}; slope after warm-up ${r.heapUsed.slopeMbPerMin === null ? '–' : signed(r.heapUsed.slopeMbPerMin)} MB/min`] : []),
    `machine load (1 min average) during the soak: ${Math.min(...r.samples.map((s) => s.load1))}–${Math.max(...r.samples.map((s) => s.load1))} on ${r.cores} cores`,
    ...r.errorExamples.map((e) => `failed answer: ${e}`),
    r.verdict,
  ];
  return lines.join('\n');
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The server's V8 heap in use, from its Prometheus /metrics (prom-client's default
 * `nodejs_heap_size_used_bytes`); undefined when there is no such endpoint or metric.
 */
export async function scrapeHeapUsed(url: string): Promise<number | undefined> {
  try {
    const res = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(2000) });
    if (!res.ok) return undefined;
    const match = /^nodejs_heap_size_used_bytes(?:\{[^}]*\})? ([0-9.e+]+)/m.exec(await res.text());
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}
