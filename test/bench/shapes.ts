import type { GraphQLClient } from './graphql-client';

/** One benchmarked request: a fixed GraphQL operation and the variables to send with it. */
export interface PreparedShape {
  name: string;
  label: string;
  query: string;
  /** Variables per request; several sets are sent round-robin (e.g. 1,000 event ids for Q4). */
  variables: Record<string, unknown>[];
  /** Whether the floor (server time / SQL time) is measured for this shape. */
  floor: boolean;
}

/** A shape as written here: how to find its variables on the seeded dataset. */
interface ShapeDefinition {
  name: string;
  label: string;
  query: string;
  floor: boolean;
  prepare(client: GraphQLClient): Promise<Record<string, unknown>[]>;
}

const Q1 = `query Q1($campaign: String!) {
  eventsByCategory(filter: { region: "DE1", campaign: $campaign }, eventsPerCategory: 20) {
    category count
    events {
      id title startsAt
      organizers { id name }
      patrons { name ministry { name } }
    }
  }
}`;

const Q2 = `query Q2($first: Int!) {
  events(first: $first, orderBy: START_ASC) {
    edges {
      cursor
      node {
        id title category startsAt endsAt
        venue { name city }
        region { code name parent { code name } }
        campaign { slug name }
        organizers {
          id name
          ... on Network { members { name } }
          ... on Initiative { networks { name } }
        }
        patrons { name ministry { name } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

const Q3 = `query Q3($from: DateTime!, $before: DateTime!) {
  events(first: 20, filter: { region: "DE1", categories: [WORKSHOP, SEMINAR], startsFrom: $from, startsBefore: $before }) {
    totalCount
    nodes { title }
  }
}`;

const Q4 = `query Q4($id: ID!) { node(id: $id) { ... on Event { title } } }`;

const Q5 = `query Q5($after: String) {
  events(first: 100, orderBy: START_ASC, after: $after) {
    edges { cursor node { id title startsAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const Q6 = `query Q6 {
  eventStats(groupBy: [STATE, CATEGORY]) { count category state { code name } }
}`;

const Q7 = `query Q7($text: String!) {
  events(first: 20, filter: { text: $text }) { totalCount nodes { id title startsAt } }
}`;

/** The campaign (a synthetic Clusterwoche) with the most DE1 events: Q1's worst case. */
async function busiestCampaign(client: GraphQLClient): Promise<string> {
  const { campaigns } = await client.data<{ campaigns: { slug: string }[] }>('{ campaigns { slug } }');
  let best = { slug: 'clusterwoche-2017', count: -1 };
  for (const { slug } of campaigns) {
    const r = await client.data<{ events: { totalCount: number } }>(
      'query($c: String!) { events(filter: { region: "DE1", campaign: $c }) { totalCount } }', { c: slug });
    if (r.events.totalCount > best.count) best = { slug, count: r.events.totalCount };
  }
  return best.slug;
}

/** Event ids spread over the whole table, so Q4 is not one hot row. */
async function eventIds(client: GraphQLClient, count: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 100 && ids.length < count; page += 1) {
    const r: { events: { nodes: { id: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } } =
      await client.data(`query($after: String) { events(first: 100, orderBy: TITLE_ASC, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }`, { after });
    ids.push(...r.events.nodes.map((n) => n.id).filter((_, i) => i % 10 === 0));
    if (!r.events.pageInfo.hasNextPage) break;
    after = r.events.pageInfo.endCursor;
  }
  return ids;
}

/** The cursor after which page `page` (1-based) of `size` starts, walked through the API. */
async function cursorBeforePage(client: GraphQLClient, page: number, size: number): Promise<string | null> {
  let after: string | null = null;
  for (let p = 1; p < page; p += 1) {
    const r: { events: { pageInfo: { endCursor: string | null } } } = await client.data(
      `query($after: String) { events(first: ${size}, orderBy: START_ASC, after: $after) { pageInfo { endCursor } } }`, { after });
    after = r.events.pageInfo.endCursor;
  }
  return after;
}

/** Q1–Q5 of issue 3 and Q6–Q7 of issue 4, fixed from now on; later shapes are appended, never changed. */
export const SHAPES: ShapeDefinition[] = [
  { name: 'Q1', label: 'by-category', query: Q1, floor: true, prepare: async (c) => [{ campaign: await busiestCampaign(c) }] },
  { name: 'Q2', label: 'nested page (100)', query: Q2, floor: true, prepare: async () => [{ first: 100 }] },
  { name: 'Q2/10', label: 'nested page (10)', query: Q2, floor: false, prepare: async () => [{ first: 10 }] },
  {
    name: 'Q3', label: 'filter + count', query: Q3, floor: false,
    prepare: async () => [{ from: '2024-01-01T00:00:00Z', before: '2026-01-01T00:00:00Z' }],
  },
  { name: 'Q4', label: 'point lookup', query: Q4, floor: true, prepare: async (c) => (await eventIds(c, 1000)).map((id) => ({ id })) },
  { name: 'Q5/1', label: 'page 1 of 100', query: Q5, floor: false, prepare: async () => [{ after: null }] },
  { name: 'Q5', label: 'page 200 of 100', query: Q5, floor: false, prepare: async (c) => [{ after: await cursorBeforePage(c, 200, 100) }] },
  { name: 'Q6', label: 'stats state×category', query: Q6, floor: false, prepare: async () => [{}] },
  // Words the synthetic titles use, in the spellings people type: umlauts spelt out, accents dropped.
  { name: 'Q7', label: 'search, first 20', query: Q7, floor: false, prepare: async () => ['Medizintechnik', 'photonique', 'Kuenstliche Intelligenz', 'Wasserstoff', 'Loerrach'].map((text) => ({ text })) },
];

/** Resolves every shape's variables against the running server. */
export async function prepareShapes(client: GraphQLClient, only?: string[]): Promise<PreparedShape[]> {
  const chosen = only && only.length > 0 ? SHAPES.filter((s) => only.includes(s.name)) : SHAPES;
  const prepared: PreparedShape[] = [];
  for (const s of chosen) {
    prepared.push({ name: s.name, label: s.label, query: s.query, floor: s.floor, variables: await s.prepare(client) });
  }
  return prepared;
}
