import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';

// Only the parts a bar chart needs, so the bundle carries no other chart types.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** One bar: `key` is what GraphQL returned (CATEGORY, 2017-04, DE1), `label` what people read. */
export interface Bar {
  key: string;
  label: string;
  count: number;
}

const BAR_COLOUR = '#2f6fad';

/**
 * Draws the bars into the section's canvas with Chart.js and writes the same numbers into
 * the section's table, for screen readers and anyone who wants the figures. The canvas
 * also carries the values the chart was given (`data-values`), read back from the chart.
 */
export function drawBars(section: HTMLElement, bars: Bar[], columns: [string, string], horizontal: boolean): void {
  const canvas = section.querySelector('canvas')!;
  const title = section.querySelector('h2')?.textContent ?? '';
  fillTable(section.querySelector('table')!, bars, columns);
  const wrapper = canvas.parentElement!;
  // Horizontal bars need room per bar; vertical ones a fixed height.
  wrapper.style.height = `${horizontal ? Math.max(120, 28 * bars.length + 40) : 280}px`;
  Chart.getChart(canvas)?.destroy();
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels: bars.map((b) => b.label), datasets: [{ label: columns[1], data: bars.map((b) => b.count), backgroundColor: BAR_COLOUR, maxBarThickness: 36 }] },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      animation: false,
      maintainAspectRatio: false,
      responsive: true,
      scales: { [horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  });
  const values = chart.data.datasets[0].data as number[];
  canvas.dataset.labels = JSON.stringify(chart.data.labels);
  canvas.dataset.values = JSON.stringify(values);
  canvas.setAttribute('aria-label', `${title}: ${bars.map((b, i) => `${b.label} ${values[i]}`).join(', ')}`);
}

/** A table of label and count; each row keeps the GraphQL key and the count as data attributes. */
export function fillTable(table: HTMLTableElement, bars: Bar[], columns: [string, string]): void {
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  for (const text of columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = text;
    head.append(th);
  }
  const body = table.createTBody();
  for (const bar of bars) {
    const row = body.insertRow();
    row.dataset.key = bar.key;
    row.dataset.count = String(bar.count);
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = bar.label;
    row.append(th);
    row.insertCell().textContent = bar.count.toLocaleString();
  }
}
