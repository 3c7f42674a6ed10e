import { h, append, replace, link } from '../dom.js';
import { resumeInput } from '../resume-input.js';
import { meta, postForm } from '../api.js';
import { count, number, label } from '../format.js';
import { filterBar, recordFilters, selectField } from '../filters.js';
import { pick, urlFor } from '../url.js';

// Job matching: POST /api/resume/match with a pasted or uploaded resume. The record filters and top N are kept in
// the URL so a view can be shared; the resume stays in this page and the request: never in the URL, never stored.

export const page = { path: '/match', title: 'Job matching', nav: 55, route: /^\/match\/?$/, render };

// match ranks postings only, so the kind filter is not offered.
const filters = recordFilters.filter((name) => name !== 'kind');
const own = ['top'];

async function render(main, context) {
  const vocabulary = await meta();
  const state = {
    params: pick(context.params, [...filters, ...own]),
    set(next) {
      state.params = pick(next, [...filters, ...own]);
      window.history.replaceState(null, '', urlFor('/match', state.params));
    },
  };
  const resume = resumeInput('match-resume', 'match-help');
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const results = h('div', { class: 'results-area' });

  const submit = async (event) => {
    event.preventDefault();
    const form = new FormData();
    resume.appendTo(form);
    for (const [name, value] of state.params) form.append(name, value);
    status.textContent = 'Matching…';
    results.setAttribute('aria-busy', 'true');
    try {
      const report = await postForm('/api/resume/match', form);
      replace(results, content(report));
      status.textContent = `${count(report.matches.length)} postings ranked of ${count(report.candidates)} candidates.`;
    } catch (error) {
      replace(results, h('p', { class: 'alert', role: 'alert', dataset: { parameter: error.parameter ?? '' } }, error.message));
      status.textContent = '';
    } finally {
      results.removeAttribute('aria-busy');
    }
  };

  append(main,
    h('h1', {}, 'Job matching'),
    h('p', { class: 'lead', id: 'match-help' }, 'Paste a resume or choose a file (.txt, .md, JSON Resume, DOCX or PDF) and see the stored postings it fits best: ' +
      'each with its score, the skills it asks for that the resume shows or lacks, and why it ranks there. The resume is read for this request only and never stored.'),
    filterBar(state, vocabulary, {
      names: filters,
      extra: [(params, change) => selectField('top', 'Show', [['', 'top 10'], ['5', 'top 5'], ['20', 'top 20'], ['50', 'top 50']], params, change)],
    }),
    h('form', { class: 'resume-form', 'aria-label': 'Resume', onsubmit: submit },
      ...resume.fields,
      h('div', {}, h('button', { type: 'submit', id: 'match-submit' }, 'Find matching postings'))),
    status,
    results);
}

const skillList = (title, skills, kind) => (skills.length
  ? h('p', { class: 'skills', dataset: { skills: kind } }, h('strong', {}, `${title}: `), skills.join(', '))
  : null);

function content(report) {
  if (report.matches.length === 0) {
    return [h('p', { class: 'note' }, 'No posting matches.'), notes(report)];
  }
  return [
    h('ol', { class: 'matches' }, report.matches.map((m) => h('li', { dataset: { rank: String(m.rank) } },
      h('h2', {}, link(`/postings/${m.recordId}`, m.title, { dataset: { match: 'title' } })),
      h('p', { class: 'posting-line' }, [m.company, m.location].filter(Boolean).join(' — '),
        ` (${label(m.role)}, ${label(m.seniority)}, ${label(m.workArrangement)})`),
      h('p', {}, 'Score ', h('strong', { dataset: { figure: 'score' } }, number(m.score)),
        ` — skills ${number(m.skillFit)}, title ${number(m.titleFit)}, text ${number(m.textRelevance)}, fit ${number(m.fit)}`),
      skillList('Required skills you show', m.matchedRequired, 'matched-required'),
      skillList('Preferred skills you show', m.matchedPreferred, 'matched-preferred'),
      skillList('Required skills missing', m.missingRequired, 'missing-required'),
      skillList('Preferred skills missing', m.missingPreferred, 'missing-preferred'),
      m.why.length ? h('ul', { class: 'why' }, m.why.map((w) => h('li', {}, w))) : null))),
    notes(report),
  ];
}

function notes(report) {
  return report.notes.length ? [h('h2', {}, 'Notes'), h('ul', {}, report.notes.map((n) => h('li', {}, n)))] : null;
}
