// The learning plan under a node: summary, what is known, the steps by stage, the drawing, and the downloads.
import { about, api, ApiError, browserLink } from './api.js';
import { $, fill, h, hours, nodeHref, plural } from './dom.js';
import { drawPlan } from './graph.js';
import { forgetMissing, readKnown, readPace, setKnown, writeKnown, writePace } from './known.js';

const EXPORTS = [
  ['markdown', 'Markdown checklist', 'md'],
  ['csv', 'CSV', 'csv'],
  ['mermaid', 'Mermaid', 'mmd'],
  ['dot', 'Graphviz DOT', 'dot'],
  ['cypher', 'Cypher', 'cypher'],
  ['json', 'JSON', 'json'],
  ['ics', 'Calendar (iCalendar)', 'ics'],
];

// reshow() shows the current node again (node.js): after “I know this”, a forgotten topic or a new pace.
export async function showPlan(node, signal, reshow) {
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
      return showPlan(node, signal, reshow);
    }
    if (e instanceof ApiError) {
      $('plan-summary').textContent = `No plan: ${e.message}`;
      return;
    }
    throw e;
  }
  renderPlan(node, plan, pace, query, reshow);
}

function renderPlan(node, plan, pace, query, reshow) {
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
  renderKnown(plan, reshow);
  renderSteps(plan, weekOf, reshow);
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

function renderKnown(plan, reshow) {
  const known = plan.known || [];
  const assumed = plan.assumedKnown || [];
  const forget = (ref) => h('button', {
    type: 'button', class: 'chip', title: `Mark ${ref.name} as not known`,
    onclick: () => { setKnown(ref.id, false); reshow(); },
  }, ref.name, h('span', { 'aria-hidden': 'true' }, ' ×'), h('span', { class: 'visually-hidden' }, ' (mark as not known)'));
  fill($('plan-known'),
    known.length ? h('p', {}, 'You know: ', known.map(forget)) : null,
    assumed.length ? h('p', { class: 'muted', id: 'assumed-known' }, `Known too, since what you know needs ${assumed.length === 1 ? 'it' : 'them'}: `,
      assumed.map((ref, i) => [i ? ', ' : '', h('a', { href: nodeHref(ref.id), title: `needed by ${ref.impliedBy.join(', ')}` }, ref.name)])) : null);
  $('reset-known').hidden = readKnown().size === 0;
}

function renderSteps(plan, weekOf, reshow) {
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
            onchange: (event) => { setKnown(step.id, event.target.checked); reshow(); },
          }),
          h('span', { class: 'visually-hidden' }, `I know ${step.name}`)),
        h('a', { href: nodeHref(step.id) }, step.name),
        h('span', { class: 'muted' }, ` · ${hours(step.hours)}`, weekOf.has(step.id) ? ` · done by week ${weekOf.get(step.id)}` : '')),
      step.why?.length ? h('p', { class: 'why' }, 'Needed by ', step.why.map((why, i) => [
        i ? '; ' : '', h('a', { href: nodeHref(why.neededBy) }, why.name), why.reason ? `: ${why.reason}` : ''])) : null,
      step.resources?.length ? h('p', { class: 'resources' }, step.resources.map((r, i) => [
        i ? ' · ' : '', h('a', { href: r.url, rel: 'noopener noreferrer', target: '_blank' }, r.name)])) : null))))));
}

export function initPlanControls(reshow) {
  $('pace').addEventListener('change', () => {
    const pace = Math.min(80, Math.max(1, Number.parseInt($('pace').value, 10) || 8));
    writePace(pace);
    reshow();
  });
  $('reset-known').addEventListener('click', () => {
    writeKnown(new Set());
    reshow();
  });
}
