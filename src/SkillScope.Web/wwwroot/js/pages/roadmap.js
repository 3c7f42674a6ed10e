import { h, append, replace, link } from '../dom.js';
import { resumeInput } from '../resume-input.js';
import { meta, postForm } from '../api.js';
import { count, number, share, label } from '../format.js';
import { dataTable } from '../table.js';
import { pick, urlFor } from '../url.js';

// Skill roadmap: POST /api/resume/gap with a pasted or uploaded resume (or skills) and a target role. Shows the
// missing skills as phases with weeks from the effort table, why each skill waits for another, the pay effect where
// the premium rules allow one, and an article path (preset) beside it. The role, level, country and preset are kept
// in the URL so a view can be shared; the resume and skills stay in this page and the request, never stored.

export const page = { path: '/roadmap', title: 'Skill roadmap', nav: 52, route: /^\/roadmap\/?$/, render };

// The presets of docs/domain.md, "Roadmap presets".
const presets = [
  ['', 'no preset'],
  ['career-change-data-science', 'Career change to data science (12-18 months)'],
  ['data-scientist-to-ml-engineer', 'Data scientist to ML engineer (6-12 months)'],
  ['ml-engineer-to-llm-specialist', 'ML engineer to AI/LLM specialist (6-9 months)'],
];

const kept = ['targetRole', 'targetSeniority', 'country', 'preset'];

const weeks = (w) => `${number(w)} week${w === 1 ? '' : 's'}`;

async function render(main, context) {
  const vocabulary = await meta();
  const params = pick(context.params, kept);
  const resume = resumeInput('roadmap-resume', 'roadmap-help');
  const skills = h('input', { id: 'roadmap-skills', type: 'text', name: 'skills', size: 40, placeholder: 'python, sql, docker' });
  const role = h('select', { id: 'roadmap-role', name: 'targetRole' },
    h('option', { value: '' }, '(the preset\'s role)'),
    vocabulary.roles.filter((r) => r !== 'other').map((r) => h('option', { value: r, selected: params.get('targetRole') === r }, label(r))));
  const level = h('select', { id: 'roadmap-level', name: 'targetSeniority' },
    h('option', { value: '' }, 'any level'),
    vocabulary.seniorities.filter((s) => s !== 'unknown').map((s) => h('option', { value: s, selected: params.get('targetSeniority') === s }, label(s))));
  const country = h('input', { id: 'roadmap-country', type: 'text', name: 'country', size: 4, maxlength: 2, value: params.get('country') ?? '' });
  const preset = h('select', { id: 'roadmap-preset', name: 'preset' },
    presets.map(([value, text]) => h('option', { value, selected: (params.get('preset') ?? '') === value }, text)));
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const results = h('div', { class: 'results-area' });

  const submit = async (event) => {
    event.preventDefault();
    const form = new FormData();
    resume.appendTo(form);
    if (skills.value.trim()) form.append('skills', skills.value.trim());
    const next = new URLSearchParams();
    for (const [name, control] of [['targetRole', role], ['targetSeniority', level], ['country', country], ['preset', preset]]) {
      if (control.value.trim()) {
        form.append(name, control.value.trim());
        next.set(name, control.value.trim());
      }
    }
    window.history.replaceState(null, '', urlFor('/roadmap', next));
    status.textContent = 'Building the roadmap…';
    results.setAttribute('aria-busy', 'true');
    try {
      const report = await postForm('/api/resume/gap', form);
      replace(results, content(report));
      status.textContent = `${count(report.stages.length)} phases, ${weeks(report.totalWeeks)}.`;
    } catch (error) {
      replace(results, h('p', { class: 'alert', role: 'alert', dataset: { parameter: error.parameter ?? '' } }, error.message));
      status.textContent = '';
    } finally {
      results.removeAttribute('aria-busy');
    }
  };

  append(main,
    h('h1', {}, 'Skill roadmap'),
    h('p', { class: 'lead', id: 'roadmap-help' }, 'Paste a resume or choose a file (or list your skills), pick the role you want, and see the skills ' +
      'you lack as phases: in prerequisite order, most valuable first, with weeks of study (about 10 hours a week) from the effort table and ' +
      'its sources. Compare it with one of the articles\' paths. The resume is read for this request only and never stored. ' +
      'To keep the roadmap, run skillscope gap with --out roadmap.md.'),
    h('form', { class: 'resume-form', 'aria-label': 'Resume and target', onsubmit: submit },
      ...resume.fields,
      h('label', { class: 'field', for: skills.id }, 'or your skills (comma-separated)'), skills,
      h('label', { class: 'field', for: role.id }, 'Target role'), role,
      h('label', { class: 'field', for: level.id }, 'Level'), level,
      h('label', { class: 'field', for: country.id }, 'Country (ISO code, optional)'), country,
      h('label', { class: 'field', for: preset.id }, 'Compare with an article\'s path'), preset,
      h('div', {}, h('button', { type: 'submit', id: 'roadmap-submit' }, 'Build roadmap'))),
    status,
    results);
}

function content(report) {
  const leftOut = report.leftOut.reduce((sum, row) => sum + row.postings, 0);
  return [
    h('dl', { class: 'cards' },
      h('div', {}, h('dt', {}, 'Phases'), h('dd', { dataset: { figure: 'phases' } }, count(report.stages.length))),
      h('div', {}, h('dt', {}, 'Weeks'), h('dd', { dataset: { figure: 'weeks' } }, number(report.totalWeeks))),
      h('div', {}, h('dt', {}, 'Demand covered'), h('dd', { dataset: { figure: 'coverage' } }, share(report.coverage))),
      h('div', {}, h('dt', {}, 'Postings (n)'), h('dd', { dataset: { figure: 'basis' } }, count(report.basis.postings)))),
    h('p', { class: 'posting-line' }, `Shares are of ${report.basis.label} (n = ${count(report.basis.postings)})`,
      // Said as the skills report says it: each left-out kind with its reason.
      leftOut ? `; left out: ${report.leftOut.map((row) => `${count(row.postings)} ${row.reason}`).join('; ')}.` : '.', ` Now: ${report.salary}.`),
    report.fallbacks.length ? h('ul', {}, report.fallbacks.map((f) => h('li', {}, `fallback: ${f}`))) : null,
    report.stages.length
      ? h('ol', { class: 'phases' }, report.stages.map(phase))
      : h('p', { class: 'note' }, 'No missing skill to put on a roadmap.'),
    sources(report.effort),
    report.preset ? compared(report.preset) : null,
    report.notes.length ? [h('h2', {}, 'Notes'), h('ul', {}, report.notes.map((n) => h('li', {}, n)))] : null,
  ];
}

function phase(stage) {
  return h('li', { class: 'phase', dataset: { phase: String(stage.stage), weeks: String(stage.weeks) } },
    h('h2', {}, `Phase ${stage.stage} · ${weeks(stage.weeks)}`),
    h('ul', { class: 'phase-skills' }, stage.skills.map((s) => h('li', { dataset: { skill: s.skill, weeks: String(s.effort.weeks) } },
      h('strong', {}, link(urlFor('/postings', new URLSearchParams({ kind: 'posting', skill: s.skill })), s.name)),
      ` — ${weeks(s.effort.weeks)} (${s.effort.basis === 'default' ? 'default for its kind, ' : s.effort.basis === 'override' ? 'your file, ' : ''}${s.effort.origin})`,
      h('p', { class: 'why' }, s.why),
      s.after.length ? h('ul', { class: 'after' }, s.after.map((e) => h('li', { dataset: { rule: e.rule } }, `after ${e.name}: ${e.evidence}`))) : null,
      s.effort.resources.length
        ? h('p', { class: 'resources' }, 'Learn: ', s.effort.resources.map((r, i) => [i ? '; ' : '', r.title, r.url ? [' ', h('code', {}, r.url)] : '']))
        : null))),
    stage.pay ? h('p', { class: 'pay', dataset: { applied: String(stage.pay.premium !== null) } }, stage.pay.text) : null,
    h('p', { class: 'note' }, stage.salary));
}

function sources(effort) {
  if (!effort || effort.sources.length === 0) return null;
  return [
    h('h2', {}, 'Effort sources'),
    h('p', {}, `Weeks at ${effort.hoursPerWeek} hours a week, from ${effort.table}${effort.override ? ` with your rows from ${effort.override}` : ''}.`),
    dataTable({
      caption: 'Rows of the effort table this roadmap used',
      columns: [
        { title: 'Row', cell: (r) => r.origin },
        { title: 'Key', cell: (r) => r.key },
        { title: 'Weeks', num: true, cell: (r) => number(r.weeks) },
        { title: 'Skills', cell: (r) => r.skills.join(', ') },
        { title: 'Source or reasoning', cell: (r) => r.source },
      ],
      rows: effort.sources,
    }),
  ];
}

function compared(preset) {
  const list = (title, skills, kind) => [h('h3', {}, title), skills.length
    ? h('ul', { dataset: { list: kind } }, skills.map((s) => h('li', { dataset: { skill: s.skill } }, h('strong', {}, s.name), `: ${s.why}`)))
    : h('p', { class: 'note' }, 'None.')];
  return h('section', { class: 'preset', 'aria-label': 'Preset comparison' },
    h('h2', {}, `Compared with: ${preset.name}`),
    h('p', {}, `${preset.source}; ${preset.monthsLow}-${preset.monthsHigh} months.`),
    dataTable({
      caption: 'The preset\'s phases beside your roadmap',
      columns: [
        { title: 'Phase', num: true, cell: (s) => String(s.phase) },
        { title: 'Skill', cell: (s) => s.name },
        { title: 'Status', cell: (s) => label(s.status) },
        { title: 'Why', cell: (s) => s.why },
      ],
      rows: preset.phases.flatMap((p) => p.skills),
    }),
    list('In the preset, not in your roadmap', preset.onlyInPreset, 'only-in-preset'),
    list('In your roadmap, not in the preset', preset.onlyInRoadmap, 'only-in-roadmap'),
    h('ul', {}, preset.notes.map((n) => h('li', {}, n))));
}
