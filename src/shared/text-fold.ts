/**
 * A sort/search key: lower case, umlauts spelt out the German way (ä → ae) and other
 * accents dropped, so "Lörrach", "Loerrach" and "LÖRRACH" share one key and sorting is
 * the same on SQLite and PostgreSQL (compared as plain bytes, not by a locale).
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
