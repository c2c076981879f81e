import type { IncomingMessage, ServerResponse } from 'node:http';
import { PLAYGROUND_ASSET_PREFIX, playgroundAssets } from './playground-assets';
import { PLAYGROUND_CSP, playgroundPage } from './playground-page';
import { serveHashedAsset } from '../shared/static-assets';
import { acceptsExplicitly } from '../shared/media-type';

/**
 * True when the request is a browser opening the playground: `GET /` or `GET /graphql`
 * that accepts text/html, and for /graphql one without a `query` parameter (with one it
 * is a GraphQL request over GET, whatever the Accept header says).
 */
export function wantsPlayground(req: IncomingMessage, path: string): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (!acceptsExplicitly(req.headers.accept, 'text/html')) return false;
  if (path === '/') return true;
  if (path !== '/graphql') return false;
  const url = req.url ?? '';
  return !new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '').has('query');
}

/**
 * Serves the playground page and its assets from memory. Answers false, having sent
 * nothing, when the request is neither, so the caller routes it on.
 */
export async function servePlayground(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  if (wantsPlayground(req, path)) {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      // The examples change with the gateway; the heavy files below are cached instead.
      'cache-control': 'no-cache',
      'content-security-policy': PLAYGROUND_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      vary: 'accept',
    });
    res.end(playgroundPage());
    return true;
  }
  if ((req.method === 'GET' || req.method === 'HEAD') && path.startsWith(PLAYGROUND_ASSET_PREFIX)) {
    await serveHashedAsset(req, res, path, playgroundAssets());
    return true;
  }
  return false;
}
