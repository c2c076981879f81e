import type { DatabaseKind } from './data-source';
import type { SqlExecutor, SqlValue } from './database';
import { numberedPlaceholders, placeholders } from './placeholders';

/** A piece of SQL written with `?` placeholders, and the values for them in order. */
export interface SqlFragment {
  sql: string;
  params: SqlValue[];
}

/**
 * Everything in which our SQL differs between PostgreSQL and SQLite, beyond what both
 * accept alike. Reached from any executor (`tx.dialect`), so module code says what it
 * needs (lock these rows) and never which engine it runs on.
 *
 * Row locks exist on PostgreSQL only: a SQLite transaction holds the database's one write
 * lock from its BEGIN IMMEDIATE to its end (see SqliteWriter), so its transactions take
 * turns anyway and a lock statement would only cost a round trip. The lock methods send
 * nothing there.
 */
export interface Dialect {
  readonly kind: DatabaseKind;
  /** SQL written with `?` placeholders, in the form this engine's driver takes. */
  native(sql: string): string;
  /**
   * The clause that ends a SELECT reading rows to change them: ` FOR NO KEY UPDATE` on
   * PostgreSQL (the lock the UPDATE takes anyway, so foreign-key checks of other writers'
   * link rows do not wait for it), `` on SQLite. `of` names the one alias to lock when the
   * SELECT joins other tables.
   */
  lockForUpdate(of?: string): string;
  /**
   * Locks the rows of table with these ids until the transaction ends, in ascending id
   * order and in one statement, so two writers that each touch several rows queue on the
   * first shared one instead of deadlocking. Ids may be given as a function: it only runs
   * where rows are locked, so SQLite never pays for finding them.
   */
  lockRows(tx: SqlExecutor, table: string, ids: readonly number[] | (() => Promise<readonly number[]>)): Promise<void>;
  /** As lockRows, for the rows whose id `idIn` selects (`SELECT … WHERE x = ?`, with params). */
  lockRowsSelected(tx: SqlExecutor, table: string, idIn: string, params: SqlValue[]): Promise<void>;
  /**
   * Makes transactions that name the same `key` in `scope` take turns from here until
   * they end, without locking any row (PostgreSQL's transaction-level advisory lock).
   */
  advisoryLock(tx: SqlExecutor, scope: string, key: string): Promise<void>;
  /** Keeps other writers out of table until the transaction ends; reads go on (bulk inserts with their own ids). */
  lockTableForWrites(tx: SqlExecutor, table: string): Promise<void>;
  /** After rows were inserted with explicit ids: the next id table gives itself is past the largest. */
  resetIdSequence(tx: SqlExecutor, table: string): Promise<void>;
  /** Refreshes the planner's statistics after a bulk load (outside a transaction). */
  analyze(db: SqlExecutor): Promise<void>;
  /** The statement bounding how long this transaction waits for a row lock, or null where there are none. */
  lockTimeout(ms: number): string | null;
  /**
   * `column` is one of `keys`: `column IN (?, …)` with the list padded to the next power of
   * two by repeating the last key, so a loader's lookups of 1 to 100 keys are 8 statement
   * texts, each a named prepared statement per connection (QueryOptions.byKey). An IN list
   * of parameters gets a generic plan as cheap as a custom one, so PostgreSQL plans it once;
   * `= ANY(?)` with an array parameter, tried first, was re-planned at every execution (its
   * generic plan's estimate is worse), 0.3–0.5 ms of the point lookup's bind.
   */
  keyIn(column: string, keys: readonly (number | string)[]): SqlFragment;
  /**
   * One SELECT of what `each` selects for every one of `values`, e.g. the first rows of each
   * category: `each(value)` is a SELECT (its own ORDER BY and LIMIT allowed) written with
   * `value` where the value goes. PostgreSQL joins it LATERAL to a VALUES list, so it is
   * planned once for all values (a UNION ALL of 11 branches took 1.0 ms to plan, this
   * 0.3 ms); SQLite has no LATERAL and gets one UNION ALL branch per value (prepared once
   * per connection anyway). Values are text (VALUES params are typed text on PostgreSQL).
   * Rows come in no particular order.
   */
  forEachValue(values: readonly string[], each: (value: SqlFragment) => SqlFragment): SqlFragment;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const SCOPE = /^[a-z][a-z-]*$/;

/** Table and alias names are spliced into SQL: only plain lower-case identifiers pass. */
export function assertIdentifier(name: string): void {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain SQL identifier: ${JSON.stringify(name)}`);
}

async function idsOf(ids: readonly number[] | (() => Promise<readonly number[]>)): Promise<readonly number[]> {
  return typeof ids === 'function' ? ids() : ids;
}

const postgres: Dialect = {
  kind: 'postgres',
  native: numberedPlaceholders,
  lockForUpdate(of) {
    if (of === undefined) return ' FOR NO KEY UPDATE';
    assertIdentifier(of);
    return ` FOR NO KEY UPDATE OF ${of}`;
  },
  async lockRows(tx, table, ids) {
    const keys = await idsOf(ids);
    if (keys.length === 0) return;
    const ordered = [...new Set(keys)].sort((a, b) => a - b);
    await this.lockRowsSelected(tx, table, placeholders(ordered.length), ordered);
  },
  async lockRowsSelected(tx, table, idIn, params) {
    assertIdentifier(table);
    await tx.query(`SELECT id FROM ${table} WHERE id IN (${idIn}) ORDER BY id FOR NO KEY UPDATE`, params);
  },
  async advisoryLock(tx, scope, key) {
    if (!SCOPE.test(scope)) throw new Error(`not a lock scope: ${JSON.stringify(scope)}`);
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('${scope}:' || ?::text))`, [key]);
  },
  async lockTableForWrites(tx, table) {
    assertIdentifier(table);
    await tx.query(`LOCK TABLE ${table} IN EXCLUSIVE MODE`);
  },
  async resetIdSequence(tx, table) {
    assertIdentifier(table);
    // is_called = false makes the next nextval() return exactly MAX(id) + 1, and the
    // COALESCE keeps an empty table valid (next id 1).
    await tx.query(
      `SELECT setval(pg_get_serial_sequence('${table}', 'id'), COALESCE((SELECT MAX(id) FROM ${table}), 0) + 1, false)`,
    );
  },
  // VACUUM also fills the visibility map, without which no index-only scan is planned.
  async analyze(db) {
    await db.query('VACUUM ANALYZE');
  },
  lockTimeout: (ms) => `SET LOCAL lock_timeout = ${Math.max(1, Math.ceil(ms))}`,
  keyIn,
  forEachValue(values, each) {
    const one = each({ sql: 'k.v', params: [] });
    return {
      sql: `SELECT t.* FROM (VALUES ${values.map(() => '(?)').join(', ')}) k(v) CROSS JOIN LATERAL (${one.sql}) t`,
      params: [...values, ...one.params],
    };
  },
};

/** A padded IN list: see Dialect.keyIn. The same on both engines. */
function keyIn(column: string, keys: readonly (number | string)[]): SqlFragment {
  if (keys.length === 0) return { sql: '1 = 0', params: [] };
  let size = 1;
  while (size < keys.length) size *= 2;
  const params: SqlValue[] = [...keys];
  while (params.length < size) params.push(keys[keys.length - 1]);
  return { sql: `${column} IN (${placeholders(size)})`, params };
}

const sqlite: Dialect = {
  kind: 'sqlite',
  native: (sql) => sql,
  lockForUpdate: () => '',
  async lockRows() {},
  async lockRowsSelected() {},
  async advisoryLock() {},
  // The transaction's write lock (BEGIN IMMEDIATE) keeps other writers out already.
  async lockTableForWrites() {},
  // SQLite's rowid allocation looks at the largest id already.
  async resetIdSequence() {},
  async analyze(db) {
    await db.query('ANALYZE');
  },
  lockTimeout: () => null,
  keyIn,
  // Each branch in a subquery: SQLite allows ORDER BY and LIMIT only at the end of a compound SELECT.
  forEachValue(values, each) {
    const branches = values.map((value) => each({ sql: '?', params: [value] }));
    return {
      sql: branches.map((b, i) => `SELECT * FROM (${b.sql}) b${i}`).join(' UNION ALL '),
      params: branches.flatMap((b) => b.params),
    };
  },
};

/** The dialect of an engine. */
export function dialectOf(kind: DatabaseKind): Dialect {
  return kind === 'postgres' ? postgres : sqlite;
}

/**
 * One value per engine, chosen by the dialect: for code whose engine-specific part is its
 * own logic rather than SQL syntax (the full-text index: FTS5 and tsvector are two
 * designs), so both variants sit side by side and neither can be forgotten.
 */
export function perDialect<T>(dialect: Dialect | DatabaseKind, choices: Record<DatabaseKind, T>): T {
  return choices[typeof dialect === 'string' ? dialect : dialect.kind];
}
