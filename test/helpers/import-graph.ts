import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** One import between two files of the project, paths relative to the project root. */
export interface ImportEdge {
  from: string;
  to: string;
  /** `import type` (or `export type … from`): gone at run time, so it makes no cycle. */
  typeOnly: boolean;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function resolveModule(fromFile: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(fromFile), spec);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  return null;
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

/** Every import between the project's own files in src/ and migrations/. */
export function importEdges(): ImportEdge[] {
  const files = [...filesUnder(join(ROOT, 'src')), ...filesUnder(join(ROOT, 'migrations'))];
  const edges: ImportEdge[] = [];
  for (const file of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolveModule(file, m[3]);
      if (target) edges.push({ from: relative(ROOT, file), to: relative(ROOT, target), typeOnly: m[2] !== undefined });
    }
  }
  return edges;
}

/** The cycles of the run-time import graph (type-only imports left out), each as its files, sorted. */
export function runtimeCycles(edges: ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) if (!e.typeOnly) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  // Tarjan's strongly connected components: a component of more than one file is a cycle.
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    order.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, order.get(w)!));
      }
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const v of next.keys()) if (!order.has(v)) visit(v);
  return cycles;
}

/** The part of the tree a file belongs to: `migrations`, or the folder under src/ (`modules`, `server`, …) or `main.ts`. */
function layerOf(file: string): string {
  return file.startsWith('migrations/') ? 'migrations' : file.split('/')[1];
}

/**
 * The rules of docs/contributors.md ("Dependencies point one way"), as the imports that break
 * them, each "from -> to": shared/ imports no other part; db/ imports only shared/ and the
 * migrations (which it runs, and which import nothing of the application, so no cycle can
 * come of it); auth/ imports only shared/ and db/; modules never import server/; server/ is
 * imported only by server/, main.ts and cli/; migrations import nothing of the application
 * (they are frozen history).
 */
export function layerViolations(edges: ImportEdge[]): string[] {
  const allowed: Record<string, (to: string) => boolean> = {
    shared: (to) => to === 'shared',
    db: (to) => to === 'db' || to === 'shared' || to === 'migrations',
    auth: (to) => to === 'auth' || to === 'db' || to === 'shared',
    migrations: (to) => to === 'migrations',
  };
  const importsServer = new Set(['server', 'main.ts', 'cli']);
  return edges
    .filter((e) => {
      const from = layerOf(e.from);
      const to = layerOf(e.to);
      if (allowed[from] && !allowed[from](to)) return true;
      return to === 'server' && !importsServer.has(from);
    })
    .map((e) => `${e.from} -> ${e.to}`)
    .filter((v, i, all) => all.indexOf(v) === i)
    .sort();
}

/** The module a file of src/modules/ belongs to (`events`, …), or null for any other file. */
function moduleOf(file: string): string | null {
  const m = /^src\/modules\/([^/]+)\//.exec(file);
  return m ? m[1] : null;
}

/**
 * The imports between modules against their order, each "a -> b (file -> file)": `order` lists
 * the modules in ranks, and a module may import (value or type alike) only modules of an
 * earlier rank, so the modules form no cycle even when every import goes through a module's
 * front door. A module missing from the order is reported too, so a new one gets its place.
 */
export function moduleOrderViolations(edges: ImportEdge[], order: string[][]): string[] {
  const rank = new Map(order.flatMap((modules, i) => modules.map((m) => [m, i] as const)));
  const found: string[] = [];
  for (const e of edges) {
    const from = moduleOf(e.from);
    const to = moduleOf(e.to);
    if (from === null || to === null || from === to) continue;
    for (const m of [from, to]) if (!rank.has(m)) found.push(`${m} is in no rank of the module order`);
    if (rank.has(from) && rank.has(to) && rank.get(to)! >= rank.get(from)!) found.push(`${from} -> ${to} (${e.from} -> ${e.to})`);
  }
  return [...new Set(found)].sort();
}

/**
 * The imports that pass by a module's front door, each "from -> to": a file outside
 * `src/modules/<m>/` may import from that module only its `index.ts`, and a module's own files
 * never import their index (they import each other directly, so the index makes no cycle).
 */
export function frontDoorViolations(edges: ImportEdge[]): string[] {
  const isDoor = (file: string, m: string) => file === `src/modules/${m}/index.ts`;
  return [...new Set(edges
    .filter((e) => {
      const to = moduleOf(e.to);
      if (to === null) return false;
      const from = moduleOf(e.from);
      return from === to ? isDoor(e.to, to) && !isDoor(e.from, to) : !isDoor(e.to, to);
    })
    .map((e) => `${e.from} -> ${e.to}`))].sort();
}
