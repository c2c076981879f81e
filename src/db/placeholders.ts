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
  let out = '';
  let n = 0;
  let quote: "'" | '"' | null = null;
  for (const ch of sql) {
    // A doubled quote inside a literal closes and reopens it: the text between stays quoted.
    if (quote !== null) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === '?') {
      n += 1;
      out += `$${n}`;
    } else {
      out += ch;
    }
  }
  return out;
}
