import { parse, validate, type OperationDefinitionNode } from 'graphql';
import { Role } from '../src/shared/viewer';
import { organizerKeyOf } from '../src/modules/organizers/organizer.entity';
import { buildGatewaySchema } from '../src/server/schema';
import { startTestServer, type TestServer } from './helpers/test-server';
import { gql } from './helpers/gql';
import { authHeaders, createKey } from './helpers/api-keys';
import { DOC_FILES, readDoc } from './helpers/docs';

// The README and the guides under docs/ are what a new user types first: their GraphQL
// blocks must keep working. A block whose first line is "# as <role> [<organiser id>]" runs
// with a key of that role; blocks with variables, and event mutations that need an event
// made by a curl example first, are checked against the schema only. Files are read in
// DOC_FILES order, so the admin examples of the cluster-unit guide build on one another.
const readme = readDoc('README.md');
const blocks = DOC_FILES.flatMap((file) => [...readDoc(file).matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]));

interface Example { source: string; role: Role; organizer?: string; runs: boolean; operations: string[] }

const examples: Example[] = blocks.map((source) => {
  const as = /^# as (\w+)(?: (\S+))?/.exec(source);
  const doc = parse(source);
  const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  const needsVariables = ops.some((o) => (o.variableDefinitions ?? []).some((v) => v.type.kind === 'NonNullType'));
  const mutates = ops.some((o) => o.operation === 'mutation');
  return {
    source,
    role: (as?.[1] as Role | undefined) ?? Role.PUBLIC,
    organizer: as?.[2],
    runs: !needsVariables && (!mutates || as !== null),
    operations: ops.map((o) => o.name?.value ?? ''),
  };
});

let server: TestServer;
const keys = new Map<string, Record<string, string>>();

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function headersFor(e: Example): Promise<Record<string, string>> {
  if (e.role === Role.PUBLIC) return {};
  const id = `${e.role} ${e.organizer ?? ''}`;
  if (!keys.has(id)) {
    const organizerId = e.organizer ? organizerKeyOf(e.organizer)?.key : undefined;
    keys.set(id, authHeaders(await createKey(server.db, e.role, { organizerId, name: `README ${id}` })));
  }
  return keys.get(id)!;
}

describe('README and guides', () => {
  it('show the quick start commands and at least three example queries', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
    expect(examples.filter((e) => e.runs && e.role === Role.PUBLIC).length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples.map((e, i) => [i + 1, e.source.split('\n')[0]]))('example %i is valid against the schema (%s)', (n) => {
    expect(validate(buildGatewaySchema(), parse(examples[(n as number) - 1].source)).map((e) => e.message)).toEqual([]);
  });

  // In README order: the admin examples build on one another (a network, then its update).
  it('run every example that needs no variables, with the role it names, without errors', async () => {
    for (const [i, e] of examples.entries()) {
      if (!e.runs) continue;
      for (const operationName of e.operations) {
        const r = await gql(server.url, e.source, {}, await headersFor(e), operationName || undefined);
        expect([i + 1, r.status, r.body.errors]).toEqual([i + 1, 200, undefined]);
        if (e.role === Role.PUBLIC) expect(JSON.stringify(r.body.data).length).toBeGreaterThan(200);
      }
    }
  });

  it('answer the Baden-Württemberg Clusterwoche grouped by category, with organisers and patrons', async () => {
    const r = await gql(server.url, examples[0].source);
    const groups = r.body.data.eventsByCategory as { category: string; count: number; events: { organizers: unknown[]; patrons: unknown[] }[] }[];
    expect(groups.length).toBe(11);
    expect(groups.every((g) => g.count > 0 && g.events.length === g.count)).toBe(true);
    expect(groups.flatMap((g) => g.events).every((e) => e.organizers.length > 0)).toBe(true);
    expect(groups.flatMap((g) => g.events).some((e) => e.patrons.length > 0)).toBe(true);
  });
});
