// Building the page: elements from plain values (text is never parsed as HTML), and the small formatters views share.

export const $ = (id) => document.getElementById(id);

/** Builds an element: h('a', {href: '#'}, 'text', child...). Text is always text, never parsed as HTML. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

/** Replaces an element's content; children may be nested arrays, null and false are skipped. */
export function fill(element, ...children) {
  element.replaceChildren();
  return append(element, children);
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** A highlight from the API (HTML-escaped text with <mark> around matched words) as DOM: only text and <mark>. */
export function highlighted(html) {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body.firstChild;
  const out = document.createDocumentFragment();
  for (const node of parsed.childNodes) {
    if (node.nodeName === 'MARK') out.append(h('mark', {}, node.textContent));
    else out.append(document.createTextNode(node.textContent));
  }
  return out;
}

export const nodeHref = (id) => `#/node/${encodeURIComponent(id)}`;
export const roadmapHref = (id) => `#/roadmap/${encodeURIComponent(id)}`;
export const hours = (n) => `${n} h`;
export const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function searchHash(q, filters = {}) {
  const params = new URLSearchParams({ q });
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  return `#/search?${params}`;
}
