/** The formats a source can be read in. */
export type ReadableFormat = 'ics' | 'csv' | 'json';

/**
 * The whole input cannot be read as the format it claims to be (not iCalendar at all, a
 * truncated file, a CSV without a title column, JSON of an unknown shape). Nothing from it
 * may be imported; a single bad event or row is a RejectedItem instead.
 */
export class SourceFormatError extends Error {
  override name = 'SourceFormatError';

  constructor(readonly format: ReadableFormat, message: string) {
    super(`${format.toUpperCase()}: ${message}`);
  }
}
