import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer, type TestServer } from './helpers/test-server';
import { gql } from './helpers/gql';

// README's example queries are what a new user types first: they must keep working.
const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('README', () => {
  it('shows the quick start commands and at least three example queries', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples.map((q, i) => [i + 1, q]))('example %i answers from the demo data without errors', async (_n, query) => {
    const r = await gql(server.url, query as string);
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    expect(JSON.stringify(r.body.data).length).toBeGreaterThan(200);
  });

  it('answers the Baden-Württemberg Clusterwoche grouped by category, with organisers and patrons', async () => {
    const r = await gql(server.url, examples[0]);
    const groups = r.body.data.eventsByCategory as { category: string; count: number; events: { organizers: unknown[]; patrons: unknown[] }[] }[];
    expect(groups.length).toBe(11);
    expect(groups.every((g) => g.count > 0 && g.events.length === g.count)).toBe(true);
    expect(groups.flatMap((g) => g.events).every((e) => e.organizers.length > 0)).toBe(true);
    expect(groups.flatMap((g) => g.events).some((e) => e.patrons.length > 0)).toBe(true);
  });
});
