import { Language } from '../shared/i18n';
import type { FeedQuery } from '../feeds/feed-query';
import { statsAssets } from './stats-assets';
import { statsWords } from './stats-words';
import type { StatsPageConfig } from './stats-config';

/**
 * Only this origin: the script and stylesheet are files of ours, the script talks to our
 * /graphql only, the form submits to /stats. Chart.js sizes its canvas through the CSSOM,
 * which style-src does not govern, so no inline style is needed.
 */
export const STATS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const LANG_NAMES: Record<Language, string> = { DE: 'Deutsch', FR: 'Français', EN: 'English' };

/**
 * The statistics page for one URL: the filter form filled in from the URL, empty sections
 * for the script to fill, and the config block it reads. Every URL is relative (`graphql`,
 * `stats?…`, `./` for the playground), so the page also works under a path prefix.
 */
export function statsPage(query: FeedQuery, lang: Language, params: URLSearchParams): string {
  const { base } = statsAssets();
  const asset = base.slice(1);
  const { words, categories } = statsWords(lang);
  const chosen = new Set(query.filter.categories ?? []);
  const param = (name: string) => (params.get(name) ?? '').trim();
  const config: StatsPageConfig = {
    lang,
    filter: JSON.parse(JSON.stringify(query.filter)) as Record<string, unknown>,
    params: { campaign: param('campaign'), region: param('region'), from: param('from'), to: param('to'), categories: [...chosen] },
    words,
    categories,
  };

  const langLinks = Object.values(Language).map((l) => {
    const other = new URLSearchParams(params);
    other.set('lang', l.toLowerCase());
    const current = l === lang ? ' aria-current="true"' : '';
    return `<a href="stats?${esc(other.toString())}" hreflang="${l.toLowerCase()}" lang="${l.toLowerCase()}"${current}>${LANG_NAMES[l]}</a>`;
  }).join('');
  // Parameters the form has no control for stay as they were.
  const kept = ['country', 'organizer'].filter((n) => param(n) !== '')
    .map((n) => `<input type="hidden" name="${n}" value="${esc(param(n))}">`).join('');
  const placeholder = (value: string) => (value === '' ? '' : `<option value="${esc(value)}" selected data-placeholder>${esc(value)}</option>`);
  const checkboxes = categories.map((c) =>
    `<label><input type="checkbox" name="category" value="${c.value}"${chosen.has(c.value as never) ? ' checked' : ''}> ${esc(c.label)}</label>`).join('');
  const chart = (id: string, title: string) => `
      <section id="${id}" class="chart" aria-labelledby="${id}-title">
        <h2 id="${id}-title">${esc(title)}</h2>
        <p class="status" role="status">${esc(words.loading)}</p>
        <div class="chart-box"><canvas role="img" aria-label="${esc(title)}"></canvas></div>
        <details class="numbers"><summary>${esc(words.numbers)}</summary><table></table></details>
        <a class="playground-link">${esc(words.openInPlayground)}</a>
      </section>`;

  return `<!doctype html>
<html lang="${lang.toLowerCase()}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${esc(words.title)} · clustergraph</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="${asset}stats.css">
  </head>
  <body>
    <header>
      <h1>${esc(words.title)}</h1>
      <nav>${langLinks}<a href="./" class="playground">${esc(words.playground)}</a></nav>
    </header>
    <form id="filter" method="get" action="stats" aria-label="${esc(words.filter)}">
      <input type="hidden" name="lang" value="${lang.toLowerCase()}">${kept}
      <label>${esc(words.campaign)}<select name="campaign"><option value="">${esc(words.allCampaigns)}</option>${placeholder(config.params.campaign)}</select></label>
      <label>${esc(words.region)}<select name="region"><option value="">${esc(words.allRegions)}</option>${placeholder(config.params.region)}</select></label>
      <label>${esc(words.from)}<input type="date" name="from" value="${esc(config.params.from.slice(0, 10))}"></label>
      <label>${esc(words.to)}<input type="date" name="to" value="${esc(config.params.to.slice(0, 10))}"></label>
      <fieldset><legend>${esc(words.categories)}</legend>${checkboxes}</fieldset>
      <button type="submit">${esc(words.apply)}</button>
      <a href="stats?lang=${lang.toLowerCase()}">${esc(words.reset)}</a>
      <details class="key"><summary>${esc(words.apiKey)}</summary>
        <input id="api-key" type="password" autocomplete="off" aria-describedby="api-key-hint"> <span id="api-key-hint">${esc(words.apiKeyHint)}</span>
      </details>
      <p id="filter-status" class="status" role="status"></p>
    </form>
    <main>
      <section id="total" aria-labelledby="total-title">
        <h2 id="total-title">${esc(words.total)}</h2>
        <output aria-live="polite">…</output>
        <p class="status" role="status"></p>
        <a class="playground-link">${esc(words.openInPlayground)}</a>
      </section>${chart('by-category', words.byCategory)}${chart('by-month', words.byMonth)}${chart('by-state', words.byState)}
      <section id="organizers" aria-labelledby="organizers-title">
        <h2 id="organizers-title">${esc(words.organizers)}</h2>
        <p class="status" role="status">${esc(words.loading)}</p>
        <table></table>
        <a class="playground-link">${esc(words.openInPlayground)}</a>
      </section>
    </main>
    <script type="application/json" id="stats-config">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>
    <script src="${asset}stats.js"></script>
  </body>
</html>
`;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
