// @ts-check
// The "find a partner" view (`#/place/<id>/suggest?country=&km=&min=&max=&why=`): new twin
// towns suggested for a place by the core's model (`atlas.suggestPartners`), each with its
// reasons in plain words and what speaks against it, the filters (country, distance,
// population), and "why not X?" for a place the user types in (`atlas.whyNot`). Embedded
// (`<twinning-atlas place="…" view="suggest">`) it is compact: an h2, links out to the atlas.
//
// The model learns from the loaded network the first time it is asked (a second or two with
// the world network), so the view asks for the world network first and computes after the
// page has painted a status line.
//
// Not for: the place's own partners (place.js, partners.js) or the model (src/suggest/).

import { h, replace } from '../lib/dom.js';
import { LEVEL, label, distance, number, plural, where } from '../lib/format.js';
import { emptyState, errorBox } from '../lib/ui.js';
import { placePicker } from '../lib/picker.js';

/** Query keys of the view and the option each becomes. */
const FILTERS = [
  { key: 'country', option: 'country', label: 'Country', hint: 'a name or code: Germany, FR', type: 'text' },
  { key: 'km', option: 'maxDistanceKm', label: 'At most (km away)', hint: 'e.g. 1500', type: 'number' },
  { key: 'min', option: 'minPopulation', label: 'Population at least', hint: 'e.g. 50000', type: 'number' },
  { key: 'max', option: 'maxPopulation', label: 'Population at most', hint: 'e.g. 1000000', type: 'number' },
];

/**
 * The options for `suggestPartners` from the view's query (numbers that do not read as
 * numbers are left out, and the core says what is wrong with the rest).
 * @param {Record<string, string | undefined>} query
 */
export function suggestOptions(query) {
  /** @type {Record<string, string | number>} */
  const o = { limit: 10 };
  for (const f of FILTERS) {
    const raw = String(query[f.key] ?? '').trim();
    if (!raw) continue;
    if (f.type === 'number') {
      const n = Number(raw.replace(/[,\s_]/g, ''));
      if (Number.isFinite(n)) o[f.option] = n;
    } else {
      o[f.option] = raw;
    }
  }
  return o;
}

export default {
  name: 'suggest',
  /**
   * @param {any} ctx
   * @param {{ params: Record<string, string>, query: Record<string, string> }} route
   */
  render(ctx, route) {
    const { id } = route.params;
    const q = route.query;
    const place = ctx.atlas.place(id); // throws not_found: the shell shows it
    const out = (
      /** @type {string} */ name,
      /** @type {any} */ params,
      /** @type {any} */ query,
      /** @type {any} */ text,
      attrs = {},
    ) =>
      ctx.embedded
        ? h('a', { ...attrs, href: ctx.href(name, params, query), target: '_blank', rel: 'noopener' }, text)
        : ctx.link(name, params, query, text, attrs);
    const headingId = `ta-suggest-${place.id}`;
    const results = h('div', { class: 'ta-suggest__results', 'aria-live': 'polite' });
    const why = h('div', { class: 'ta-suggest__why' });
    const node = h(
      'section',
      { class: 'ta-view ta-view--suggest', 'aria-labelledby': headingId, dataset: { placeId: place.id } },
      h(
        ctx.embedded ? 'h2' : 'h1',
        { id: headingId, class: 'ta-view-title', tabindex: '-1' },
        `Find a partner for ${place.name}`,
      ),
      h(
        'p',
        { class: 'ta-view-sub' },
        'Places that resemble the partners towns really chose — shared partners, the countries its country twins with, distance, size, names and groups — each with its reasons. A pattern, not a recommendation: ask the town hall.',
      ),
      filterForm(ctx, place, q),
      results,
      whyNotSection(ctx, place, q, why),
      h(
        'p',
        { class: 'ta-compact__more' },
        out('place', { id: place.id }, {}, `${place.name} in the Twinning Atlas: partners, history and sources`, {
          class: 'ta-suggest__back',
        }),
      ),
    );
    const state = ctx.worldState();
    if (state === 'none' || state === 'loading') {
      // the suggestions learn from the network: wait for the world (the shell draws again)
      ctx.loadWorld();
      replace(
        results,
        h(
          'p',
          { class: 'ta-loading', role: 'status', dataset: { state: 'world' } },
          'Loading the world network: the suggestions learn from it…',
        ),
      );
      return { node, title: `Find a partner for ${place.name}` };
    }
    replace(
      results,
      h(
        'p',
        { class: 'ta-loading', role: 'status', dataset: { state: 'learning' } },
        'Learning from the twinnings in the atlas…',
      ),
    );
    // let the status paint before the first call trains the model
    setTimeout(() => {
      if (!node.isConnected) return;
      fill(ctx, place, q, results, why, out);
    }, 30);
    return { node, title: `Find a partner for ${place.name}` };
  },
};

/** @param {any} ctx @param {any} place @param {Record<string, string>} q */
function filterForm(ctx, place, q) {
  /** @type {Record<string, HTMLInputElement>} */
  const inputs = {};
  const fields = FILTERS.map((f) => {
    const inputId = `ta-suggest-${f.key}`;
    const input = /** @type {HTMLInputElement} */ (
      h('input', {
        id: inputId,
        name: f.key,
        class: 'ta-input',
        type: 'text',
        inputmode: f.type === 'number' ? 'numeric' : null,
        autocomplete: 'off',
        spellcheck: 'false',
        placeholder: f.hint,
        value: q[f.key] ?? '',
      })
    );
    inputs[f.key] = input;
    return h('div', { class: 'ta-suggest__field' }, h('label', { for: inputId }, f.label), input);
  });
  return h(
    'form',
    {
      class: 'ta-suggest__filters',
      role: 'search',
      'aria-label': 'Filters for the suggestions',
      on: {
        submit: (/** @type {Event} */ e) => {
          e.preventDefault();
          /** @type {Record<string, string | undefined>} */
          const next = {};
          for (const f of FILTERS) next[f.key] = inputs[f.key].value.trim() || undefined;
          next.why = q.why || undefined;
          ctx.go('suggest', { id: place.id }, next, { focus: false });
        },
      },
    },
    fields,
    h('button', { type: 'submit', class: 'ta-button' }, 'Suggest'),
    FILTERS.some((f) => q[f.key])
      ? h(
          'button',
          {
            type: 'button',
            class: 'ta-button ta-button--quiet',
            on: { click: () => ctx.go('suggest', { id: place.id }, { why: q.why || undefined }, { focus: false }) },
          },
          'Clear filters',
        )
      : null,
  );
}

/** @param {any} r */
function reasonItem(r, against = false) {
  // the places a reason names (up to five shared partners), as the core resolved them
  const named = r.placeRefs?.length ? ` (${r.placeRefs.map((/** @type {any} */ p) => p.name).join(', ')})` : '';
  return h(
    'li',
    { class: ['ta-suggest__reason', against && 'ta-suggest__reason--against'], dataset: { kind: r.kind } },
    `${against ? 'against: ' : ''}${r.text}${named}`,
  );
}

/** A suggestion's reasons (and what speaks against it). @param {any} s */
function reasonList(s) {
  return h(
    'ul',
    { class: 'ta-suggest__reasons' },
    s.reasons.map((/** @type {any} */ r) => reasonItem(r)),
    s.against.slice(0, 2).map((/** @type {any} */ r) => reasonItem(r, true)),
  );
}

/**
 * @param {any} ctx @param {any} place @param {Record<string, string>} q
 * @param {HTMLElement} results @param {HTMLElement} why @param {Function} out
 */
function fill(ctx, place, q, results, why, out) {
  let r;
  try {
    r = ctx.atlas.suggestPartners(place.id, suggestOptions(q));
  } catch (err) {
    replace(results, errorBox(err, 'No suggestions with these filters'));
    return;
  }
  const model = r.model;
  replace(
    results,
    r.suggestions.length === 0 ? null : suggestionsMap(ctx, place, r.suggestions),
    r.suggestions.length === 0
      ? emptyState(
          'No place fits these filters.',
          'Widen the distance or the population range, or pick another country.',
        )
      : h(
          'ol',
          { class: 'ta-suggest__list', dataset: { count: String(r.suggestions.length) } },
          r.suggestions.map((/** @type {any} */ s) =>
            h(
              'li',
              { class: 'ta-suggest__item', dataset: { placeId: s.place.id } },
              h(
                'p',
                { class: 'ta-suggest__who' },
                out('place', { id: s.place.id }, {}, s.place.name, { class: 'ta-suggest__name' }),
                h(
                  'span',
                  { class: 'ta-suggest__where' },
                  ` ${[label(LEVEL, s.place.level), where(s.place), s.distanceKm != null ? `${distance(s.distanceKm)} away` : null].filter(Boolean).join(' · ')}`,
                ),
                h(
                  'span',
                  {
                    class: 'ta-suggest__score',
                    title: 'The model’s score: higher is a closer match to the twinnings people chose',
                  },
                  ` score ${s.score.toFixed(2)}`,
                ),
              ),
              reasonList(s),
            ),
          ),
        ),
    h(
      'p',
      { class: 'ta-hint ta-suggest__model' },
      model.trainedOn > 0
        ? `Learnt from the ${number(model.links)} links in the atlas: ${number(model.trainedOn)} of them set aside to fit the weights (seed ${model.seed}); ${plural(r.considered, 'place')} considered.`
        : `Too few links to learn from: built-in weights; ${plural(r.considered, 'place')} considered.`,
    ),
  );
  if (q.why) showWhy(ctx, place, q.why, why);
}

/**
 * The map of the place, its partners and the suggestions, drawn once the map kit has loaded
 * (maps/suggest-map.js).
 * @param {any} ctx @param {any} place @param {any[]} suggestions
 */
function suggestionsMap(ctx, place, suggestions) {
  const box = h(
    'div',
    { class: 'ta-suggest__map', dataset: { state: 'loading' } },
    h('p', { class: 'ta-loading', role: 'status' }, 'Drawing the map…'),
  );
  /** @type {any[]} */
  let partners = [];
  try {
    partners = ctx.atlas.partners(place.id).partners.map((/** @type {any} */ p) => p.partner);
  } catch {
    partners = [];
  }
  Promise.all([import('../maps/base.js'), import('../maps/suggest-map.js')])
    .then(async ([base, map]) => {
      const kit = await base.loadKit();
      box.replaceChildren(map.suggestMap({ kit, ctx, place, partners, suggestions, outLinks: ctx.embedded }));
      box.dataset.state = 'ready';
    })
    .catch((err) => {
      box.replaceChildren(errorBox(err, 'The map could not be drawn'));
      box.dataset.state = 'failed';
    });
  return box;
}

/** @param {any} ctx @param {any} place @param {Record<string, string>} q @param {HTMLElement} why */
function whyNotSection(ctx, place, q, why) {
  const picker = placePicker(ctx, {
    label: 'Why not…',
    placeholder: 'Type a place name…',
    onPick: (/** @type {any} */ p) => ctx.go('suggest', { id: place.id }, { ...q, why: p.id }, { focus: false }),
  });
  return h(
    'section',
    { class: 'ta-section ta-suggest__whynot', 'aria-labelledby': `ta-suggest-why-${place.id}` },
    h('h2', { id: `ta-suggest-why-${place.id}` }, 'Why not another place?'),
    h('p', { class: 'ta-hint' }, `Type a place to see how it scores as a partner for ${place.name}, and why.`),
    picker.node,
    why,
  );
}

/** @param {any} ctx @param {any} place @param {string} otherId @param {HTMLElement} why */
function showWhy(ctx, place, otherId, why) {
  let r;
  try {
    r = ctx.atlas.whyNot(place.id, otherId);
  } catch (err) {
    replace(why, errorBox(err, 'This pair cannot be scored'));
    return;
  }
  const o = r.other;
  const standing = r.alreadyPartners
    ? `${place.name} and ${o.place.name} are partners already.`
    : r.rank != null
      ? `${o.place.name} ranks ${ordinal(r.rank)} of the ${plural(r.considered, 'place')} considered for ${place.name}.`
      : `${o.place.name} is not among the ${plural(r.considered, 'place')} considered for ${place.name}: nothing in its partners, country, neighbourhood, name or groups brought it up.`;
  replace(
    why,
    h(
      'div',
      { class: 'ta-suggest__pair', dataset: { placeId: o.place.id, rank: r.rank != null ? String(r.rank) : null } },
      h('p', { class: 'ta-suggest__standing', role: 'status' }, standing),
      h(
        'p',
        { class: 'ta-hint' },
        `Score ${o.score.toFixed(2)}${r.topScore != null ? ` (the first suggestion scores ${r.topScore.toFixed(2)})` : ''}.`,
      ),
      h(
        'ul',
        { class: 'ta-suggest__reasons' },
        o.reasons.map((/** @type {any} */ x) => reasonItem(x)),
        o.against.map((/** @type {any} */ x) => reasonItem(x, true)),
      ),
    ),
  );
}

/** 1st, 2nd, 3rd, 11th, 22nd … @param {number} n */
export function ordinal(n) {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return `${number(n)}${s[(v - 20) % 10] || s[v] || s[0]}`;
}
