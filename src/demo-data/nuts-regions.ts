import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { projectRoot } from '../shared/paths';

/** One row of reference/nuts-2021.csv. */
export interface NutsRow {
  code: string;
  level: number;
  country: string;
  nameDe: string;
  nameFr: string | null;
  parentCode: string | null;
}

/**
 * The NUTS 2021 regions of Germany, Switzerland and Grand Est (reference/nuts-2021.csv,
 * copied from Eurostat's data; see reference/nuts-2021.README.md). Parents come first.
 */
export function readNutsRegions(): NutsRow[] {
  const csv = readFileSync(join(projectRoot(), 'reference', 'nuts-2021.csv'), 'utf8');
  const records = parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return records.map((r) => ({
    code: r.code,
    level: Number(r.level),
    country: r.country,
    nameDe: r.name,
    nameFr: r.name_fr ? r.name_fr : null,
    parentCode: Number(r.level) === 0 ? null : r.code.slice(0, r.code.length - 1),
  }));
}
