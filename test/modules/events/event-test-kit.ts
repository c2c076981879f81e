import { gql, gqlData, type GqlResponse } from '../../helpers/gql';

/** The fields the event tests compare lists by. */
export const EVENT_FIELDS = `
  id slug status category startsAt updatedAt languages
  region { code }
  campaign { slug }
  organizers { id }
`;

/** An event as EVENT_FIELDS selects it. */
export interface EventRow {
  id: string;
  slug: string;
  status: string;
  category: string;
  startsAt: string;
  updatedAt: string;
  languages: string[];
  region: { code: string };
  campaign: { slug: string } | null;
  organizers: { id: string }[];
}

/** One page of `events` as the tests ask for it. */
export interface EventPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: EventRow }[];
}

export const EVENTS_PAGE = `
  query Page($filter: EventFilter, $orderBy: EventOrder, $first: Int, $after: String) {
    events(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { ${EVENT_FIELDS} } }
    }
  }`;

/** One page of the top-level list. */
export async function eventPage(
  url: string, vars: { filter?: object; orderBy?: string; first?: number; after?: string | null },
): Promise<EventPage> {
  return (await gqlData<{ events: EventPage }>(url, EVENTS_PAGE, vars)).events;
}

/** Every event of a filter and order, walking pages of `pageSize` through endCursor. */
export async function allEvents(
  url: string, filter: object = {}, orderBy = 'START_ASC', pageSize = 100,
): Promise<{ rows: EventRow[]; pages: EventPage[] }> {
  const rows: EventRow[] = [];
  const pages: EventPage[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 1000; guard += 1) {
    const page = await eventPage(url, { filter, orderBy, first: pageSize, after });
    pages.push(page);
    rows.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return { rows, pages };
    after = page.pageInfo.endCursor;
  }
  throw new Error('more than 1000 pages: endCursor does not advance');
}

/** How many events a filter matches (events.totalCount). */
export async function countOf(url: string, filter: object): Promise<number> {
  const data = await gqlData<{ events: { totalCount: number } }>(
    url, 'query C($f: EventFilter) { events(filter: $f, first: 0) { totalCount } }', { f: filter });
  return data.events.totalCount;
}

/** The slugs of rows, sorted (to compare sets). */
export function slugSet(rows: { slug: string }[]): string[] {
  return rows.map((r) => r.slug).sort();
}

/** Epoch ms of a DateTime the API returned. */
export function instant(dateTime: string): number {
  const ms = Date.parse(dateTime);
  if (Number.isNaN(ms)) throw new Error(`not a date-time: ${dateTime}`);
  return ms;
}

/**
 * Asserts the contract's answer to bad input: HTTP 200, the first error BAD_USER_INPUT
 * naming `field`, no INTERNAL_SERVER_ERROR anywhere, and no data for the failing field.
 */
export function expectBadUserInput(res: GqlResponse, field: string, rootField?: string): void {
  expect(res.status).toBe(200);
  expect(res.body.errors?.length).toBeGreaterThan(0);
  expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(res.body.errors!.map((e) => e.extensions?.code)).not.toContain('INTERNAL_SERVER_ERROR');
  if (rootField !== undefined) expect(res.body.data?.[rootField] ?? null).toBeNull();
}

/** POSTs a query and returns the raw response (for error assertions). */
export function send(url: string, query: string, variables?: Record<string, unknown>): Promise<GqlResponse> {
  return gql(url, query, variables);
}

/** The global id of an organiser found through the API, by its German name. */
export async function organizerIdByName(url: string, name: string): Promise<string> {
  const data = await gqlData<{
    ministries: { id: string; name: string }[];
    initiatives: { nodes: { id: string; name: string }[] };
    networks: { nodes: { id: string; name: string }[] };
  }>(url, `{
    ministries { id name(lang: DE) }
    initiatives(first: 100) { nodes { id name(lang: DE) } }
    networks(first: 100) { nodes { id name(lang: DE) } }
  }`);
  const all = [...data.ministries, ...data.initiatives.nodes, ...data.networks.nodes];
  const found = all.find((o) => o.name === name);
  if (!found) throw new Error(`no organiser named ${name}`);
  return found.id;
}
