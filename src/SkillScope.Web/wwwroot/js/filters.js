import { h } from './dom.js';
import { label } from './format.js';
import { values } from './url.js';

/** The record filters every report takes: the API's (and the CLI's) names. */
export const recordFilters = ['kind', 'role', 'seniority', 'country', 'arrangement', 'employmentType', 'source', 'since', 'until'];

const titles = {
  kind: 'Kind', role: 'Role', seniority: 'Seniority', country: 'Country', arrangement: 'Arrangement',
  employmentType: 'Employment', source: 'Source', since: 'Since', until: 'Until',
};

function choices(name, meta) {
  return {
    kind: meta.kinds, role: meta.roles, seniority: meta.seniorities, country: meta.countries,
    arrangement: meta.workArrangements, employmentType: meta.employmentTypes, source: meta.sources,
  }[name] ?? [];
}

/**
 * The filter bar over a page's state ({ params, set(next) }). Changing a control calls state.set with the new
 * parameters (the page updates the URL and its figures); the bar itself is not rebuilt, so focus and open lists
 * stay where the user left them. extra: functions (params, change) => control, for the page's own parameters.
 */
export function filterBar(state, meta, { names = recordFilters, extra = [] } = {}) {
  const change = (update) => {
    const next = new URLSearchParams(state.params);
    update(next);
    next.delete('page');
    state.set(next);
  };
  const params = state.params;
  const form = h('form', { class: 'filters', 'aria-label': 'Filters', onsubmit: (e) => e.preventDefault() });
  for (const name of names) {
    form.append(name === 'since' || name === 'until'
      ? dateField(name, params, change)
      : multiSelect(name, choices(name, meta), params, change));
  }
  for (const make of extra) form.append(make(params, change));
  form.append(h('button', {
    type: 'button', class: 'secondary',
    onclick: () => change((next) => { for (const name of names) next.delete(name); rebuild(form, next); }),
  }, 'Clear filters'));
  return form;
}

// After "Clear filters" the controls must show the cleared state.
function rebuild(form, params) {
  for (const box of form.querySelectorAll('input[type="checkbox"]')) box.checked = false;
  for (const input of form.querySelectorAll('input[data-param]')) input.value = params.get(input.dataset.param) ?? '';
  for (const details of form.querySelectorAll('details.multi')) details.querySelector('summary').textContent = summaryText(details.dataset.param, []);
}

function summaryText(name, chosen) {
  const title = titles[name] ?? label(name);
  if (chosen.length === 0) return `${title}: any`;
  if (chosen.length === 1) return `${title}: ${label(chosen[0])}`;
  return `${title}: ${chosen.length} selected`;
}

function multiSelect(name, options, params, change) {
  const chosen = new Set(values(params, name));
  const summary = h('summary', {}, summaryText(name, [...chosen]));
  const boxes = options.map((value) => {
    const box = h('input', { type: 'checkbox', name, value, checked: chosen.has(value) });
    box.addEventListener('change', () => {
      if (box.checked) chosen.add(value); else chosen.delete(value);
      const list = options.filter((o) => chosen.has(o));
      summary.textContent = summaryText(name, list);
      change((next) => { if (list.length) next.set(name, list.join(',')); else next.delete(name); });
    });
    return h('label', {}, box, label(value));
  });
  const details = h('details', { class: 'multi', dataset: { param: name } }, summary,
    h('fieldset', { class: 'options' }, h('legend', { class: 'visually-hidden' }, titles[name] ?? name), boxes));
  // Escape closes an open list and returns focus to it.
  details.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && details.open) { details.open = false; summary.focus(); }
  });
  return details;
}

function dateField(name, params, change) {
  const input = h('input', {
    type: 'text', name, inputmode: 'numeric', placeholder: 'YYYY or YYYY-MM-DD', size: 11,
    value: params.get(name) ?? '', dataset: { param: name }, title: 'A year (2025) or a date (2025-06-30)',
  });
  input.addEventListener('change', () => change((next) => {
    const value = input.value.trim();
    if (value) next.set(name, value); else next.delete(name);
  }));
  return h('label', { class: 'field' }, titles[name], input);
}

/** A single-choice select writing one parameter (empty value: parameter removed). */
export function selectField(name, title, options, params, change) {
  const select = h('select', { name }, options.map(([value, text]) =>
    h('option', { value, selected: (params.get(name) ?? '') === value }, text)));
  select.addEventListener('change', () => change((next) => { if (select.value) next.set(name, select.value); else next.delete(name); }));
  return h('label', { class: 'field' }, title, select);
}

/** A text input writing one parameter when it changes (Enter or leaving the field). */
export function textField(name, title, params, change, props = {}) {
  const input = h('input', { type: 'text', name, value: params.get(name) ?? '', dataset: { param: name }, ...props });
  input.addEventListener('change', () => change((next) => {
    const value = input.value.trim();
    if (value) next.set(name, value); else next.delete(name);
  }));
  return h('label', { class: 'field' }, title, input);
}
