import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { Logger } from '../logger';
import { Language, languageFromAcceptHeader } from '../shared/i18n';
import { createContext } from './context';
import type { RequestContext } from '../shared/request-context';
import { Services } from './services';
import { buildGatewaySchema } from './schema';
import { compiledExecutorGateway } from './compiled-executor';
import { createErrorFormatter } from './format-error';
import { queryStatsPlugin } from './plugins/query-stats.plugin';
import { handleGraphQL, sendError } from './graphql-http';
import { healthz, readyz } from './health';
import { servePlayground } from '../playground/playground-routes';
import { serveStatsPage } from '../stats-page/stats-routes';
import { resolveViewer } from './authenticate';
import { countingDatabase } from '../db/counting-database';
import { GatewayMetrics } from './observability/metrics';
import { observabilityPlugin } from './observability/observability.plugin';
import { observeRequest } from './observability/request-log';
import { noteErrorCode, type RequestRecord } from './observability/request-record';
import { drainHttpServer } from './shutdown';
import { CSV_EXPORT, ICS_FEED, XLSX_EXPORT, serveEventFeed } from '../feeds/feed-http';
import { connectRedis, disconnectRedis } from './redis';
import { queryLimitsPlugin } from './limits/query-limits.plugin';
import { createRateLimits } from './limits/rate-limits';
import { clientAddress } from './limits/client-address';
import { RedisKeyValueCache } from './cache/redis-kv-cache';
import { cacheControlHeaderPlugin } from './cache/cache-control.plugin';
import { UnauthenticatedError } from './authenticate';
import { openEventFeed } from '../feeds/event-feed-source';
import type { FeedQuery } from '../feeds/feed-query';
import { routeIndexText } from './route-index';
import { startChangeLogPruner } from '../modules/changes';

/** How often the change log is pruned, and how soon after start first. */
const CHANGE_LOG_PRUNE_EVERY_MS = 3_600_000;
const CHANGE_LOG_FIRST_PRUNE_MS = 60_000;

/** A running gateway: its HTTP server and how to stop it. */
export interface Gateway {
  server: Server;
  /** Base URL, e.g. http://127.0.0.1:4000 */
  url: string;
  /**
   * Shuts down gracefully: /readyz answers 503 at once; after `delayMs` (time for a load
   * balancer to notice) no new connections, in-flight requests finish, then Apollo stops.
   */
  close(options?: { delayMs?: number }): Promise<void>;
}

/** Builds the gateway on an open database and starts listening. */
export async function startGateway(config: Config, db: Database, logger: Logger): Promise<Gateway> {
  const metrics = new GatewayMetrics(db);
  let shuttingDown = false;
  // Redis (optional) shares rate-limit counters and APQ between instances.
  const redis = config.redisUrl ? await connectRedis(config.redisUrl, logger) : null;
  const rateLimits = createRateLimits({
    publicPerMin: config.rateLimitPublicPerMin, keyPerMin: config.rateLimitKeyPerMin, redis, keyPrefix: config.redisPrefix, logger,
  });
  const apollo = new ApolloServer<RequestContext>({
    // GRAPHQL_EXECUTOR=jit: Apollo runs a gateway's executor in place of graphql-js's
    // execute, ours compiles each document with graphql-jit. Not the default: on the
    // benchmark it saved no CPU and doubled the point lookup's p99 (test/bench/RESULTS.md).
    ...(config.graphqlExecutor === 'jit'
      ? { gateway: compiledExecutorGateway(buildGatewaySchema(), logger) }
      : { schema: buildGatewaySchema() }),
    csrfPrevention: false, // bearer keys only, no cookies: GET /graphql?query=… must work bare
    allowBatchedHttpRequests: false,
    stopOnTerminationSignals: false, // main.ts shuts down in order: HTTP, Apollo, database
    introspection: config.introspection,
    parseOptions: { maxTokens: config.limits.tokens }, // the token limit: graphql-js stops parsing past it
    // APQ: Apollo's in-memory LRU by default, Redis (shared by all instances) with REDIS_URL.
    persistedQueries: redis ? { cache: new RedisKeyValueCache(redis, config.redisPrefix, logger), ttl: 86_400 } : {},
    includeStacktraceInErrorResponses: config.debugErrors,
    formatError: createErrorFormatter(logger, config.debugErrors),
    // Apollo's cache-control plugin wraps every field's resolver to collect hints (3–5 % of a
    // nested page, test/bench/RESULTS.md); cacheControlHeaderPlugin reads them per document.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), observabilityPlugin(),
      queryLimitsPlugin(config.limits), cacheControlHeaderPlugin(config.cacheMaxAge), ...(config.exposeQueryStats ? [queryStatsPlugin()] : [])],
  });
  await apollo.start();

  // Every statement of a request goes through its own database view, which counts it.
  // Rate limits count here, before anything runs: per key, or per address for the public.
  const makeContext = async (headers: HeaderMap, record: RequestRecord, address: string): Promise<RequestContext> => {
    const requestDb = countingDatabase(db, record);
    const viewer = await resolveViewer(requestDb, headers.get('authorization')).catch(async (err: unknown) => {
      if (err instanceof UnauthenticatedError) await rateLimits.chargeRefusedKey(address);
      throw err;
    });
    record.role = viewer.role; // before the limiter: a refused request is logged with its role too
    await rateLimits.charge(viewer, address);
    return createContext(new Services(requestDb), viewer, languageFromAcceptHeader(headers.get('accept-language')), record);
  };
  // Apollo answers a failed context (a bad key) without running plugins: its code is noted here.
  const graphqlContext = (res: ServerResponse, record: RequestRecord, address: string) => (headers: HeaderMap) =>
    makeContext(headers, record, address).catch((err: unknown) => {
      const code = (err as { extensions?: { code?: unknown } }).extensions?.code;
      noteErrorCode(res, typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
      throw err;
    });

  // The statistics page checks its filter exactly as the feeds do, as the public: it is a
  // page anyone may open (its script sends the key, if any, to /graphql itself).
  const checkStatsFilter = async (query: FeedQuery, record: RequestRecord): Promise<void> => {
    const requestDb = countingDatabase(db, record);
    const ctx = createContext(new Services(requestDb), await resolveViewer(requestDb, undefined), query.lang ?? Language.DE, record);
    await openEventFeed(ctx, query.filter);
  };

  const route = async (req: IncomingMessage, res: ServerResponse, record: RequestRecord): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0];
    const address = clientAddress(req, config.trustProxy);
    applyCors(req, res, config.corsOrigins);
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (await servePlayground(req, res, path)) return; // GET / and /graphql from a browser, /playground/*
    if (await serveStatsPage(req, res, path, (query) => checkStatsFilter(query, record))) return; // GET /stats and /stats/<version>/*
    if (path === '/graphql') return handleGraphQL(apollo, req, res, graphqlContext(res, record, address));
    if (path === '/healthz') return healthz(res);
    if (path === '/readyz') return readyz(res, db, shuttingDown);
    if (path === '/metrics') return serveMetrics(res, metrics);
    if (path === '/feeds/events.ics') return serveEventFeed(ICS_FEED, req, res, (h) => makeContext(h, record, address), record, config);
    if (path === '/exports/events.csv') return serveEventFeed(CSV_EXPORT, req, res, (h) => makeContext(h, record, address), record, config);
    if (path === '/exports/events.xlsx') return serveEventFeed(XLSX_EXPORT, req, res, (h) => makeContext(h, record, address), record, config);
    if (path === '/') {
      const vary = res.getHeader('vary'); // a browser gets the playground here
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', vary: vary ? `${String(vary)}, accept` : 'accept' });
      res.end(routeIndexText());
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found\n');
  };

  // node checks request timeouts every connectionsCheckingInterval (30 s by default).
  const server = createServer({ connectionsCheckingInterval: Math.min(30_000, Math.max(250, config.requestTimeoutMs / 4)) }, (req, res) => {
    const record = observeRequest(req, res, logger, metrics);
    if (shuttingDown) res.setHeader('connection', 'close');
    route(req, res, record).catch((err) => {
      logger.error({ err }, 'request failed');
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else res.end();
    });
  });
  server.keepAliveTimeout = 65_000;
  // A whole request (headers and body) must arrive within REQUEST_TIMEOUT_MS (slow-loris guard).
  server.requestTimeout = config.requestTimeoutMs;
  server.headersTimeout = Math.min(server.headersTimeout, config.requestTimeoutMs);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  // Every instance prunes; batches are short transactions, and deleting what another deleted is nothing.
  const pruner = startChangeLogPruner(db, {
    retentionMs: config.changeLogRetentionMs, intervalMs: CHANGE_LOG_PRUNE_EVERY_MS, firstRunMs: CHANGE_LOG_FIRST_PRUNE_MS, logger,
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}`,
    close: async ({ delayMs = 0 } = {}) => {
      shuttingDown = true;
      await pruner.stop();
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      await drainHttpServer(server);
      await apollo.stop();
      if (redis) await disconnectRedis(redis);
    },
  };
}

async function serveMetrics(res: ServerResponse, metrics: GatewayMetrics): Promise<void> {
  const { contentType, body } = await metrics.render();
  res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(body);
}

/** Response headers a browser script may read besides the CORS-safelisted ones. */
export const EXPOSED_HEADERS = 'x-request-id, retry-after, etag, content-disposition, www-authenticate';

function applyCors(req: IncomingMessage, res: ServerResponse, origins: string[]): void {
  const origin = req.headers.origin;
  if (!origin || origins.length === 0) return;
  if (origins.includes('*') || origins.includes(origin)) {
    res.setHeader('access-control-allow-origin', origins.includes('*') ? '*' : origin);
    res.setHeader('vary', 'origin');
    res.setHeader('access-control-allow-headers', 'content-type, authorization, accept-language, x-request-id, if-none-match');
    // Beyond the CORS-safelisted ones, what a client reads: the id to quote in a support
    // request, when to retry a 429, the feeds' validator, an export's file name.
    res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  }
}
