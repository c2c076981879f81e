import { startTestServer, type TestServer } from '../../helpers/test-server';
import { MIGRATIONS } from '../../../src/db/migrations';

async function probe(url: string, path: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}${path}`);
  return { status: res.status, body: await res.json() };
}

describe('/healthz and /readyz', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ demo: false });
  });
  afterEach(async () => {
    await server?.close();
  });

  it('are 200 on a migrated, reachable database', async () => {
    expect(await probe(server.url, '/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await probe(server.url, '/readyz')).toEqual({ status: 200, body: { status: 'ready' } });
  });

  it('/readyz is 503 "migrations pending" while the newest known migration is not applied, and 200 again once it is', async () => {
    const newest = MIGRATIONS[MIGRATIONS.length - 1].name;
    const table = 'typeorm_migrations';
    const [row] = await server.db.query<{ timestamp: number; name: string }>(`SELECT timestamp, name FROM ${table} WHERE name = ?`, [newest]);
    expect(row).toBeDefined();
    await server.db.query(`DELETE FROM ${table} WHERE name = ?`, [newest]);
    try {
      expect(await probe(server.url, '/readyz')).toEqual({ status: 503, body: { status: 'unavailable', reason: 'migrations pending' } });
      expect((await probe(server.url, '/healthz')).status).toBe(200); // alive all the same
    } finally {
      await server.db.query(`INSERT INTO ${table} (timestamp, name) VALUES (?, ?)`, [Number(row.timestamp), row.name]);
    }
    expect((await probe(server.url, '/readyz')).status).toBe(200);
  });

  it('/readyz is 503 "database unreachable" when the database cannot be queried', async () => {
    await server.db.dataSource.destroy();
    expect(await probe(server.url, '/readyz')).toEqual({ status: 503, body: { status: 'unavailable', reason: 'database unreachable' } });
    expect((await probe(server.url, '/healthz')).status).toBe(200);
  });

  it('/readyz is 503 "shutting down" as soon as shutdown starts, while requests are still served', async () => {
    const closing = server.gateway.close({ delayMs: 1_500 });
    expect(await probe(server.url, '/readyz')).toEqual({ status: 503, body: { status: 'unavailable', reason: 'shutting down' } });
    const res = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ campaigns { slug } }')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('connection')).toBe('close');
    await closing;
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
