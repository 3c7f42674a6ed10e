import { h, link, append } from '../dom.js';
import { getJson, meta } from '../api.js';
import { count, share, number, label } from '../format.js';
import { filterBar, recordFilters, selectField, textField } from '../filters.js';
import { dataTable } from '../table.js';
import { chartFigure } from '../charts.js';
import { pick, urlFor, values } from '../url.js';
import { dataView } from '../view.js';

// Skill demand among postings: GET /api/skills. Shares are of the postings with text; every count links to
// the postings it counts (kind=posting plus the skill, category, co-skill pair or period).

export const page = { path: '/skills', title: 'Skills', nav: 20, route: /^\/skills\/?$/, render };

const own = ['top', 'coSkills', 'compare'];

/** The postings behind a skill-report figure. */
export function skillPostingsUrl(params, cell = {}) {
  const next = pick(params, recordFilters);
  next.set('kind', 'posting');
  for (const [name, value] of Object.entries(cell)) next.set(name, value);
  return urlFor('/postings', next);
}

// A trend column counts the postings of one period inside the report's own since/until.
function periodCell(params, period) {
  const since = params.get('since');
  const until = params.get('until');
  const from = since && asStart(since) > period.from ? asStart(since) : period.from;
  const to = until && asEnd(until) < period.to ? asEnd(until) : period.to;
  return { since: from, until: to };
}
// A period outside the report's since/until counts nothing: the figure is 0 and there is nothing to list.
function periodLink(params, period, skill, n, kind) {
  const range = periodCell(params, period);
  if (range.since > range.until) return count(n);
  return link(skillPostingsUrl(params, { skill, ...range }), count(n), { dataset: { cell: `${kind}:${skill}` } });
}
const asStart = (text) => (text.length === 4 ? `${text}-01-01` : text);
const asEnd = (text) => (text.length === 4 ? `${text}-12-31` : text);

const arrows = { rising: '↑ rising', falling: '↓ falling', stable: '→ stable' };

async function render(main, context) {
  const vocabulary = await meta();
  const names = new Map(vocabulary.skills.map((s) => [s.id, s.name]));
  const view = dataView(pick(context.params, [...recordFilters, ...own]), async (params, state) => {
    const report = await getJson('/api/skills', params);
    return { content: content(report, params, state, names), status: `${count(report.postings)} postings with text.` };
  });

  const compareField = (params, change) => {
    const [a = '', b = ''] = values(params, 'compare');
    const first = h('input', { type: 'text', name: 'compareA', value: a, size: 10, placeholder: '2025', title: 'Period A: a year (2025), quarter (2026Q1) or range (2026-01-01..2026-03-31)' });
    const second = h('input', { type: 'text', name: 'compareB', value: b, size: 10, placeholder: '2026', title: 'Period B: a year, quarter or range' });
    const update = () => change((next) => {
      const pair = [first.value.trim(), second.value.trim()];
      if (pair[0] && pair[1]) next.set('compare', pair.join(',')); else next.delete('compare');
    });
    first.addEventListener('change', update);
    second.addEventListener('change', update);
    return h('fieldset', { class: 'field compare' }, h('legend', {}, 'Compare periods'),
      h('label', {}, h('span', { class: 'visually-hidden' }, 'Period A'), first), ' vs ',
      h('label', {}, h('span', { class: 'visually-hidden' }, 'Period B'), second));
  };

  append(main,
    h('h1', {}, 'Skill demand'),
    h('p', { class: 'lead' }, 'Share of job postings naming each skill, with a 95% interval. Only postings with text count; ' +
      'a skill is required in a posting when any of its mentions is.'),
    filterBar(view.state, vocabulary, {
      names: recordFilters.filter((n) => n !== 'kind'),
      extra: [
        (params, change) => selectField('top', 'Skills listed', [['', '25'], ['10', '10'], ['50', '50'], ['100', '100']], params, change),
        (params, change) => selectField('coSkills', 'Asked for with', [['', 'none'], ...vocabulary.skills.map((s) => [s.id, s.name])], params, change),
        compareField,
      ],
    }),
    view.status,
    view.results);
  await view.load();
}

function content(report, params, state, names) {
  const trends = new Map((report.trends ?? []).map((t) => [t.skill, t]));
  const cards = h('dl', { class: 'cards' },
    h('div', {}, h('dt', {}, 'Postings with text'), h('dd', { dataset: { figure: 'postings' } },
      link(skillPostingsUrl(params, { text: 'with' }), count(report.postings), { dataset: { cell: 'postings' } }))),
    h('div', {}, h('dt', {}, 'Postings without text'), h('dd', { dataset: { figure: 'postingsWithoutText' } },
      link(skillPostingsUrl(params, { text: 'without' }), count(report.postingsWithoutText), { dataset: { cell: 'postingsWithoutText' } }))));

  const columns = [
    { title: 'Skill', value: (r) => r.name, cell: (r) => r.name },
    { title: 'Category', value: (r) => label(r.category), cell: (r) => label(r.category) },
    {
      title: 'Postings', num: true, value: (r) => r.postings,
      cell: (r) => link(skillPostingsUrl(params, { skill: r.skill }), count(r.postings), { dataset: { cell: `skills:${r.skill}` } }),
    },
    { title: 'Share', num: true, value: (r) => r.share, cell: (r) => share(r.share) },
    { title: '95% interval', num: true, value: (r) => r.low, cell: (r) => `${share(r.low)} – ${share(r.high)}` },
    { title: 'Required', num: true, value: (r) => r.requiredShare, cell: (r) => share(r.requiredShare) },
    { title: 'Demand', value: (r) => r.share, cell: (r) => r.demand },
  ];
  if (report.trends) {
    columns.push({
      title: 'Trend', value: (r) => trends.get(r.skill)?.changePp ?? 0,
      cell: (r) => {
        const t = trends.get(r.skill);
        return t ? h('span', { class: t.trend, title: `${number(t.changePp)} percentage points, p = ${number(t.pValue)}` }, arrows[t.trend]) : '–';
      },
    });
  }
  columns.push({
    title: 'Co-skills',
    cell: (r) => h('button', {
      type: 'button', class: 'link', 'aria-label': `Skills asked for with ${r.name}`,
      onclick: () => {
        const next = new URLSearchParams(state.params);
        next.set('coSkills', r.skill);
        const select = document.querySelector('select[name="coSkills"]');
        if (select) select.value = r.skill;
        state.set(next);
      },
    }, 'show'),
  });

  const skillRows = report.skills;
  const parts = [
    cards,
    chartFigure('Share of postings by skill', {
      labels: skillRows.map((r) => r.name), values: skillRows.map((r) => r.share), format: share,
    }, dataTable({ caption: 'Skills: click a header to sort', columns, rows: skillRows, sortable: true }), { tall: true }),
  ];

  if (report.coSkillsOf) {
    const anchor = report.coSkillsOf;
    const anchorName = names.get(anchor) ?? anchor;
    parts.push(h('h2', { id: 'co-skills' }, `Asked for with ${anchorName}`), dataTable({
      caption: `Postings naming ${anchorName} and each other skill; lift above 1 means more often together than chance`,
      columns: [
        { title: 'Skill', value: (r) => r.name, cell: (r) => r.name },
        {
          title: 'Together', num: true, value: (r) => r.together,
          cell: (r) => link(skillPostingsUrl(params, { skill: `${anchor},${r.skill}` }), count(r.together), { dataset: { cell: `co:${r.skill}` } }),
        },
        { title: `Share of ${anchorName} postings`, num: true, value: (r) => r.shareOfAnchor, cell: (r) => share(r.shareOfAnchor) },
        { title: 'Lift', num: true, value: (r) => r.lift, cell: (r) => number(r.lift) },
      ],
      rows: report.coSkills,
      sortable: true,
    }));
  }

  if (report.trends) {
    const a = report.periodA;
    const b = report.periodB;
    parts.push(h('h2', {}, `Change from ${a.label} to ${b.label}`),
      h('p', { class: 'note' }, `${count(report.postingsA)} postings with text in ${a.label} (${a.from} – ${a.to}), ` +
        `${count(report.postingsB)} in ${b.label} (${b.from} – ${b.to}). A change is significant at 95% by a two-proportion z test.`),
      dataTable({
        caption: 'Skills by change in share',
        columns: [
          { title: 'Skill', value: (r) => r.name, cell: (r) => r.name },
          { title: `${a.label} postings`, num: true, value: (r) => r.postingsA, cell: (r) => periodLink(params, a, r.skill, r.postingsA, 'trendA') },
          { title: `${a.label} share`, num: true, value: (r) => r.shareA, cell: (r) => share(r.shareA) },
          { title: `${b.label} postings`, num: true, value: (r) => r.postingsB, cell: (r) => periodLink(params, b, r.skill, r.postingsB, 'trendB') },
          { title: `${b.label} share`, num: true, value: (r) => r.shareB, cell: (r) => share(r.shareB) },
          { title: 'Change (pp)', num: true, value: (r) => r.changePp, cell: (r) => number(r.changePp) },
          { title: 'p', num: true, value: (r) => r.pValue, cell: (r) => number(r.pValue) },
          { title: 'Trend', value: (r) => r.trend, cell: (r) => h('span', { class: r.trend }, arrows[r.trend]) },
        ],
        rows: report.trends,
        sortable: true,
      }));
  }

  const categories = report.categories;
  parts.push(h('h2', {}, 'Categories'), chartFigure('Share of postings by skill category', {
    labels: categories.map((c) => label(c.category)), values: categories.map((c) => c.share), format: share,
  }, dataTable({
    caption: 'A posting counts once per category, however many of its skills it names',
    columns: [
      { title: 'Category', value: (r) => label(r.category), cell: (r) => label(r.category) },
      {
        title: 'Postings', num: true, value: (r) => r.postings,
        cell: (r) => link(skillPostingsUrl(params, { category: r.category }), count(r.postings), { dataset: { cell: `categories:${r.category}` } }),
      },
      { title: 'Share', num: true, value: (r) => r.share, cell: (r) => share(r.share) },
    ],
    rows: categories,
    sortable: true,
  }), { tall: categories.length > 8 }));
  return parts;
}
