// The roadmap view: one roadmap's facts, its stages in order with their topics, what it shares with other roadmaps,
// and the topics this learner marked known (the same marks on every roadmap: a topic is one node, wherever it is).
import { api, ApiError, latest } from './api.js';
import { $, fill, h, hours, nodeHref, plural, roadmapHref } from './dom.js';
import { readKnown } from './known.js';

const roadmapRequests = latest();

export function showRoadmap(id) {
  roadmapRequests(async (signal) => {
    let roadmap;
    try {
      roadmap = await api(`/api/roadmaps/${encodeURIComponent(id)}`, { signal });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      fill($('roadmap'), h('h1', {}, 'Not found'), h('p', {}, e.message));
      return;
    }
    document.title = `${roadmap.name} — SkillGraph`;
    render(roadmap);
    window.scrollTo(0, 0);
  }).catch(() => {});
}

function render(roadmap) {
  const known = readKnown();
  const facts = [roadmap.difficulty, roadmap.duration, plural(roadmap.stages.length, 'stage'),
    plural(roadmap.topics, 'topic'), `${roadmap.sharedTopics} shared with other roadmaps`,
    `${hours(roadmap.totalHours)} from scratch`].filter(Boolean);
  const knownHere = roadmap.stages.flatMap((stage) => stage.topics).filter((t) => known.has(t.id)).length;
  fill($('roadmap'),
    h('p', { class: 'crumbs' }, h('span', { class: 'kind kind-roadmap' }, 'roadmap'), ` · ${facts.join(' · ')}`),
    h('h1', {}, roadmap.name),
    roadmap.summary ? h('p', { class: 'lead' }, roadmap.summary) : null,
    roadmap.audience ? h('p', {}, h('strong', {}, 'Who it is for: '), roadmap.audience) : null,
    h('p', { class: 'actions' },
      h('a', { class: 'button', href: nodeHref(roadmap.id), id: 'roadmap-plan' }, 'Plan the whole roadmap'),
      ' ',
      h('a', { class: 'button secondary', href: `/api/roadmaps/${encodeURIComponent(roadmap.id)}?format=case`, download: '' },
        'Download as CASE 1.1'),
      knownHere ? h('span', { class: 'muted', id: 'roadmap-known' }, ` ${knownHere} of its topics marked known`) : null),
    roadmap.careers?.length
      ? h('p', {}, 'Leads to ', ...roadmap.careers.flatMap((c, i) => [i ? ', ' : '', h('a', { href: nodeHref(c.id) }, c.name)]))
      : null,
    h('ol', { class: 'stages', id: 'roadmap-stages' }, roadmap.stages.map((stage) => h('li', { 'data-stage': stage.id },
      h('h2', {}, h('a', { href: nodeHref(stage.id) }, stage.name), ' ',
        h('span', { class: 'muted' }, `${stage.weeks || ''}${stage.weeks ? ' · ' : ''}${hours(stage.totalHours)}`)),
      h('ul', { class: 'chips' }, stage.topics.map((topic) => {
        const others = (topic.roadmaps || []).filter((r) => r.id !== roadmap.id);
        return h('li', { class: known.has(topic.id) ? 'known' : null, 'data-topic': topic.id },
          h('a', {
            href: nodeHref(topic.id),
            title: [topic.summary, others.length ? `Also on: ${others.map((r) => r.name).join(', ')}` : null]
              .filter(Boolean).join('\n'),
          }, known.has(topic.id) ? `✓ ${topic.name}` : topic.name),
          others.length ? h('span', { class: 'shared', 'aria-label': `on ${plural(others.length, 'other roadmap')}` },
            ` +${others.length}`) : null);
      }))))));
}
