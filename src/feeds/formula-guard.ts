/**
 * The first characters that make a spreadsheet read a cell as a formula: = + - @, tab and
 * CR, and their full-width forms. The same list csv-stringify's escape_formulas checks, so
 * the CSV and the XLSX export defuse the same cells.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A text cell with a leading apostrophe when it would start a formula (OWASP "CSV
 * injection"): an XLSX text cell is not evaluated as it stands, but titles come from
 * editors and other calendars, and one re-typed, or copied into another sheet, would run.
 */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
