import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { writeComparePlot, writeRunPlot } from './plot';
import type { BenchRow, BenchRun } from './report';

// The plot writer on a small, made-up run; the benchmark itself does not run here.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function row(shape: string, label: string, db: 'sqlite' | 'postgres', requestsPerSecond: number, p99Ms: number): BenchRow {
  return { shape, label, db, requestsPerSecond, p50Ms: p99Ms / 3, p99Ms, sqlStatements: 2, responseBytes: 1000, peakRssMb: 120, failures: 0 };
}

function run(startedAt: string, rows: BenchRow[]): BenchRun {
  return {
    startedAt, machine: { cpu: 'Test CPU', cores: 2, memoryGb: 4, os: 'Linux', node: 'v20' },
    options: { events: 1000, connections: 10, duration: 10 }, seedSeconds: {}, rows,
  };
}

const A = run('2026-01-01T00:00:00.000Z', [
  row('Q1', 'by-category', 'sqlite', 57.4, 375.2), row('Q4', 'point lookup', 'sqlite', 4365, 6.1),
  row('Q1', 'by-category', 'postgres', 61, 270), row('Q4', 'point lookup', 'postgres', 2475, 11),
]);
const B = run('2026-02-01T00:00:00.000Z', [
  row('Q1', 'by-category', 'sqlite', 88, 201.4), row('Q4', 'point lookup', 'sqlite', 5012, 4.9),
  row('Q1', 'by-category', 'postgres', 70, 250), row('Q4', 'point lookup', 'postgres', 2600, 10.2),
]);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bench-plot-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The numbers of one table cell per series, by the shape's row header. */
function cells(html: string, shapeLabel: string): string[][] {
  return [...html.matchAll(new RegExp(`<tr><th>${shapeLabel}</th>((?:<td>[^<]*</td>)+)</tr>`, 'g'))]
    .map((m) => [...m[1].matchAll(/<td>([^<]*)<\/td>/g)].map((c) => c[1]));
}

describe('the benchmark plot', () => {
  it('writes an HTML file beside the JSON with req/s and p99 per shape and database, Chart.js inlined', () => {
    const json = join(dir, 'bench-a.json');
    writeFileSync(json, JSON.stringify(A));
    const file = writeRunPlot(A, json);
    expect(file).toBe(join(dir, 'bench-a.html'));
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('</html>');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/); // nothing to fetch: works offline
    expect(html).toMatch(/Chart\.js v4\.\d+\.\d+/); // the library's own build, inlined
    expect(html).toContain('<th>sqlite (req/s)</th><th>postgres (req/s)</th>');
    // Two tables (req/s, then p99), each with a row per shape and a column per database.
    expect(cells(html, 'Q1 by-category')).toEqual([['57', '61'], ['375.2', '270']]);
    expect(cells(html, 'Q4 point lookup')).toEqual([['4365', '2475'], ['6.1', '11']]);
  });

  it('puts two runs side by side with --compare', () => {
    const a = join(dir, 'bench-a.json');
    const b = join(dir, 'bench-b.json');
    writeFileSync(a, JSON.stringify(A));
    writeFileSync(b, JSON.stringify(B));
    const file = writeComparePlot(a, b);
    expect(file).toBe(join(dir, 'compare-bench-a-vs-bench-b.html'));
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<th>a · sqlite (req/s)</th><th>b · sqlite (req/s)</th><th>a · postgres (req/s)</th><th>b · postgres (req/s)</th>');
    expect(cells(html, 'Q1 by-category')).toEqual([['57', '88', '61', '70'], ['375.2', '201.4', '270', '250']]);
    expect(cells(html, 'Q4 point lookup')).toEqual([['4365', '5012', '2475', '2600'], ['6.1', '4.9', '11', '10.2']]);
  });

  (existsSync(CHROMIUM) ? it : it.skip)('draws the charts from disk in a browser with no network', async () => {
    const json = join(dir, 'bench-b.json');
    writeFileSync(json, JSON.stringify(B));
    const file = writeRunPlot(B, json);
    const browser = await chromium.launch({ executablePath: CHROMIUM });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pathToFileURL(file).href);
      const drawn = await page.evaluate(`[...document.querySelectorAll('canvas')].map((c) => {
        const chart = Chart.getChart(c);
        return { labels: chart.data.labels, data: chart.data.datasets.map((d) => [d.label, d.data]) };
      })`);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      expect(drawn).toEqual([
        { labels: ['Q1 by-category', 'Q4 point lookup'], data: [['sqlite', [88, 5012]], ['postgres', [70, 2600]]] },
        { labels: ['Q1 by-category', 'Q4 point lookup'], data: [['sqlite', [201.4, 4.9]], ['postgres', [250, 10.2]]] },
      ]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
