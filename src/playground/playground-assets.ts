import { BOOT_SCRIPT } from './playground-boot';
import { hashedAssets, memoryAsset as asset, type StaticAsset, type StaticAssets } from '../shared/static-assets';

/** URL prefix of every playground asset: `/playground/<version>/<file>`. */
export const PLAYGROUND_ASSET_PREFIX = '/playground/';

type GraphiQLBundle = typeof import('@graphql-yoga/render-graphiql/graphiql');

const JS = 'text/javascript; charset=utf-8';
let loaded: StaticAssets | undefined;

/**
 * GraphiQL as `@graphql-yoga/render-graphiql` ships it: React, GraphiQL 5, Monaco, its
 * fonts (as data: URLs) and its three language workers, built into strings, so nothing
 * comes from a CDN. Loaded on first use: the bundle is ~9 MB of JavaScript that a server
 * whose playground nobody opens need not parse.
 */
export function playgroundAssets(): StaticAssets {
  if (loaded) return loaded;
  const bundle = require('@graphql-yoga/render-graphiql/graphiql') as GraphiQLBundle;
  const files = new Map<string, StaticAsset>([
    ['graphiql.js', asset(JS, bundle.js)],
    ['graphiql.css', asset('text/css; charset=utf-8', bundle.css)],
    ['editor.worker.js', asset(JS, bundle.editorWorkerService)],
    ['json.worker.js', asset(JS, bundle.jsonWorker)],
    ['graphql.worker.js', asset(JS, bundle.graphqlWorker)],
    ['playground.js', asset(JS, BOOT_SCRIPT)],
    ['favicon.ico', dataUrlAsset(bundle.favicon)],
  ]);
  // The version in the URL is a hash of every file: an upgrade of GraphiQL or of the boot
  // script changes every URL, so browsers may cache them forever.
  loaded = hashedAssets(PLAYGROUND_ASSET_PREFIX, files);
  return loaded;
}

/** The favicon comes as a `data:<type>;base64,…` URL; served as a file it is cached with the rest. */
function dataUrlAsset(url: string): StaticAsset {
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(url);
  if (!match) throw new Error('@graphql-yoga/render-graphiql: the favicon is not a base64 data: URL');
  return asset(match[1], Buffer.from(match[2], 'base64'));
}
