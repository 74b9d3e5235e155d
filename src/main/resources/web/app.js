// SkillGraph's built-in page: search as you type, read a node, and plan what to learn before it.
// Plain ES module, no framework; the only library is dagre (graph layout), loaded by index.html.
'use strict';

const KNOWN_KEY = 'skillgraph.known';
const PACE_KEY = 'skillgraph.hoursPerWeek';
const PAGE_SIZE = 10;
const EXPORTS = [
  ['markdown', 'Markdown checklist', 'md'],
  ['csv', 'CSV', 'csv'],
  ['mermaid', 'Mermaid', 'mmd'],
  ['dot', 'Graphviz DOT', 'dot'],
  ['cypher', 'Cypher', 'cypher'],
  ['json', 'JSON', 'json'],
  ['ics', 'Calendar (iCalendar)', 'ics'],
];

const $ = (id) => document.getElementById(id);
let about = { neo4jBrowser: null };
let current = null; // the node id the node view shows

// ---------------------------------------------------------------- helpers

/** Builds an element: h('a', {href: '#'}, 'text', child...). Text is always text, never parsed as HTML. */
function h(tag, attributes = {}, ...children) {
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
function fill(element, ...children) {
  element.replaceChildren();
  return append(element, children);
}

function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** A highlight from the API (HTML-escaped text with <mark> around matched words) as DOM: only text and <mark>. */
function highlighted(html) {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body.firstChild;
  const out = document.createDocumentFragment();
  for (const node of parsed.childNodes) {
    if (node.nodeName === 'MARK') out.append(h('mark', {}, node.textContent));
    else out.append(document.createTextNode(node.textContent));
  }
  return out;
}

const nodeHref = (id) => `#/node/${encodeURIComponent(id)}`;
const hours = (n) => `${n} h`;
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** GET from the API; rejects with ApiError (the problem+json) or, when the API does not answer, a TypeError. */
async function api(path, { signal, text = false } = {}) {
  let response;
  try {
    response = await fetch(path, { signal, headers: { Accept: text ? '*/*' : 'application/json' } });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    showStatus('The SkillGraph API is not answering. Check that the service is running, then retry.', true);
    throw e;
  }
  if (!response.ok) {
    let problem = {};
    try { problem = await response.json(); } catch { /* not JSON: keep the status */ }
    if (response.status >= 500) {
      showStatus(`The SkillGraph API could not answer (${response.status}): ${problem.detail || response.statusText}`, true);
    }
    throw new ApiError(response.status, problem);
  }
  if ($('status').dataset.error) hideStatus(); // the API answers again
  return text ? response.text() : response.json();
}

/** A line under the header: an error (with Retry, hidden once the API answers again) or a notice (dismissable). */
function showStatus(message, isError) {
  const status = $('status');
  status.dataset.error = isError ? 'true' : '';
  fill(status, message, ' ', isError
    ? h('button', { type: 'button', onclick: () => loadAbout().then(route) }, 'Retry')
    : h('button', { type: 'button', class: 'secondary', onclick: hideStatus }, 'Dismiss'));
  status.hidden = false;
}

function hideStatus() {
  $('status').hidden = true;
  $('status').dataset.error = '';
}

/** Runs only the newest of overlapping requests of one kind: older ones are aborted. */
function latest() {
  let controller = null;
  return (run) => {
    controller?.abort();
    controller = new AbortController();
    return run(controller.signal).catch((e) => {
      if (e.name !== 'AbortError') throw e;
    });
  };
}

// ---------------------------------------------------------------- known topics and pace (localStorage)

function readKnown() {
  try {
    const ids = JSON.parse(localStorage.getItem(KNOWN_KEY) || '[]');
    return new Set(Array.isArray(ids) ? ids.filter((id) => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

function writeKnown(known) {
  localStorage.setItem(KNOWN_KEY, JSON.stringify([...known].sort()));
}

function setKnown(id, isKnown) {
  const known = readKnown();
  if (isKnown) known.add(id);
  else known.delete(id);
  writeKnown(known);
}

function readPace() {
  const pace = Number.parseInt(localStorage.getItem(PACE_KEY), 10);
  return pace >= 1 && pace <= 80 ? pace : 8;
}

// ---------------------------------------------------------------- routing

function route() {
  const hash = location.hash || '#/';
  const [path, query = ''] = hash.slice(1).split('?');
  for (const view of ['home-view', 'search-view', 'node-view']) $(view).hidden = true;
  closeSuggestions();
  if (path.startsWith('/node/')) {
    const id = decodeURIComponent(path.slice('/node/'.length));
    $('node-view').hidden = false;
    showNode(id);
  } else if (path === '/search') {
    const params = new URLSearchParams(query);
    $('q').value = params.get('q') || '';
    $('search-view').hidden = false;
    showResults(params);
  } else {
    $('home-view').hidden = false;
    showHome();
  }
}

function go(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

function searchHash(q, filters = {}) {
  const params = new URLSearchParams({ q });
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  return `#/search?${params}`;
}

// ---------------------------------------------------------------- search box and suggestions

const suggestRequests = latest();
let suggestTimer = 0;
let active = -1;

function initSearchBox() {
  const input = $('q');
  input.addEventListener('input', () => {
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(suggest, 60);
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

function suggest() {
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

function closeSuggestions() {
  clearTimeout(suggestTimer);
  $('suggestions').hidden = true;
  fill($('suggestions'));
  $('q').setAttribute('aria-expanded', 'false');
  $('q').removeAttribute('aria-activedescendant');
  active = -1;
}

// ---------------------------------------------------------------- home

let homeLoaded = false;

async function showHome() {
  document.title = 'SkillGraph — Machine Learning Engineer roadmap';
  if (homeLoaded) return;
  try {
    const [stages, careers] = await Promise.all([api('/api/stages'), api('/api/careers')]);
    fill($('careers'), ...careers.map((career) => h('li', { class: 'card' },
      h('a', { href: nodeHref(career.id) }, h('strong', {}, career.name)),
      h('p', {}, career.summary))));
    fill($('stages'), ...stages.map((stage) => h('li', {},
      h('h3', {}, h('a', { href: nodeHref(stage.id) }, stage.name), ' ',
        h('span', { class: 'muted' }, `${stage.weeks || ''}${stage.weeks ? ' · ' : ''}${hours(stage.totalHours)}`)),
      h('ul', { class: 'chips' }, stage.topics.map((topic) =>
        h('li', {}, h('a', { href: nodeHref(topic.id), title: topic.summary }, topic.name)))))));
    homeLoaded = true;
  } catch (e) {
    // When the API does not answer at all, api() has already said so in the status line.
    if (e instanceof ApiError) showStatus(`Could not load the roadmap: ${e.message}`, true);
  }
}

// ---------------------------------------------------------------- search results

const searchRequests = latest();

function showResults(params) {
  const q = params.get('q') || '';
  const filters = { kind: params.get('kind'), stage: params.get('stage') };
  const offset = Math.max(0, Number.parseInt(params.get('offset') || '0', 10) || 0);
  document.title = `${q} — SkillGraph search`;
  const query = new URLSearchParams({ q, limit: PAGE_SIZE, offset });
  if (filters.kind) query.set('kind', filters.kind);
  if (filters.stage) query.set('stage', filters.stage);
  const known = readKnown();
  if (known.size) query.set('known', [...known].join(','));
  $('results').setAttribute('aria-busy', 'true');
  searchRequests(async (signal) => {
    try {
      let result;
      try {
        result = await api(`/api/search?${query}`, { signal });
      } catch (e) {
        if (!(e instanceof ApiError && e.status === 400 && e.problem.parameter === 'known')) throw e;
        await forgetMissing(known, signal); // the graph changed since they were marked: drop the ids that are gone
        query.delete('known');
        if (known.size) query.set('known', [...known].join(','));
        result = await api(`/api/search?${query}`, { signal });
      }
      renderResults(result, q, filters, offset);
    } catch (e) {
      if (e.name === 'AbortError') throw e; // a newer search replaced this one and will clear aria-busy
      $('result-summary').textContent = e instanceof ApiError
        ? `This search could not run: ${e.message}`
        : 'No results: the API is not answering.';
      fill($('results'));
      fill($('facets'));
      fill($('pager'));
      $('did-you-mean').hidden = true;
    }
    $('results').removeAttribute('aria-busy');
  });
}

function renderResults(result, q, filters, offset) {
  const first = result.total === 0 ? 0 : offset + 1;
  const last = offset + result.hits.length;
  $('result-summary').textContent = result.total === 0
    ? `Nothing found for “${q}”.`
    : `${first}–${last} of ${plural(result.total, 'result')} for “${q}”`;
  const didYouMean = $('did-you-mean');
  didYouMean.hidden = !result.didYouMean;
  if (result.didYouMean) {
    fill(didYouMean, 'Did you mean ',
      h('a', { href: searchHash(result.didYouMean, filters) }, result.didYouMean), '?');
  }
  fill($('results'), ...result.hits.map((hit) => h('li', { class: 'hit' },
    h('a', { class: 'hit-name', href: nodeHref(hit.id) },
      hit.highlights?.name ? highlighted(hit.highlights.name) : hit.name),
    ' ', h('span', { class: `kind kind-${hit.kind}` }, hit.kind),
    hit.stage ? h('span', { class: 'muted' }, ` · ${hit.stage.name}`) : null,
    distance(hit),
    h('p', {}, snippet(hit)))));
  renderFacets(result.facets, q, filters);
  renderPager(result.total, q, filters, offset);
}

/** With known topics, how far a hit is: known, learnable now, or its plan's steps and hours. */
function distance(hit) {
  if (hit.stepsAway === undefined) return null;
  const text = readKnown().has(hit.id) ? 'known'
    : hit.stepsAway === 0 ? 'ready to learn'
      : `${plural(hit.stepsAway, 'step')} away (${hours(hit.hoursAway)})`;
  return h('span', { class: `distance${hit.stepsAway === 0 ? ' ready' : ''}`, 'data-steps': hit.stepsAway }, ` · ${text}`);
}

/** The matched summary or description; else the summary, and the alias, roadmap line or related name matched. */
function snippet(hit) {
  const highlights = hit.highlights || {};
  const text = highlights.summary || highlights.description;
  if (text) return highlighted(text);
  const [label, matched] = highlights.aliases ? ['also known as', highlights.aliases]
    : highlights.roadmapLine ? ['on the roadmap', highlights.roadmapLine]
      : highlights.related ? ['related', highlights.related] : [];
  return [hit.summary || '', matched ? h('span', { class: 'muted' }, ` — ${label}: `, highlighted(matched)) : null];
}

function renderFacets(facets, q, filters) {
  const group = (title, name, values) => h('fieldset', { class: 'facet' },
    h('legend', {}, title),
    h('ul', {}, values.map((value) => {
      const selected = filters[name] === value.value;
      const next = { ...filters, [name]: selected ? null : value.value };
      return h('li', {}, h('a', {
        href: searchHash(q, next), class: 'facet-value', 'aria-current': selected ? 'true' : null,
        'data-facet': name, 'data-value': value.value,
      }, `${value.name || value.value} `, h('span', { class: 'count' }, value.count)));
    })));
  fill($('facets'),
    group('Kind', 'kind', facets.kind || []),
    group('Stage', 'stage', (facets.stage || []).slice().sort((a, b) => a.value.localeCompare(b.value))));
}

function renderPager(total, q, filters, offset) {
  const links = [];
  if (offset > 0) {
    links.push(h('a', { href: searchHash(q, { ...filters, offset: Math.max(0, offset - PAGE_SIZE) || null }), rel: 'prev' }, '← Previous'));
  }
  if (offset + PAGE_SIZE < total) {
    links.push(h('a', { href: searchHash(q, { ...filters, offset: offset + PAGE_SIZE }), rel: 'next' }, 'Next →'));
  }
  fill($('pager'), ...links);
}

// ---------------------------------------------------------------- node view

const nodeRequests = latest();

function showNode(id) {
  const changed = current !== id;
  current = id;
  nodeRequests(async (signal) => {
    let node;
    try {
      node = await api(`/api/nodes/${encodeURIComponent(id)}`, { signal });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      fill($('node'), h('h1', {}, 'Not found'), h('p', {}, e.message));
      $('plan').hidden = true;
      return;
    }
    document.title = `${node.name} — SkillGraph`;
    renderNode(node);
    $('plan').hidden = false;
    if (changed) {
      window.scrollTo(0, 0);
      $('main').focus({ preventScroll: true }); // screen readers start reading at the new node
    }
    await showPlan(node, signal);
  }).catch(() => {});
}

function renderNode(node) {
  const known = readKnown();
  const section = (title, items, render) => items?.length
    ? h('section', {}, h('h2', {}, title), h('ul', { class: 'links' }, items.map((item) => h('li', {}, render(item)))))
    : null;
  const refLink = (ref) => h('a', { href: nodeHref(ref.id) }, ref.name);
  fill($('node'),
    h('p', { class: 'crumbs' }, h('span', { class: `kind kind-${node.kind}` }, node.kind),
      node.stage ? [' in ', h('a', { href: nodeHref(node.stage.id) }, node.stage.name)] : null,
      node.hours ? ` · about ${hours(node.hours)}` : null,
      node.level ? ` · ${node.level}` : null,
      node.weeks ? ` · ${node.weeks}` : null,
      node.salary ? ` · ${node.salary}` : null),
    h('h1', {}, node.name),
    node.summary ? h('p', { class: 'lead' }, node.summary) : null,
    node.description ? h('p', {}, node.description) : null,
    node.url ? h('p', {}, h('a', { href: node.url, rel: 'noopener noreferrer', target: '_blank' }, node.url)) : null,
    h('p', { class: 'actions' },
      h('label', { class: 'toggle' }, h('input', {
        type: 'checkbox', id: 'node-known', checked: known.has(node.id),
        onchange: (event) => { setKnown(node.id, event.target.checked); showNode(node.id); },
      }), ' I know this'),
      about.neo4jBrowser ? h('a', { class: 'button secondary', href: browserLink(neighbourhood(node.id)), target: '_blank', rel: 'noopener' }, 'Open in Neo4j Browser') : null),
    h('div', { class: 'columns' },
      section('Prerequisites', node.prerequisites, (p) => [refLink(p),
        h('span', { class: `strength strength-${p.strength}` }, p.strength === 'soft' ? ' (helpful)' : ''),
        p.reason ? h('span', { class: 'reason' }, ` — ${p.reason}`) : null]),
      section('Unlocks', node.dependents, refLink),
      section('Topics', node.topics, refLink),
      section('Tools', node.tools, refLink),
      section('Used in', node.usedBy, (u) => [refLink(u),
        u.stage ? h('span', { class: 'muted' }, ` · ${u.stage.name}`) : null]),
      section('Topics it covers', node.teaches, refLink),
      section('Resources', node.resources, (r) => [
        h('a', { href: r.url, rel: 'noopener noreferrer', target: '_blank' }, r.name),
        r.format ? h('span', { class: 'muted' }, ` · ${r.format}`) : null]),
      section('Careers', node.careers, refLink)));
}

/** A Cypher literal for an id: ids are slugs, but the quote and backslash are escaped all the same. */
const cypherString = (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function neighbourhood(id) {
  return `MATCH p = (n:Entity {id: ${cypherString(id)}})-[:REQUIRES*0..]->() RETURN p`;
}

function browserLink(cypher) {
  const url = new URL(about.neo4jBrowser);
  url.searchParams.set('cmd', 'edit');
  url.searchParams.set('arg', cypher);
  return url.toString();
}

// ---------------------------------------------------------------- the learning plan

async function showPlan(node, signal) {
  const known = readKnown();
  const pace = readPace();
  $('pace').value = pace;
  const query = new URLSearchParams({ hoursPerWeek: pace });
  if (known.size) query.set('known', [...known].join(','));
  let plan;
  try {
    plan = await api(`/api/learning-path/${encodeURIComponent(node.id)}?${query}`, { signal });
  } catch (e) {
    if (e instanceof ApiError && e.status === 400 && e.problem.parameter === 'known') {
      await forgetMissing(known, signal); // the graph changed since they were marked: drop the ids that are gone
      return showPlan(node, signal);
    }
    if (e instanceof ApiError) {
      $('plan-summary').textContent = `No plan: ${e.message}`;
      return;
    }
    throw e;
  }
  renderPlan(node, plan, pace, query);
}

async function forgetMissing(known, signal) {
  const checks = await Promise.all([...known].map(async (id) => {
    try {
      await api(`/api/nodes/${encodeURIComponent(id)}`, { signal });
      return null;
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return id;
      throw e;
    }
  }));
  const missing = checks.filter(Boolean);
  if (!missing.length) throw new Error('the plan refused the known topics, but all of them exist');
  missing.forEach((id) => known.delete(id));
  writeKnown(known);
  showStatus(`Forgot ${plural(missing.length, 'topic')} you had marked known that the roadmap no longer has: ${missing.join(', ')}.`, false);
}

function renderPlan(node, plan, pace, query) {
  const steps = plan.steps;
  const weekOf = new Map();
  for (const milestone of plan.milestones || []) for (const id of milestone.completes) weekOf.set(id, milestone.week);
  $('plan-title').textContent = `What must I learn before ${node.name}?`;
  if (steps.length === 0) {
    $('plan-summary').textContent = readKnown().has(node.id)
      ? `You marked ${node.name} as known: nothing to learn.`
      : `Nothing to learn first: ${node.name} has no prerequisites${plan.known.length ? ' you do not already know' : ''}.`;
  } else {
    fill($('plan-summary'),
      h('strong', {}, plural(steps.length, 'step')), ` before ${node.name}, `,
      h('strong', {}, hours(plan.totalHours)), ' in all',
      plan.etaWeeks ? [' — about ', h('strong', { id: 'eta' }, plural(plan.etaWeeks, 'week')), ` at ${pace} h a week`] : null, '.');
  }
  renderKnown(plan);
  renderSteps(plan, weekOf);
  drawPlan(node, plan);
  const browserSlot = h('span');
  fill($('plan-exports'), 'Download this plan: ', EXPORTS.filter(([format]) => format !== 'ics' || steps.length)
    .flatMap(([format, label, extension], i) => [
    i ? ' · ' : '',
    h('a', {
      href: `/api/learning-path/${encodeURIComponent(node.id)}?${new URLSearchParams([...query, ['format', format]])}`,
      download: `${node.id}-plan.${extension}`, 'data-format': format,
    }, label)]),
  browserSlot);
  if (about.neo4jBrowser && steps.length) {
    // The plan's own Cypher export, pasted into Browser's editor. The link appears once it has somewhere to go, and only
    // if this plan is still the one shown.
    api(`/api/learning-path/${encodeURIComponent(node.id)}?${new URLSearchParams([...query, ['format', 'cypher']])}`, { text: true })
      .then((cypher) => {
        if (browserSlot.isConnected) {
          fill(browserSlot, ' · ', h('a', { id: 'plan-in-browser', href: browserLink(cypher), target: '_blank', rel: 'noopener' },
            'Open the plan in Neo4j Browser'));
        }
      })
      .catch(() => {});
  }
}

function renderKnown(plan) {
  const known = plan.known || [];
  const assumed = plan.assumedKnown || [];
  const forget = (ref) => h('button', {
    type: 'button', class: 'chip', title: `Mark ${ref.name} as not known`,
    onclick: () => { setKnown(ref.id, false); showNode(current); },
  }, ref.name, h('span', { 'aria-hidden': 'true' }, ' ×'), h('span', { class: 'visually-hidden' }, ' (mark as not known)'));
  fill($('plan-known'),
    known.length ? h('p', {}, 'You know: ', known.map(forget)) : null,
    assumed.length ? h('p', { class: 'muted', id: 'assumed-known' }, `Known too, since what you know needs ${assumed.length === 1 ? 'it' : 'them'}: `,
      assumed.map((ref, i) => [i ? ', ' : '', h('a', { href: nodeHref(ref.id), title: `needed by ${ref.impliedBy.join(', ')}` }, ref.name)])) : null);
  $('reset-known').hidden = readKnown().size === 0;
}

function renderSteps(plan, weekOf) {
  const byStage = [];
  for (const step of plan.steps) {
    const key = step.stage ? step.stage.id : '';
    let group = byStage.find((g) => g.key === key);
    if (!group) {
      group = { key, name: step.stage ? step.stage.name : 'Not in a stage', steps: [] };
      byStage.push(group);
    }
    group.steps.push(step);
  }
  fill($('plan-steps'), ...byStage.map((group) => h('section', { class: 'stage-group' },
    h('h3', {}, group.name, ' ', h('span', { class: 'muted' }, hours(group.steps.reduce((sum, s) => sum + s.hours, 0)))),
    h('ol', { class: 'checklist', start: group.steps[0].position }, group.steps.map((step) => h('li', { 'data-id': step.id },
      h('div', { class: 'step-head' },
        h('label', { class: 'toggle', title: 'I know this' },
          h('input', {
            type: 'checkbox', 'data-known': step.id,
            onchange: (event) => { setKnown(step.id, event.target.checked); showNode(current); },
          }),
          h('span', { class: 'visually-hidden' }, `I know ${step.name}`)),
        h('a', { href: nodeHref(step.id) }, step.name),
        h('span', { class: 'muted' }, ` · ${hours(step.hours)}`, weekOf.has(step.id) ? ` · done by week ${weekOf.get(step.id)}` : '')),
      step.why?.length ? h('p', { class: 'why' }, 'Needed by ', step.why.map((why, i) => [
        i ? '; ' : '', h('a', { href: nodeHref(why.neededBy) }, why.name), why.reason ? `: ${why.reason}` : ''])) : null,
      step.resources?.length ? h('p', { class: 'resources' }, step.resources.map((r, i) => [
        i ? ' · ' : '', h('a', { href: r.url, rel: 'noopener noreferrer', target: '_blank' }, r.name)])) : null))))));
}

// ---------------------------------------------------------------- the plan drawn as a graph (dagre layout)

const SVG = 'http://www.w3.org/2000/svg';
const STAGE_COLOURS = ['#e8eef7', '#e3f1e6', '#fdf0d9', '#f4e5f2', '#e2f2f4', '#f6e6e1', '#eeeeee'];
const measure = document.createElement('canvas').getContext('2d');

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== null && value !== undefined) element.setAttribute(name, String(value));
  return append(element, children);
}

/** Splits a name into at most three lines of about 24 characters. */
function lines(name) {
  const words = name.split(/\s+/);
  const out = [''];
  for (const word of words) {
    const line = out[out.length - 1];
    if (line && (line + ' ' + word).length > 24 && out.length < 3) out.push(word);
    else out[out.length - 1] = line ? `${line} ${word}` : word;
  }
  return out;
}

function drawPlan(goal, plan) {
  const container = $('plan-graph');
  if (!window.dagre) {
    fill(container, h('p', { class: 'muted' }, 'The graph view needs the dagre layout script, which did not load.'));
    return;
  }
  const steps = plan.steps;
  if (steps.length === 0) {
    fill(container);
    return;
  }
  const inPlan = new Set(steps.map((s) => s.id));
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: 18, ranksep: 44, edgesep: 8, marginx: 8, marginy: 8 });
  graph.setDefaultEdgeLabel(() => ({}));
  measure.font = '13px system-ui, sans-serif';
  const add = (id, name, stage, isGoal) => {
    const text = lines(name);
    const width = Math.ceil(Math.max(...text.map((t) => measure.measureText(t).width))) + 20;
    graph.setNode(id, { id, name, text, stage, isGoal, width, height: text.length * 16 + 12 });
  };
  for (const step of steps) add(step.id, step.name, step.stage?.order, false);
  add(goal.id, goal.name, goal.stage?.order, true);
  for (const step of steps) {
    for (const prerequisite of step.prerequisites || []) if (inPlan.has(prerequisite)) graph.setEdge(prerequisite, step.id);
    if (step.why?.some((why) => why.neededBy === goal.id)) graph.setEdge(step.id, goal.id);
  }
  dagre.layout(graph);

  const { width, height } = graph.graph();
  // Shrunk to fit the frame, but never below 60 % (names stay readable; the frame scrolls instead).
  const scale = Math.max(0.6, Math.min(1, (container.clientWidth - 2) / width));
  const drawing = svg('svg', {
    width: Math.ceil(width * scale), height: Math.ceil(height * scale),
    viewBox: `0 0 ${Math.ceil(width)} ${Math.ceil(height)}`,
    role: 'img', 'aria-label': `${goal.name} and the ${plural(steps.length, 'step')} before it, drawn as a graph`,
    class: 'plan-svg',
  });
  drawing.append(svg('defs', {}, svg('marker', {
    id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse',
  }, svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow-head' }))));
  const edges = svg('g', { class: 'edges' });
  for (const edge of graph.edges()) {
    const points = graph.edge(edge).points;
    const d = points.map((p, i) => `${i ? 'L' : 'M'} ${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ');
    edges.append(svg('path', { d, class: 'edge', 'marker-end': 'url(#arrow)', 'data-from': edge.v, 'data-to': edge.w }));
  }
  const nodes = svg('g', { class: 'nodes' });
  for (const id of graph.nodes()) {
    const n = graph.node(id);
    const link = svg('a', { href: nodeHref(id), class: `graph-node${n.isGoal ? ' goal' : ''}`, 'data-id': id });
    link.append(svg('title', {}, n.name));
    link.append(svg('rect', {
      x: (n.x - n.width / 2).toFixed(1), y: (n.y - n.height / 2).toFixed(1), width: n.width, height: n.height, rx: 6,
      fill: n.isGoal ? '#1f4e8c' : STAGE_COLOURS[n.stage ?? STAGE_COLOURS.length - 1] || '#eeeeee',
    }));
    const top = n.y - (n.text.length * 16) / 2 + 12;
    n.text.forEach((line, i) => link.append(svg('text', { x: n.x.toFixed(1), y: (top + i * 16).toFixed(1), 'text-anchor': 'middle' }, line)));
    nodes.append(link);
  }
  drawing.append(edges, nodes);
  fill(container, drawing);
}

// ---------------------------------------------------------------- start

function initPlanControls() {
  $('pace').addEventListener('change', () => {
    const pace = Math.min(80, Math.max(1, Number.parseInt($('pace').value, 10) || 8));
    localStorage.setItem(PACE_KEY, String(pace));
    if (current) showNode(current);
  });
  $('reset-known').addEventListener('click', () => {
    writeKnown(new Set());
    if (current) showNode(current);
  });
}

async function start() {
  initSearchBox();
  initPlanControls();
  window.addEventListener('hashchange', route);
  await loadAbout();
  route();
}

/** What the page needs to know about the service (the Neo4j Browser URL); without it the page still works. */
async function loadAbout() {
  try {
    about = await api('/api/about');
  } catch {
    return; // the status line says the API is down
  }
  fill($('browser-link-foot'), about.neo4jBrowser
    ? [' · ', h('a', { href: about.neo4jBrowser, target: '_blank', rel: 'noopener' }, 'Neo4j Browser')]
    : null);
}

start();
