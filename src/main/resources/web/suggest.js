// The search box: suggestions as you type, chosen with the mouse or the arrow keys, and the search it submits.
import { api, ApiError, latest } from './api.js';
import { $, fill, h, nodeHref, searchHash } from './dom.js';

const suggestRequests = latest();
let suggestTimer = 0;
let active = -1;

/** go(hash) shows a route (app.js's go): chosen suggestions and submitted searches go through it. */
export function initSearchBox(go) {
  const input = $('q');
  input.addEventListener('input', () => {
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(() => suggest(go), 60);
  });
  input.addEventListener('keydown', (event) => {
    const options = [...$('suggestions').children];
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!options.length) return;
      event.preventDefault();
      // Positions 0..n: 0 is the input itself, i is option i - 1; the arrows cycle through them.
      const step = event.key === 'ArrowDown' ? 1 : options.length;
      active = ((active + 1 + step) % (options.length + 1)) - 1;
      markActive(options);
    } else if (event.key === 'Escape') {
      closeSuggestions();
    } else if (event.key === 'Enter' && active >= 0 && options[active]) {
      event.preventDefault();
      go(nodeHref(options[active].dataset.id));
    }
  });
  input.addEventListener('blur', () => setTimeout(closeSuggestions, 150));
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const q = input.value.trim();
    if (q) go(searchHash(q));
    else input.focus();
  });
}

function suggest(go) {
  const q = $('q').value.trim();
  if (!q) {
    closeSuggestions();
    return;
  }
  suggestRequests(async (signal) => {
    const answer = await api(`/api/suggest?${new URLSearchParams({ q, limit: 8 })}`, { signal }).catch((e) => {
      if (e instanceof ApiError) return { suggestions: [] };
      throw e;
    });
    if (q !== $('q').value.trim()) return;
    const list = $('suggestions');
    active = -1;
    fill(list, ...answer.suggestions.map((s, i) => h('li', {
      id: `suggestion-${i}`, role: 'option', 'aria-selected': 'false', 'data-id': s.id,
      onmousedown: (event) => { event.preventDefault(); go(nodeHref(s.id)); },
    }, h('span', { class: `kind kind-${s.kind}` }, s.kind), ' ', s.name)));
    list.dataset.query = q;
    list.hidden = answer.suggestions.length === 0;
    $('q').setAttribute('aria-expanded', String(!list.hidden));
    $('q').removeAttribute('aria-activedescendant');
  }).catch(() => { /* the status line already says the API is down */ });
}

function markActive(options) {
  options.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
  if (active >= 0) $('q').setAttribute('aria-activedescendant', options[active].id);
  else $('q').removeAttribute('aria-activedescendant');
}

export function closeSuggestions() {
  clearTimeout(suggestTimer);
  $('suggestions').hidden = true;
  fill($('suggestions'));
  $('q').setAttribute('aria-expanded', 'false');
  $('q').removeAttribute('aria-activedescendant');
  active = -1;
}
