// The home view: the careers and the stages of the roadmap, loaded once.
import { api, ApiError } from './api.js';
import { $, fill, h, hours, nodeHref } from './dom.js';
import { showStatus } from './status.js';

let homeLoaded = false;

export async function showHome() {
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
