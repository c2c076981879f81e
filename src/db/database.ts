import type { DataSource } from 'typeorm';
import { databaseKindOf, type DatabaseKind } from './data-source';

/** A statement parameter. */
export type SqlValue = string | number | boolean | null;

/**
 * The raw-SQL door services use for reads TypeORM's query builder makes slow or awkward
 * (keyset pages, windowed per-parent pages, GROUP BY). SQL is written once with `?`
 * placeholders and rewritten to `$n` for PostgreSQL.
 */
export class Database {
  readonly kind: DatabaseKind;
  private readonly rewritten = new Map<string, string>();

  constructor(readonly dataSource: DataSource) {
    this.kind = databaseKindOf(
      dataSource.options.type === 'postgres' ? 'postgres://' : 'sqlite:',
    );
  }

  /** Rows of a SELECT. */
  async query<T = Record<string, unknown>>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    return (await this.dataSource.query(this.dialect(sql), params.map(toDriverValue))) as T[];
  }

  /** `sql` with `?` placeholders in this database's dialect. */
  dialect(sql: string): string {
    if (this.kind === 'sqlite') return sql;
    let out = this.rewritten.get(sql);
    if (out === undefined) {
      let n = 0;
      out = sql.replace(/\?/g, () => `$${++n}`);
      this.rewritten.set(sql, out);
    }
    return out;
  }
}

function toDriverValue(v: SqlValue): SqlValue {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

/** `?, ?, ?` for n values. */
export function placeholders(n: number): string {
  return new Array(n).fill('?').join(', ');
}
