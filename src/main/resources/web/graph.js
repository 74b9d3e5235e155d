// The learning plan drawn as an SVG graph, laid out by dagre (a classic script index.html loads).
import { $, append, fill, h, nodeHref, plural } from './dom.js';

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

export function drawPlan(goal, plan) {
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
