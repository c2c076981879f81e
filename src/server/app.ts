import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { Logger } from '../logger';
import { languageFromAcceptHeader } from '../shared/i18n';
import { createContext, type RequestContext } from './context';
import { createServices } from './services';
import { buildGatewaySchema } from './schema';
import { createErrorFormatter } from './format-error';
import { queryStatsPlugin } from './plugins/query-stats.plugin';
import { handleGraphQL, sendError } from './graphql-http';
import { healthz, readyz } from './health';
import { servePlayground } from '../playground/playground-routes';
import { resolveViewer } from './authenticate';
import { CSV_EXPORT, ICS_FEED, serveEventFeed } from '../feeds/feed-http';

/** A running gateway: its HTTP server and how to stop it. */
export interface Gateway {
  server: Server;
  /** Base URL, e.g. http://127.0.0.1:4000 */
  url: string;
  close(): Promise<void>;
}

/** Builds the gateway on an open database and starts listening. */
export async function startGateway(config: Config, db: Database, logger: Logger): Promise<Gateway> {
  const services = createServices(db);
  const apollo = new ApolloServer<RequestContext>({
    schema: buildGatewaySchema(),
    csrfPrevention: false, // bearer keys only, no cookies: GET /graphql?query=… must work bare
    allowBatchedHttpRequests: false,
    stopOnTerminationSignals: false, // main.ts shuts down in order: HTTP, Apollo, database
    introspection: true,
    includeStacktraceInErrorResponses: config.debugErrors,
    formatError: createErrorFormatter(logger, config.debugErrors),
    // The cache-control plugin wraps every field's resolver to collect hints; nothing reads
    // them yet, and the wrapping cost 3–5 % of a nested page (test/bench/RESULTS.md).
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), ...(config.exposeQueryStats ? [queryStatsPlugin()] : [])],
  });
  await apollo.start();

  const makeContext = async (headers: HeaderMap): Promise<RequestContext> => {
    const viewer = await resolveViewer(db, headers.get('authorization'));
    return createContext(services, viewer, languageFromAcceptHeader(headers.get('accept-language')));
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0];
    applyCors(req, res, config.corsOrigins);
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (await servePlayground(req, res, path)) return; // GET / and /graphql from a browser, /playground/*
    if (path === '/graphql') return handleGraphQL(apollo, req, res, makeContext, { countStatements: config.exposeQueryStats });
    if (path === '/healthz') return healthz(res);
    if (path === '/readyz') return readyz(res, db);
    if (path === '/feeds/events.ics') return serveEventFeed(ICS_FEED, req, res, makeContext, config);
    if (path === '/exports/events.csv') return serveEventFeed(CSV_EXPORT, req, res, makeContext, config);
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('clustergraph: GraphQL at /graphql (POST, or GET ?query=…); /healthz, /readyz.\n');
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found\n');
  };

  const server = createServer((req, res) => {
    route(req, res).catch((err) => {
      logger.error({ err }, 'request failed');
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else res.end();
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await apollo.stop();
    },
  };
}

function applyCors(req: IncomingMessage, res: ServerResponse, origins: string[]): void {
  const origin = req.headers.origin;
  if (!origin || origins.length === 0) return;
  if (origins.includes('*') || origins.includes(origin)) {
    res.setHeader('access-control-allow-origin', origins.includes('*') ? '*' : origin);
    res.setHeader('vary', 'origin');
    res.setHeader('access-control-allow-headers', 'content-type, authorization, accept-language, x-request-id');
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  }
}
