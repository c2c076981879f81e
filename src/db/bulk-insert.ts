import type { SqlExecutor, SqlValue } from './database';
import { assertIdentifier } from './dialect';
import { placeholders } from './placeholders';

// PostgreSQL takes at most 65,535 parameters per statement and SQLite 32,766; staying
// below 30,000 fits both with room. More than ~500 rows per statement buys no speed on
// either engine, only longer SQL text to parse.
const MAX_PARAMS = 29_999;
const MAX_ROWS = 500;

/**
 * Inserts rows into table with multi-row INSERTs, each under 30,000 parameters and at most
 * 500 rows. Every row must have one value per column, in the order of columns. Table and
 * column names are spliced into the SQL, so they must be plain lower-case identifiers.
 * Runs on whatever tx is: pass a transaction to make the whole batch atomic.
 */
export async function insertRows(
  tx: SqlExecutor,
  table: string,
  columns: string[],
  rows: SqlValue[][],
): Promise<void> {
  assertIdentifier(table);
  columns.forEach(assertIdentifier);
  if (columns.length === 0) throw new Error(`insertRows(${table}): no columns`);
  if (rows.length === 0) return;

  const perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / columns.length)));
  const head = `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `;
  const tuple = `(${placeholders(columns.length)})`;
  // Full chunks share one SQL text, so the statement caches see few distinct statements.
  let fullSql: string | undefined;

  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const params: SqlValue[] = [];
    for (const row of chunk) {
      if (row.length !== columns.length) {
        throw new Error(`insertRows(${table}): a row has ${row.length} values for ${columns.length} columns`);
      }
      for (const value of row) params.push(value);
    }
    let sql: string;
    if (chunk.length === perStatement) {
      fullSql ??= head + new Array(perStatement).fill(tuple).join(', ');
      sql = fullSql;
    } else {
      sql = head + new Array(chunk.length).fill(tuple).join(', ');
    }
    await tx.query(sql, params);
  }
}

/**
 * After rows were inserted with explicit ids: on PostgreSQL, moves each table's id sequence
 * past the largest id so later inserts without an id do not collide; SQLite needs nothing
 * (its rowid allocation already looks at the largest id).
 */
export async function resetSequences(tx: SqlExecutor, tables: string[]): Promise<void> {
  for (const table of tables) await tx.dialect.resetIdSequence(tx, table);
}

/**
 * The first of count fresh ids for table, for rows written with explicit ids inside tx.
 * On PostgreSQL the table is locked against other writers until tx ends (reads go on), so
 * nobody takes an id from the sequence between this MAX(id) and resetSequences; on SQLite
 * the transaction's write lock does the same.
 */
export async function allocateIds(tx: SqlExecutor, table: string): Promise<number> {
  assertIdentifier(table);
  await tx.dialect.lockTableForWrites(tx, table);
  const [row] = await tx.query<{ max: number | string }>(`SELECT COALESCE(MAX(id), 0) AS max FROM ${table}`);
  return Number(row.max) + 1;
}

/**
 * Runs fill inside tx with the tables' non-unique secondary indexes dropped on SQLite, then
 * creates them again from the SQL they were made with. Filling a large table through its
 * indexes writes a B-tree page per row and index once the indexes outgrow the page cache
 * (every commit then rewrites pages scattered over all of them): seeding 1,000,000 events
 * slowed from 18 to over 40 s per 50,000 as the table grew. Creating an index sorts the
 * rows once. Unique indexes stay, so a duplicate still fails at its row. Inside one
 * transaction, readers (WAL) keep seeing the indexes until it commits, and a failure
 * leaves them as they were. PostgreSQL runs fill as it is: its inserts stay linear, and
 * dropping an index would lock the table against readers until the end.
 */
export async function withIndexesBuiltAfter(tx: SqlExecutor, tables: string[], fill: () => Promise<void>): Promise<void> {
  if (tx.kind !== 'sqlite') return fill();
  tables.forEach(assertIdentifier);
  const indexes = await tx.query<{ name: string; sql: string }>(
    `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${placeholders(tables.length)}) ORDER BY name`,
    tables,
  );
  const secondary = indexes.filter((i) => !/^\s*CREATE\s+UNIQUE\b/i.test(i.sql));
  for (const index of secondary) await tx.query(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
  await fill();
  for (const index of secondary) await tx.query(index.sql);
}
