// The public mount API of Twinning Atlas for any page:
//
//   import { mount } from 'https://…/embed.js';
//   const atlas = await mount(element, { place: 'coventry-gb' });
//
// or, with no script of your own:
//
//   <script type="module" src="https://…/embed.js"></script>
//   <twinning-atlas place="coventry-gb"></twinning-atlas>
//
// A town's partners on the town's own website (compact: no search box, no navigation):
//
//   <script type="module" src="https://…/embed.js"></script>
//   <twinning-atlas place="coventry-gb" view="partners"></twinning-atlas>
//
//   shows "Twin towns and partners of Coventry" (an h2, to sit under the host page's own
//   headings): each partner with its country, its years ("since 1944", "1944–2022") and its
//   status today (established, suspended, ended…), active ones first; `as-of="1990"` gives the
//   statuses at another date. Every name links out to the full atlas page (a new tab), and a
//   last link opens the town there with its history, sources and criteria. Theme it from the
//   host page with custom properties, e.g. `twinning-atlas { --ta-accent: #8b1f4f }`.
//
// Partner suggestions for the town, with their reasons and filters (compact too):
//
//   <twinning-atlas place="coventry-gb" view="suggest"></twinning-atlas>
//
// Attributes (and mount options): `place`, `link`, `view` ("partners" or "suggest" with `place`, or any
// location: "glossary", "search?q=köln"), `as-of`, `data`, `base`, `world="false"`; see
// mount() below.
//
// The wasm module and the style sheet load from beside this file (import.meta.url) or from
// `base`, so an embed works from any path or origin (the server must send
// Access-Control-Allow-Origin). app.js is this module's first full-page caller.
//
// Not for: the views (views/*.js) or the shell around them (lib/shell.js).

import init, { Atlas, version } from './pkg/twinning_atlas.js';
import { h, replace } from './lib/dom.js';
import { createShell, table } from './lib/shell.js';
import { errorBox } from './lib/ui.js';
import { ensureWorld, worldState, whenIdle } from './lib/world.js';

export { version };

const HERE = new URL('./', import.meta.url);

let wasmReady = null;
const defaultAtlas = new Map(); // base href → Promise<Atlas>

/** Load the wasm module once per page. */
function loadWasm(base) {
  wasmReady ??= init({ module_or_path: new URL('pkg/twinning_atlas_bg.wasm', base) });
  return wasmReady;
}

/**
 * The atlas to show: the curated data compiled into the module (shared by every mount on
 * the page), or a `twinning-atlas/1` JSON document from `data` (a URL or the text itself).
 */
async function loadAtlas(base, data, withWorld = true) {
  await loadWasm(base);
  if (data) {
    const text = typeof data === 'string' && /^\s*\{/.test(data)
      ? data
      : await fetch(new URL(String(data), document.baseURI)).then((r) => {
        if (!r.ok) throw new Error(`cannot load the dataset ${r.url}: HTTP ${r.status}`);
        return r.text();
      });
    return Atlas.fromJson(text);
  }
  // mounts with the world network share one atlas (it is laid under it once); the others another
  const key = `${base.href} ${withWorld ? 'world' : 'curated'}`;
  if (!defaultAtlas.has(key)) defaultAtlas.set(key, Promise.resolve().then(() => Atlas.withDefaultData()));
  return defaultAtlas.get(key);
}

/** Add the style sheet to the document once (the full page links it itself). */
function ensureStyles(base) {
  const doc = document;
  if (doc.querySelector('link[data-ta-style]')) return;
  doc.head.appendChild(h('link', { rel: 'stylesheet', href: new URL('style.css', base).href, 'data-ta-style': true }));
}

/** The location a mount starts at, from its options. */
function initialLocation(options) {
  const asOf = options.asOf ?? undefined;
  if (isCompact(options)) {
    const v = compactView(options);
    return table.format(v === 'map' ? 'placemap' : v, { id: options.place }, v === 'partners' ? { asOf } : {});
  }
  if (options.link) return table.format('link', { id: options.link }, { asOf });
  if (options.place) return table.format('place', { id: options.place }, { asOf });
  if (options.view) {
    const v = String(options.view);
    return v.startsWith('/') ? v : `/${v.replace(/^#?\/?/, '')}`;
  }
  return '/';
}

/** `world: false` (or the attribute `world="false"`): only the curated or given data. */
function noWorld(options) {
  return options.world === false || options.world === 'false';
}

/** The compact views a `place` can open without search box and navigation. */
const COMPACT_VIEWS = ['partners', 'map', 'suggest'];

/** 'partners' (the list), 'map' (its map) or 'suggest' (find a partner) when `view` names a
 * compact view and `place` is set, else null. */
function compactView(options) {
  const v = String(options.view ?? '').replace(/^#?\/?/, '');
  return options.place && COMPACT_VIEWS.includes(v) ? v : null;
}

function isCompact(options) {
  return compactView(options) !== null;
}

/**
 * Render the atlas into `element`.
 *
 * options:
 * - `place`: a place id to open (`"coventry-gb"`); `link`: a link id (`"coventry-gb~volgograd-ru"`)
 * - `view`: a location to open instead (`"glossary"`, `"search?q=köln"`, `"place/narva-ee?asOf=1990"`),
 *   or `"partners"` with `place`: the compact partners-only view, without search box and navigation,
 *   or `"map"` with `place`: the place's map of partners alone, the same way
 * - `asOf`: the date for a place's or link's status (`"2021"`)
 * - `base`: where the assets live (default: beside embed.js)
 * - `routing`: `"memory"` (default: the host page's URL is left alone) or `"hash"` (the
 *   location lives in the URL hash; the full page uses this)
 * - `pageUrl`: the full atlas page that links in an embed point to (default: base + index.html)
 * - `data`: a `twinning-atlas/1` JSON document (its text or URL) instead of the curated data
 * - `world`: `false` to show only the curated (or `data`) places; by default the world network
 *   (pkg/world.json.gz) is laid under them when the page is idle, or at once when a place is
 *   asked for that only the world knows
 *
 * Resolves to a controller `{ navigate(location), go(view, params, query), location, atlas, destroy() }`.
 */
export async function mount(element, options = {}) {
  if (!(element instanceof Element)) throw new TypeError('mount(element, options): element must be a DOM element');
  const base = options.base ? new URL(options.base, document.baseURI) : HERE;
  const routing = options.routing === 'hash' ? 'hash' : 'memory';
  ensureStyles(base);
  element.classList.add('ta-root');
  element.setAttribute('aria-busy', 'true');
  replace(element, h('p', { class: 'ta-loading', role: 'status' }, 'Loading the atlas…'));
  let atlas;
  try {
    atlas = await loadAtlas(base, options.data, !noWorld(options));
  } catch (err) {
    element.removeAttribute('aria-busy');
    replace(element, errorBox(err, 'The atlas could not be loaded'));
    throw err;
  }
  if (routing === 'hash' && !window.location.hash && (options.place || options.link || options.view)) {
    window.history.replaceState(window.history.state, '', `#${initialLocation(options)}`);
  }
  const shell = createShell(element, {
    atlas,
    version: version(),
    routing,
    initial: initialLocation(options),
    pageUrl: options.pageUrl ?? new URL('index.html', base).href,
    assetUrl: (path) => new URL(path, base).href,
    bare: isCompact(options),
    world: noWorld(options)
      ? null
      : { ensure: (a) => ensureWorld(a, base), state: worldState, whenIdle },
    setTitle: routing === 'hash' ? (t) => { document.title = t ? `${t} — Twinning Atlas` : 'Twinning Atlas'; } : null,
  });
  element.removeAttribute('aria-busy');
  return shell;
}

/** `<twinning-atlas place="…" link="…" view="…" as-of="…" data="…">`: the same in markup. */
export class TwinningAtlasElement extends HTMLElement {
  static get observedAttributes() {
    return ['place', 'link', 'view', 'as-of'];
  }

  connectedCallback() {
    if (this.pending || this.controller) return;
    const options = this.options();
    this.compact = isCompact(options);
    this.pending = mount(this, options)
      .then((c) => {
        this.controller = c;
        return c;
      })
      .catch(() => null)
      .finally(() => {
        this.pending = null;
      });
  }

  attributeChangedCallback() {
    if (!this.controller) return;
    const options = this.options();
    if (isCompact(options) !== this.compact) {
      // compact and full embeds differ in their frame, not only their location: mount again
      this.controller.destroy();
      this.controller = null;
      this.connectedCallback();
    } else {
      this.controller.navigate(initialLocation(options));
    }
  }

  disconnectedCallback() {
    if (this.controller) this.controller.destroy();
    this.controller = null;
  }

  options() {
    const get = (name) => this.getAttribute(name) || undefined;
    return {
      place: get('place'),
      link: get('link'),
      view: get('view'),
      asOf: get('as-of'),
      data: get('data'),
      base: get('base'),
      world: get('world'),
    };
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('twinning-atlas')) {
  customElements.define('twinning-atlas', TwinningAtlasElement);
}
