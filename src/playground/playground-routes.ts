import type { IncomingMessage, ServerResponse } from 'node:http';
import { PLAYGROUND_ASSET_PREFIX, playgroundAssets } from './playground-assets';
import { PLAYGROUND_CSP, playgroundPage } from './playground-page';

/**
 * True when the request is a browser opening the playground: `GET /` or `GET /graphql`
 * that accepts text/html, and for /graphql one without a `query` parameter (with one it
 * is a GraphQL request over GET, whatever the Accept header says).
 */
export function wantsPlayground(req: IncomingMessage, path: string): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (!/text\/html/i.test(req.headers.accept ?? '')) return false;
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
    await serveAsset(req, res, path);
    return true;
  }
  return false;
}

async function serveAsset(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const { base, files } = playgroundAssets();
  const file = path.startsWith(base) ? files.get(path.slice(base.length)) : undefined;
  if (!file) {
    // An asset of another version (a page from before an upgrade) or no asset at all.
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end('Not found\n');
    return;
  }
  const gzip = /\bgzip\b/i.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip ? await file.gzipped() : file.body;
  res.writeHead(200, {
    'content-type': file.contentType,
    'content-length': body.length,
    // The URL holds a hash of the content: it never changes, so neither does the answer.
    'cache-control': 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
    vary: 'accept-encoding',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(body);
}
