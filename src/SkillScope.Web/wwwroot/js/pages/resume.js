import { h, append, replace, link } from '../dom.js';
import { resumeInput } from '../resume-input.js';
import { postForm } from '../api.js';
import { count, number, share, label } from '../format.js';
import { dataTable } from '../table.js';
import { urlFor } from '../url.js';

// Resume check: POST /api/resume/score with pasted text or an uploaded file and the posting's text (or a stored
// posting's id). The resume stays in this page and the request: it is never put in the URL or stored.

export const page = { path: '/resume', title: 'Resume check', nav: 50, route: /^\/resume\/?$/, render };

async function render(main, context) {
  const params = context.params;
  const resume = resumeInput('resume', 'resume-help');
  const jobText = h('textarea', { id: 'job-text', name: 'job', rows: 10, spellcheck: 'false' });
  const jobId = h('input', { id: 'job-id', type: 'text', name: 'jobId', inputmode: 'numeric', size: 10, value: params.get('jobId') ?? '' });
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const results = h('div', { class: 'results-area' });

  const submit = async (event) => {
    event.preventDefault();
    const form = new FormData();
    resume.appendTo(form);
    if (jobText.value.trim()) form.append('job', jobText.value);
    if (jobId.value.trim()) form.append('jobId', jobId.value.trim());
    // Only the posting id goes in the URL; the resume never does.
    const next = new URLSearchParams();
    if (jobId.value.trim()) next.set('jobId', jobId.value.trim());
    window.history.replaceState(null, '', urlFor('/resume', next));
    status.textContent = 'Scoring…';
    results.setAttribute('aria-busy', 'true');
    try {
      const score = await postForm('/api/resume/score', form);
      replace(results, content(score));
      status.textContent = `Score ${score.score} of 100.`;
    } catch (error) {
      replace(results, h('p', { class: 'alert', role: 'alert', dataset: { parameter: error.parameter ?? '' } }, error.message));
      status.textContent = '';
    } finally {
      results.removeAttribute('aria-busy');
    }
  };

  append(main,
    h('h1', {}, 'Resume check'),
    h('p', { class: 'lead', id: 'resume-help' }, 'Paste a resume or choose a file (.txt, .md, JSON Resume, DOCX or PDF), give the posting, and see how well ' +
      'the resume fits it: a score out of 100, its breakdown and what to change, most valuable first. The resume is read for this request only and never stored.'),
    h('form', { class: 'resume-form', 'aria-label': 'Resume and posting', onsubmit: submit },
      ...resume.fields,
      h('label', { class: 'field block', for: 'job-text' }, 'Posting text (first line: its title)'), jobText,
      h('label', { class: 'field', for: 'job-id' }, 'or a stored posting id'), jobId,
      h('div', {}, h('button', { type: 'submit', id: 'resume-submit' }, 'Check resume'))),
    status,
    results);
}

function content(score) {
  const posting = score.posting;
  const breakdown = dataTable({
    caption: 'Breakdown: points earned of each factor\'s weight',
    columns: [
      { title: 'Factor', cell: (f) => f.label },
      { title: 'Points', num: true, cell: (f) => h('span', { dataset: { cell: `points:${f.factor}` } }, f.applies ? number(f.points) : '–') },
      { title: 'Weight', num: true, cell: (f) => (f.applies ? number(f.weight) : 'not asked') },
      { title: 'Detail', cell: (f) => f.detail },
    ],
    rows: score.breakdown,
  });
  const improvements = score.improvements.length
    ? h('ol', { class: 'improvements' }, score.improvements.map((i) =>
      h('li', { dataset: { kind: i.kind } }, i.text, ' ', h('span', { class: 'gain' }, `(+${number(i.gain)} points)`),
        i.sentence ? h('q', { class: 'from-posting' }, i.sentence) : '')))
    : h('p', { class: 'note' }, 'Nothing to change for this posting.');
  const skills = dataTable({
    caption: 'Skills the posting asks for',
    columns: [
      { title: 'Skill', cell: (s) => link(urlFor('/postings', new URLSearchParams({ kind: 'posting', skill: s.skill })), s.name) },
      { title: 'Asked as', cell: (s) => label(s.strength) },
      { title: 'Type', cell: (s) => label(s.type) },
      { title: 'In the resume', cell: (s) => (s.impliedBy ? `${label(s.status)} (via ${s.impliedBy})` : label(s.status)) },
      { title: 'Market share', num: true, cell: (s) => (s.marketShare === null ? '–' : share(s.marketShare)) },
    ],
    rows: score.skills,
  });
  return [
    h('dl', { class: 'cards' },
      h('div', {}, h('dt', {}, 'Score'), h('dd', { dataset: { figure: 'Score' } }, String(score.score))),
      h('div', {}, h('dt', {}, 'Resume words'), h('dd', {}, count(score.resume.words)))),
    h('p', { class: 'posting-line' }, 'Against ', h('strong', {}, posting.title), posting.company ? ` — ${posting.company}` : '',
      ` (${label(posting.role)}, ${label(posting.seniority)}).`),
    h('h2', {}, 'Breakdown'), breakdown,
    h('h2', {}, 'What to change'), improvements,
    h('h2', {}, 'Skills'), score.skills.length ? skills : h('p', { class: 'note' }, 'The posting names no skill SkillScope knows.'),
    score.resume.warnings.length || score.notes.length
      ? [h('h2', {}, 'Notes'), h('ul', {}, [...score.resume.warnings, ...score.notes].map((n) => h('li', {}, n)))]
      : null,
  ];
}
