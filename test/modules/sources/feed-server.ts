import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A route of the fixture feed server: answers one path. */
export type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** A local HTTP server serving fixture feeds, started by a test; counts the requests per path. */
export interface FeedServer {
  url: string;
  hits: Map<string, number>;
  /** Adds or replaces the route of a path. */
  route(path: string, handler: Route): void;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Route>();
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes.get(path);
    if (route) route(req, res);
    else res.writeHead(404).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    route: (path, handler) => routes.set(path, handler),
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A feed with an ETag: 304 when the client sends it back, else the body. */
export function withEtag(body: string | Buffer, etag: string, contentType = 'text/calendar; charset=utf-8'): Route {
  return (req, res) => {
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': contentType, etag, 'last-modified': 'Wed, 19 Apr 2017 10:00:00 GMT' }).end(body);
  };
}
