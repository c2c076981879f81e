/**
 * The ready-made operations a new user finds as tabs in the playground. Each one is a
 * named operation (GraphiQL names the tab after it) with its variables, so an analyst can
 * change a value in the variables pane instead of editing the query.
 * test/playground/example-operations.test.ts validates every one against the schema.
 */

/** One playground tab: a single named GraphQL operation and its variables. */
export interface ExampleOperation {
  /** The operation's name, which is also the tab's title. */
  name: string;
  /** The document: comments for the reader, then exactly one operation called `name`. */
  query: string;
  /** Values for the operation's variables (shown as JSON in the variables pane). */
  variables: Record<string, unknown>;
}

const eventsByCategory: ExampleOperation = {
  name: 'EventsByCategory',
  query: `# Every Baden-Württemberg event (NUTS region DE1) of the Clusterwoche 2017,
# grouped by category, with organisers and patrons: one request.
# Run it with the ▶ button or Ctrl-Enter; change region or campaign below.
query EventsByCategory($region: String!, $campaign: String!) {
  eventsByCategory(filter: { region: $region, campaign: $campaign }, eventsPerCategory: 50) {
    category
    count
    events {
      title
      startsAt
      venue { city }
      region { name }
      organizers { __typename name ... on Network { scope } }
      patrons { honorific name office ministry { shortName } }
    }
  }
}
`,
  variables: { region: 'DE1', campaign: 'clusterwoche-2017' },
};

const eventStats: ExampleOperation = {
  name: 'EventStats',
  query: `# How many events of the Clusterwoche 2017 per category and month, and per state.
# Other dimensions: REGION, COUNTRY, ORGANIZER, CAMPAIGN. The filter is the one
# every event list takes (region, country, categories, startsFrom, …).
query EventStats($filter: EventFilter) {
  byCategoryAndMonth: eventStats(filter: $filter, groupBy: [CATEGORY, MONTH]) {
    count
    category
    month
  }
  byState: eventStats(filter: $filter, groupBy: [STATE]) {
    count
    state { code name }
  }
}
`,
  variables: { filter: { campaign: 'clusterwoche-2017' } },
};

const partnerSync: ExampleOperation = {
  name: 'PartnerSync',
  query: `# Incremental pull for partners: every event changed since your last sync, most
# recent change first. Keep the newest updatedAt you saw and pass it as $since next
# time; while pageInfo.hasNextPage, pass pageInfo.endCursor as $after for the next
# page. CANCELLED events come along so you can take them off your side.
# With an API key, put {"Authorization": "Bearer <key>"} into the Headers pane.
query PartnerSync($since: DateTime!, $after: String) {
  events(
    filter: { updatedSince: $since, statuses: [PUBLISHED, CANCELLED] }
    orderBy: UPDATED_DESC
    first: 100
    after: $after
  ) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id
        slug
        status
        version
        updatedAt
        title
        category
        startsAt
        endsAt
        timeZone
        region { code }
        organizers { id name }
        url
      }
    }
  }
}
`,
  variables: { since: '2017-01-01T00:00:00Z', after: null },
};

const search: ExampleOperation = {
  name: 'Search',
  query: `# Full-text search over event titles and descriptions, in any language.
# Try "go-cluster", "Hoffmeister-Kraut" or "Dreiländereck".
query Search($text: String!) {
  events(filter: { text: $text }, first: 20) {
    totalCount
    nodes {
      title
      category
      startsAt
      venue { city }
      organizers { name }
      campaign { name }
    }
  }
}
`,
  variables: { text: 'Hannover Messe' },
};

/** The playground's tabs, in the order they are shown; the first one is open at the start. */
export const EXAMPLE_OPERATIONS: readonly ExampleOperation[] = [eventsByCategory, eventStats, partnerSync, search];
