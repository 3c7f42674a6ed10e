import { h, link, append, snippet } from '../dom.js';
import { getJson, meta } from '../api.js';
import { count, money, label } from '../format.js';
import { filterBar, recordFilters, selectField } from '../filters.js';
import { pick, urlFor, values } from '../url.js';
import { dataView } from '../view.js';

// Postings search: GET /api/postings. Report cells link here with their conditions (company, metro, skill,
// category, text, salary); those show as chips that can be removed. Titles, companies and snippets are
// untrusted text and are only ever inserted as text.

export const page = { path: '/postings', title: 'Postings', nav: 30, route: /^\/postings\/?$/, render };

const cellParams = ['company', 'metro', 'skill', 'category', 'text', 'textKind', 'salary'];
const own = ['q', ...cellParams, 'sort', 'page', 'pageSize'];

async function render(main, context) {
  const vocabulary = await meta();
  const skillNames = new Map(vocabulary.skills.map((s) => [s.id, s.name]));
  const chips = h('div', { class: 'chips', 'aria-label': 'Conditions from the report' });
  const view = dataView(pick(context.params, [...recordFilters, ...own]), async (params) => {
    drawChips(chips, params, view.state, skillNames);
    const result = await getJson('/api/postings', params);
    // The count is shown once, in the content (the status line would repeat it).
    return { content: content(result, params) };
  });

  const search = h('input', { type: 'search', name: 'q', value: view.state.params.get('q') ?? '', class: 'wide', placeholder: 'e.g. pytorch remote' });
  const searchForm = h('form', {
    class: 'filters', role: 'search', 'aria-label': 'Search postings',
    onsubmit: (event) => {
      event.preventDefault();
      const next = new URLSearchParams(view.state.params);
      const text = search.value.trim();
      if (text) next.set('q', text); else next.delete('q');
      next.delete('page');
      view.state.set(next);
    },
  }, h('label', { class: 'field' }, 'Search title, company, place and text', search), h('button', { type: 'submit' }, 'Search'));

  append(main,
    h('h1', {}, 'Postings and records'),
    h('p', { class: 'lead' }, 'The records behind every figure. Search words are all required; results are ranked by relevance.'),
    searchForm,
    filterBar(view.state, vocabulary, {
      extra: [(params, change) => selectField('sort', 'Order', [['', 'Relevance / newest'], ['newest', 'Newest'], ['salary', 'Highest salary']], params, change)],
    }),
    chips,
    view.status,
    view.results);
  await view.load();
}

function drawChips(container, params, state, skillNames) {
  container.replaceChildren();
  for (const name of cellParams) {
    for (const value of name === 'skill' ? [values(params, name).join(',')].filter(Boolean) : params.getAll(name)) {
      const shown = name === 'skill' ? value.split(',').map((s) => skillNames.get(s) ?? s).join(' + ')
        : name === 'category' ? label(value) : value;
      container.append(h('span', { class: 'chip' }, `${name}: ${shown} `,
        h('button', {
          type: 'button', class: 'link', 'aria-label': `Remove condition ${name}`,
          onclick: () => {
            const next = new URLSearchParams(state.params);
            next.delete(name);
            next.delete('page');
            state.set(next);
          },
        }, '×')));
    }
  }
}

function content(result, params) {
  const items = result.items.map((item) => h('li', {},
    h('h2', {}, link(`/postings/${item.id}`, item.title)),
    h('p', { class: 'meta' }, [
      item.company, item.locationText ?? item.country, label(item.kind), label(item.role), label(item.seniority),
      label(item.workArrangement), item.periodStart, item.salaryUsd !== null ? `${money(item.salaryUsd)} / year` : null,
      item.salaryFlag ? `salary flagged: ${item.salaryFlag}` : null,
    ].filter(Boolean).join(' · ')),
    item.snippet ? h('p', { class: 'snippet' }, snippet(item.snippet)) : null));

  const page = Number(params.get('page') ?? '1');
  const size = result.limit;
  const pageUrl = (n) => {
    const next = new URLSearchParams(params);
    if (n === 1) next.delete('page'); else next.set('page', String(n));
    return urlFor('/postings', next);
  };
  const last = Math.max(1, Math.ceil(Math.min(result.total, 10000) / size));
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages of results' },
    page > 1 ? link(pageUrl(page - 1), '← Previous', { rel: 'prev' }) : null,
    h('span', {}, `Page ${count(page)} of ${count(last)}`),
    page < last ? link(pageUrl(page + 1), 'Next →', { rel: 'next' }) : null);

  return [
    h('p', {}, h('strong', { dataset: { figure: 'postings-total' } }, count(result.total)), ' records'),
    result.items.length ? h('ol', { class: 'results', start: result.offset + 1 }, items) : h('p', { class: 'note' }, 'No records match.'),
    result.total > size ? pager : null,
  ];
}
