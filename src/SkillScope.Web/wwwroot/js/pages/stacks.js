import { h, link, append } from '../dom.js';
import { getJson, meta } from '../api.js';
import { count, share, number, label } from '../format.js';
import { filterBar, recordFilters, selectField } from '../filters.js';
import { dataTable } from '../table.js';
import { chartFigure } from '../charts.js';
import { pick } from '../url.js';
import { dataView } from '../view.js';
import { skillPostingsUrl } from './skills.js';

// Skill stacks by seniority level: GET /api/stacks. For each level of a role, the skills asked for in at least minShare
// of its postings (n, share, 95% interval) and the change from the nearest lower level with a stack (95% Newcombe
// interval; "not established" when it includes zero). Every count links to the postings it counts.

export const page = { path: '/stacks', title: 'Stacks by level', nav: 25, route: /^\/stacks\/?$/, render };

const own = ['minShare', 'minPostings', 'includeSnippets'];

async function render(main, context) {
  const vocabulary = await meta();
  const view = dataView(pick(context.params, [...recordFilters, ...own]), async (params) => {
    if (!params.get('role')) {
      return { content: [h('p', { class: 'note', dataset: { figure: 'choose-role' } }, 'Choose a role: a stack describes one role\'s postings.')], status: '' };
    }
    const report = await getJson('/api/stacks', pick(params, [...recordFilters.filter((n) => n !== 'kind'), ...own]));
    return { content: content(report, params), status: `${count(report.postings)} postings with ${report.includeSnippets ? 'text' : 'full text'}.` };
  });

  append(main,
    h('h1', {}, 'Skill stacks by level'),
    h('p', { class: 'lead' }, 'For each seniority level of a role, the skills asked for in at least a given share of its postings, with n, ' +
      'and what each level adds to the one below: the change in share with its 95% interval. A change whose interval includes zero is not established.'),
    filterBar(view.state, vocabulary, {
      names: recordFilters.filter((n) => n !== 'kind'),
      extra: [
        (params, change) => selectField('minShare', 'In the stack from', [['', '20% of postings'], ['10', '10%'], ['15', '15%'], ['25', '25%'], ['30', '30%'], ['50', '50%']], params, change),
        (params, change) => selectField('minPostings', 'Levels need', [['', '30 postings'], ['10', '10'], ['20', '20'], ['50', '50'], ['100', '100']], params, change),
        (params, change) => selectField('includeSnippets', 'Texts counted', [['', 'full descriptions'], ['true', 'with snippets and summaries']], params, change),
      ],
    }),
    view.status,
    view.results);
  await view.load();
}

// The postings a level's figure counts: the report's filters at that level (full texts unless snippets are included).
function levelUrl(params, level, cell = {}) {
  const text = params.get('includeSnippets') === 'true' ? { text: 'with' } : {};
  return skillPostingsUrl(params, { seniority: level, ...text, ...cell });
}

function content(report, params) {
  const texts = report.includeSnippets ? 'with text' : 'with full text';
  const leftOut = report.leftOut.filter((l) => l.textKind !== 'none');
  const parts = [
    h('dl', { class: 'cards' },
      h('div', {}, h('dt', {}, `Postings ${texts}`), h('dd', { dataset: { figure: 'postings' } }, count(report.postings))),
      ...leftOut.map((l) => h('div', {}, h('dt', {}, `Left out: ${l.reason}`), h('dd', { dataset: { figure: `leftOut:${l.textKind}` } }, count(l.postings)))),
      h('div', {}, h('dt', {}, 'In a stack from'), h('dd', { dataset: { figure: 'minShare' } }, share(report.minShare))),
      h('div', {}, h('dt', {}, 'Levels need'), h('dd', { dataset: { figure: 'minPostings' } }, `${count(report.minPostings)} postings`))),
  ];

  for (const level of report.levels) {
    const n = link(levelUrl(params, level.level), count(level.postings), { dataset: { cell: `level:${level.level}` } });
    parts.push(h('h2', { id: `level-${level.level}` }, `${label(level.level)} (n = `, n, ')'));
    if (level.note) {
      parts.push(h('p', { class: 'note', dataset: { note: level.level } }, `${level.note.charAt(0).toUpperCase()}${level.note.slice(1)}.`));
      continue;
    }
    const below = level.compareWith;
    if (below) {
      parts.push(h('p', { class: 'muted' }, `Compared with ${label(below).toLowerCase()} (n = ${count(level.compareWithPostings)}).`));
    }
    const columns = [
      { title: 'Skill', value: (r) => r.name, cell: (r) => (r.new ? [r.name, ' ', h('span', { class: 'muted' }, '(new)')] : r.name) },
      { title: 'Category', value: (r) => label(r.category), cell: (r) => label(r.category) },
      {
        title: 'Postings', num: true, value: (r) => r.postings,
        cell: (r) => link(levelUrl(params, level.level, { skill: r.skill }), count(r.postings), { dataset: { cell: `${level.level}:${r.skill}` } }),
      },
      { title: 'Share', num: true, value: (r) => r.share, cell: (r) => share(r.share) },
      { title: '95% interval', num: true, value: (r) => r.low, cell: (r) => `${share(r.low)} – ${share(r.high)}` },
    ];
    if (below) {
      columns.push(
        { title: `Change from ${label(below).toLowerCase()} (pp)`, num: true, value: (r) => r.difference, cell: (r) => signed(r.difference) },
        { title: '95% interval of the change', num: true, value: (r) => r.differenceLow, cell: (r) => `${signed(r.differenceLow)} to ${signed(r.differenceHigh)}` },
        {
          title: 'Change', value: (r) => (r.established ? 1 : 0),
          cell: (r) => h('span', { class: r.established ? null : 'muted', dataset: { established: `${level.level}:${r.established}` } }, r.established ? 'established' : 'not established'),
        },
      );
    }
    parts.push(chartFigure(`${label(level.level)} stack: share of postings`, {
      labels: level.skills.map((r) => r.name), values: level.skills.map((r) => r.share), format: share,
    }, dataTable({ caption: `${label(level.level)}: skills in at least ${share(report.minShare)} of postings`, columns, rows: level.skills, sortable: true }),
    { tall: level.skills.length > 10 }));
    if (level.dropped.length) {
      parts.push(dataTable({
        caption: `No longer in the stack: in the ${label(below).toLowerCase()} stack, under ${share(report.minShare)} here`,
        columns: columns.filter((c) => c.title !== 'Category'),
        rows: level.dropped,
      }));
    }
  }
  return parts;
}

// A share difference in percentage points with its sign.
function signed(x) {
  const points = x * 100;
  return `${points > 0 ? '+' : ''}${number(Math.round(points * 10) / 10)}`;
}
