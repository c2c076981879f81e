import { parseCsv } from './formats/csv.parser';
import { parseIcs } from './formats/ics.parser';
import { parseJson } from './formats/json.parser';
import type { ParsedInput, SourceMapping } from './imported-event';
import type { SourceFormat } from './source.types';

/** How far back and ahead recurring ICS events are expanded, in days from now. */
const RECURRENCE_PAST_DAYS = 365;
const RECURRENCE_FUTURE_DAYS = 2 * 365;

/**
 * The records of one input in a source's format. `charset` is what HTTP's Content-Type
 * said; CSV honours a legacy charset (windows-1252, latin1, …) unless the source's mapping
 * names an encoding. A declared UTF-8 is only a hint: servers say it of every file, so the
 * parser's detection (valid UTF-8, else Windows-1252) decides. ICS and JSON are UTF-8 by
 * their specifications. Throws SourceFormatError when the whole input is unreadable.
 */
export function parseInput(
  format: SourceFormat, bytes: Buffer, mapping: SourceMapping, charset: string | null = null, now = Date.now(),
): ParsedInput {
  switch (format) {
    case 'ics': {
      const day = 86_400_000;
      return parseIcs(bytes.toString('utf8'), mapping,
        { from: new Date(now - RECURRENCE_PAST_DAYS * day), to: new Date(now + RECURRENCE_FUTURE_DAYS * day) });
    }
    case 'csv':
      return parseCsv(bytes, mapping.encoding || !declaresLegacy(charset) ? mapping : { ...mapping, encoding: charset!.toLowerCase() });
    case 'json':
      return parseJson(bytes.toString('utf8'), mapping);
    default:
      throw new Error(`unknown source format "${String(format)}"`);
  }
}

function declaresLegacy(charset: string | null): boolean {
  return charset !== null && !/^(utf-?8|us-ascii)$/i.test(charset);
}
