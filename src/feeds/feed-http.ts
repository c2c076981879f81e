import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Language } from '../shared/i18n';
import type { RequestContext } from '../shared/request-context';
import { parseFeedQuery } from './feed-query';
import { openEventFeed, type EventFeedSource } from './event-feed-source';
import { icsFeed } from './ics-feed';
import { csvExport } from './csv-export';
import { xlsxExport } from './xlsx-export';
import { feedValidators, notModified, type FeedValidators } from './feed-etag';

/** A way of writing a selection of events out. */
export interface FeedFormat {
  contentType: string;
  filename: string;
  /** Text or bytes, a piece at a time (each piece is written and waited for before the next). */
  render(source: EventFeedSource, lang: Language): AsyncGenerator<string | Uint8Array>;
}

/** GET /feeds/events.ics: an iCalendar feed to subscribe to. */
export const ICS_FEED: FeedFormat = {
  contentType: 'text/calendar; charset=utf-8',
  filename: 'clustergraph-events.ics',
  render: icsFeed,
};

/** GET /exports/events.csv: a spreadsheet. */
export const CSV_EXPORT: FeedFormat = {
  contentType: 'text/csv; charset=utf-8',
  filename: 'clustergraph-events.csv',
  render: csvExport,
};

/** GET /exports/events.xlsx: the CSV's selection and columns as a workbook with typed cells. */
export const XLSX_EXPORT: FeedFormat = {
  contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  filename: 'clustergraph-events.xlsx',
  render: xlsxExport,
};

/** The trailer that carries the request's SQL statement count when EXPOSE_QUERY_STATS is on. */
export const STATEMENTS_TRAILER = 'x-sql-statements';

/**
 * What a feed notes about its request for the request's log line and metrics, and reads
 * back: the server's record of the request. Passed in rather than found through the
 * context, as a bad key fails before there is a context, and its code is noted all the same.
 */
export interface FeedRequestRecord {
  /** extensions.code of every error the answer carries, in order. */
  errorCodes: string[];
  /** The SQL statements the request has sent so far. */
  readonly sqlStatements: number;
}

/** HTTP statuses of the errors a feed request can run into before it streams. */
const STATUS_OF_CODE: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403 };

/**
 * Serves a feed or export of events. The viewer and language come from `makeContext`, the
 * very function that makes the GraphQL context, so feeds authenticate exactly as GraphQL
 * does; the query parameters become an EventFilter checked by the GraphQL filter code;
 * error codes and the statement count go to and come from the request's `record`.
 * Every problem found before the first byte is a plain-text answer (400 bad parameter,
 * 401 bad key, 403). Then the body streams chunk by chunk, waiting for the socket to drain
 * whenever write() says so, and stops reading when the client goes away; a failure halfway
 * aborts the connection, so no one mistakes half a file for a whole one.
 */
export async function serveEventFeed(
  format: FeedFormat, req: IncomingMessage, res: ServerResponse,
  makeContext: (headers: HeaderMap) => Promise<RequestContext>, record: FeedRequestRecord,
  options: { exposeQueryStats: boolean; feedMaxAge?: number },
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return plain(res, 405, 'Only GET and HEAD are supported here.', { allow: 'GET, HEAD' });
  }
  let source: EventFeedSource;
  let lang: Language;
  let validators: FeedValidators;
  try {
    const ctx = await makeContext(headerMapOf(req));
    const query = parseFeedQuery(new URL(req.url ?? '/', 'http://localhost').searchParams);
    lang = query.lang ?? ctx.lang;
    source = await openEventFeed(ctx, query.filter);
    validators = await feedValidators(format.filename, ctx.viewer, query, lang, source, options.feedMaxAge ?? 300);
  } catch (err) {
    const status = statusOf(err);
    if (status === null) throw err;
    record.errorCodes.push(String((err as GraphQLError).extensions.code));
    return plain(res, status, (err as GraphQLError).message, { ...(status === 401 ? { 'www-authenticate': 'Bearer' } : {}), ...httpHeadersOf(err) });
  }
  const caching = { etag: validators.etag, 'cache-control': validators.cacheControl, vary: varyWith(res, 'accept-language, authorization') };
  if (notModified(req, validators.etag)) {
    res.writeHead(304, caching); // nothing streamed, nothing rendered
    return void res.end();
  }

  // Trailers need chunked encoding: not for HEAD, nor for HTTP/1.0 clients (node throws).
  const trailer = options.exposeQueryStats && req.method === 'GET' && req.httpVersion !== '1.0';
  res.writeHead(200, {
    'content-type': format.contentType,
    'content-disposition': `attachment; filename="${format.filename}"`,
    ...caching,
    'x-content-type-options': 'nosniff',
    ...(trailer ? { trailer: STATEMENTS_TRAILER } : {}),
  });
  if (req.method === 'HEAD') return void res.end();
  try {
    for await (const piece of format.render(source, lang)) {
      if (res.destroyed) return; // the client left: stop reading the database
      if (!res.write(piece)) await drained(res);
      // Reading a SQLite chunk is synchronous, and on a fast socket a write completes at
      // once and 'drain' comes on process.nextTick: without a turn of the event loop here
      // the whole export ran in microtasks and held every other request (and SIGTERM)
      // until it ended, ~3 s for 30k events.
      await yieldToEventLoop();
    }
  } catch (err) {
    res.destroy();
    throw err;
  }
  if (trailer) res.addTrailers({ [STATEMENTS_TRAILER]: String(record.sqlStatements) });
  res.end();
}

/** The status of an error the client can act on (bad parameter, key or role); null for anything else. */
function statusOf(err: unknown): number | null {
  if (!(err instanceof GraphQLError)) return null;
  const http = err.extensions.http as { status?: number } | undefined;
  return http?.status ?? STATUS_OF_CODE[String(err.extensions.code)] ?? null;
}

/** Headers an error asks for (Retry-After of RATE_LIMITED, WWW-Authenticate of a bad key). */
function httpHeadersOf(err: unknown): Record<string, string> {
  const headers = ((err as GraphQLError).extensions.http as { headers?: Map<string, string> } | undefined)?.headers;
  return headers ? Object.fromEntries(headers) : {};
}

function plain(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(`${message}\n`);
}

/** The request's headers as Apollo's HeaderMap, which makeContext reads. */
function headerMapOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** A Vary value that keeps what CORS already put there (origin). */
function varyWith(res: ServerResponse, more: string): string {
  const before = res.getHeader('vary');
  return before ? `${String(before)}, ${more}` : more;
}

/** Lets timers and other sockets run between two chunks. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Resolves when the socket can take more, or when the response closed (client gone). */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
