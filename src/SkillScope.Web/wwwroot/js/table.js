import { h, replace } from './dom.js';

/**
 * A table of figures. columns: [{ title, cell(row) -> node|text, value(row) -> sort key, num: true }].
 * Sortable tables have a button in each sortable header (keyboard: Tab then Enter) and announce the order
 * with aria-sort.
 */
export function dataTable({ caption, columns, rows, sortable = false, sort = null, label = null }) {
  const table = h('table', { 'aria-label': label ?? caption ?? null });
  if (caption) table.append(h('caption', {}, caption));
  const headRow = h('tr');
  const body = h('tbody');
  let order = sort; // { index, descending }

  const draw = () => {
    let shown = rows;
    if (order) {
      const column = columns[order.index];
      const key = column.value ?? ((row) => String(column.cell(row)));
      shown = [...rows].sort((a, b) => compare(key(a), key(b)) * (order.descending ? -1 : 1));
    }
    replace(body, shown.map((row) => h('tr', {}, columns.map((column) =>
      h('td', { class: column.num ? 'num' : null }, column.cell(row))))));
    for (const [index, th] of [...headRow.children].entries()) {
      if (!th.querySelector('button.sort')) continue;
      th.setAttribute('aria-sort', order?.index === index ? (order.descending ? 'descending' : 'ascending') : 'none');
    }
  };

  for (const [index, column] of columns.entries()) {
    const th = h('th', { scope: 'col', class: column.num ? 'num' : null });
    if (sortable && column.value) {
      th.append(h('button', {
        type: 'button', class: 'sort',
        onclick: () => {
          order = order?.index === index ? { index, descending: !order.descending } : { index, descending: !!column.num };
          draw();
        },
      }, column.title));
    } else {
      th.append(column.title);
    }
    headRow.append(th);
  }
  table.append(h('thead', {}, headRow), body);
  draw();
  return h('div', { class: 'table-wrap' }, table);
}

function compare(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en');
}
