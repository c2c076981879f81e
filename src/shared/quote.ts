/** Characters of a client's value an error message repeats at most. */
export const QUOTED_PREFIX = 40;

/**
 * A value from a request as an error message shows it: in double quotes (escaped like a
 * JSON string, so a quote or a newline in it cannot fake the end of the message) and cut
 * to its first QUOTED_PREFIX characters plus "…", so a 100 KB parameter is not echoed
 * back, written into a log line or held by a client's error handling in full.
 */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  const chars = Array.from(text.length > QUOTED_PREFIX * 2 ? text.slice(0, QUOTED_PREFIX * 2) : text);
  const cut = chars.length > QUOTED_PREFIX || text.length > QUOTED_PREFIX * 2;
  return JSON.stringify(cut ? `${chars.slice(0, QUOTED_PREFIX).join('')}…` : text);
}
