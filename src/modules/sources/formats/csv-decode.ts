import iconv from 'iconv-lite';
import { SourceFormatError } from './source-format-error';
import { quote } from '../../../shared/quote';

// Spreadsheets saved by German Excel are Windows-1252 with `;`; LibreOffice and scripts write
// UTF-8 (Excel with a BOM) and often `,`. A byte sequence that is not valid UTF-8 is taken as
// Windows-1252, which decodes every byte, so an umlaut is never silently lost. iconv-lite
// decodes it: Node 20's TextDecoder('windows-1252') is really Latin-1 and turns the dash
// 0x96 and the euro sign 0x80 into C1 control characters.

/** The text of CSV bytes in `encoding` (utf-8, windows-1252, latin1, …), or detected when not given. */
export function decodeCsv(bytes: Buffer, encoding?: string | null): { text: string; encoding: string } {
  if (bytes.includes(0)) throw new SourceFormatError('csv', 'not a text file: it holds binary data');
  const wanted = (encoding ?? '').trim().toLowerCase().replace(/^utf8$/, 'utf-8');
  if (wanted && wanted !== 'utf-8') {
    if (!iconv.encodingExists(wanted)) throw new SourceFormatError('csv', `unknown encoding ${quote(encoding)}`);
    return { text: iconv.decode(bytes, wanted), encoding: wanted };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    if (wanted === 'utf-8') throw new SourceFormatError('csv', 'the file is not valid UTF-8, though its mapping says it is');
    return { text: iconv.decode(bytes, 'windows-1252'), encoding: 'windows-1252' };
  }
}

/** The delimiter the header line uses most: `;`, `,` or a tab (outside quotes). */
export function detectDelimiter(text: string): string {
  const header = text.slice(0, Math.max(0, text.search(/\r?\n|$/)));
  const counts = new Map<string, number>([[';', 0], [',', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ';';
  for (const [ch, n] of counts) if (n > (counts.get(best) ?? 0)) best = ch;
  return best;
}
