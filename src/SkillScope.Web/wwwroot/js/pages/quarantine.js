import { h, append } from '../dom.js';
import { getJson } from '../api.js';
import { count } from '../format.js';
import { selectField } from '../filters.js';
import { pick } from '../url.js';
import { dataView } from '../view.js';
import { dataTable } from '../table.js';

// Rows rejected at ingest: GET /api/quarantine. The raw text is whatever the file held, shown as text.

export const page = { path: '/quarantine', title: 'Quarantine', nav: 90, route: /^\/quarantine\/?$/, render };

async function render(main, context) {
  let total = 0;
  const view = dataView(pick(context.params, ['limit']), async (params) => {
    const response = await fetch(`/api/quarantine?${params}`, { headers: { Accept: 'application/json' } });
    if (!response.ok) return getJson('/api/quarantine', params); // throws with the problem's message
    total = Number(response.headers.get('X-Total-Count') ?? '0');
    const rows = await response.json();
    return { content: content(rows, total), status: `${count(total)} rows rejected at ingest.` };
  });
  append(main,
    h('h1', {}, 'Quarantine'),
    h('p', { class: 'lead' }, 'Rows that could not be stored, with the reason and the raw text, so nothing is dropped silently.'),
    h('form', { class: 'filters', 'aria-label': 'Rows shown', onsubmit: (e) => e.preventDefault() },
      selectField('limit', 'Rows shown', [['', '100'], ['500', '500'], ['1000', '1,000']], view.state.params, (update) => {
        const next = new URLSearchParams(view.state.params);
        update(next);
        view.state.set(next);
      })),
    view.status,
    view.results);
  await view.load();
}

function content(rows, total) {
  if (rows.length === 0) return [h('p', { class: 'note' }, 'No rows were rejected.')];
  return [
    h('p', {}, h('strong', { dataset: { figure: 'quarantine-total' } }, count(total)), ' rows in all', rows.length < total ? `; the first ${count(rows.length)} are listed` : ''),
    dataTable({
      caption: 'In file and line order',
      columns: [
        { title: 'Source', cell: (r) => r.source },
        { title: 'File', cell: (r) => h('code', {}, r.file) },
        { title: 'Record', num: true, cell: (r) => count(r.position) },
        { title: 'Line', num: true, cell: (r) => count(r.line) },
        { title: 'Reason', cell: (r) => r.reason },
        { title: 'Raw text', cell: (r) => h('pre', { class: 'raw' }, r.raw.length > 600 ? `${r.raw.slice(0, 600)}…` : r.raw) },
      ],
      rows,
    }),
  ];
}
