import { EXAMPLE_OPERATIONS } from './example-operations';
import { playgroundAssets } from './playground-assets';

/**
 * Only this server's own origin: scripts and styles are files of ours (styles may also be
 * inline, as React and Monaco set them at run time), fonts and icons may be data: URLs
 * (GraphiQL's fonts are inlined that way), requests go to this origin only, and the page
 * may not be framed. A CDN or any other host is refused by the browser.
 */
export const PLAYGROUND_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * In a freshly opened browser tab GraphiQL 5's tabs keep stale drag offsets (framer-motion
 * `translateX`), which its own stylesheet applies only while a tab has focus: the mouse
 * press focuses the tab, the tab jumps away, and the click lands on the tab bar. Without
 * the offsets a click always selects; dragging still reorders, only the tab does not
 * follow the pointer while dragged.
 */
const TAB_FIX = '.graphiql-tab { transform: none !important; }';

/** A way to the statistics page, laid over GraphiQL's page rather than wedged into its React tree. */
const STATS_LINK_STYLE = '.cg-stats-link { position: fixed; z-index: 20; bottom: 10px; right: 16px; padding: 4px 10px;'
  + ' border-radius: 6px; font: 13px/1.4 system-ui, sans-serif; background: hsl(219, 29%, 18%); color: #fff; text-decoration: none; }';

let page: string | undefined;

/**
 * The playground's HTML. Every URL in it is relative (`graphql`, `playground/<version>/…`),
 * so the page works at `/` and at `/graphql` alike, and behind a proxy that serves the
 * gateway under a path prefix.
 */
export function playgroundPage(): string {
  if (page) return page;
  const base = playgroundAssets().base.slice(1);
  const data = {
    options: {
      title: 'clustergraph',
      endpoint: 'graphql',
      // API keys typed into the headers pane are not to be left behind in localStorage.
      shouldPersistHeaders: false,
    },
    examples: EXAMPLE_OPERATIONS.map((op) => ({ name: op.name, query: op.query, variables: JSON.stringify(op.variables, null, 2) })),
  };
  page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>clustergraph · GraphiQL</title>
    <link rel="icon" href="${base}favicon.ico">
    <link rel="stylesheet" href="${base}graphiql.css">
    <style>${TAB_FIX}\n${STATS_LINK_STYLE}</style>
  </head>
  <body class="no-focus-outline">
    <noscript>The clustergraph playground needs JavaScript. Without it, send queries to /graphql with any GraphQL client or curl.</noscript>
    <div id="root"></div>
    <a class="cg-stats-link" href="stats">Statistik · Statistiques · Statistics</a>
    <script type="application/json" id="playground-options">${jsonForHtml(data)}</script>
    <script src="${base}playground.js"></script>
    <script src="${base}graphiql.js"></script>
  </body>
</html>
`;
  return page;
}

/** JSON that cannot end the surrounding `<script>` element: every `<` is escaped. */
function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
