// @ts-check
// The search view (`#/` and `#/search?q=…&country=…&level=…&form=…&status=…&asOf=…&from=…
// &to=…&motive=…&sort=…`): the hits for the text in the header's search box and the filters
// here, on every keystroke, with the matched part of each name highlighted; links between
// two places the text names ("coventry dresden") first. The list is virtualised: only the
// rows in view are in the DOM, fetched from the core a page at a time, so a list of any
// length scrolls smoothly. The box drives the list (see shell.js) through the controller
// this view hands to `ctx.setResults`: arrow keys, Page Up/Down, Enter, Escape.
// With no query and no filter it shows a short introduction and example searches.
//
// Not for: the search box itself (shell.js) or ranking (the core's search index).

import { h, replace, uniqueId, dataName } from '../lib/dom.js';
import { FORM, LEVEL, MOTIVE, NAME_KIND, STATUS, label, where, plural, number } from '../lib/format.js';
import { emptyState, errorBox, statusBadge } from '../lib/ui.js';

const EXAMPLES = ['Stalingrad', 'Enso', 'Köln', 'Ankh', 'Narva', 'coventry dresden'];
/** Height of one result row in px (the style sheet gives `.ta-hit` the same). */
export const ROW = 64;
const PAGE = 100;
const OVERSCAN = 6;
const FILTERS = ['country', 'level', 'form', 'status', 'asOf', 'from', 'to', 'motive', 'sort'];
const SORTS = { relevance: 'best match', name: 'name', population: 'population', partners: 'partners' };

export default {
  name: 'search',
  render(ctx, route) {
    const state = {
      count: h('p', { class: 'ta-count', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' }),
      body: h('div', { class: 'ta-results-body' }),
      listId: uniqueId('ta-results'),
      filters: null,
      list: null,
    };
    state.filters = filterForm(ctx);
    const node = h(
      'div',
      { class: 'ta-view ta-view--search' },
      h('h1', { class: 'ta-visually-hidden', tabindex: '-1' }, 'Search places'),
      state.filters.node,
      state.count,
      state.body,
    );
    const view = { node, state, title: '' };
    this.update(ctx, route, view);
    return view;
  },

  /** Called on every keystroke instead of render, so the count and the filters stay the same nodes. */
  update(ctx, route, view) {
    const { state } = view;
    const q = (route.query.q ?? '').trim();
    const filters = Object.fromEntries(FILTERS.map((k) => [k, (route.query[k] ?? '').trim()]).filter(([, v]) => v));
    state.filters.sync(route.query);
    const filtered = Object.keys(filters).some((k) => k !== 'sort');
    view.title = q ? `“${q}”` : filtered ? 'Filtered places' : '';
    if (state.list) state.list.destroy();
    state.list = null;
    if (!q && !filtered) {
      state.count.textContent = '';
      replace(state.body, home(ctx));
      ctx.setResults(null);
      return;
    }
    const query = coreQuery(q, filters);
    let first;
    try {
      first = ctx.atlas.search({ ...query, limit: PAGE, offset: 0 });
    } catch (err) {
      state.count.textContent = '';
      replace(
        state.body,
        errorBox(err, err.code === 'invalid_argument' ? 'A filter is not valid' : 'The search failed'),
      );
      ctx.setResults(null);
      return;
    }
    const links = first.links ?? [];
    const what = q ? `“${q}”` : 'the filters';
    const withFilters = q && filtered ? ' with these filters' : '';
    const linkText = links.length ? ` and ${plural(links.length, 'link')} between places it names` : '';
    const world = ctx.worldState ? ctx.worldState() : 'off';
    const worldComing = world === 'none' || world === 'loading';
    // a spelling guess is never "the match": say there is no such name, and offer the guesses
    const onlyGuesses =
      q && links.length === 0 && first.hits.length > 0 && first.hits.every((hit) => hit.quality === 'typo');
    state.count.textContent =
      first.total === 0 && links.length === 0
        ? worldComing
          ? `No curated place matches ${what}${withFilters}; looking in the world network…`
          : `No place called ${what}${withFilters} in the atlas.`
        : onlyGuesses
          ? `No place called ${what}. Did you mean one of these?`
          : `${plural(first.total, 'place')} ${first.total === 1 ? 'matches' : 'match'} ${what}${withFilters}${linkText}.`;
    if (worldComing && (first.total === 0 || onlyGuesses)) ctx.loadWorld();
    if (first.hits.length === 0 && links.length === 0) {
      const empty =
        ctx.stats().places === 0
          ? emptyState('The atlas holds no places yet.', 'Its curated data has not been built into this copy.')
          : worldComing
            ? emptyState(
                'Looking in the world network…',
                'The curated places have no such name; the worldwide network is loading.',
              )
            : notInAtlas(ctx, q, filtered);
      replace(state.body, empty);
      ctx.setResults(null);
      return;
    }
    state.list = new ResultList(ctx, state.listId, query, first, q || 'the filters', { guesses: onlyGuesses });
    replace(state.body, state.list.node);
    state.list.render();
    ctx.setResults(state.list);
  },
};

/** "Not in the atlas": what the atlas holds, and how to add a place. */
function notInAtlas(ctx, q, filtered) {
  if (filtered) return emptyState('Nothing found.', 'Try fewer filters, another spelling or an older name.');
  const s = ctx.stats();
  const world = ctx.worldState ? ctx.worldState() : 'off';
  const holds =
    world === 'ready'
      ? `The atlas holds ${number(s.places)} places: the curated ones and the world network from English Wikipedia's lists and Wikidata.`
      : `The atlas holds ${number(s.places)} places${world === 'failed' ? ' (the world network could not be loaded)' : ''}.`;
  return h(
    'div',
    { class: 'ta-empty', role: 'note', dataset: { empty: 'not-in-atlas' } },
    h('p', { class: 'ta-empty__title' }, q ? `“${q}” is not in the atlas's data.` : 'Nothing found.'),
    h(
      'p',
      null,
      `${holds} Try another spelling, an older name (Stalingrad, Königsberg) or a name in another language — or, if the place is missing, `,
      ctx.link('data', {}, {}, 'import a file with its partnerships'),
      '.',
    ),
  );
}

/** The core's query from the text and the URL's filters. */
function coreQuery(text, f) {
  const list = (v) =>
    v
      ? v
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
      : undefined;
  const year = (v) => (v && /^-?\d{1,4}$/.test(v) ? Number(v) : undefined);
  return {
    text,
    country: list(f.country?.toUpperCase()),
    level: list(f.level),
    form: list(f.form),
    status: list(f.status),
    asOf: f.status && f.asOf ? f.asOf : undefined,
    fromYear: year(f.from),
    toYear: year(f.to),
    motive: list(f.motive),
    sort: SORTS[f.sort] ? f.sort : undefined,
  };
}

/**
 * A virtualised listbox of `[...link hits, ...place hits]`: its height is that of every row,
 * but only the rows in view (and a few around) exist; pages of hits are fetched as needed.
 */
class ResultList {
  constructor(ctx, id, query, first, what, { guesses = false } = {}) {
    this.ctx = ctx;
    /** Every hit is a spelling guess: Enter opens one only when it was chosen. */
    this.guesses = guesses;
    this.id = id;
    this.query = query;
    this.links = first.links ?? [];
    this.total = first.total;
    this.places = new Map(); // index → hit
    this.pages = new Set([0]);
    for (const [i, hit] of first.hits.entries()) this.places.set(i, hit);
    if (first.hits.length < PAGE) this.total = Math.min(this.total, first.hits.length);
    this.rows = new Map(); // item index → <li>
    this.activeIndex = -1;
    this.el = h('ul', { class: 'ta-results', role: 'listbox', id, 'aria-label': `Results for ${what}` });
    this.node = h('div', { class: 'ta-results-wrap' }, this.el);
    this.onScroll = () => {
      if (this.frame) return;
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        if (!this.el.isConnected) return this.destroy();
        this.render();
      });
    };
    document.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    window.addEventListener('resize', this.onScroll, { passive: true });
  }

  destroy() {
    document.removeEventListener('scroll', this.onScroll, { capture: true });
    window.removeEventListener('resize', this.onScroll);
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  size() {
    return this.links.length + this.total;
  }

  /** The place hit at place index `i`, fetching its page when needed. */
  place(i) {
    if (!this.places.has(i)) {
      const page = Math.floor(i / PAGE);
      if (this.pages.has(page)) return null;
      this.pages.add(page);
      try {
        const r = this.ctx.atlas.search({ ...this.query, links: false, limit: PAGE, offset: page * PAGE });
        for (const [k, hit] of r.hits.entries()) this.places.set(page * PAGE + k, hit);
        // Typo matches are counted only when a page leaves room for them: trust the latest.
        const end = page * PAGE + r.hits.length;
        if (r.hits.length < PAGE) this.total = end;
        else this.total = Math.max(r.total, end);
      } catch {
        return null;
      }
    }
    return this.places.get(i) ?? null;
  }

  /** Draw the rows in view (plus `force`, an index that must exist). */
  render(force = -1) {
    const n = this.size();
    this.el.style.height = `${n * ROW}px`;
    this.el.setAttribute('aria-rowcount', String(n));
    const rect = this.el.getBoundingClientRect();
    const view = window.innerHeight || 800;
    const top = Math.max(0, -rect.top);
    let from = Math.max(0, Math.floor(top / ROW) - OVERSCAN);
    let to = Math.min(n - 1, Math.ceil((top + view) / ROW) + OVERSCAN);
    if (rect.top > view) to = Math.min(n - 1, OVERSCAN * 2);
    if (force >= 0) {
      from = Math.min(from, force);
      to = Math.max(to, force);
      if (to - from > 200) [from, to] = force < from + 100 ? [force, force + 40] : [force - 40, force];
    }
    for (const [i, li] of this.rows) {
      if (i < from || i > to) {
        li.remove();
        this.rows.delete(i);
      }
    }
    for (let i = from; i <= to && i < this.size(); i += 1) {
      if (this.rows.has(i)) continue;
      const li = this.row(i);
      if (!li) continue;
      this.rows.set(i, li);
      // keep DOM order = visual order, for screen readers that walk the list
      const next = [...this.rows.keys()].filter((k) => k > i).sort((a, b) => a - b)[0];
      this.el.insertBefore(li, next !== undefined ? this.rows.get(next) : null);
    }
    this.el.style.height = `${this.size() * ROW}px`;
  }

  row(i) {
    const nl = this.links.length;
    const inner =
      i < nl
        ? linkItem(this.ctx, this.links[i])
        : (() => {
            const hit = this.place(i - nl);
            return hit ? hitItem(this.ctx, hit) : null;
          })();
    if (!inner) return null;
    inner.a.id = `${this.id}-${i}`;
    inner.a.setAttribute('aria-posinset', String(i + 1));
    inner.a.setAttribute('aria-setsize', String(this.size()));
    inner.a.setAttribute('aria-selected', i === this.activeIndex ? 'true' : 'false');
    if (i === this.activeIndex) inner.a.classList.add('ta-hit--active');
    return h(
      'li',
      { role: 'presentation', class: 'ta-results__row', style: { top: `${i * ROW}px` }, dataset: { index: i } },
      inner.a,
    );
  }

  active() {
    return this.activeIndex;
  }

  setActive(index) {
    const old = this.rows.get(this.activeIndex)?.firstChild;
    if (old) {
      old.setAttribute('aria-selected', 'false');
      old.classList.remove('ta-hit--active');
    }
    this.activeIndex = index;
    if (index < 0) return null;
    this.render(index);
    const li = this.rows.get(index);
    if (!li) return null;
    li.firstChild.setAttribute('aria-selected', 'true');
    li.firstChild.classList.add('ta-hit--active');
    li.scrollIntoView({ block: 'nearest' });
    this.render(index);
    return li.firstChild.id;
  }

  move(step) {
    const n = this.size();
    if (n === 0) return null;
    let next;
    if (this.activeIndex < 0) next = step > 0 ? Math.min(n - 1, step - 1) : Math.max(0, n + step);
    else if (Math.abs(step) === 1) next = (this.activeIndex + step + n) % n;
    else next = Math.max(0, Math.min(n - 1, this.activeIndex + step));
    return this.setActive(next);
  }

  /** Where Enter goes: the active row, else the first (unless it is only a guess). */
  target() {
    if (this.activeIndex < 0 && this.guesses) return null;
    const i = Math.max(this.activeIndex, 0);
    if (i >= this.size()) return null;
    this.render(i);
    return this.rows.get(i)?.firstChild?.dataset.taRoute ?? null;
  }
}

/** A name with the parts at `spans` (UTF-16 `[start, end)`, as String.slice takes) in <mark>. */
export function highlight(text, spans) {
  const out = [];
  let at = 0;
  const sorted = [...(spans ?? [])].filter((s) => Array.isArray(s) && s[1] > s[0]).sort((a, b) => a[0] - b[0]);
  for (const [s, e] of sorted) {
    const start = Math.max(at, Math.min(s, text.length));
    const end = Math.min(e, text.length);
    if (end <= start) continue;
    if (start > at) out.push(text.slice(at, start));
    out.push(h('mark', { class: 'ta-mark' }, text.slice(start, end)));
    at = end;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

function hitItem(ctx, hit) {
  const p = hit.place;
  const other = hit.matchedKind !== 'name' && hit.matched && hit.matched !== p.name;
  const title = other
    ? h(
        'span',
        { class: 'ta-hit__name' },
        h('span', { class: 'ta-hit__matched' }, dataName(hit.matched, highlight(hit.matched, hit.spans))),
        h('span', { class: 'ta-hit__arrow', 'aria-hidden': 'true' }, ' → '),
        h('span', { class: 'ta-visually-hidden' }, ', now '),
        h('span', { class: 'ta-hit__current' }, dataName(p.name)),
      )
    : h(
        'span',
        { class: 'ta-hit__name' },
        h(
          'span',
          { class: 'ta-hit__current' },
          dataName(p.name, hit.matched === p.name ? highlight(p.name, hit.spans) : p.name),
        ),
      );
  const how = [
    other ? label(NAME_KIND, hit.matchedKind) : null,
    hit.quality === 'typo' ? (hit.typos === 2 ? 'close spelling (2 letters off)' : 'close spelling') : null,
  ]
    .filter(Boolean)
    .join(', ');
  const meta = [how, label(LEVEL, p.level), where(p)].filter(Boolean).join(' · ');
  const a = h(
    'a',
    {
      role: 'option',
      class: 'ta-hit',
      href: ctx.href('place', { id: p.id }),
      'data-ta-route': ctx.location('place', { id: p.id }),
      tabindex: '0', // reachable by Tab as well as by the arrow keys from the box
      dataset: { placeId: p.id, matchedKind: hit.matchedKind, quality: hit.quality },
    },
    title,
    h('span', { class: 'ta-hit__meta' }, meta),
    h('span', { class: 'ta-hit__partners' }, plural(p.partnerCount, 'partner')),
  );
  return { a };
}

function linkItem(ctx, l) {
  const a = h(
    'a',
    {
      role: 'option',
      class: 'ta-hit ta-hit--link',
      href: ctx.href('link', { id: l.id }),
      'data-ta-route': ctx.location('link', { id: l.id }),
      tabindex: '0', // reachable by Tab as well as by the arrow keys from the box
      dataset: { linkId: l.id },
    },
    h(
      'span',
      { class: 'ta-hit__name' },
      h('span', { class: 'ta-hit__kind' }, 'Link: '),
      h('span', { class: 'ta-hit__current' }, dataName(l.a.name), ' – ', dataName(l.b.name)),
    ),
    h(
      'span',
      { class: 'ta-hit__meta' },
      [
        label(FORM, l.form),
        l.since ? `since ${l.since}` : null,
        [l.a.countryName, l.b.countryName].filter(Boolean).join(' – '),
      ]
        .filter(Boolean)
        .join(' · '),
    ),
    h('span', { class: 'ta-hit__partners' }, statusBadge(l.status)),
  );
  return { a };
}

/** The filter controls; every change rewrites the URL (replace), which re-runs the search. */
function filterForm(ctx) {
  const id = uniqueId('ta-filter');
  const select = (name, text, options, anyText = 'any') =>
    h(
      'div',
      { class: 'ta-field' },
      h('label', { for: `${id}-${name}` }, text),
      h(
        'select',
        { id: `${id}-${name}`, name, class: 'ta-input ta-select' },
        h('option', { value: '' }, anyText),
        Object.entries(options).map(([k, v]) => h('option', { value: k }, v)),
      ),
    );
  const input = (name, text, attrs) =>
    h(
      'div',
      { class: 'ta-field' },
      h('label', { for: `${id}-${name}` }, text),
      h('input', {
        id: `${id}-${name}`,
        name,
        class: 'ta-input ta-field__input',
        autocomplete: 'off',
        spellcheck: 'false',
        ...attrs,
      }),
    );
  // the core's lists of values (vocabulary()), labelled by the page
  const vocab = ctx.session.module.vocabulary();
  const labelled = (values, table) =>
    Object.fromEntries(values.filter((k) => k !== 'unknown').map((k) => [k, label(table, k)]));
  const levels = labelled(vocab.levels, LEVEL);
  const statuses = labelled(vocab.statuses, STATUS);
  const form = h(
    'form',
    {
      class: 'ta-filters',
      role: 'search',
      'aria-label': 'Filters',
      on: {
        submit: (e) => {
          e.preventDefault();
          apply();
        },
        change: () => apply(),
        input: (e) => {
          if (e.target.tagName === 'INPUT' && e.target.type !== 'number') {
            clearTimeout(form.timer);
            form.timer = setTimeout(apply, 250);
          }
        },
      },
    },
    h(
      'details',
      { class: 'ta-filters__more' },
      h('summary', { class: 'ta-filters__summary' }, 'Filters'),
      h(
        'div',
        { class: 'ta-filters__grid' },
        input('country', 'Country (ISO code)', { type: 'text', maxlength: 40, placeholder: 'DE, FR…', size: 8 }),
        select('level', 'Level', levels),
        select('form', 'Has a link of form', FORM),
        select('motive', 'Has a link for', MOTIVE),
        select('status', 'Has a link that is', statuses),
        input('asOf', 'Status as of', { type: 'text', inputmode: 'numeric', placeholder: 'now', size: 8 }),
        input('from', 'Link begun from (year)', { type: 'number', min: -3000, max: 3000, step: 1 }),
        input('to', 'to (year)', { type: 'number', min: -3000, max: 3000, step: 1 }),
        h(
          'button',
          { type: 'button', class: 'ta-button ta-button--quiet', on: { click: () => reset() } },
          'Clear filters',
        ),
      ),
    ),
    select(
      'sort',
      'Sort by',
      Object.fromEntries(Object.entries(SORTS).filter(([k]) => k !== 'relevance')),
      'best match',
    ),
  );
  let query = {};
  function values() {
    const out = {};
    for (const k of FILTERS) {
      const el = form.elements.namedItem(k);
      const v = el ? String(el.value).trim() : '';
      if (v) out[k] = v;
    }
    return out;
  }
  function apply() {
    const next = { q: query.q, ...values() };
    const location = ctx.location('search', {}, next);
    const shown = ctx.location('search', {}, query);
    if (location !== shown) ctx.go('search', {}, next, { replace: true, focus: false });
  }
  function reset() {
    for (const k of FILTERS) {
      if (k === 'sort') continue;
      const el = form.elements.namedItem(k);
      if (el) el.value = '';
    }
    apply();
  }
  return {
    node: form,
    sync(q) {
      query = { ...q };
      let any = false;
      for (const k of FILTERS) {
        const el = form.elements.namedItem(k);
        if (!el) continue;
        const v = q[k] ?? '';
        if (v && k !== 'sort') any = true;
        const focused =
          el instanceof Element ? /** @type {Document | ShadowRoot} */ (el.getRootNode()).activeElement : null; // a shadow root in an embed
        if (focused !== el && el.value !== v) el.value = v;
      }
      const details = form.querySelector('details');
      if (any && !details.open) details.open = true;
      const summary = form.querySelector('summary');
      const n = FILTERS.filter((k) => k !== 'sort' && q[k]).length;
      summary.textContent = n ? `Filters (${n})` : 'Filters';
    },
  };
}

function home(ctx) {
  const s = ctx.stats();
  const intro = h(
    'div',
    { class: 'ta-intro' },
    h(
      'p',
      { class: 'ta-lede' },
      'Who is twinned with whom, since when, why — and is it still? Search a town, city or region by any of its names, past or present, in any language; name two places to find the link between them.',
    ),
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
    return [
      intro,
      emptyState(
        'The atlas holds no places yet.',
        'Its curated data has not been built into this copy; searches will find nothing until it is.',
      ),
    ];
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
