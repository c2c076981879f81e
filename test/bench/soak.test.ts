import { startTestServer, type TestServer } from '../helpers/test-server';
import { GraphQLClient } from './graphql-client';
import { parseOptions } from './run';
import { prepareShapes } from './shapes';
import { parseSoakDuration, soak, SOAK_RATE, SOAK_SHAPES } from './soak';

describe('bench --soak option', () => {
  it('reads <N>m and <N>s', () => {
    expect(parseSoakDuration('5m')).toBe(300);
    expect(parseSoakDuration('90s')).toBe(90);
    expect(parseSoakDuration('2.5m')).toBe(150);
  });

  it.each(['5', '5h', 'm', '-1m', '0s', '', 'five minutes'])('refuses %j', (text) => {
    expect(() => parseSoakDuration(text)).toThrow(/--soak/);
  });

  it('makes a soak run on PostgreSQL with the Q2/Q3/Q4 mix unless told otherwise', () => {
    const o = parseOptions(['--soak', '5m']);
    expect(o).toMatchObject({ soak: 300, dbs: ['postgres'], shapes: SOAK_SHAPES, rate: SOAK_RATE });
    expect(parseOptions(['--soak', '10s', '--db', 'sqlite', '--rate', '40', '--shapes', 'Q4'])).toMatchObject({
      soak: 10, dbs: ['sqlite'], shapes: ['Q4'], rate: 40,
    });
    // Without --soak, the ordinary benchmark: both databases, every shape.
    expect(parseOptions([])).toMatchObject({ soak: undefined, dbs: ['sqlite', 'postgres'], shapes: undefined });
    expect(() => parseOptions(['--soak', '5x'])).toThrow(/--soak/);
    expect(() => parseOptions(['--soak', '1m', '--rate', '0'])).toThrow(/--rate/);
  });
});

describe('a 10 s soak against the demo data', () => {
  let server: TestServer;

  beforeAll(async () => {
    // One client address sends 400 requests: keep the public rate limit out of the way.
    server = await startTestServer({ env: { RATE_LIMIT_PUBLIC_PER_MIN: '1000000' } });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('sends the mix at the asked rate, with no errors, sampling memory', async () => {
    const shapes = await prepareShapes(new GraphQLClient(server.url), SOAK_SHAPES);
    expect(shapes.map((s) => s.name)).toEqual(SOAK_SHAPES);
    const r = await soak(server.url, shapes, { seconds: 10, rate: 40, connections: 4, sampleEverySeconds: 2, windowSeconds: 5 },
      async () => ({ rssBytes: process.memoryUsage().rss, heapUsedBytes: process.memoryUsage().heapUsed }));
    expect(r.errorExamples).toEqual([]);
    expect(r.errors).toBe(0);
    // overallRate holds the rate: at most about 400 requests, not the thousands flat out
    // would send (fewer when the machine is busy: the client shares the process).
    expect(r.requests).toBeGreaterThanOrEqual(20);
    expect(r.requests).toBeLessThanOrEqual(440);
    expect(r.windows.length).toBeGreaterThanOrEqual(2);
    expect(r.windows.reduce((a, w) => a + w.requests, 0)).toBe(r.requests);
    expect(r.samples.length).toBeGreaterThanOrEqual(5);
    expect(r.samples[0].heapUsedMb).toBeGreaterThan(0);
    expect(r.rss.slopeMbPerMin).toBeNull(); // too short to judge memory
    expect(r.verdict).toMatch(/^soak verdict: PASS: 0 errors/);
  }, 40_000);

  it('counts GraphQL errors in 200 answers as errors', async () => {
    const broken = [{ name: 'bad', label: 'bad', floor: false, query: 'query($slug: String!) { campaign(slug: $slug) { slug } }', variables: [{ slug: 5 }] }];
    const r = await soak(server.url, broken, { seconds: 2, rate: 10, connections: 1 }, async () => ({ rssBytes: 1 }));
    // Variable coercion fails before execution: 400, counted as non-2xx.
    expect(r.requests).toBeGreaterThan(0);
    expect(r.non2xx).toBe(r.requests);
    expect(r.errors).toBe(r.requests);
    expect(r.verdict).toMatch(/FAIL/);
    const withErrors = [{ name: 'forbidden', label: 'forbidden', floor: false, query: '{ events(filter: { statuses: [DRAFT] }) { totalCount } }', variables: [{}] }];
    const e = await soak(server.url, withErrors, { seconds: 2, rate: 10, connections: 1 }, async () => ({ rssBytes: 1 }));
    expect(e.requests).toBeGreaterThan(0);
    expect(e.graphqlErrors).toBe(e.requests);
    expect(e.non2xx).toBe(0);
  }, 20_000);
});
