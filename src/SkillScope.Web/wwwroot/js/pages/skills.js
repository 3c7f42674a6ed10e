import { h, link, append } from '../dom.js';
import { getJson, meta } from '../api.js';
import { count, share, number, label } from '../format.js';
import { filterBar, recordFilters, selectField, textField } from '../filters.js';
import { dataTable } from '../table.js';
import { chartFigure, lineChartFigure } from '../charts.js';
import { pick, urlFor, values } from '../url.js';
import { dataView } from '../view.js';

// Skill demand among postings: GET /api/skills. Shares are of the postings with text; every count links to
// the postings it counts (kind=posting plus the skill, category, co-skill pair or period).

export const page = { path: '/skills', title: 'Skills', nav: 20, route: /^\/skills\/?$/, render };

const own = ['top', 'coSkills', 'compare', 'includeSnippets', 'by', 'follow'];

/** The postings behind a skill-report figure: full descriptions only unless snippets are included, as the report counts. */
export function skillPostingsUrl(params, cell = {}) {
  const next = pick(params, recordFilters);
  next.set('kind', 'posting');
  if (params.get('includeSnippets') !== 'true' && !('text' in cell)) next.set('textKind', 'full');
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
    const report = await getJson('/api/skills', pick(params, [...recordFilters, 'top', 'coSkills', 'compare', 'includeSnippets']));
    const seriesParams = pick(params, [...recordFilters, 'includeSnippets']);
    seriesParams.set('by', params.get('by') || 'month');
    for (const skill of values(params, 'follow')) seriesParams.append('skills', skill);
    const series = await getJson('/api/skills/series', seriesParams);
    return {
      content: [...content(report, params, state, names), ...overTime(series, params)],
      status: `${count(report.postings)} postings with ${report.includeSnippets ? 'text' : 'full text'}.`,
    };
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
        (params, change) => selectField('includeSnippets', 'Texts counted', [['', 'full descriptions'], ['true', 'with snippets and summaries']], params, change),
        (params, change) => selectField('by', 'Over time by', [['', 'month'], ['quarter', 'quarter'], ['year', 'year']], params, change),
        (params, change) => selectField('follow', 'Follow', [['', 'LLM/GenAI, PyTorch, Python'], ...vocabulary.skills.map((s) => [s.id, s.name])], params, change),
      ],
    }),
    view.status,
    view.results);
  await view.load();
}

function content(report, params, state, names) {
  const trends = new Map((report.trends ?? []).map((t) => [t.skill, t]));
  const leftOut = report.leftOut.filter((l) => l.textKind !== 'none');
  const cards = h('dl', { class: 'cards' },
    h('div', {}, h('dt', {}, report.includeSnippets ? 'Postings with text' : 'Postings with full text'), h('dd', { dataset: { figure: 'postings' } },
      report.includeSnippets ? link(skillPostingsUrl(params, { text: 'with' }), count(report.postings), { dataset: { cell: 'postings' } })
        : link(skillPostingsUrl(params), count(report.postings), { dataset: { cell: 'postings' } }))),
    ...leftOut.map((l) => h('div', {}, h('dt', {}, `Left out: ${l.reason}`), h('dd', { dataset: { figure: `leftOut:${l.textKind}` } },
      link(skillPostingsUrl(params, { textKind: l.textKind }), count(l.postings))))),
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

// Each followed skill's share per period with its 95% interval band (GET /api/skills/series), and Indeed Hiring Lab's
// series as a dashed reference line where the filter matches its scope.
function overTime(series, params) {
  const periods = series.periods.map((p) => p.period);
  const references = series.reference.map((r) => {
    const byPeriod = new Map(r.points.map((p) => [p.period, p.share]));
    return { name: r.name, values: periods.map((p) => byPeriod.get(p) ?? null) };
  });
  const rows = series.periods.map((p, i) => ({ period: p, cells: series.series.map((line) => line.points[i]) }));
  const table = dataTable({
    caption: `Share of postings per ${series.by}, with 95% interval (* the period's sources differ from the previous one's)`,
    columns: [
      { title: 'Period', cell: (r) => r.period.period + (r.period.sameSourcesAsPrevious ? '' : ' *') },
      { title: 'Postings', num: true, cell: (r) => count(r.period.postings) },
      ...series.series.map((line, k) => ({
        title: line.name, num: true,
        cell: (r) => `${share(r.cells[k].share)} (${share(r.cells[k].low)} – ${share(r.cells[k].high)})`,
      })),
      { title: 'Sources', cell: (r) => r.period.sources.map((s) => `${s.source} ${count(s.postings)}`).join(', ') },
    ],
    rows,
  });
  const notes = [];
  for (const r of series.reference) notes.push(h('p', { class: 'note' }, `Reference: ${r.name} (${r.scope}). Source: ${r.attribution}.`));
  if (series.referenceNote) notes.push(h('p', { class: 'note' }, `No reference line: ${series.referenceNote}.`));
  return [
    h('h2', {}, 'Demand over time'),
    lineChartFigure(`Share of postings naming each skill, by ${series.by}`, {
      periods,
      lines: series.series.map((line) => ({
        name: line.name, values: line.points.map((p) => p.share), low: line.points.map((p) => p.low), high: line.points.map((p) => p.high),
      })),
      references,
      format: share,
    }, table),
    ...notes,
  ];
}
