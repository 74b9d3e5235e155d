// The search view: results with highlights and distances, facets, pages, and “Did you mean”.
import { api, ApiError, latest } from './api.js';
import { $, fill, h, highlighted, hours, nodeHref, plural, searchHash } from './dom.js';
import { forgetMissing, readKnown } from './known.js';

const PAGE_SIZE = 10;

const searchRequests = latest();

export function showResults(params) {
  const q = params.get('q') || '';
  const filters = { kind: params.get('kind'), stage: params.get('stage'), roadmap: params.get('roadmap') };
  const offset = Math.max(0, Number.parseInt(params.get('offset') || '0', 10) || 0);
  document.title = `${q} — SkillGraph search`;
  const query = new URLSearchParams({ q, limit: PAGE_SIZE, offset });
  if (filters.kind) query.set('kind', filters.kind);
  if (filters.stage) query.set('stage', filters.stage);
  if (filters.roadmap) query.set('roadmap', filters.roadmap);
  const known = readKnown();
  if (known.size) query.set('known', [...known].join(','));
  $('results').setAttribute('aria-busy', 'true');
  searchRequests(async (signal) => {
    try {
      let result;
      try {
        result = await api(`/api/search?${query}`, { signal });
      } catch (e) {
        if (!(e instanceof ApiError && e.status === 400 && e.problem.parameter === 'known')) throw e;
        await forgetMissing(known, signal); // the graph changed since they were marked: drop the ids that are gone
        query.delete('known');
        if (known.size) query.set('known', [...known].join(','));
        result = await api(`/api/search?${query}`, { signal });
      }
      // "What next?" with nothing named: its answer is the next steps from what is marked known.
      const nextSteps = result.question?.asks === 'next' && result.question.about.length === 0
        ? (await api(result.question.href, { signal })).next
        : null;
      renderResults(result, q, filters, offset, nextSteps);
    } catch (e) {
      if (e.name === 'AbortError') throw e; // a newer search replaced this one and will clear aria-busy
      $('result-summary').textContent = e instanceof ApiError
        ? `This search could not run: ${e.message}`
        : 'No results: the API is not answering.';
      fill($('results'));
      fill($('facets'));
      fill($('pager'));
      $('did-you-mean').hidden = true;
      $('question').hidden = true;
    }
    $('results').removeAttribute('aria-busy');
  });
}

function renderResults(result, q, filters, offset, nextSteps) {
  const first = result.total === 0 ? 0 : offset + 1;
  const last = offset + result.hits.length;
  $('result-summary').textContent = result.total === 0
    ? `Nothing found for “${q}”.`
    : `${first}–${last} of ${plural(result.total, 'result')} for “${q}”`;
  if (result.notice) $('result-summary').textContent += ` — ${result.notice}.`;
  const didYouMean = $('did-you-mean');
  didYouMean.hidden = !result.didYouMean;
  if (result.didYouMean) {
    fill(didYouMean, 'Did you mean ',
      h('a', { href: searchHash(result.didYouMean, filters) }, result.didYouMean), '?');
  }
  renderQuestion(result.question, nextSteps);
  fill($('results'), ...result.hits.map((hit) => h('li', { class: 'hit' },
    h('a', { class: 'hit-name', href: nodeHref(hit.id) },
      hit.highlights?.name ? highlighted(hit.highlights.name) : hit.name),
    ' ', h('span', { class: `kind kind-${hit.kind}` }, hit.kind),
    hit.stage ? h('span', { class: 'muted' }, ` · ${hit.stage.name}`) : null,
    distance(hit),
    h('p', {}, snippet(hit)),
    missing(hit))));
  renderFacets(result.facets, q, filters);
  renderPager(result.total, q, filters, offset);
}

/**
 * A learning-path question the query asks: links to its nodes, whose pages answer it (a plan, what a node unlocks);
 * for what can be learned next, marking them known makes searches say what is ready to learn; asked alone, the next
 * steps from what is marked known.
 */
function renderQuestion(question, nextSteps) {
  $('question').hidden = !question;
  if (!question) return;
  const links = question.about.flatMap((node, i) => [
    i === 0 ? null : i === question.about.length - 1 ? ' and ' : ', ',
    h('a', { href: nodeHref(node.id), 'data-asks': question.asks }, node.name)]);
  const several = question.about.length > 1;
  fill($('question'), ...(question.asks === 'unlocks'
    ? ['What does ', ...links, ' unlock? Its page lists what depends on it.']
    : question.asks === 'next' && question.about.length === 0
      ? [readKnown().size ? 'What can I learn next? Ready from what you marked known: ' : 'Where to start: ',
        ...(nextSteps || []).flatMap((step, i) => [i === 0 ? null : ', ',
          h('a', { href: nodeHref(step.id), 'data-asks': 'next' }, step.name)]),
        '. Mark what you know on its page to move on.']
    : question.asks === 'next'
      ? ['What can I learn next, knowing ', ...links, '? Mark ', several ? 'them' : 'it',
        ' known on ', several ? 'their pages' : 'its page', ': searches then say what is ready to learn.']
      : ['What must I learn before ', ...links, several
        ? '? Each page has its learning plan.'
        : '? Its page has the learning plan.']));
}

/** With known topics, how far a hit is: known, learnable now, or its plan's steps and hours. */
function distance(hit) {
  if (hit.stepsAway === undefined) return null;
  const text = readKnown().has(hit.id) ? 'known'
    : hit.stepsAway === 0 ? 'ready to learn'
      : `${plural(hit.stepsAway, 'step')} away (${hours(hit.hoursAway)})`;
  return h('span', { class: `distance${hit.stepsAway === 0 ? ' ready' : ''}`, 'data-steps': hit.stepsAway }, ` · ${text}`);
}

/** The query's words a hit does not have, struck through, as web search engines show them. */
function missing(hit) {
  if (!hit.missing) return null;
  return h('p', { class: 'muted missing' }, 'Missing: ',
    ...hit.missing.flatMap((word, i) => [i > 0 ? ' ' : null, h('s', {}, word)]));
}

/** The matched summary or description; else the summary, and the alias, roadmap line or related name matched. */
function snippet(hit) {
  const highlights = hit.highlights || {};
  const text = highlights.summary || highlights.description;
  if (text) return highlighted(text);
  const [label, matched] = highlights.aliases ? ['also known as', highlights.aliases]
    : highlights.roadmapLine ? ['on the roadmap', highlights.roadmapLine]
      : highlights.related ? ['related', highlights.related] : [];
  if (!matched && hit.similarity !== undefined) {
    return [hit.summary || '', h('span', { class: 'muted by-meaning' }, ' — close in meaning to your words')];
  }
  return [hit.summary || '', matched ? h('span', { class: 'muted' }, ` — ${label}: `, highlighted(matched)) : null];
}

function renderFacets(facets, q, filters) {
  const group = (title, name, values) => h('fieldset', { class: 'facet' },
    h('legend', {}, title),
    h('ul', {}, values.map((value) => {
      const selected = filters[name] === value.value;
      const next = { ...filters, [name]: selected ? null : value.value };
      return h('li', {}, h('a', {
        href: searchHash(q, next), class: 'facet-value', 'aria-current': selected ? 'true' : null,
        'data-facet': name, 'data-value': value.value,
      }, `${value.name || value.value} `, h('span', { class: 'count' }, value.count)));
    }).concat((facets.moreValues || {})[name]
      ? [h('li', { class: 'muted' }, `and ${facets.moreValues[name]} more`)] : [])));
  fill($('facets'),
    group('Roadmap', 'roadmap', facets.roadmap || []),
    group('Kind', 'kind', facets.kind || []),
    group('Stage', 'stage', (facets.stage || []).slice().sort((a, b) => a.value.localeCompare(b.value))));
}

function renderPager(total, q, filters, offset) {
  const links = [];
  if (offset > 0) {
    links.push(h('a', { href: searchHash(q, { ...filters, offset: Math.max(0, offset - PAGE_SIZE) || null }), rel: 'prev' }, '← Previous'));
  }
  if (offset + PAGE_SIZE < total) {
    links.push(h('a', { href: searchHash(q, { ...filters, offset: offset + PAGE_SIZE }), rel: 'next' }, 'Next →'));
  }
  fill($('pager'), ...links);
}
