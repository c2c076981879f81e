/** Longest content line in octets, CRLF not counted (RFC 5545 §3.1). */
const MAX_OCTETS = 75;

/**
 * Folds CRLF-separated content lines at 75 octets of UTF-8: a longer line is cut before
 * the character that would pass the limit and goes on after CRLF and one space, never
 * inside a character. ical-generator's foldLines does the same but allocates a TextEncoder
 * per character: about a minute of CPU for a 100,000-event feed instead of a second.
 */
export function foldContentLines(text: string): string {
  return text.split('\r\n').map(foldLine).join('\r\n');
}

function foldLine(line: string): string {
  if (line.length * 3 <= MAX_OCTETS || Buffer.byteLength(line, 'utf8') <= MAX_OCTETS) return line;
  let out = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0)!);
    if (octets + size > limit) {
      out += '\r\n ';
      octets = 0;
      limit = MAX_OCTETS - 1; // the leading space is the continuation line's first octet
    }
    out += ch;
    octets += size;
  }
  return out;
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}
