import type { SqlExecutor, SqlValue } from './database';
import { assertIdentifier } from './dialect';

/** Column name and new value, in the order the SET list takes them. */
export type ColumnValues = readonly (readonly [string, SqlValue])[];

// Writes go through our own executors (a SQLite transaction runs on SqliteWriter's
// connection, which TypeORM does not know), so TypeORM's update().set() cannot run them;
// these build the one INSERT or UPDATE statement each write sends, as the hand-written ones did.

/** `a = ?, b = ?` for the columns, which must be plain identifiers. */
function setList(table: string, columns: ColumnValues): string {
  assertIdentifier(table);
  if (columns.length === 0) throw new Error(`updateRow(${table}): no columns`);
  return columns.map(([c]) => {
    assertIdentifier(c);
    return `${c} = ?`;
  }).join(', ');
}

/** Sets these columns of the row of table with this id (one statement). */
export async function updateRow(tx: SqlExecutor, table: string, id: number, columns: ColumnValues): Promise<void> {
  await tx.query(`UPDATE ${table} SET ${setList(table, columns)} WHERE id = ?`, [...columns.map(([, v]) => v), id]);
}

/**
 * Sets these columns of the row with this id only if it still has `version`, and counts the
 * version up (optimistic concurrency: an editor's change against a row someone else changed
 * in between is refused). True when the row was changed.
 */
export async function updateVersionedRow(
  tx: SqlExecutor, table: string, id: number, version: number, columns: ColumnValues,
): Promise<boolean> {
  const changed = await tx.query<unknown>(
    `UPDATE ${table} SET ${setList(table, columns)}, version = version + 1 WHERE id = ? AND version = ? RETURNING id`,
    [...columns.map(([, v]) => v), id, version],
  );
  return changed.length === 1;
}

/** Inserts one row of these columns into table and answers its new id (one statement). */
export async function insertRow(tx: SqlExecutor, table: string, columns: ColumnValues): Promise<number> {
  assertIdentifier(table);
  for (const [c] of columns) assertIdentifier(c);
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO ${table} (${columns.map(([c]) => c).join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) RETURNING id`,
    columns.map(([, v]) => v),
  );
  return Number(row.id);
}
