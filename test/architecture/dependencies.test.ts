import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importEdges, layerViolations, runtimeCycles } from '../helpers/import-graph';

// Dependencies point one way (docs/contributors.md). The imports that still break the rules
// are listed in known-violations.json, to be removed one by one (issue "One way in"): a new
// one fails here, and so does a listed one that is gone, so the list only ever shrinks.
const known = JSON.parse(readFileSync(join(__dirname, 'known-violations.json'), 'utf8')) as {
  imports: string[];
  cycles: string[][];
};
const edges = importEdges();

describe('the import graph', () => {
  it('reads the imports of the whole tree', () => {
    expect(edges.length).toBeGreaterThan(500);
  });

  it('has no import against the layering rules beyond the known ones', () => {
    const known_ = new Set(known.imports);
    expect(layerViolations(edges).filter((v) => !known_.has(v))).toEqual([]);
  });

  it('still has every known violation, so one that is fixed leaves the list', () => {
    const now = new Set(layerViolations(edges));
    expect(known.imports.filter((v) => !now.has(v))).toEqual([]);
  });

  it('has no run-time import cycle beyond the known ones, and every known one still exists', () => {
    const key = (c: string[]) => c.join(' | ');
    expect(runtimeCycles(edges).map(key).sort()).toEqual(known.cycles.map(key).sort());
  });

  it('finds a layering violation and a cycle where there is one', () => {
    const made = [
      { from: 'src/shared/a.ts', to: 'src/modules/x/b.ts', typeOnly: false },
      { from: 'src/modules/x/b.ts', to: 'src/shared/a.ts', typeOnly: false },
      { from: 'src/modules/x/c.ts', to: 'src/server/context.ts', typeOnly: true },
      { from: 'src/db/migrations.ts', to: 'migrations/1-M.ts', typeOnly: false },
      { from: 'migrations/1-M.ts', to: 'src/db/database.ts', typeOnly: true },
    ];
    expect(layerViolations(made)).toEqual([
      'migrations/1-M.ts -> src/db/database.ts', 'src/modules/x/c.ts -> src/server/context.ts', 'src/shared/a.ts -> src/modules/x/b.ts',
    ]);
    expect(runtimeCycles(made)).toEqual([['src/modules/x/b.ts', 'src/shared/a.ts']]);
  });
});
