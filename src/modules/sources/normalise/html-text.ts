import { compile } from 'html-to-text';
import { cleanText } from './text';

// html-to-text (not sanitize-html): our descriptions are plain text everywhere (GraphQL,
// ICS feed, CSV export), so markup is turned into text rather than filtered; it parses with
// htmlparser2, turns blocks and <br> into line breaks, decodes entities and drops scripts.
const OPTIONS = {
  wordwrap: false as const,
  selectors: [
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true, noAnchorUrl: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'head', format: 'skip' },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'h4', options: { uppercase: false } },
    { selector: 'h5', options: { uppercase: false } },
    { selector: 'h6', options: { uppercase: false } },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
  ],
};
const convert = compile(OPTIONS);

const TAG = /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>|&(#\d+|#x[0-9a-f]+|[a-z]+);/i;

/** True when the text holds an HTML tag or entity, so it should go through htmlToText. */
export function looksLikeHtml(value: string): boolean {
  return TAG.test(value);
}

/** Plain text of an HTML fragment: blocks become line breaks, entities decoded, scripts and styles dropped. */
export function htmlToText(html: string | null | undefined): string | null {
  if (html == null) return null;
  return cleanText(convert(html));
}

/** A description as a feed gives it: converted when it is HTML, else only cleaned. */
export function descriptionText(value: string | null | undefined): string | null {
  if (value == null) return null;
  return looksLikeHtml(value) ? htmlToText(value) : cleanText(value);
}
