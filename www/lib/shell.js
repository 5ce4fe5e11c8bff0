// @ts-check
// The frame every view renders into: a header with the search box (a combobox that drives the
// search view's listbox with the arrow keys, Enter and Escape) and the navigation, the view
// area, and the glue between the router and the views (render, update in place, errors,
// focus, titles).
//
// Not for: loading the wasm or the mount API (embed.js); the views themselves (views/*.js).

import { h, replace, dataName } from './dom.js';
import { RouteTable, HashRouter, MemoryRouter } from './router.js';
import { errorBox, viewHeading } from './ui.js';

import { routes, notfound } from '../views/index.js';

/** Routes whose links are labelled with a name from the data. */
const DATA_NAMED = new Set(['place', 'group', 'link', 'pair']);

const table = new RouteTable(routes);
const SEARCH_VIEWS = new Set(['home', 'search']);

export { table };

/**
 * Build the shell in `root` and show `initial`.
 * options: { atlas, session, version, routing: 'hash' | 'memory', initial, pageUrl, assetUrl(path),
 *            setTitle(title) | null, win, bare, world }
 * `session`: the mount's own state (lib/store.js `createSession`), given to the views as
 * `ctx.session`; never shared between two mounts.
 * `world`: `{ ensure(atlas) → Promise, state(atlas) → 'none' | 'loading' | 'ready' | 'failed',
 * whenIdle(fn) }` to lay the world network under the atlas (lib/world.js), or null for none.
 * `bare`: only the view area, without the header (search box, navigation) and notices — the
 * compact embeds (`view="partners"`).
 */
export function createShell(root, options) {
  const { routing = 'memory', win = window, bare = false } = options;
  let atlas = options.atlas;
  let stats = null;
  let current = null; // { route, entry, view }
  let results = null; // the search view's results controller, when it shows results

  const router =
    routing === 'hash' ? new HashRouter(win, show) : new MemoryRouter(options.initial || '/', options.pageUrl, show);

  const inputId = `ta-q-${Math.random().toString(36).slice(2, 8)}`;
  const input = h('input', {
    id: inputId,
    class: 'ta-input ta-search__input',
    part: 'search',
    type: 'search',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    autocomplete: 'off',
    autocapitalize: 'off',
    spellcheck: 'false',
    enterkeyhint: 'search',
    placeholder: 'Search a place: Stalingrad, Köln, Enso…',
  });
  const nav = h(
    'nav',
    { class: 'ta-nav', 'aria-label': 'Twinning Atlas', part: 'nav' },
    h(
      'ul',
      null,
      [
        ['home', 'Search'],
        ['world', 'Map'],
        ['compare', 'Compare'],
        ['network', 'Network'],
        ['statistics', 'Statistics'],
        ['glossary', 'Glossary'],
        ['data', 'Data'],
        ['about', 'About'],
      ].map(([name, text]) =>
        h('li', null, link(name, {}, {}, text, { class: 'ta-nav__link', dataset: { view: name } })),
      ),
    ),
  );
  const notices = h('div', { class: 'ta-notices', role: 'region', 'aria-label': 'Notices', part: 'notices' });
  const area = h(routing === 'hash' ? 'main' : 'div', {
    class: 'ta-main',
    id: `${inputId}-main`,
    tabindex: '-1',
    part: 'main',
  });
  const header = h(
    'header',
    { class: 'ta-header', part: 'header' },
    link(
      'home',
      {},
      {},
      [
        h('img', { class: 'ta-logo', src: options.assetUrl('icon.svg'), alt: '', width: 28, height: 28 }),
        h('span', null, 'Twinning Atlas'),
      ],
      {
        class: 'ta-brand',
      },
    ),
    h(
      'form',
      { class: 'ta-search', role: 'search', on: { submit: (e) => e.preventDefault() } },
      h('label', { for: inputId, class: 'ta-visually-hidden' }, 'Search places by any name'),
      input,
    ),
    nav,
  );
  root.classList.add('ta-root');
  root.dataset.taRouting = routing;
  if (bare) root.classList.add('ta-root--bare');
  replace(
    root,
    bare
      ? null
      : routing === 'hash'
        ? h(
            'a',
            {
              class: 'ta-skip',
              href: `#${area.id}`,
              on: {
                click: (e) => {
                  e.preventDefault();
                  area.focus();
                },
              },
            },
            'Skip to content',
          )
        : null,
    bare ? null : header,
    bare ? null : notices,
    area,
  );

  const world = options.world ?? null;

  /** Lay the world network under the atlas shown now; draw the view again when it is there. */
  function loadWorld() {
    if (!world) return;
    const a = atlas;
    if (world.state(a) === 'ready') {
      root.dataset.taWorld = 'ready';
      return;
    }
    root.dataset.taWorld = 'loading';
    const done = () => {
      if (atlas !== a) return;
      root.dataset.taWorld = world.state(a);
      refresh();
    };
    world.ensure(a).then(done, done);
  }

  /**
   * Draw the current view again (the world network arrived under its atlas) — unless that
   * would take something from the person using it: a view that holds a form's state
   * (`keepOnWorld`, such as the data view with a file picked) or a field being typed in keeps
   * what it shows, and the next navigation draws from the fuller atlas.
   */
  function refresh() {
    stats = null;
    // inside a shadow root the document only knows the host: ask the root's own tree
    const active = /** @type {Document | ShadowRoot} */ (root.getRootNode()).activeElement;
    const typing = active && area.contains(active) && /^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName);
    const keep = current?.entry?.view.keepOnWorld;
    if (current && !typing && !keep) {
      current = null;
      show(router.current(), { source: 'replace', focus: false });
    }
    root.dispatchEvent(new CustomEvent('ta-atlas', { bubbles: true, composed: true }));
  }

  const session = options.session;
  const ctx = {
    atlas,
    /** The mount's own state: which import it shows, the last import's report. */
    session,
    version: options.version,
    /** 'off' (no world network for this mount), 'none', 'loading', 'ready' or 'failed'. */
    worldState: () => (world ? world.state(atlas) : 'off'),
    /** Start loading the world network now (a search found nothing in the curated data). */
    loadWorld,
    assetUrl: options.assetUrl,
    /** Inside another site's page (memory routing): links out open the full atlas page. */
    embedded: routing === 'memory',
    /** The mount's width in CSS pixels (an embed lays out for it, not for the window). */
    width: () => root.clientWidth,
    /** The location of a view (`/place/x?asOf=2021`) and the href that opens it. */
    location: (name, params, query) => table.format(name, params, query),
    href: (name, params, query) => router.href(table.format(name, params, query)),
    link,
    go(name, params, query, opts = {}) {
      const location = table.format(name, params, query);
      router.navigate(location, { ...opts, silent: opts.render === false });
    },
    stats() {
      stats ??= atlas.stats();
      return stats;
    },
    /**
     * Show another atlas (an import, a restore, a reset): every view reads it from now on and
     * the current view is drawn again. The previous atlas is returned (the caller frees it).
     */
    setAtlas(next, { rerender = true } = {}) {
      const previous = atlas;
      atlas = next;
      ctx.atlas = next;
      stats = null;
      if (rerender && current) {
        current = null;
        show(router.current(), { source: 'replace', focus: false });
      }
      markModule();
      root.dispatchEvent(new CustomEvent('ta-atlas', { bubbles: true, composed: true }));
      if (world) world.whenIdle(loadWorld);
      return previous;
    },
    /** Show a notice above the views (null removes it). */
    notify(node) {
      replace(notices, node);
    },
    /** The search view's results controller (or null): the box drives it. */
    setResults(controller) {
      results = controller;
      input.removeAttribute('aria-activedescendant');
      input.setAttribute('aria-expanded', controller ? 'true' : 'false');
      if (controller) input.setAttribute('aria-controls', controller.id);
      else input.removeAttribute('aria-controls');
    },
    /** The header's search box (the search view focuses it). */
    searchInput: input,
  };

  /** An internal link: a real href (shareable), navigation handled here. */
  function link(name, params, query, text, attrs = {}) {
    const location = table.format(name, params, query);
    // a place's or a group's name comes from the data: isolated, wrapping, hidden characters marked
    const label = typeof text === 'string' && DATA_NAMED.has(name) ? dataName(text) : text;
    return h('a', { ...attrs, href: router.href(location), 'data-ta-route': location }, label);
  }

  root.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = e.target instanceof Element ? e.target.closest('a[data-ta-route]') : null;
    if (!a || !root.contains(a)) return;
    e.preventDefault();
    router.navigate(a.dataset.taRoute);
  });

  /** The filters of the current search view (everything in its query but the text). */
  function searchFilters() {
    if (!current || !SEARCH_VIEWS.has(current.route.name)) return {};
    const { q, ...rest } = current.route.query;
    return rest;
  }

  // History: one entry per committed query. Keystrokes replace the entry of the query being
  // typed; the first keystroke after a commit (a pause, Enter, a chosen result, leaving the
  // box) starts a new entry, so Back returns to the previous query — and from the first query
  // to the home view, never out of the app.
  let typing = false;
  let pause = 0;
  const commit = () => {
    typing = false;
    clearTimeout(pause);
  };
  input.addEventListener('blur', commit);
  input.addEventListener('input', () => {
    const q = input.value;
    const onSearch = current && SEARCH_VIEWS.has(current.route.name);
    const filters = searchFilters();
    const location =
      q.trim() || Object.keys(filters).length ? table.format('search', {}, { q, ...filters }) : table.format('home');
    router.navigate(location, { replace: onSearch && typing, focus: false });
    typing = true;
    clearTimeout(pause);
    pause = setTimeout(commit, 1500);
  });

  // The results (a controller from the search view: `size()`, `move(step)` → option id,
  // `setActive(index)`, `active()`, `target()` → location) follow the box's keys.
  input.addEventListener('keydown', (e) => {
    const moves = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
    if (e.key in moves) {
      if (!results || results.size() === 0) return;
      e.preventDefault();
      const id = results.move(moves[e.key]);
      if (id) input.setAttribute('aria-activedescendant', id);
      else input.removeAttribute('aria-activedescendant');
    } else if (e.key === 'Enter') {
      e.preventDefault();
      commit();
      const target = results ? results.target() : null;
      if (target) router.navigate(target);
    } else if (e.key === 'Escape') {
      if (results && results.active() >= 0) {
        results.setActive(-1);
        input.removeAttribute('aria-activedescendant');
      } else if (input.value) {
        input.value = '';
        const filters = searchFilters();
        const onSearch = current && SEARCH_VIEWS.has(current.route.name);
        router.navigate(Object.keys(filters).length ? table.format('search', {}, filters) : table.format('home'), {
          replace: onSearch,
          focus: false,
        });
      }
      e.preventDefault();
    }
  });

  function show(location, { source = 'push', focus = true } = {}) {
    const route = table.parse(location);
    const entry = table.byName.get(route.name);
    const view = entry ? entry.view : notfound;
    // The box shows the query of a search view and is empty elsewhere.
    const q = SEARCH_VIEWS.has(route.name) ? (route.query.q ?? '') : '';
    if (input.value.trim() !== q.trim()) input.value = q;
    let shown;
    if (entry?.full && session?.firstModule) {
      // the one place where a view that needs the full module waits for it (lib/store.js)
      shown = waitForFull(route, { source, focus });
      replace(area, shown.node);
    } else if (current && entry && current.entry && current.entry.view === view && view.update) {
      view.update(ctx, route, current.shown);
      shown = current.shown;
    } else {
      if (!SEARCH_VIEWS.has(route.name)) ctx.setResults(null);
      try {
        shown = view.render(ctx, route);
      } catch (err) {
        shown = failure(err, route);
      }
      replace(area, shown.node);
    }
    current = { route, entry, shown };
    for (const a of nav.querySelectorAll('a')) {
      const here = a.dataset.view === route.name || (a.dataset.view === 'home' && route.name === 'search');
      if (here) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    if (options.setTitle) options.setTitle(shown.title || '');
    if (focus && source !== 'replace' && source !== 'initial') {
      // A search view is for typing: focus the box; any other view: its heading.
      const target = SEARCH_VIEWS.has(route.name) ? input : area.querySelector('h1') || area;
      target.focus({ preventScroll: true });
      if (routing === 'hash') win.scrollTo(0, 0);
      else root.scrollIntoView({ block: 'nearest' });
    }
    root.dispatchEvent(
      new CustomEvent('ta-navigate', {
        detail: { location: route.path, view: route.name },
        bubbles: true,
        composed: true,
      }),
    );
  }

  /**
   * A view on the full module, asked for while the mount still shows the page's first
   * module's atlas: "Loading…" until the full module is there, then the view (unless the
   * reader has gone elsewhere meanwhile); an error in its place if it cannot load.
   */
  function waitForFull(route, how) {
    const shown = {
      title: 'Loading',
      node: h(
        'div',
        { class: 'ta-view ta-view--loading', dataset: { code: 'full_loading' } },
        h('p', { class: 'ta-loading', role: 'status' }, 'Loading the rest of the atlas…'),
      ),
    };
    session.full().then(
      () => {
        if (current?.shown !== shown) return;
        current = null;
        show(router.current(), how);
      },
      (err) => {
        if (current?.shown !== shown) return;
        const failed = failure(err, route);
        current = { route, entry: null, shown: failed };
        replace(area, failed.node);
      },
    );
    return shown;
  }

  function failure(err, route) {
    const notFound = err && err.code === 'not_found';
    const worldNow = world ? world.state(atlas) : 'off';
    if (notFound && (worldNow === 'none' || worldNow === 'loading')) {
      // not among the curated places: look in the world network, then draw again
      loadWorld();
      return {
        title: 'Loading',
        node: h(
          'div',
          { class: 'ta-view ta-view--loading', dataset: { code: 'world_loading' } },
          h('p', { class: 'ta-loading', role: 'status' }, 'Looking in the world network…'),
        ),
      };
    }
    if (routing === 'memory') return smallFailure(err, route, notFound);
    return {
      title: notFound ? 'Not found' : 'Error',
      node: h(
        'div',
        { class: 'ta-view ta-view--error', dataset: { code: err?.code ?? null } },
        viewHeading(notFound ? 'Not in the atlas' : 'This view could not be shown'),
        errorBox(err, notFound ? `Nothing in the atlas answers “${route.path}”.` : 'The atlas reported an error.'),
        h('p', null, link('home', {}, {}, 'Back to the search')),
      ),
    };
  }

  /**
   * On another site's page an error is a small note in the host's words — "No place with
   * this id: …" — never a page-sized heading or the atlas's internal location.
   */
  function smallFailure(err, route, notFound) {
    const what = {
      place: 'place',
      partners: 'place',
      placemap: 'place',
      suggest: 'place',
      pair: 'place',
      link: 'link',
      group: 'group',
    }[route.name];
    const id = route.params?.id;
    const text =
      notFound && what && id
        ? `No ${what} with this id: ${id}.`
        : notFound
          ? 'The atlas has nothing to show here.'
          : `The atlas could not show this: ${err?.message ? err.message : String(err)}`;
    return {
      title: notFound ? 'Not found' : 'Error',
      node: h(
        'div',
        { class: 'ta-view ta-view--error ta-view--note', dataset: { code: err?.code ?? null } },
        h('p', { class: 'ta-note ta-note--error', role: 'alert', part: 'error' }, text),
        bare ? null : h('p', { class: 'ta-note' }, link('home', {}, {}, 'Search the atlas')),
      ),
    };
  }

  /** `data-ta-module`: which wasm module the atlas shown is on, "first" or "full" (lib/store.js). */
  function markModule() {
    root.dataset.taModule = session?.firstModule ? 'first' : 'full';
  }

  markModule();
  show(router.current(), { source: 'initial' });
  if (world) world.whenIdle(loadWorld);

  return {
    root,
    session,
    get atlas() {
      return atlas;
    },
    setAtlas: (next, opts) => ctx.setAtlas(next, opts),
    notify: (node) => ctx.notify(node),
    /** Show a location such as `/place/coventry-gb`. */
    navigate(location, opts) {
      router.navigate(location, opts);
    },
    go: ctx.go,
    get location() {
      return router.current();
    },
    destroy() {
      router.destroy();
      replace(root);
      root.classList.remove('ta-root', 'ta-root--bare');
    },
  };
}
