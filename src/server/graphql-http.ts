import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { noteErrorCode, recordOf } from './observability/request-record';
import { operationNameOf } from './observability/operation-name';
import { isJsonContentType } from '../shared/media-type';
import type { RequestContext } from '../shared/request-context';
import { readBody, BodyTooLargeError } from './read-body';

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 1_000_000;

/**
 * Serves one GraphQL-over-HTTP request through Apollo on plain node:http (no framework:
 * Apollo 5 does the protocol, this only moves bytes). `makeContext` gives the request its
 * context (and with it the database view that counts its statements).
 */
export async function handleGraphQL(
  apollo: ApolloServer<RequestContext>, req: IncomingMessage, res: ServerResponse,
  makeContext: (headers: HeaderMap) => Promise<RequestContext>,
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
    if (isJsonContentType(headers.get('content-type'))) {
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
  const record = recordOf(res);
  if (record) record.operationName = operationNameOf(body, search);
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, search, body },
    context: () => makeContext(headers),
  });
  res.statusCode = response.status ?? 200;
  for (const [key, value] of response.headers) {
    // Keep what CORS put in Vary (origin) beside what the response varies by.
    const before = key === 'vary' ? res.getHeader('vary') : undefined;
    res.setHeader(key, before ? `${String(before)}, ${value}` : value);
  }
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** A GraphQL-shaped error response for failures before Apollo sees the request. */
export function sendError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  noteErrorCode(res, code);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}
