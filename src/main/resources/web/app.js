// SkillGraph's built-in page: search as you type, read a node, and plan what to learn before it.
// This entry module (index.html loads it as type="module") starts the page and shows the view location.hash names.
// Plain ES modules, no framework, no build step; the only library is dagre (graph layout), loaded by index.html.
import { loadAbout } from './api.js';
import { $ } from './dom.js';
import { showHome } from './home.js';
import { showRoadmap } from './roadmap.js';
import { showCurrentNode, showNode } from './node.js';
import { initPlanControls } from './plan.js';
import { showResults } from './search.js';
import { onRetry } from './status.js';
import { closeSuggestions, initSearchBox } from './suggest.js';

function route() {
  const hash = location.hash || '#/';
  const [path, query = ''] = hash.slice(1).split('?');
  for (const view of ['home-view', 'search-view', 'node-view', 'roadmap-view']) $(view).hidden = true;
  closeSuggestions();
  if (path.startsWith('/node/')) {
    const id = decodeURIComponent(path.slice('/node/'.length));
    $('node-view').hidden = false;
    showNode(id);
  } else if (path.startsWith('/roadmap/')) {
    $('roadmap-view').hidden = false;
    showRoadmap(decodeURIComponent(path.slice('/roadmap/'.length)));
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

async function start() {
  onRetry(() => loadAbout().then(route));
  initSearchBox(go);
  initPlanControls(showCurrentNode);
  window.addEventListener('hashchange', route);
  await loadAbout();
  route();
}

start();
