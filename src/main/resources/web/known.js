// What the learner marked known and their hours per week, kept in this browser's localStorage.
import { api, ApiError } from './api.js';
import { plural } from './dom.js';
import { showStatus } from './status.js';

const KNOWN_KEY = 'skillgraph.known';
const PACE_KEY = 'skillgraph.hoursPerWeek';

export function readKnown() {
  try {
    const ids = JSON.parse(localStorage.getItem(KNOWN_KEY) || '[]');
    return new Set(Array.isArray(ids) ? ids.filter((id) => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

export function writeKnown(known) {
  localStorage.setItem(KNOWN_KEY, JSON.stringify([...known].sort()));
}

export function setKnown(id, isKnown) {
  const known = readKnown();
  if (isKnown) known.add(id);
  else known.delete(id);
  writeKnown(known);
}

export function readPace() {
  const pace = Number.parseInt(localStorage.getItem(PACE_KEY), 10);
  return pace >= 1 && pace <= 80 ? pace : 8;
}

export function writePace(pace) {
  localStorage.setItem(PACE_KEY, String(pace));
}

/** Drops the known ids the roadmap no longer has (the API refused them), and says so. */
export async function forgetMissing(known, signal) {
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
