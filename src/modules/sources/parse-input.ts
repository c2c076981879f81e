import { openCsv } from './formats/csv.parser';
import { icsItems } from './formats/ics.parser';
import { openJson } from './formats/json.parser';
import type { InputItem, RecordStream, SourceMapping } from './imported-event';
import type { SourceFormat } from './source.types';
import { quote } from '../../shared/quote';

/** How far back and ahead recurring ICS events are expanded, in days from now. */
const RECURRENCE_PAST_DAYS = 365;
const RECURRENCE_FUTURE_DAYS = 2 * 365;

/**
 * The records of one input in a source's format, as a stream the import reads batch by
 * batch. `charset` is what HTTP's Content-Type said; CSV honours a legacy charset
 * (windows-1252, latin1, …) unless the source's mapping names an encoding. A declared
 * UTF-8 is only a hint: servers say it of every file, so the parser's detection (valid
 * UTF-8, else Windows-1252) decides. ICS and JSON are UTF-8 by their specifications.
 * Throws SourceFormatError, before anything is imported, when the whole input is
 * unreadable or an ICS expands past the import's cap of occurrences.
 */
export async function openInput(
  format: SourceFormat, bytes: Buffer, mapping: SourceMapping, charset: string | null = null, now = Date.now(),
): Promise<RecordStream> {
  switch (format) {
    case 'ics': {
      const day = 86_400_000;
      const text = bytes.toString('utf8');
      const window = { from: new Date(now - RECURRENCE_PAST_DAYS * day), to: new Date(now + RECURRENCE_FUTURE_DAYS * day) };
      const items = () => icsItems(text, mapping, window);
      // A first pass that keeps nothing: it meets the cap (or a broken calendar) before the import writes.
      let total = 0;
      for (const _item of items() as Iterable<InputItem>) total += 1;
      return { total, items };
    }
    case 'csv':
      return openCsv(bytes, mapping.encoding || !declaresLegacy(charset) ? mapping : { ...mapping, encoding: charset!.toLowerCase() });
    case 'json':
      return openJson(bytes.toString('utf8'), mapping);
    default:
      throw new Error(`unknown source format ${quote(String(format))}`);
  }
}

function declaresLegacy(charset: string | null): boolean {
  return charset !== null && !/^(utf-?8|us-ascii)$/i.test(charset);
}
