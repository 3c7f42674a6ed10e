import { h, replace } from './dom.js';
import { disposeCharts } from './charts.js';
import { pushParams } from './url.js';

/**
 * The data part of a page: loads on every filter change, shows "Loading…" and the API's message on errors, and
 * ignores a response that arrives after a newer request. Returns { state, status, results, load }.
 *   state.params: the current parameters; state.set(next): record them in the URL and load again.
 */
export function dataView(initialParams, fetchAndRender) {
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const results = h('div', { class: 'results-area' });
  let sequence = 0;
  const state = {
    params: initialParams,
    set(next) {
      state.params = next;
      pushParams(next);
      return load();
    },
  };

  async function load() {
    const token = ++sequence;
    status.textContent = 'Loading…';
    results.setAttribute('aria-busy', 'true');
    try {
      const nodes = await fetchAndRender(state.params, state);
      if (token !== sequence) return;
      disposeCharts();
      replace(results, nodes.content);
      status.textContent = nodes.status ?? '';
    } catch (error) {
      if (token !== sequence) return;
      disposeCharts();
      replace(results, h('p', { class: 'alert', role: 'alert', dataset: { parameter: error.parameter ?? '' } }, error.message));
      status.textContent = '';
    } finally {
      if (token === sequence) results.removeAttribute('aria-busy');
    }
  }

  return { state, status, results, load };
}
