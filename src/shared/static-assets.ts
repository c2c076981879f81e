import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

// The playground and the statistics page both serve their files from memory under a URL
// that holds a hash of the content, so browsers cache them forever and an upgrade changes
// every URL. One implementation for both.

const gzipAsync = promisify(gzip);

/** One file held in memory. */
export interface StaticAsset {
  contentType: string;
  body: Buffer;
  /** The body gzip-compressed, made once on first demand (off the event loop). */
  gzipped(): Promise<Buffer>;
}

/** A set of files served under `base` (`<prefix><hash of every file>/`). */
export interface StaticAssets {
  base: string;
  /** By file name under `base`. */
  files: ReadonlyMap<string, StaticAsset>;
}

export function memoryAsset(contentType: string, content: string | Buffer): StaticAsset {
  const body = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  let compressed: Promise<Buffer> | undefined;
  return { contentType, body, gzipped: () => (compressed ??= gzipAsync(body)) };
}

/** Names the files' version: a hash of every name and body under `prefix`. */
export function hashedAssets(prefix: string, files: ReadonlyMap<string, StaticAsset>): StaticAssets {
  const hash = createHash('sha256');
  for (const [name, file] of files) hash.update(name).update(file.body);
  return { base: `${prefix}${hash.digest('hex').slice(0, 16)}/`, files };
}

/** Answers a GET/HEAD for `path` from `assets`; 404 for an asset of another version or none. */
export async function serveHashedAsset(req: IncomingMessage, res: ServerResponse, path: string, assets: StaticAssets): Promise<void> {
  const file = path.startsWith(assets.base) ? assets.files.get(path.slice(assets.base.length)) : undefined;
  if (!file) {
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
  res.end(req.method === 'HEAD' ? undefined : body);
}
