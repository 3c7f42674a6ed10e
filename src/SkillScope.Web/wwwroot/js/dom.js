// Building DOM without ever parsing markup: text goes in as text nodes, attributes one by one.
// Posting titles, descriptions, companies and raw rows are untrusted; nothing here can turn them into elements,
// event handlers or script URLs (and the server's Content-Security-Policy would block those anyway).

/** Creates an element. props: class, dataset, on<Event> (functions only), href (same-site paths only), other attributes. */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) {
      if (typeof value !== 'function') throw new TypeError(`${key} must be a function`);
      element.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'class') {
      element.className = value;
    } else if (key === 'dataset') {
      for (const [name, data] of Object.entries(value)) element.dataset[name] = String(data);
    } else if (key === 'href') {
      element.setAttribute('href', sameSite(value));
    } else if (key === 'style' || key === 'srcdoc' || key === 'src') {
      throw new TypeError(`${key} is not set through h()`);
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(element, ...children);
  return element;
}

/** Appends children: nodes as they are, strings and numbers as text, arrays flattened, null/false skipped. */
export function append(parent, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces an element's content. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, ...children);
}

/** A link to a page of this dashboard. Only root-relative paths are accepted. */
export function link(path, text, props = {}) {
  return h('a', { ...props, href: path }, text);
}

function sameSite(value) {
  const text = String(value);
  if ((text.startsWith('/') && !text.startsWith('//')) || text.startsWith('#') || text.startsWith('?')) return text;
  throw new TypeError('links must stay on this site');
}

/**
 * Text with marked ranges, e.g. search snippets (U+0002 ... U+0003 around matches) or skill mentions.
 * ranges: [{start, end, title, class}] in UTF-16 offsets, sorted and non-overlapping.
 */
export function markedText(text, ranges) {
  const nodes = [];
  let at = 0;
  for (const range of ranges) {
    if (range.start < at || range.end > text.length) continue;
    if (range.start > at) nodes.push(text.slice(at, range.start));
    nodes.push(h('mark', { title: range.title, class: range.class }, text.slice(range.start, range.end)));
    at = range.end;
  }
  if (at < text.length) nodes.push(text.slice(at));
  return nodes;
}

/** A search snippet: the server marks matched words with U+0002 and U+0003. */
export function snippet(text) {
  const nodes = [];
  for (const [index, part] of text.split('\u0002').entries()) {
    if (index === 0) { nodes.push(part); continue; }
    const end = part.indexOf('\u0003');
    if (end < 0) { nodes.push(part); continue; }
    nodes.push(h('mark', {}, part.slice(0, end)), part.slice(end + 1));
  }
  return nodes;
}
