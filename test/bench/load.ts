import autocannon from 'autocannon';
import type { PreparedShape } from './shapes';

/** What one load run measured. */
export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  requests: number;
  /** Non-2xx answers, socket errors and timeouts: any is a failed run. */
  failures: number;
  peakRssBytes: number;
}

/** Request bodies of a shape, one per variable set, sent round-robin. */
function bodiesOf(shape: PreparedShape): string[] {
  return shape.variables.map((variables) => JSON.stringify({ query: shape.query, variables }));
}

/**
 * Drives POST /graphql with one shape: `duration` seconds (or `amount` requests) over
 * `connections` keep-alive connections, sampling the server's RSS every 100 ms.
 */
export async function drive(
  url: string, shape: PreparedShape, load: { connections: number; duration?: number; amount?: number }, rss: () => number,
): Promise<LoadResult> {
  const bodies = bodiesOf(shape);
  let next = 0;
  let peak = rss();
  const sampler = setInterval(() => { peak = Math.max(peak, rss()); }, 100);
  try {
    const r = await autocannon({
      url: `${url}/graphql`,
      method: 'POST',
      connections: load.connections,
      ...(load.amount ? { amount: load.amount } : { duration: load.duration ?? 10 }),
      headers: { 'content-type': 'application/json' },
      requests: [{
        setupRequest: (req) => {
          const body = bodies[next % bodies.length];
          next += 1;
          return { ...req, method: 'POST', path: '/graphql', body };
        },
      }],
    });
    return {
      requestsPerSecond: r.requests.average,
      p50Ms: r.latency.p50,
      p99Ms: r.latency.p99,
      // autocannon's latencies (and its reported duration) are whole milliseconds (seconds):
      // at one connection for a set time, that time over the requests is the exact mean
      // (what the floor compares with the SQL alone).
      meanMs: load.connections === 1 && load.duration && r.requests.total > 0 ? (load.duration * 1000) / r.requests.total : r.latency.mean,
      requests: r.requests.total,
      failures: r.non2xx + r.errors + r.timeouts,
      peakRssBytes: Math.max(peak, rss()),
    };
  } finally {
    clearInterval(sampler);
  }
}
