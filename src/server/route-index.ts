/** Every route a client may use, for `GET /` without a browser (README's HTTP table, briefly). */
export const ROUTE_INDEX: ReadonlyArray<readonly [route: string, what: string]> = [
  ['POST /graphql', 'GraphQL over HTTP (content-type: application/json)'],
  ['GET  /graphql?query=…', 'GraphQL queries over GET (mutations are POST only)'],
  ['GET  /feeds/events.ics?…', 'iCalendar feed of the events you may see (region, country, category, campaign, organizer, from, to, lang)'],
  ['GET  /exports/events.csv?…', 'the same selection as CSV (UTF-8 with BOM)'],
  ['GET  /exports/events.xlsx?…', 'the same selection as an Excel workbook'],
  ['GET  /stats?…', 'statistics page (for a browser; takes the feed parameters)'],
  ['GET  /metrics', 'Prometheus metrics'],
  ['GET  /healthz', 'liveness: 200 while the process serves'],
  ['GET  /readyz', 'readiness: 200, or 503 with the reason'],
  ['GET  / (Accept: text/html)', 'the playground (GraphiQL), also at GET /graphql from a browser'],
];

/** The plain-text answer of `GET /` to a client that is not a browser. */
export function routeIndexText(): string {
  const width = Math.max(...ROUTE_INDEX.map(([route]) => route.length));
  const lines = ROUTE_INDEX.map(([route, what]) => `${route.padEnd(width)}  ${what}`);
  return `clustergraph: a GraphQL gateway over Germany's cluster landscape.\n\n${lines.join('\n')}\n`;
}
