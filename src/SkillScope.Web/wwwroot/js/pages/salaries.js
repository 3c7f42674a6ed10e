import { h, append, link } from '../dom.js';
import { getJson, meta } from '../api.js';
import { count, money, number, label } from '../format.js';
import { filterBar, recordFilters, selectField } from '../filters.js';
import { dataTable } from '../table.js';
import { pick, urlFor } from '../url.js';
import { dataView } from '../view.js';

// Pay: GET /api/salaries with the page's filters and options. Cells with fewer salaries than minCell are shown
// as "insufficient data", never as a figure; every cell shows its n.

export const page = { path: '/salaries', title: 'Salaries', nav: 40, route: /^\/salaries\/?$/, render };

const own = ['by', 'minCell', 'region', 'includeEstimates'];
const insufficient = 'insufficient data';

async function render(main, context) {
  const vocabulary = await meta();
  const view = dataView(pick(context.params, [...recordFilters, ...own]), async (params) => {
    const report = await getJson('/api/salaries', params);
    return { content: content(report, params), status: `${count(report.n)} salaries (${label(report.kind)}).` };
  });
  append(main,
    h('h1', {}, 'Salaries'),
    h('p', { class: 'lead' }, 'Pay bands (USD per year) by role and seniority, the experience ladder and regional differentials. ' +
      'Salary reports unless you choose job postings; the two are never mixed.'),
    filterBar(view.state, vocabulary, {
      extra: [
        (params, change) => selectField('by', 'Bands by', [['', 'Role × seniority'], ['role', 'Role'], ['role,country', 'Role × country'],
          ['role,seniority,country', 'Role × seniority × country'], ['seniority', 'Seniority'], ['country', 'Country'], ['metro', 'Metro']], params, change),
        (params, change) => selectField('minCell', 'Smallest cell', [['', '10'], ['5', '5'], ['30', '30'], ['100', '100']], params, change),
        (params, change) => selectField('region', 'Regions', [['', 'Countries'], ['metro', 'Metros']], params, change),
        (params, change) => selectField('includeEstimates', 'Board estimates', [['', 'left out'], ['true', 'included']], params, change),
      ],
    }),
    view.status,
    view.results);
  await view.load();
}

const key = (group) => Object.entries(group).map(([name, value]) => `${name}=${value}`).join(',');

function figure(cell, value, name) {
  return cell.suppressed ? h('span', { class: 'muted' }, insufficient) : h('span', { dataset: { cell: `${name}:${key(cell.group)}` } }, money(value));
}

// The postings search listing exactly the records a band counts: the report's record filters, its kind, the cell's
// group and salary=usable. Board estimates cannot be left out there, so a posting band's n is a link only when they
// are included (survey responses are never estimates).
function cellLink(report, params, cell, text) {
  if (report.kind === 'posting' && params.get('includeEstimates') !== 'true') return text;
  const query = pick(params, recordFilters);
  query.set('kind', report.kind);
  for (const [name, value] of Object.entries(cell.group)) query.set(name, value);
  query.set('salary', 'usable');
  return link(urlFor('/postings', query), text, { title: `The ${count(cell.n)} records in this cell` });
}

function content(report, params) {
  const dimensions = report.by;
  const raw = (d) => d === 'country' || d === 'metro';
  const bands = dataTable({
    caption: `Pay bands: USD per year; cells under ${count(report.minCell)} salaries are "${insufficient}"`,
    sortable: true,
    columns: [
      ...dimensions.map((d) => ({ title: label(d), cell: (c) => (raw(d) ? c.group[d] : label(c.group[d])), value: (c) => c.group[d] })),
      { title: 'n', num: true, cell: (c) => h('span', { dataset: { cell: `n:${key(c.group)}` } }, cellLink(report, params, c, count(c.n))), value: (c) => c.n },
      { title: 'P10', num: true, cell: (c) => figure(c, c.p10, 'p10'), value: (c) => c.p10 ?? -1 },
      { title: 'P25', num: true, cell: (c) => figure(c, c.p25, 'p25'), value: (c) => c.p25 ?? -1 },
      { title: 'Median', num: true, cell: (c) => figure(c, c.median, 'median'), value: (c) => c.median ?? -1 },
      { title: 'P75', num: true, cell: (c) => figure(c, c.p75, 'p75'), value: (c) => c.p75 ?? -1 },
      { title: 'P90', num: true, cell: (c) => figure(c, c.p90, 'p90'), value: (c) => c.p90 ?? -1 },
      { title: 'Local median', num: true, cell: (c) => (c.suppressed || !c.local || c.local.median === null ? '–' : `${number(Math.round(c.local.median))} ${c.local.currency}`) },
    ],
    rows: report.cells,
  });

  const isMatrix = dimensions.length === 2 && dimensions[0] === 'role' && dimensions[1] === 'seniority';
  const matrix = isMatrix ? roleBySeniority(report) : null;

  const steps = report.ladder.flatMap((row) => row.steps.map((step) => ({ role: row.role, ...step })));
  const ladder = dataTable({
    caption: 'Experience ladder: median by level within each role, and its ratio to the junior median',
    columns: [
      { title: 'Role', cell: (s) => label(s.role) },
      { title: 'Seniority', cell: (s) => label(s.seniority) },
      { title: 'n', num: true, cell: (s) => count(s.n) },
      { title: 'Median', num: true, cell: (s) => (s.suppressed ? h('span', { class: 'muted' }, insufficient) : money(s.median)) },
      { title: '× junior', num: true, cell: (s) => (s.suppressed || s.ratioToJunior === null ? '–' : number(s.ratioToJunior)) },
    ],
    rows: steps,
  });

  const regions = dataTable({
    caption: `Regional differential by ${report.regions.level}: pay against the ${report.regions.level === 'metro' ? "country's" : 'global'} median ` +
      `for the same role and level (95% bootstrap interval, ${count(report.regions.bootstrapSamples)} samples)`,
    sortable: true,
    columns: [
      { title: label(report.regions.level), cell: (r) => r.region, value: (r) => r.region },
      { title: 'Against', cell: (r) => r.baseline },
      { title: 'n', num: true, cell: (r) => h('span', { dataset: { cell: `region-n:${r.region}` } }, count(r.n)), value: (r) => r.n },
      { title: 'Cells', num: true, cell: (r) => count(r.cells), value: (r) => r.cells },
      {
        title: 'Differential', num: true, value: (r) => r.differential ?? -1,
        cell: (r) => (r.suppressed || r.differential === null ? h('span', { class: 'muted' }, insufficient)
          : h('span', { dataset: { cell: `region:${r.region}` } }, `${number(r.differential)} (${number(r.low)}–${number(r.high)})`)),
      },
    ],
    rows: report.regions.rows,
  });

  const summary = h('dl', { class: 'cards' },
    h('div', {}, h('dt', {}, 'Salaries'), h('dd', { dataset: { figure: 'Salaries' } }, count(report.n))),
    h('div', {}, h('dt', {}, 'Source estimates'), h('dd', {}, count(report.estimates))),
    h('div', {}, h('dt', {}, 'Flagged, left out'), h('dd', {}, count(report.flagged))),
    h('div', {}, h('dt', {}, 'Exchange rates of'), h('dd', {}, report.fxAsOf)));

  return [
    h('h2', {}, 'Summary'), summary,
    h('h2', {}, 'Pay bands'),
    report.cells.length ? [matrix, bands] : h('p', { class: 'note' }, 'No salaries for these filters.'),
    h('h2', {}, 'Experience ladder'), steps.length ? ladder : h('p', { class: 'note' }, 'No ladder for these filters.'),
    h('h2', {}, 'Regional differentials'), report.regions.rows.length ? regions : h('p', { class: 'note' }, 'No regions for these filters.'),
  ];
}

// Role x seniority at a glance: the median and n of each cell, or "insufficient data" with its n.
function roleBySeniority(report) {
  const order = ['intern', 'junior', 'mid', 'senior', 'lead', 'executive', 'unknown'];
  const levels = order.filter((level) => report.cells.some((c) => c.group.seniority === level));
  const roles = [...new Set(report.cells.map((c) => c.group.role))];
  const byKey = new Map(report.cells.map((c) => [`${c.group.role}|${c.group.seniority}`, c]));
  const columns = [
    { title: 'Role', cell: (role) => label(role) },
    ...levels.map((level) => ({
      title: label(level), num: true,
      cell: (role) => {
        const c = byKey.get(`${role}|${level}`);
        if (!c) return '–';
        return h('span', { dataset: { matrix: `${role}|${level}` } },
          c.suppressed ? h('span', { class: 'muted' }, insufficient) : h('span', {}, money(c.median)),
          h('small', { class: 'cell-n' }, `n = ${count(c.n)}`));
      },
    })),
  ];
  return dataTable({ caption: 'Median pay by role and seniority (USD per year), with the number of salaries in each cell', columns, rows: roles });
}
