// The status line under the header: an API failure with Retry, or a notice the reader can dismiss.
import { $, fill, h } from './dom.js';

let retry = () => {};

/** What Retry does (app.js: reload what the page knows about the service, then show the route again). */
export function onRetry(action) {
  retry = action;
}

/** A line under the header: an error (with Retry, hidden once the API answers again) or a notice (dismissable). */
export function showStatus(message, isError) {
  const status = $('status');
  status.dataset.error = isError ? 'true' : '';
  fill(status, message, ' ', isError
    ? h('button', { type: 'button', onclick: () => retry() }, 'Retry')
    : h('button', { type: 'button', class: 'secondary', onclick: hideStatus }, 'Dismiss'));
  status.hidden = false;
}

export function hideStatus() {
  $('status').hidden = true;
  $('status').dataset.error = '';
}
