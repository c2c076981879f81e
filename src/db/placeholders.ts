/** `?, ?, ?` for n values. */
export function placeholders(n: number): string {
  return new Array(n).fill('?').join(', ');
}

/**
 * SQL written with `?` placeholders (SQLite's and ours) in PostgreSQL's numbered form
 * (`$1`, `$2`, …). A `?` inside a quoted string ('it''s?') or a quoted identifier is text,
 * not a placeholder, and stays as it is. (No statement of ours uses PostgreSQL's jsonb
 * operators `?`, `?|`, `?&`: they would be taken for placeholders, as on SQLite.)
 */
export function numberedPlaceholders(sql: string): string {
  if (!sql.includes('?')) return sql;
  let n = 0;
  // A quoted string or identifier is matched whole (a doubled quote inside it included)
  // and given back as it is; only a bare ? is numbered.
  return sql.replace(QUOTED_OR_PLACEHOLDER, (m) => (m === '?' ? `$${++n}` : m));
}

const QUOTED_OR_PLACEHOLDER = /'(?:[^']|'')*'|"(?:[^"]|"")*"|\?/g;
