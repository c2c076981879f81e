import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let root: string | undefined;

/** The project's root folder (where package.json is), from source and from dist alike. */
export function projectRoot(): string {
  if (root) return root;
  let dir = __dirname;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'clustergraph') return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the clustergraph project root');
    dir = up;
  }
}
