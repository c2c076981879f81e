// Bundles the statistics page's browser script (with Chart.js) and its stylesheet into
// dist/stats-page/, where the gateway serves them from memory (src/stats-page/stats-assets.ts).
// Part of `npm run build`; type-checking is tsc's job (src/stats-page/browser/tsconfig.json).
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const browser = join(root, 'src', 'stats-page', 'browser');
const outdir = join(root, 'dist', 'stats-page');

const result = await build({
  entryPoints: { stats: join(browser, 'main.ts'), 'stats-style': join(browser, 'stats.css') },
  outdir,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  legalComments: 'eof',
  logLevel: 'warning',
  write: false,
});
// Written aside and renamed, so a server (or a parallel test run) never reads half a file.
mkdirSync(outdir, { recursive: true });
for (const file of result.outputFiles) {
  const partial = `${file.path}.${process.pid}.partial`;
  writeFileSync(partial, file.contents);
  renameSync(partial, file.path);
}
