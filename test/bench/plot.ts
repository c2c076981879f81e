import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BenchRow, BenchRun } from './report';

/**
 * A benchmark run drawn as one HTML file: requests per second and p99 latency per query
 * shape, one bar per database (or, comparing two runs, per run and database). Chart.js,
 * the charting library of the statistics page, is inlined from node_modules, so the file
 * opens offline, from disk, anywhere; each chart has a table with the same numbers.
 */
export interface PlotSeries {
  /** Legend entry: a database, or "a · sqlite" when comparing. */
  name: string;
  rows: BenchRow[];
}

interface Metric {
  title: string;
  unit: string;
  value: (row: BenchRow) => number;
  /** Rounding for the tables. */
  digits: number;
}

const METRICS: Metric[] = [
  { title: 'Requests per second (higher is better)', unit: 'req/s', value: (r) => r.requestsPerSecond, digits: 0 },
  { title: 'p99 latency (lower is better)', unit: 'ms', value: (r) => r.p99Ms, digits: 1 },
];

/** SQLite blue, PostgreSQL teal; comparing, run a light and run b in the full colour. */
const COLOURS: Record<string, { a: string; b: string }> = {
  sqlite: { a: '#a9c7e8', b: '#2f6fad' },
  postgres: { a: '#a8dccf', b: '#1f8a75' },
};

function colourOf(series: PlotSeries): string {
  const [run, db] = series.name.includes(' · ') ? series.name.split(' · ') : ['b', series.name];
  const pair = COLOURS[db] ?? { a: '#e0b77c', b: '#c98b3a' };
  return run === 'a' ? pair.a : pair.b;
}

/** The plot of one run: writes it beside the JSON (bench-….json → bench-….html) and says where. */
export function writeRunPlot(run: BenchRun, jsonPath: string): string {
  const file = jsonPath.replace(/\.json$/, '') + '.html';
  const dbs = [...new Set(run.rows.map((r) => r.db))];
  const series = dbs.map((db) => ({ name: db, rows: run.rows.filter((r) => r.db === db) }));
  writeFileSync(file, plotHtml(`Benchmark ${run.startedAt}`, describeRun(run), series));
  return file;
}

/** The plot of two runs side by side, per database: written next to run b's JSON. */
export function writeComparePlot(aPath: string, bPath: string): string {
  const a = JSON.parse(readFileSync(aPath, 'utf8')) as BenchRun;
  const b = JSON.parse(readFileSync(bPath, 'utf8')) as BenchRun;
  const file = join(dirname(bPath), `compare-${basename(aPath, '.json')}-vs-${basename(bPath, '.json')}.html`);
  const dbs = [...new Set([...a.rows, ...b.rows].map((r) => r.db))];
  const series = dbs.flatMap((db) => [
    { name: `a · ${db}`, rows: a.rows.filter((r) => r.db === db) },
    { name: `b · ${db}`, rows: b.rows.filter((r) => r.db === db) },
  ]).filter((s) => s.rows.length > 0);
  const about = `a: ${basename(aPath)} (${a.startedAt}; ${describeRun(a)})\nb: ${basename(bPath)} (${b.startedAt}; ${describeRun(b)})`;
  writeFileSync(file, plotHtml('Benchmark comparison', about, series));
  return file;
}

function describeRun(run: BenchRun): string {
  const m = run.machine;
  const o = run.options as { events?: number; connections?: number; duration?: number };
  return `${m.cores} × ${m.cpu}, ${m.memoryGb} GB, Node ${m.node}; ${o.events ?? '?'} events, ${o.connections ?? '?'} connections, ${o.duration ?? '?'} s a shape`;
}

/** The whole page: charts drawn by an inline script from a JSON block, tables written here. */
export function plotHtml(title: string, about: string, series: PlotSeries[]): string {
  const shapes = [...new Map(series.flatMap((s) => s.rows).map((r) => [r.shape, `${r.shape} ${r.label}`])).entries()];
  const charts = METRICS.map((metric, i) => ({
    id: `metric-${i}`,
    title: metric.title,
    unit: metric.unit,
    labels: shapes.map(([, label]) => label),
    datasets: series.map((s) => ({
      label: s.name,
      backgroundColor: colourOf(s),
      data: shapes.map(([shape]) => {
        const row = s.rows.find((r) => r.shape === shape);
        return row === undefined ? null : Number(metric.value(row).toFixed(metric.digits));
      }),
    })),
  }));
  const sections = charts.map((c) => `
  <section>
    <h2>${esc(c.title)}</h2>
    <div class="box" style="height:${Math.max(220, 36 * c.labels.length * Math.max(1, c.datasets.length / 2) + 60)}px"><canvas id="${c.id}" role="img" aria-label="${esc(c.title)}"></canvas></div>
    <table>
      <thead><tr><th>shape</th>${c.datasets.map((d) => `<th>${esc(d.label)} (${esc(c.unit)})</th>`).join('')}</tr></thead>
      <tbody>${c.labels.map((label, k) => `<tr><th>${esc(label)}</th>${c.datasets.map((d) => `<td>${d.data[k] ?? '–'}</td>`).join('')}</tr>`).join('')}</tbody>
    </table>
  </section>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #1d2733; }
  pre { color: #5b6773; white-space: pre-wrap; }
  section { margin-bottom: 2rem; max-width: 1100px; }
  .box { position: relative; }
  table { border-collapse: collapse; margin-top: .5rem; }
  th, td { padding: .15rem .6rem; border-bottom: 1px solid #d5dbe1; text-align: right; }
  th:first-child { text-align: left; font-weight: normal; }
</style>
</head>
<body>
<h1>${esc(title)}</h1>
<pre>${esc(about)}</pre>
${sections}
<script type="application/json" id="bench-charts">${JSON.stringify(charts).replace(/</g, '\\u003c')}</script>
<script>${chartJs()}</script>
<script>
  for (const c of JSON.parse(document.getElementById('bench-charts').textContent)) {
    new Chart(document.getElementById(c.id), {
      type: 'bar',
      data: { labels: c.labels, datasets: c.datasets },
      options: {
        indexAxis: 'y', animation: false, maintainAspectRatio: false,
        // Shapes differ a hundredfold (a point lookup against a nested page): on a log scale
        // every shape's bars stay readable, and a regression is the same gap at any size.
        scales: { x: { type: 'logarithmic', title: { display: true, text: c.unit + ' (log scale)' } } },
      },
    });
  }
</script>
</body>
</html>
`;
}

let chartSource: string | undefined;

/** Chart.js's own browser build (UMD, minified), safe to put inside a script element. */
function chartJs(): string {
  chartSource ??= readFileSync(join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'), 'utf8').replace(/<\/script/gi, '<\\/script');
  return chartSource;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
