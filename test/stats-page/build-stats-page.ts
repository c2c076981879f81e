import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Bundles the page's script into dist/stats-page/ as `npm run build` does (esbuild, about a
 * second), so the tests serve the script of the sources they run against. The build
 * writes each file aside and renames it: parallel test projects never read half a file.
 */
export function buildStatsPage(): void {
  const root = join(__dirname, '..', '..');
  const run = spawnSync(process.execPath, [join(root, 'scripts', 'build-stats.mjs')], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`scripts/build-stats.mjs failed:\n${run.stdout}\n${run.stderr}`);
}
