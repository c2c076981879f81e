import { startTestServer, type TestServer } from '../helpers/test-server';
import { gql } from '../helpers/gql';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

// The go-cluster meeting is organised by the BMWi, which is also its patron's ministry: the
// same organiser reached along two paths whose batches may finish in either order.
const QUERY = `{ events(first: 50, filter: { campaign: "clusterwoche-2017" }) {
  nodes { title organizers { name } patrons { name ministry { name } } } } }`;

describe('extensions.stats', () => {
  it('counts every statement of the request: the campaign lookup, the page and one per relation', async () => {
    const r = await gql(server.url, QUERY);
    expect(r.body.errors).toBeUndefined();
    // campaign by slug, the page, organisers of the events, patrons of the events, ministries of the patrons
    expect(r.body.extensions?.stats?.sqlStatements).toBe(5);
    expect(r.body.extensions?.stats?.durationMs).toBeGreaterThan(0);
  });

  it('gives the same count for the same request every time, whichever batch returns first', async () => {
    const counts = new Set<number>();
    for (let i = 0; i < 15; i += 1) {
      const r = await gql(server.url, QUERY);
      counts.add(r.body.extensions?.stats?.sqlStatements as number);
    }
    expect([...counts]).toEqual([5]);
  });

  it('is on error responses too', async () => {
    const r = await gql(server.url, '{ events(first: 101) { totalCount } }');
    expect(r.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(typeof r.body.extensions?.stats?.sqlStatements).toBe('number');
  });
});
