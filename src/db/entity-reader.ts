import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

type Convert = (v: unknown) => unknown;

/**
 * Reads rows of raw SQL into entity instances using the entity's TypeORM metadata: one
 * select list per alias, and a hydrate step that converts what the drivers return
 * (0/1 booleans, JSON text, comma lists) into the property types. Raw SQL is ours for the
 * windowed and keyset queries; the column mapping stays TypeORM's.
 */
export class EntityReader<T extends ObjectLiteral> {
  private readonly columns: { property: string; column: string; convert: Convert | null }[];
  private readonly prototypes: Map<string, object>;
  private readonly discriminator: string | null;
  private readonly selectLists = new Map<string, string>();

  constructor(dataSource: DataSource, target: EntityTarget<T>) {
    const meta = dataSource.getMetadata(target);
    const all = new Map<string, ColumnMetadata>();
    for (const c of meta.columns) all.set(c.propertyName, c);
    for (const child of meta.childEntityMetadatas) for (const c of child.columns) all.set(c.propertyName, c);
    this.columns = [...all.values()].map((c) => ({
      property: c.propertyName,
      column: c.databaseName,
      convert: converterFor(c),
    }));
    this.discriminator = meta.discriminatorColumn?.propertyName ?? null;
    this.prototypes = new Map();
    this.prototypes.set('', (meta.target as { prototype: object }).prototype);
    for (const child of meta.childEntityMetadatas) {
      this.prototypes.set(String(child.discriminatorValue), (child.target as { prototype: object }).prototype);
    }
  }

  /** `a.col AS "prop", …` for a table alias. */
  select(alias: string): string {
    let list = this.selectLists.get(alias);
    if (list === undefined) {
      list = this.columns.map((c) => `${alias}.${c.column} AS "${c.property}"`).join(', ');
      this.selectLists.set(alias, list);
    }
    return list;
  }

  /** An entity instance (of the right child class under single-table inheritance) from a row. */
  hydrate(row: Record<string, unknown>): T {
    const proto = (this.discriminator && this.prototypes.get(String(row[this.discriminator]))) || this.prototypes.get('');
    const entity = Object.create(proto as object) as Record<string, unknown>;
    for (const c of this.columns) {
      const v = row[c.property];
      entity[c.property] = v === null || v === undefined ? (v ?? null) : c.convert ? c.convert(v) : v;
    }
    return entity as T;
  }
}

function converterFor(c: ColumnMetadata): Convert | null {
  switch (c.type) {
    case 'boolean':
      return (v) => v === true || v === 1 || v === '1' || v === 't';
    case 'bigint':
    case 'integer':
    case 'double precision':
      return (v) => (typeof v === 'number' ? v : Number(v));
    case 'simple-json':
      return (v) => (typeof v === 'string' ? JSON.parse(v) : v);
    case 'simple-array':
      return (v) => (typeof v === 'string' ? (v === '' ? [] : v.split(',')) : v);
    default:
      return null;
  }
}

const readers = new WeakMap<DataSource, Map<EntityTarget<ObjectLiteral>, EntityReader<ObjectLiteral>>>();

/**
 * The one reader of an entity on a data source. Building one walks TypeORM's metadata, and
 * its select lists are cached on it: services are made per request, so they share these.
 */
export function entityReader<T extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<T>): EntityReader<T> {
  let byTarget = readers.get(dataSource);
  if (!byTarget) readers.set(dataSource, (byTarget = new Map()));
  let reader = byTarget.get(target);
  if (!reader) byTarget.set(target, (reader = new EntityReader(dataSource, target)));
  return reader as EntityReader<T>;
}
