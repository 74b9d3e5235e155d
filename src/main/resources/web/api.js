// Talking to the API: GET with problem+json errors, only-the-newest requests, and what the service says about itself.
import { $, fill, h } from './dom.js';
import { hideStatus, showStatus } from './status.js';

/** What the service says about itself (GET /api/about): loadAbout replaces it, Browser links read it. */
export let about = { neo4jBrowser: null };

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** GET from the API; rejects with ApiError (the problem+json) or, when the API does not answer, a TypeError. */
export async function api(path, { signal, text = false } = {}) {
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

/** Runs only the newest of overlapping requests of one kind: older ones are aborted. */
export function latest() {
  let controller = null;
  return (run) => {
    controller?.abort();
    controller = new AbortController();
    return run(controller.signal).catch((e) => {
      if (e.name !== 'AbortError') throw e;
    });
  };
}

/** What the page needs to know about the service (the Neo4j Browser URL); without it the page still works. */
export async function loadAbout() {
  try {
    about = await api('/api/about');
  } catch {
    return; // the status line says the API is down
  }
  fill($('browser-link-foot'), about.neo4jBrowser
    ? [' · ', h('a', { href: about.neo4jBrowser, target: '_blank', rel: 'noopener' }, 'Neo4j Browser')]
    : null);
}

/** A Neo4j Browser link that opens the Cypher in Browser's editor; only when about.neo4jBrowser is set. */
export function browserLink(cypher) {
  const url = new URL(about.neo4jBrowser);
  url.searchParams.set('cmd', 'edit');
  url.searchParams.set('arg', cypher);
  return url.toString();
}
