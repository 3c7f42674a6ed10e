import { h, link, append, markedText } from '../dom.js';
import { getJson } from '../api.js';
import { count, money, number, label } from '../format.js';

// One record: GET /api/postings/{id}. Every field that came from a source file is untrusted and shown as text;
// skill mentions are marked by offsets the server computed, never by parsing the text.

export const page = { path: '/postings', title: 'Record', route: /^\/postings\/(\d+)\/?$/, render };

async function render(main, context) {
  const id = context.match[1];
  let detail;
  try {
    detail = await getJson(`/api/postings/${id}`);
  } catch (error) {
    append(main, h('h1', {}, 'Record not found'), h('p', { class: 'alert', role: 'alert' }, error.message), link('/postings', 'Search postings'));
    return;
  }
  const r = detail.record;
  const s = r.salary;
  const names = new Map(detail.skills.map((k) => [k.skill, k]));
  const marks = (field) => detail.mentions.filter((m) => m.field === field).map((m) => ({
    start: m.start, end: m.end, title: `${names.get(m.skill)?.name ?? m.skill} (${m.strength})`, class: m.strength === 'required' ? 'required' : null,
  }));
  const field = (name, value) => (value === null || value === undefined || value === '' ? null : [h('dt', {}, name), h('dd', {}, value)]);

  append(main,
    h('p', {}, link('/postings', '← Postings')),
    h('h1', { dataset: { field: 'title' } }, markedText(r.title, marks('title'))),
    h('dl', { class: 'fields' },
      field('Record', `#${detail.id} (${r.kind === 'posting' ? 'job posting' : 'salary report'})`),
      field('Company', r.company),
      field('Location', r.locationText),
      field('Place', [r.city, r.state, r.metro, r.country].filter(Boolean).join(', ')),
      field('Period', r.periodStart ? (r.periodStart === r.periodEnd ? r.periodStart : `${r.periodStart} – ${r.periodEnd}`) : null),
      field('Role', label(r.role)),
      field('Seniority', label(r.seniority)),
      field('Years required', r.yearsRequiredMin),
      field('Employment', label(r.employmentType)),
      field('Arrangement', label(r.workArrangement)),
      field('Company size', r.companySize),
      s ? field('Salary as stated', [s.min, s.max].filter((v) => v !== null).map((v) => number(v)).join(' – ') + ` ${s.currency ?? ''} ${s.period ? `per ${s.period}` : ''}`) : null,
      s ? field('Salary, USD per year', s.usdAnnual !== null ? `${money(s.usdAnnual)}${s.usdMin !== null && s.usdMax !== null && s.usdMin !== s.usdMax ? ` (${money(s.usdMin)} – ${money(s.usdMax)})` : ''}${s.isEstimate ? ', an estimate by the source' : ''}` : null) : null,
      s?.flag ? field('Salary flag', `${s.flag} (left out of statistics)`) : null,
      field('Source', `${detail.source}${detail.sourceId ? ` (id ${detail.sourceId})` : ''}`)),
    detail.skills.length ? [
      h('h2', {}, 'Skills'),
      h('ul', { class: 'skills-list' }, detail.skills.map((k) => h('li', {},
        link(`/postings?kind=posting&skill=${encodeURIComponent(k.skill)}`, `${k.name}${k.required ? '' : ' (preferred)'}`, { class: 'chip' })))),
    ] : null,
    r.description ? [h('h2', {}, 'Description'), h('div', { class: 'description', dataset: { field: 'description' } }, markedText(r.description, marks('description')))] : null,
    h('h2', {}, `Seen in ${count(detail.appearances.length)} source row${detail.appearances.length === 1 ? '' : 's'}`),
    h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, ['Source', 'Source id', 'File', 'Row', 'File SHA-256', 'Ingested'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, detail.appearances.map((a) => h('tr', {},
        h('td', {}, a.source), h('td', {}, a.sourceId ?? '–'), h('td', {}, h('code', {}, a.file)),
        h('td', { class: 'num' }, count(a.position)), h('td', {}, h('code', { title: a.fileSha256 }, a.fileSha256.slice(0, 12))),
        h('td', {}, a.ingestedAt)))))));
}
