/** Longest operation name a log line keeps. */
export const MAX_LOGGED_NAME = 100;

/** The first named operation definition of a document (a fragment may come before it). */
const NAMED_OPERATION = /(?:^|[\s},])(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;

/**
 * The operation name of a GraphQL request as the client sent it, read before anything
 * else runs (the rate limiter may refuse the request before Apollo parses it): the
 * `operationName` parameter, else the name of the first operation in `query`, found by a
 * pattern rather than the parser, in the first 10,000 characters. A guess for logs and
 * metrics only: Apollo's resolved name replaces it once the document is parsed.
 */
export function operationNameOf(body: unknown, search: string): string | undefined {
  let params: { operationName?: unknown; query?: unknown } | undefined;
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) params = body as typeof params;
  else if (search.length > 1) {
    const query = new URLSearchParams(search.slice(1));
    params = { operationName: query.get('operationName') ?? undefined, query: query.get('query') ?? undefined };
  }
  if (!params) return undefined;
  if (typeof params.operationName === 'string' && params.operationName !== '') return params.operationName.slice(0, MAX_LOGGED_NAME);
  if (typeof params.query !== 'string') return undefined;
  return NAMED_OPERATION.exec(params.query.slice(0, 10_000))?.[1]?.slice(0, MAX_LOGGED_NAME);
}
