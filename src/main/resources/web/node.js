// The node view: one topic, tool, stage or career with its links, then its learning plan (plan.js).
import { about, api, ApiError, browserLink, latest } from './api.js';
import { $, fill, h, hours, nodeHref, roadmapHref } from './dom.js';
import { readKnown, setKnown } from './known.js';
import { showPlan } from './plan.js';

let current = null; // the node id the node view shows

const nodeRequests = latest();

export function showNode(id) {
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
    await showPlan(node, signal, showCurrentNode);
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
      section('Careers', node.careers, refLink),
      section('On roadmaps', node.roadmaps, (r) => h('a', { href: roadmapHref(r.id) }, r.name)),
      section('Stages', node.stages, refLink)));
}

/** A Cypher literal for an id: ids are slugs, but the quote and backslash are escaped all the same. */
const cypherString = (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function neighbourhood(id) {
  return `MATCH p = (n:Entity {id: ${cypherString(id)}})-[:REQUIRES*0..]->() RETURN p`;
}

/** Shows the current node again, e.g. after the learner changed what they know or their pace. */
export function showCurrentNode() {
  if (current) showNode(current);
}
