import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { withQueryStats } from '../db/query-stats';
import type { RequestContext } from './context';
import { readBody, BodyTooLargeError } from './read-body';

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 1_000_000;

/**
 * Serves one GraphQL-over-HTTP request through Apollo on plain node:http (no framework:
 * Apollo 5 does the protocol, this only moves bytes). With `countStatements`, every SQL
 * statement the request sends, from context creation to the last loader, is counted in its
 * own QueryStats.
 */
export async function handleGraphQL(
  apollo: ApolloServer<RequestContext>, req: IncomingMessage, res: ServerResponse,
  makeContext: (headers: HeaderMap) => Promise<RequestContext>, options: { countStatements: boolean } = { countStatements: true },
): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  let body: unknown = undefined;
  if (req.method === 'POST') {
    let raw: string;
    try {
      raw = await readBody(req, MAX_BODY_BYTES);
    } catch (err) {
      if (err instanceof BodyTooLargeError) return sendError(res, 413, 'BAD_REQUEST', 'Request body is too large.', { connection: 'close' });
      throw err;
    }
    const type = headers.get('content-type') ?? '';
    if (type.includes('application/json')) {
      try {
        body = raw.length ? JSON.parse(raw) : undefined;
      } catch {
        return sendError(res, 400, 'BAD_REQUEST', 'Request body is not valid JSON.');
      }
    } else {
      body = raw;
    }
  }
  const url = req.url ?? '/';
  const search = url.includes('?') ? url.slice(url.indexOf('?')) : '';
  const response = await withQueryStats(() => apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, search, body },
    context: () => makeContext(headers),
  }), options.countStatements);
  res.statusCode = response.status ?? 200;
  for (const [key, value] of response.headers) res.setHeader(key, value);
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** A GraphQL-shaped error response for failures before Apollo sees the request. */
export function sendError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}
