import { Kind, getOperationAST, getVariableValues, parse, validate, type OperationDefinitionNode } from 'graphql';
import { EXAMPLE_OPERATIONS, type ExampleOperation } from '../../src/playground/example-operations';
import { buildGatewaySchema } from '../../src/server/schema';
import { gql } from '../helpers/gql';
import { startTestServer, type TestServer } from '../helpers/test-server';

const schema = buildGatewaySchema();
const byName = (name: string): ExampleOperation => EXAMPLE_OPERATIONS.find((op) => op.name === name)!;

function operationOf(example: ExampleOperation): OperationDefinitionNode {
  const operation = getOperationAST(parse(example.query), example.name);
  if (!operation) throw new Error(`${example.name}: no operation of that name`);
  return operation;
}

describe('the playground examples, checked against the schema', () => {
  it('offers by-category, statistics, partner sync and search, under distinct names', () => {
    const names = EXAMPLE_OPERATIONS.map((op) => op.name);
    expect(names).toEqual(expect.arrayContaining(['EventsByCategory', 'EventStats', 'PartnerSync', 'Search']));
    expect(new Set(names).size).toBe(names.length);
    expect(names[0]).toBe('EventsByCategory');
  });

  it.each(EXAMPLE_OPERATIONS.map((op) => [op.name, op]))('%s parses and passes every validation rule of the gateway schema', (_name, example) => {
    const document = parse(example.query);
    expect(validate(schema, document)).toEqual([]);
    expect(document.definitions).toHaveLength(1);
    expect(operationOf(example).operation).toBe('query');
  });

  it.each(EXAMPLE_OPERATIONS.map((op) => [op.name, op]))('%s comes with values for exactly its variables, of the right types', (_name, example) => {
    const definitions = operationOf(example).variableDefinitions ?? [];
    expect(Object.keys(example.variables).sort()).toEqual(definitions.map((d) => d.variable.name.value).sort());
    const coerced = getVariableValues(schema, definitions, example.variables);
    expect(coerced.errors ?? []).toEqual([]);
  });

  it('asks partner sync for changes since an instant, newest change first, with cursors and statuses', () => {
    const text = byName('PartnerSync').query;
    expect(text).toMatch(/updatedSince:\s*\$since/);
    expect(text).toMatch(/orderBy:\s*UPDATED_DESC/);
    expect(text).toMatch(/pageInfo\s*\{\s*hasNextPage\s+endCursor\s*\}/);
    expect(text).toMatch(/\bcursor\b/);
    expect(text).toMatch(/\bstatus\b/);
  });

  it('groups statistics by category and month', () => {
    const field = operationOf(byName('EventStats')).selectionSet.selections.find(
      (s) => s.kind === Kind.FIELD && s.name.value === 'eventStats' && s.arguments?.some((a) => a.name.value === 'groupBy'),
    );
    expect(field).toBeDefined();
    expect(byName('EventStats').query).toMatch(/groupBy:\s*\[CATEGORY, MONTH\]/);
  });
});

describe('the playground examples, run against the demo data', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  it('answers EventsByCategory with the eleven categories of the Baden-Württemberg Clusterwoche', async () => {
    const r = await gql(server.url, byName('EventsByCategory').query, byName('EventsByCategory').variables, { 'accept-language': 'de' });
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    const groups = r.body.data.eventsByCategory as { category: string; events: { title: string }[] }[];
    expect(groups).toHaveLength(11);
    expect(groups.flatMap((g) => g.events.map((e) => e.title))).toContain('connect Dreiländereck: Veranstaltungsreihe Digitalisierung – erstmals trinational');
  });

  it('answers EventStats with counts by category and month, and by state', async () => {
    const r = await gql(server.url, byName('EventStats').query, byName('EventStats').variables);
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.byCategoryAndMonth.length).toBeGreaterThan(0);
    expect(r.body.data.byCategoryAndMonth.every((row: { month: string; category: string }) => /^\d{4}-\d{2}$/.test(row.month) && row.category)).toBe(true);
    expect(r.body.data.byState.map((row: { state: { code: string } }) => row.state.code)).toContain('DE1');
  });

  it('answers PartnerSync with a page of changed events, their cursors and statuses', async () => {
    const r = await gql(server.url, byName('PartnerSync').query, byName('PartnerSync').variables);
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    const events = r.body.data.events;
    expect(events.totalCount).toBeGreaterThan(0);
    expect(events.edges.length).toBeGreaterThan(0);
    expect(events.edges.every((e: { cursor: string; node: { status: string } }) => e.cursor && ['PUBLISHED', 'CANCELLED'].includes(e.node.status))).toBe(true);
  });

  it('answers Search with the Hannover Messe, or, while full-text search is not there, with BAD_USER_INPUT on filter.text', async () => {
    const r = await gql(server.url, byName('Search').query, byName('Search').variables, { 'accept-language': 'de' });
    expect(r.status).toBe(200);
    if (r.body.errors) {
      expect(r.body.errors.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'filter.text']]);
    } else {
      expect(r.body.data.events.nodes.map((e: { title: string }) => e.title).join('\n')).toMatch(/Hannover Messe/);
    }
  });
});
