import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { frontDoorViolations, importEdges, layerViolations, moduleOrderViolations, runtimeCycles } from '../helpers/import-graph';

// Dependencies point one way (docs/contributors.md). The imports that still break the rules
// are listed in known-violations.json, to be removed one by one (issue "One way in"): a new
// one fails here, and so does a listed one that is gone, so the list only ever shrinks.
const known = JSON.parse(readFileSync(join(__dirname, 'known-violations.json'), 'utf8')) as {
  imports: string[];
  cycles: string[][];
};
const edges = importEdges();

// The modules in the order they may depend on each other: each imports only modules of an
// earlier line. A field that hangs a later module's objects off an earlier one's type
// (Organizer.events) is resolved in the later module; a service an earlier module needs from
// a later one (the events' touch) is handed to it by server/services.ts.
const MODULE_ORDER = [
  ['regions', 'audit', 'changes'],
  ['organizers'],
  ['ministries', 'initiatives'],
  ['networks'],
  ['patrons'],
  ['campaigns'],
  ['events'],
  ['labels', 'sources'],
];

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

  it('has module-level dependencies that follow the order', () => {
    expect(moduleOrderViolations(edges, MODULE_ORDER)).toEqual([]);
  });

  it('reaches a module only through its front door (index.ts)', () => {
    expect(frontDoorViolations(edges)).toEqual([]);
  });

  it('finds an import past a front door, and a module file importing its own door', () => {
    const made = [
      { from: 'src/server/app.ts', to: 'src/modules/a/a.service.ts', typeOnly: false },
      { from: 'src/modules/b/b.ts', to: 'src/modules/a/index.ts', typeOnly: true },
      { from: 'src/modules/a/a.resolver.ts', to: 'src/modules/a/index.ts', typeOnly: false },
      { from: 'src/modules/a/index.ts', to: 'src/modules/a/a.service.ts', typeOnly: false },
    ];
    expect(frontDoorViolations(made)).toEqual([
      'src/modules/a/a.resolver.ts -> src/modules/a/index.ts',
      'src/server/app.ts -> src/modules/a/a.service.ts',
    ]);
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

  it('finds an import against the module order, and a module the order leaves out', () => {
    const made = [
      { from: 'src/modules/a/x.ts', to: 'src/modules/b/y.ts', typeOnly: true },
      { from: 'src/modules/b/y.ts', to: 'src/modules/a/z.ts', typeOnly: false },
      { from: 'src/modules/c/x.ts', to: 'src/modules/a/z.ts', typeOnly: false },
      { from: 'src/modules/d/x.ts', to: 'src/shared/q.ts', typeOnly: false },
    ];
    expect(moduleOrderViolations(made, [['a'], ['b']])).toEqual([
      'a -> b (src/modules/a/x.ts -> src/modules/b/y.ts)',
      'c is in no rank of the module order',
    ]);
    expect(moduleOrderViolations(made, [['a', 'b'], ['c']])).toEqual([
      'a -> b (src/modules/a/x.ts -> src/modules/b/y.ts)',
      'b -> a (src/modules/b/y.ts -> src/modules/a/z.ts)',
    ]);
  });
});
