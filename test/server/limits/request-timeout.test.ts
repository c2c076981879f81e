import { connect } from 'node:net';
import { startTestServer, type TestServer } from '../../helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demo: false, env: { REQUEST_TIMEOUT_MS: '1000' } });
});
afterAll(async () => {
  await server?.close();
});

/** Sends `head` and then nothing; resolves with what came back and how long the server waited. */
function stall(head: string): Promise<{ text: string; ms: number }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(Number(port), hostname, () => socket.write(head));
    let text = '';
    socket.on('data', (chunk) => { text += chunk.toString('utf8'); });
    socket.on('close', () => resolve({ text, ms: Date.now() - started }));
    socket.on('error', reject);
    socket.setTimeout(10_000, () => socket.destroy(new Error('the server kept waiting')));
  });
}

describe('REQUEST_TIMEOUT_MS', () => {
  it('answers 408 and closes when a body never finishes arriving', async () => {
    const r = await stall(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":`);
    expect(r.text).toMatch(/^HTTP\/1\.1 408/);
    expect(r.ms).toBeGreaterThanOrEqual(900);
    expect(r.ms).toBeLessThan(5_000);
  });

  it('does the same when the headers never end', async () => {
    const r = await stall('GET /graphql?query=%7B__typename%7D HTTP/1.1\r\nHost: x\r\n');
    expect(r.text).toMatch(/^HTTP\/1\.1 408/);
    expect(r.ms).toBeLessThan(5_000);
  });

  it('leaves quick requests alone', async () => {
    const res = await fetch(`${server.url}/graphql?query=%7B__typename%7D`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(200);
  });
});
