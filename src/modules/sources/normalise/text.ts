// Feeds carry stray control characters (a pasted vertical tab, a NUL from a broken export),
// Windows line ends and runs of blanks; stored texts get none of them.

// C0 and C1 controls except tab and line feed, plus the zero-width characters Word pastes.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u2060\uFEFF]/g;

/**
 * A multi-line text cleaned for storage: NFC, controls removed, blanks collapsed, each line
 * trimmed, at most one empty line in a row; null when nothing is left.
 */
export function cleanText(value: string | null | undefined): string | null {
  if (value == null) return null;
  const lines = value
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .split('\n')
    .map((line) => line.replace(/[\t \u00A0]+/g, ' ').trim());
  const text = lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return text === '' ? null : text;
}

/** A one-line text (title, name, city): like cleanText, with line breaks turned into blanks. */
export function cleanLine(value: string | null | undefined): string | null {
  const text = cleanText(value);
  return text == null ? null : text.replace(/\s*\n\s*/g, ' ');
}
