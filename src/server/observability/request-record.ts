import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { QueryStats } from '../../db/query-stats';

/**
 * What the gateway learns about one HTTP request while serving it, for its log line and
 * its metrics: filled by the route (operation, error codes, viewer role) and by the
 * request's database view (statements). Never holds the key, headers or variables.
 */
export interface RequestRecord extends QueryStats {
  /** From X-Request-Id when it is a sane token, else made here; echoed in the response. */
  id: string;
  method: string;
  /** The route's fixed name (never the query string). */
  route: string;
  /** The GraphQL operation's name as sent (truncated), once Apollo resolved it. */
  operationName?: string;
  /** extensions.code of every error the response carries, in order. */
  errorCodes: string[];
  /** The viewer's role, once the key (if any) was checked. */
  role?: string;
  /**
   * The level of the request's log line when the route knows better than its status: a
   * 503 from /readyz is the answer it exists to give (shutting down, database away), not
   * a failure of the request.
   */
  logLevel?: 'info' | 'warn';
  /** Called with a DataLoader's name and batch size each time one dispatches. */
  onBatch?: (loader: string, size: number) => void;
}

/** Letters, digits and `._:-`, up to 128: what load balancers and tracers send. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request id to use: the client's X-Request-Id if it is a sane token, else a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}

const ROUTES = new Set(['/graphql', '/feeds/events.ics', '/exports/events.csv', '/stats', '/healthz', '/readyz', '/metrics', '/']);

/** A path's route name for logs and metric labels: a known route, `/playground`, or `other`. */
export function routeOf(path: string): string {
  if (ROUTES.has(path)) return path;
  if (path.startsWith('/playground/')) return '/playground';
  return 'other';
}

/** A fresh record for a request that just arrived. */
export function newRequestRecord(req: IncomingMessage): RequestRecord {
  const path = (req.url ?? '/').split('?')[0];
  return {
    id: requestIdFrom(req.headers['x-request-id']),
    method: req.method ?? 'GET',
    route: routeOf(path),
    errorCodes: [],
    sqlStatements: 0,
    startedAt: process.hrtime.bigint(),
  };
}

const records = new WeakMap<object, RequestRecord>();

/** Ties a record to its response, so code that only has the response can add to it. */
export function attachRecord(res: object, record: RequestRecord): void {
  records.set(res, record);
}

/** The record of a response being served (undefined outside the gateway, e.g. in a unit test). */
export function recordOf(res: object): RequestRecord | undefined {
  return records.get(res);
}

/** Notes an error code a route answered with outside GraphQL execution (413, bad JSON, 429, …). */
export function noteErrorCode(res: object, code: string): void {
  records.get(res)?.errorCodes.push(code);
}
