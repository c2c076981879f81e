import { SourceFormatError } from './source-format-error';
import { quote } from '../../../shared/quote';

// ical.js parses a whole calendar or throws: one VEVENT with an unreadable date (DTSTART in
// year 20170) would cost the whole feed. So the file is cut into its top-level components
// first, and each VEVENT is parsed on its own; a broken one is rejected, the rest land.

/** One top-level component of a VCALENDAR, as unfolded content lines. */
export interface IcsBlock {
  /** VEVENT, VTIMEZONE, VTODO, … */
  kind: string;
  lines: string[];
  /** Set when the component never ended (END missing or mismatched). */
  broken?: string;
}

/** The calendar's own properties and its components. */
export interface IcsFile {
  properties: string[];
  blocks: IcsBlock[];
}

/** Content lines with RFC 5545 folding undone (CRLF or LF, then one space or tab). */
export function unfold(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').replace(/\n[ \t]/g, '').split('\n');
}

function name(line: string): string {
  return line.slice(0, line.search(/[;:]|$/)).toUpperCase();
}

/** Where a content line's value starts: after the first colon outside quoted parameter values. */
function valueStart(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ':' && !quoted) return i + 1;
  }
  return -1;
}

function value(line: string): string {
  const start = valueStart(line);
  return start < 0 ? '' : line.slice(start).trim().toUpperCase();
}

/**
 * The components of an iCalendar text. Throws SourceFormatError when it is not one at all
 * (no BEGIN:VCALENDAR first, binary content) or is truncated (no END:VCALENDAR): a cut-off
 * feed must not look like one whose later events were deleted.
 */
export function splitCalendar(text: string): IcsFile {
  const body = text.replace(/^\uFEFF/, '');
  if (body.includes('\u0000')) throw new SourceFormatError('ics', 'not an iCalendar file: it holds binary data');
  const lines = unfold(body);
  let first = 0;
  while (first < lines.length && lines[first].trim() === '') first++;
  if (first >= lines.length || lines[first].trim().toUpperCase() !== 'BEGIN:VCALENDAR') {
    const start = (lines[first] ?? '').trim().slice(0, 40);
    throw new SourceFormatError('ics', `not an iCalendar file: it must start with BEGIN:VCALENDAR, not ${quote(start)}`);
  }
  const file: IcsFile = { properties: [], blocks: [] };
  let current: IcsBlock | null = null;
  let depth = 0;
  let ended = false;
  for (let i = first + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    const key = name(line);
    if (current) {
      current.lines.push(line);
      if (key === 'BEGIN') depth++;
      else if (key === 'END') depth--;
      if (key === 'END' && depth === 0) {
        if (value(line) !== current.kind) current.broken = `ends with ${line.trim()} instead of END:${current.kind}`;
        file.blocks.push(current);
        current = null;
      } else if (key === 'END' && value(line) === 'VCALENDAR') {
        current.broken = `END:${current.kind} is missing`;
        current.lines.pop();
        file.blocks.push(current);
        current = null;
        ended = true;
        break;
      }
    } else if (key === 'BEGIN') {
      current = { kind: value(line), lines: [line] };
      depth = 1;
    } else if (key === 'END') {
      if (value(line) === 'VCALENDAR') {
        ended = true;
        break;
      }
    } else {
      file.properties.push(line);
    }
  }
  if (!ended) throw new SourceFormatError('ics', 'the file is truncated: END:VCALENDAR is missing');
  return file;
}

/** The raw value of the first content line named `prop` (e.g. UID, DTSTART), trimmed; parameters skipped. */
export function rawValue(lines: readonly string[], prop: string): string | null {
  const upper = prop.toUpperCase();
  for (const line of lines) {
    if (name(line) === upper) {
      const start = valueStart(line);
      return start < 0 ? '' : line.slice(start).trim();
    }
  }
  return null;
}
