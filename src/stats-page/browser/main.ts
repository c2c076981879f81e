import type { StatsPageConfig } from '../stats-config';
import { drawBars, fillTable, type Bar } from './charts';
import { apiKey, playgroundUrl, rememberApiKey, runQuery } from './graphql';
import { BY_CATEGORY, BY_MONTH, BY_ORGANIZER, BY_STATE, FILTER_CHOICES, TOTAL, type StatsQuery } from './queries';

type Row<K extends string, V> = { [key in K]: V } & { count: number };
interface RegionNode { code: string; name: string; children?: RegionNode[] }

const config = JSON.parse(document.getElementById('stats-config')!.textContent!) as StatsPageConfig;
const { words, lang } = config;
const locale = lang.toLowerCase();
const variables = { filter: config.filter, lang };
const categoryLabel = new Map(config.categories.map((c) => [c.value, c.label]));
const ORGANIZERS_SHOWN = 15;

function section(id: string): HTMLElement {
  return document.getElementById(id)!;
}

/** Runs a section's query, links the section to it in the playground, and shows failures in place. */
async function load<T>(id: string, op: StatsQuery, draw: (data: T) => void): Promise<void> {
  const part = section(id);
  const link = part.querySelector<HTMLAnchorElement>('a.playground-link');
  if (link) link.href = playgroundUrl(op, op.query.includes('$lang') ? variables : { filter: config.filter });
  part.setAttribute('aria-busy', 'true');
  try {
    draw(await runQuery<T>(op, variables));
    part.dataset.state = 'ready';
  } catch (err) {
    part.dataset.state = 'error';
    part.querySelector('.status')!.textContent = `${words.error}: ${(err as Error).message}`;
  } finally {
    part.removeAttribute('aria-busy');
  }
}

function monthLabel(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, m - 1, 1));
}

function showEmpty(part: HTMLElement, bars: Bar[]): void {
  part.querySelector('.status')!.textContent = bars.length === 0 ? words.noEvents : '';
}

function loadStats(): Promise<unknown> {
  return Promise.all([
    load<{ eventStats: Array<{ count: number }> }>('total', TOTAL, (d) => {
      const output = section('total').querySelector('output')!;
      const total = d.eventStats[0]?.count ?? 0;
      output.value = total.toLocaleString(locale);
      output.dataset.count = String(total);
    }),
    load<{ eventStats: Array<Row<'category', string>> }>('by-category', BY_CATEGORY, (d) => {
      const bars = d.eventStats.map((r) => ({ key: r.category, label: categoryLabel.get(r.category) ?? r.category, count: r.count }));
      drawBars(section('by-category'), bars, [words.category, words.events], true);
      showEmpty(section('by-category'), bars);
    }),
    load<{ eventStats: Array<Row<'month', string>> }>('by-month', BY_MONTH, (d) => {
      const bars = d.eventStats
        .map((r) => ({ key: r.month, label: monthLabel(r.month), count: r.count }))
        .sort((a, b) => a.key.localeCompare(b.key));
      drawBars(section('by-month'), bars, [words.month, words.events], false);
      showEmpty(section('by-month'), bars);
    }),
    load<{ eventStats: Array<Row<'state', { code: string; name: string } | null>> }>('by-state', BY_STATE, (d) => {
      const bars = d.eventStats.map((r) => ({ key: r.state?.code ?? '', label: r.state?.name ?? '—', count: r.count }));
      drawBars(section('by-state'), bars, [words.state, words.events], true);
      showEmpty(section('by-state'), bars);
    }),
    load<{ eventStats: Array<Row<'organizer', { id: string; name: string } | null>> }>('organizers', BY_ORGANIZER, (d) => {
      const rows = d.eventStats.slice(0, ORGANIZERS_SHOWN).map((r) => ({ key: r.organizer?.id ?? '', label: r.organizer?.name ?? '—', count: r.count }));
      fillTable(section('organizers').querySelector('table')!, rows, [words.organizer, words.events]);
      showEmpty(section('organizers'), rows);
    }),
  ]);
}

/** Fills the campaign and region selects (the NUTS tree, indented by level), keeping the URL's choice. */
async function loadChoices(): Promise<void> {
  const data = await runQuery<{ campaigns: Array<{ slug: string; name: string; startsOn: string }>; regions: RegionNode[] }>(FILTER_CHOICES, { lang });
  const campaign = document.querySelector<HTMLSelectElement>('select[name=campaign]')!;
  const campaigns = [...data.campaigns].sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  campaign.append(...campaigns.map((c) => new Option(c.name, c.slug, false, c.slug === config.params.campaign)));
  const region = document.querySelector<HTMLSelectElement>('select[name=region]')!;
  const add = (nodes: RegionNode[], depth: number): void => {
    for (const node of nodes) {
      const indent = '\u00a0\u00a0'.repeat(depth);
      region.append(new Option(`${indent}${node.name} (${node.code})`, node.code, false, node.code === config.params.region));
      add(node.children ?? [], depth + 1);
    }
  };
  add(data.regions, 0);
  // The server put the URL's value in as a placeholder option: drop it once the real one is there.
  for (const select of [campaign, region]) {
    if (select.querySelectorAll(`option[value="${CSS.escape(select.value)}"]`).length > 1) select.querySelector('option[data-placeholder]')?.remove();
  }
}

function setUpKeyField(): void {
  const field = document.getElementById('api-key') as HTMLInputElement;
  field.value = apiKey();
  field.addEventListener('change', () => {
    rememberApiKey(field.value.trim());
    void loadStats();
  });
}

setUpKeyField();
void loadChoices().catch((err: Error) => {
  document.getElementById('filter-status')!.textContent = `${words.error}: ${err.message}`;
});
void loadStats().then(() => document.body.setAttribute('data-loaded', 'true'));
