import { h, link, append } from '../dom.js';
import { getJson, meta } from '../api.js';
import { count, share, money, label } from '../format.js';
import { filterBar, recordFilters } from '../filters.js';
import { dataTable } from '../table.js';
import { chartFigure } from '../charts.js';
import { pick, urlFor } from '../url.js';
import { dataView } from '../view.js';

// The market overview: GET /api/market with the page's filters. Every count links to the postings search
// with the same filters plus the cell's own condition, and the search's total equals the count.

export const page = { path: '/market', title: 'Market', nav: 10, route: /^\/(?:market\/?)?$/, render };

const breakdowns = [
  { key: 'bySeniority', title: 'By seniority', column: 'Seniority', param: 'seniority' },
  { key: 'byRole', title: 'By role', column: 'Role', param: 'role' },
  { key: 'byEmploymentType', title: 'By employment type', column: 'Employment type', param: 'employmentType' },
  { key: 'byWorkArrangement', title: 'By work arrangement', column: 'Arrangement', param: 'arrangement' },
  { key: 'topCompanies', title: 'Top companies', column: 'Company', param: 'company', raw: true },
  { key: 'topCountries', title: 'Top countries', column: 'Country', param: 'country', raw: true },
  { key: 'topMetros', title: 'Top metros', column: 'Metro', param: 'metro', raw: true },
  { key: 'byKind', title: 'By kind', column: 'Kind', param: 'kind' },
];

/** The postings behind a figure: the report's filters with the cell's own values set. */
export function postingsUrl(params, cell = {}) {
  const next = pick(params, recordFilters);
  for (const [name, value] of Object.entries(cell)) next.set(name, value);
  return urlFor('/postings', next);
}

async function render(main, context) {
  const vocabulary = await meta();
  const view = dataView(pick(context.params, recordFilters), async (params) => {
    const report = await getJson('/api/market', params);
    return { content: content(report, params), status: `${count(report.total)} records match.` };
  });
  append(main,
    h('h1', {}, 'Market overview'),
    h('p', { class: 'lead' }, 'Who is hiring and at which levels (job postings), what people report being paid (salary reports). ' +
      'Choose a kind to keep the two apart.'),
    filterBar(view.state, vocabulary),
    view.status,
    view.results);
  await view.load();
}

function content(report, params) {
  const figure = (name, value, href) => h('div', {}, h('dt', {}, name),
    h('dd', { dataset: { figure: name } }, href ? link(href, value, { dataset: { cell: name } }) : value));
  // Survey pay, employer-stated and board-estimated posting pay are never pooled: one set of figures each.
  const provenances = report.salaryByProvenance.length ? report.salaryByProvenance
    : [{ provenance: 'all', salary: report.salaryUsd }];
  const payLabel = { survey: 'survey', 'employer-stated': 'employer-stated', 'board-estimated': 'board-estimated', all: '' };
  const single = provenances.length === 1;
  const payCards = provenances.flatMap(({ provenance, salary }) => {
    const suffix = single ? '' : ` (${payLabel[provenance] ?? provenance})`;
    return [
      figure(`Salaries used${suffix}`, count(salary.n), single ? postingsUrl(params, { salary: 'usable' }) : null),
      figure(`Median salary${suffix}`, money(salary.median)),
      figure(`P25 salary${suffix}`, money(salary.p25)),
      figure(`P75 salary${suffix}`, money(salary.p75)),
      figure(`Mean salary${suffix}`, money(salary.mean)),
    ];
  });
  const cards = h('dl', { class: 'cards' },
    figure('Records', count(report.total), postingsUrl(params)),
    figure('Period', report.period.from ? `${report.period.from} – ${report.period.to}` : '–'),
    figure('Source rows', count(report.sourceRows)),
    figure('Copies joined to a posting', count(report.duplicatesMerged)),
    ...payCards,
    figure('Salaries flagged', count(report.salaryFlagged), postingsUrl(params, { salary: 'flagged' })));

  const sections = breakdowns.map((b) => {
    const rows = report[b.key];
    const name = (row) => (b.raw ? row.key : label(row.key));
    const table = dataTable({
      caption: `${b.title}: records and share of ${count(report.total)}`,
      columns: [
        { title: b.column, cell: name },
        {
          title: 'Records', num: true,
          cell: (row) => link(postingsUrl(params, { [b.param]: row.key }), count(row.count), { dataset: { cell: `${b.key}:${row.key}` } }),
        },
        { title: 'Share', num: true, cell: (row) => share(row.share) },
      ],
      rows,
    });
    return chartFigure(b.title, { labels: rows.map(name), values: rows.map((r) => r.count), format: count },
      rows.length ? table : h('p', { class: 'note' }, 'No values for these filters.'));
  });

  return [
    h('h2', {}, 'Summary'),
    cards,
    h('p', { class: 'note' }, 'Salaries are USD per year: survey figures as stated, posting ranges by their midpoint; ' +
      'survey pay, employer-stated and board-estimated posting pay are never pooled; ' +
      'flagged salaries (implausible or unparsed) are left out of the statistics. ' +
      'A posting listed in several metros counts once in each.'),
    h('div', { class: 'grid' }, sections),
  ];
}
