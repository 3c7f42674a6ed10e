import { h } from './dom.js';

// Charts are drawn by ECharts (installed from the npm registry by the build, served from /lib) on a canvas:
// labels from the data are painted, never parsed as markup. Each chart sits next to the table of its figures,
// which is its text alternative; without ECharts the tables alone are shown.

const live = new Set();

window.addEventListener('resize', () => { for (const chart of live) chart.resize(); });

/** Disposes every chart of the current view (before the view is replaced). */
export function disposeCharts() {
  for (const chart of live) chart.dispose();
  live.clear();
}

/**
 * A figure: caption, horizontal bar chart, and the table with the same figures.
 * data: { labels: [text], values: [number], format(value) -> text }
 */
export function chartFigure(title, data, table, { tall = false } = {}) {
  const box = h('div', {
    class: tall ? 'chart tall' : 'chart', role: 'img',
    'aria-label': `${title}: bar chart; the table below gives the same figures`,
  });
  const figure = h('figure', {}, h('figcaption', {}, title), box, table);
  if (data.values.length === 0) box.hidden = true;
  else requestAnimationFrame(() => draw(box, data));
  return figure;
}

function draw(box, { labels, values, format = String }) {
  if (!box.isConnected || !window.echarts) {
    box.hidden = true;
    return;
  }
  const chart = window.echarts.init(box, null, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText', valueFormatter: format },
    xAxis: { type: 'value', axisLabel: { formatter: format, hideOverlap: true } },
    yAxis: { type: 'category', data: [...labels].reverse(), axisLabel: { width: 150, overflow: 'truncate' } },
    series: [{
      type: 'bar', data: [...values].reverse(), itemStyle: { color: '#0b5cad' },
      label: { show: true, position: 'right', formatter: (p) => format(p.value), fontSize: 11 },
    }],
  });
  live.add(chart);
}

/**
 * A figure: caption, line chart of shares over periods with 95% interval bands, and the table with the same figures.
 * data: { periods: [text], lines: [{ name, values: [number], low: [number], high: [number] }],
 *         references: [{ name, values: [number|null] }], format(value) -> text }
 */
export function lineChartFigure(title, data, table) {
  const box = h('div', {
    class: 'chart tall', role: 'img',
    'aria-label': `${title}: line chart with 95% interval bands; the table below gives the same figures`,
  });
  const figure = h('figure', {}, h('figcaption', {}, title), box, table);
  if (data.periods.length === 0) box.hidden = true;
  else requestAnimationFrame(() => drawLines(box, data));
  return figure;
}

const palette = ['#0b5cad', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0e7490'];

function drawLines(box, { periods, lines, references = [], format = String }) {
  if (!box.isConnected || !window.echarts) {
    box.hidden = true;
    return;
  }
  const series = [];
  lines.forEach((line, i) => {
    const color = palette[i % palette.length];
    // The band: the low bound (invisible) with the interval's width stacked on it, filled.
    series.push({ type: 'line', data: line.low, stack: `band${i}`, lineStyle: { opacity: 0 }, symbol: 'none', silent: true, tooltip: { show: false } });
    series.push({
      type: 'line', data: line.high.map((v, k) => v - line.low[k]), stack: `band${i}`, lineStyle: { opacity: 0 }, symbol: 'none',
      areaStyle: { color, opacity: 0.15 }, silent: true, tooltip: { show: false },
    });
    series.push({ type: 'line', name: line.name, data: line.values, itemStyle: { color }, lineStyle: { width: 2 } });
  });
  for (const reference of references) {
    series.push({ type: 'line', name: reference.name, data: reference.values, itemStyle: { color: '#555' }, lineStyle: { type: 'dashed' }, connectNulls: true });
  }
  const chart = window.echarts.init(box, null, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, data: [...lines.map((l) => l.name), ...references.map((r) => r.name)] },
    tooltip: { trigger: 'axis', renderMode: 'richText', valueFormatter: format },
    xAxis: { type: 'category', data: periods },
    yAxis: { type: 'value', axisLabel: { formatter: format } },
    series,
  });
  live.add(chart);
}
