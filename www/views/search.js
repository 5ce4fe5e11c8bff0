// The search view (`#/` and `#/search?q=…`): the hits for the text in the header's search box,
// as a listbox of links the box drives with the arrow keys (see shell.js), with a live count.
// With no query it shows a short introduction and example searches.
//
// Not for: the search box itself (shell.js) or ranking (the core's search index).

import { h, replace, uniqueId } from '../lib/dom.js';
import { LEVEL, NAME_KIND, label, where, plural, number } from '../lib/format.js';
import { emptyState, errorBox } from '../lib/ui.js';

const LIMIT = 50;
const EXAMPLES = ['Stalingrad', 'Enso', 'Köln', 'Ankh', 'Narva', 'Coventry'];

export default {
  name: 'search',
  render(ctx, route) {
    const state = {
      count: h('p', { class: 'ta-count', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' }),
      body: h('div', { class: 'ta-results-body' }),
      listId: uniqueId('ta-results'),
    };
    const node = h(
      'div',
      { class: 'ta-view ta-view--search' },
      h('h1', { class: 'ta-visually-hidden', tabindex: '-1' }, 'Search places'),
      state.count,
      state.body,
    );
    const view = { node, state, title: '' };
    this.update(ctx, route, view);
    return view;
  },

  /** Called on every keystroke instead of render, so the live count stays the same node. */
  update(ctx, route, view) {
    const { state } = view;
    const q = (route.query.q ?? '').trim();
    view.title = q ? `“${q}”` : '';
    if (!q) {
      state.count.textContent = '';
      replace(state.body, home(ctx));
      ctx.setResults(null);
      return;
    }
    let result;
    try {
      result = ctx.atlas.search({ text: q, limit: LIMIT });
    } catch (err) {
      state.count.textContent = '';
      replace(state.body, errorBox(err, 'The search failed'));
      ctx.setResults(null);
      return;
    }
    state.count.textContent =
      result.total === 0
        ? `No place matches “${q}”.`
        : result.total > result.hits.length
          ? `${plural(result.total, 'place')} match “${q}”; showing the first ${result.hits.length}.`
          : `${plural(result.total, 'place')} ${result.total === 1 ? 'matches' : 'match'} “${q}”.`;
    if (result.hits.length === 0) {
      const empty = ctx.stats().places === 0
        ? emptyState('The atlas holds no places yet.', 'Its curated data has not been built into this copy.')
        : emptyState('Nothing found.', 'Try another spelling, an older name (Stalingrad, Königsberg) or a name in another language.');
      replace(state.body, empty);
      ctx.setResults(null);
      return;
    }
    const list = h(
      'ul',
      { class: 'ta-results', role: 'listbox', id: state.listId, 'aria-label': `Places matching ${q}` },
      result.hits.map((hit, i) => hitItem(ctx, hit, `${state.listId}-${i}`)),
    );
    replace(state.body, list);
    ctx.setResults(list);
  },
};

function hitItem(ctx, hit, id) {
  const p = hit.place;
  const other = hit.matchedKind !== 'name' && hit.matched && hit.matched !== p.name;
  const title = other
    ? h(
        'span',
        { class: 'ta-hit__name' },
        h('span', { class: 'ta-hit__matched' }, hit.matched),
        h('span', { class: 'ta-hit__arrow', 'aria-hidden': 'true' }, ' → '),
        h('span', { class: 'ta-visually-hidden' }, ', now '),
        h('span', { class: 'ta-hit__current' }, p.name),
      )
    : h('span', { class: 'ta-hit__name' }, h('span', { class: 'ta-hit__current' }, p.name));
  const how = [other ? label(NAME_KIND, hit.matchedKind) : null, hit.quality === 'typo' ? 'close spelling' : null].filter(Boolean).join(', ');
  const meta = [how, label(LEVEL, p.level), where(p)].filter(Boolean).join(' · ');
  return h(
    'li',
    { role: 'presentation' },
    h(
      'a',
      {
        role: 'option',
        id,
        class: 'ta-hit',
        href: ctx.href('place', { id: p.id }),
        'aria-selected': 'false',
        'data-ta-route': ctx.location('place', { id: p.id }),
        dataset: { placeId: p.id, matchedKind: hit.matchedKind },
      },
      title,
      h('span', { class: 'ta-hit__meta' }, meta),
      h('span', { class: 'ta-hit__partners' }, plural(p.partnerCount, 'partner')),
    ),
  );
}

function home(ctx) {
  const s = ctx.stats();
  const intro = h(
    'div',
    { class: 'ta-intro' },
    h('p', { class: 'ta-lede' }, 'Who is twinned with whom, since when, why — and is it still? Search a town, city or region by any of its names, past or present, in any language.'),
    h(
      'p',
      { class: 'ta-examples' },
      'Try ',
      EXAMPLES.map((q, i) => [
        i > 0 ? (i === EXAMPLES.length - 1 ? ' or ' : ', ') : null,
        ctx.link('search', {}, { q }, q, { class: 'ta-example' }),
      ]),
      '.',
    ),
  );
  if (s.places === 0) {
    return [intro, emptyState('The atlas holds no places yet.', 'Its curated data has not been built into this copy; searches will find nothing until it is.')];
  }
  return [
    intro,
    h(
      'p',
      { class: 'ta-summary' },
      `${plural(s.places, 'place')} in ${plural(s.countries, 'country', 'countries')}, ${plural(s.links, 'link')} with ${plural(s.events, 'dated event')}, ${number(s.terms)} glossary terms. `,
      ctx.link('about', {}, {}, 'More figures'),
      '.',
    ),
  ];
}
