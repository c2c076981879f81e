import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hashedAssets, memoryAsset, type StaticAsset, type StaticAssets } from '../shared/static-assets';

/** URL prefix of the page's files: `/stats/<version>/<file>`. */
export const STATS_ASSET_PREFIX = '/stats/';

/** Bundled by scripts/build-stats.mjs (esbuild: the page's script with Chart.js, its CSS). */
const BUILT = [
  ['stats.js', 'stats.js', 'text/javascript; charset=utf-8'],
  ['stats.css', 'stats-style.css', 'text/css; charset=utf-8'],
] as const;

let loaded: StaticAssets | undefined;

/** Thrown when dist/stats-page/ has not been built; the route answers 503 and says how to fix it. */
export class StatsNotBuiltError extends Error {}

/**
 * Reads the bundle once from dist/stats-page/ of the project (found from this file, which
 * runs from src/ under ts-jest and from dist/src/ when built), then serves it from memory.
 */
export function statsAssets(): StaticAssets {
  if (loaded) return loaded;
  const dir = join(projectRoot(), 'dist', 'stats-page');
  const files = new Map<string, StaticAsset>();
  for (const [name, built, contentType] of BUILT) {
    const path = join(dir, built);
    if (!existsSync(path)) throw new StatsNotBuiltError(`${path} is missing: run npm run build`);
    files.set(name, memoryAsset(contentType, readFileSync(path)));
  }
  loaded = hashedAssets(STATS_ASSET_PREFIX, files);
  return loaded;
}

function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new StatsNotBuiltError('cannot find the project root (package.json) above ' + __dirname);
    dir = up;
  }
  return dir;
}
