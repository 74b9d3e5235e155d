// The home view: the roadmaps and the careers, loaded once.
import { api, ApiError } from './api.js';
import { $, fill, h, hours, nodeHref, plural, roadmapHref } from './dom.js';
import { showStatus } from './status.js';

let homeLoaded = false;

export async function showHome() {
  document.title = 'SkillGraph — learning roadmaps';
  if (homeLoaded) return;
  try {
    const [roadmaps, careers] = await Promise.all([api('/api/roadmaps'), api('/api/careers')]);
    fill($('roadmaps'), ...roadmaps.map((roadmap) => h('li', { class: 'card', 'data-roadmap': roadmap.id },
      h('a', { href: roadmapHref(roadmap.id) }, h('strong', {}, roadmap.name)),
      h('p', { class: 'muted' }, [roadmap.difficulty, roadmap.duration, plural(roadmap.topics, 'topic'),
        `${roadmap.sharedTopics} shared`, hours(roadmap.totalHours)].filter(Boolean).join(' · ')),
      h('p', {}, roadmap.summary))));
    fill($('careers'), ...careers.map((career) => h('li', { class: 'card' },
      h('a', { href: nodeHref(career.id) }, h('strong', {}, career.name)),
      h('p', {}, career.summary))));
    homeLoaded = true;
  } catch (e) {
    // When the API does not answer at all, api() has already said so in the status line.
    if (e instanceof ApiError) showStatus(`Could not load the roadmap: ${e.message}`, true);
  }
}
