import { h, replace } from './dom.js';
import { meta } from './api.js';
import { count } from './format.js';
import { disposeCharts } from './charts.js';

// The dashboard shell: loads every page module listed by /pages.json (one file per page in js/pages), builds
// the navigation from them and routes by path. A page module exports
//   page = { path, title, nav (order in the menu; omit for pages reached by links), route (RegExp), render(main, context) }
// and render builds the page into <main>. See docs/web.md, "Adding a page".

const main = document.getElementById('main');
const nav = document.getElementById('nav');
let pages = [];

async function boot() {
  try {
    const response = await fetch('/pages.json');
    const names = await response.json();
    const modules = await Promise.all(names.map((name) => import(`./pages/${name}`)));
    pages = modules.map((m) => m.page).filter(Boolean);
  } catch (error) {
    replace(main, h('p', { class: 'alert', role: 'alert' }, `The dashboard could not load its pages: ${error.message}`));
    return;
  }
  for (const page of pages.filter((p) => p.nav !== undefined).sort((a, b) => a.nav - b.nav)) {
    nav.append(h('li', {}, h('a', { href: page.path }, page.title)));
  }
  document.addEventListener('click', onLinkClick);
  window.addEventListener('popstate', () => route());
  await route();
  showStore();
}

function find(pathname) {
  for (const page of pages) {
    const match = page.route.exec(pathname);
    if (match) return { page, match };
  }
  return null;
}

let routing = 0;

async function route({ focus = false } = {}) {
  const token = ++routing;
  const url = new URL(location.href);
  disposeCharts();
  const found = find(url.pathname);
  for (const a of nav.querySelectorAll('a')) {
    if (found && a.getAttribute('href') === found.page.path) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (!found) {
    document.title = 'Not found · SkillScope';
    replace(main, h('h1', {}, 'Page not found'), h('p', {}, 'There is no such page. ', h('a', { href: '/' }, 'Open the market overview')));
    return;
  }
  document.title = `${found.page.title} · SkillScope`;
  replace(main);
  await found.page.render(main, { params: url.searchParams, match: found.match, isCurrent: () => token === routing });
  if (focus) main.focus({ preventScroll: false });
}

// Same-site links to dashboard pages change the view without reloading the page.
function onLinkClick(event) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = event.target.closest('a[href]');
  if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin || !find(url.pathname)) return;
  event.preventDefault();
  history.pushState(null, '', url);
  window.scrollTo(0, 0);
  route({ focus: true });
}

async function showStore() {
  try {
    const facts = await meta();
    const line = document.getElementById('store-line');
    line.textContent = `${count(facts.records)} records in this database; skill taxonomy ${facts.taxonomyVersion}.`;
  } catch {
    // The page itself reports API errors.
  }
}

boot();
