/**
 * Media types as RFC 9110 §8.3.1 defines them: type, subtype and parameter names are
 * case-insensitive; a parameter's value is a token or a quoted string. A naive
 * `includes('application/json')` takes `text/plain; x=application/json` for JSON and
 * `Application/JSON` for something else: both wrong.
 */
export interface MediaType {
  /** `type/subtype`, lower case. */
  essence: string;
  /** Parameter names in lower case; values as sent (unquoted). */
  parameters: Map<string, string>;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Parses one media type (a Content-Type value, or one member of an Accept list); null if malformed. */
export function parseMediaType(value: string | null | undefined): MediaType | null {
  if (!value) return null;
  const parts = splitOutsideQuotes(value, ';');
  const [type, subtype, ...extra] = parts[0].trim().split('/');
  if (extra.length > 0 || !type || !subtype || !TOKEN.test(type) || !TOKEN.test(subtype)) return null;
  const parameters = new Map<string, string>();
  for (const raw of parts.slice(1)) {
    const part = raw.trim();
    if (part === '') continue; // "text/html;" and ";;" occur in the wild and are harmless
    const eq = part.indexOf('=');
    if (eq <= 0) return null;
    const name = part.slice(0, eq).trim().toLowerCase();
    let val = part.slice(eq + 1).trim();
    if (!TOKEN.test(name)) return null;
    if (val.startsWith('"')) {
      if (val.length < 2 || !val.endsWith('"')) return null;
      val = val.slice(1, -1).replace(/\\(.)/g, '$1');
    } else if (!TOKEN.test(val)) {
      return null;
    }
    if (!parameters.has(name)) parameters.set(name, val);
  }
  return { essence: `${type}/${subtype}`.toLowerCase(), parameters };
}

/** True when a Content-Type header names JSON (`application/json`, any case, any parameters). */
export function isJsonContentType(value: string | null | undefined): boolean {
  return parseMediaType(value)?.essence === 'application/json';
}

/**
 * True when an Accept header asks for `essence` by name (or `type/*`) with a weight above
 * zero. `*\/*` alone does not count: curl and most libraries send it and want an API
 * answer, not a page for people.
 */
export function acceptsExplicitly(accept: string | null | undefined, essence: string): boolean {
  if (!accept) return false;
  const wanted = essence.toLowerCase();
  const wildcard = `${wanted.split('/')[0]}/*`;
  return splitOutsideQuotes(accept, ',').some((member) => {
    const range = parseMediaType(member.trim());
    if (!range || (range.essence !== wanted && range.essence !== wildcard)) return false;
    const q = range.parameters.get('q');
    return q === undefined || Number(q) > 0;
  });
}

/** Splits at `separator` except inside a quoted string (where `\` escapes). */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
