import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { BOOT_SCRIPT } from './playground-boot';

const gzipAsync = promisify(gzip);

/** URL prefix of every playground asset: `/playground/<version>/<file>`. */
export const PLAYGROUND_ASSET_PREFIX = '/playground/';

/** One file the playground page loads, held in memory. */
export interface PlaygroundAsset {
  contentType: string;
  body: Buffer;
  /** The body gzip-compressed, made once on first demand (off the event loop). */
  gzipped(): Promise<Buffer>;
}

/** The playground's files and where they are served. */
export interface PlaygroundAssets {
  /**
   * `/playground/<version>/`: the version is a hash of every file, so a browser may cache
   * them forever and an upgrade of GraphiQL or of the boot script changes every URL.
   */
  base: string;
  /** By file name under `base`. */
  files: ReadonlyMap<string, PlaygroundAsset>;
}

type GraphiQLBundle = typeof import('@graphql-yoga/render-graphiql/graphiql');

const JS = 'text/javascript; charset=utf-8';
let loaded: PlaygroundAssets | undefined;

/**
 * GraphiQL as `@graphql-yoga/render-graphiql` ships it: React, GraphiQL 5, Monaco, its
 * fonts (as data: URLs) and its three language workers, built into strings, so nothing
 * comes from a CDN. Loaded on first use: the bundle is ~9 MB of JavaScript that a server
 * whose playground nobody opens need not parse.
 */
export function playgroundAssets(): PlaygroundAssets {
  if (loaded) return loaded;
  const bundle = require('@graphql-yoga/render-graphiql/graphiql') as GraphiQLBundle;
  const files = new Map<string, PlaygroundAsset>([
    ['graphiql.js', asset(JS, bundle.js)],
    ['graphiql.css', asset('text/css; charset=utf-8', bundle.css)],
    ['editor.worker.js', asset(JS, bundle.editorWorkerService)],
    ['json.worker.js', asset(JS, bundle.jsonWorker)],
    ['graphql.worker.js', asset(JS, bundle.graphqlWorker)],
    ['playground.js', asset(JS, BOOT_SCRIPT)],
    ['favicon.ico', dataUrlAsset(bundle.favicon)],
  ]);
  const hash = createHash('sha256');
  for (const [name, file] of files) hash.update(name).update(file.body);
  loaded = { base: `${PLAYGROUND_ASSET_PREFIX}${hash.digest('hex').slice(0, 16)}/`, files };
  return loaded;
}

function asset(contentType: string, content: string | Buffer): PlaygroundAsset {
  const body = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  let compressed: Promise<Buffer> | undefined;
  return { contentType, body, gzipped: () => (compressed ??= gzipAsync(body)) };
}

/** The favicon comes as a `data:<type>;base64,…` URL; served as a file it is cached with the rest. */
function dataUrlAsset(url: string): PlaygroundAsset {
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(url);
  if (!match) throw new Error('@graphql-yoga/render-graphiql: the favicon is not a base64 data: URL');
  return asset(match[1], Buffer.from(match[2], 'base64'));
}
