// @ts-check
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
//   last link opens the town there with its history, sources and criteria.
//
// The element renders into its own (open) shadow root, so the host page's CSS cannot reach
// inside (`div { display: none }`, `h2 { color: #234 }`, `* { font-size: 40px }` leave it
// alone), and its width follows its container, never the window. Theme it from the host page
// with custom properties, which do cross the boundary — `twinning-atlas { --ta-accent: #8b1f4f;
// --ta-font: Georgia, serif }` — and style its main pieces with `::part(header | search | nav
// | main | root | error | loading | notices)`. `theme="light"` or `"dark"` forces a palette;
// the default (`auto`) follows the host page's `color-scheme`, never the reader's OS alone.
// Errors are a small note in the host's words ("No place with this id: …"). Each element has
// its own session (lib/store.js): two embeds on one page never share what they show.
//
// Partner suggestions for the town, with their reasons and filters (compact too):
//
//   <twinning-atlas place="coventry-gb" view="suggest"></twinning-atlas>
//
// Attributes (and mount options): `place`, `link`, `view` ("partners" or "suggest" with `place`, or any
// location: "glossary", "search?q=köln"), `as-of`, `data`, `base`, `world="false"`,
// `theme="light|dark|auto"`; see mount() below.
//
// The wasm module and the style sheet load from beside this file (import.meta.url) or from
// `base`, so an embed works from any path or origin (the server must send
// Access-Control-Allow-Origin). app.js is this module's first full-page caller.
//
// Not for: the views (views/*.js) or the shell around them (lib/shell.js).

import init, {
  Atlas as FirstAtlas,
  version as firstVersion,
  vocabulary as firstVocabulary,
} from './pkg/twinning_atlas.js';
import { h, replace } from './lib/dom.js';
import { createShell, table } from './lib/shell.js';
import { errorBox } from './lib/ui.js';
import { ensureWorld, worldState, whenIdle } from './lib/world.js';
import { createSession, loadFullModule, upgradeLater } from './lib/store.js';

/** The page's first module, as `session.module` names a module: what the page calls on it
 * beyond an atlas's methods (named, not a namespace import: the bundle then needs no helper
 * shared with its lazy chunks). */
const firstModule = { Atlas: FirstAtlas, version: firstVersion, vocabulary: firstVocabulary };

/** A module that has loaded (its `version()` is the package's). */
let anyModule = null;

/** The package's version (after a mount has loaded the atlas). */
export function version() {
  if (!anyModule) throw new Error('version(): mount() an atlas first');
  return anyModule.version();
}

const HERE = new URL('./', import.meta.url);

let wasmReady = null;
const defaultAtlas = new Map(); // base href → Promise<Atlas>

/** Load the page's first module once per page. */
function loadWasm(base) {
  wasmReady ??= init({ module_or_path: new URL('pkg/twinning_atlas_bg.wasm', base) });
  return wasmReady;
}

/** The module a mount starts on: the page's first module (`first`: search, places, partners;
 * lib/store.js moves the mount to the full one later) or the full module. */
async function loadModule(base, first) {
  if (first) await loadWasm(base);
  anyModule = first ? firstModule : await loadFullModule(base);
  return anyModule;
}

/**
 * The atlas to show, `{ atlas, module, text }`: the curated data compiled into the module
 * (shared by every mount on the page that starts on the same module), or a `twinning-atlas/1`
 * JSON document from `data` (a URL or the text itself, kept as `text` to build it again on
 * the full module).
 */
async function loadAtlas(base, data, withWorld = true, first = false) {
  const module = await loadModule(base, first);
  const { Atlas } = module;
  if (data) {
    const text =
      typeof data === 'string' && /^\s*\{/.test(data)
        ? data
        : await fetch(new URL(String(data), document.baseURI)).then((r) => {
            if (!r.ok) throw new Error(`cannot load the dataset ${r.url}: HTTP ${r.status}`);
            return r.text();
          });
    return { atlas: Atlas.fromJson(text), module, text };
  }
  // mounts with the world network share one atlas (it is laid under it once); the others another
  const key = `${base.href} ${first ? 'first' : 'full'} ${withWorld ? 'world' : 'curated'}`;
  if (!defaultAtlas.has(key))
    defaultAtlas.set(
      key,
      Promise.resolve().then(() => Atlas.withDefaultData()),
    );
  return { atlas: await defaultAtlas.get(key), module, text: null };
}

/**
 * Start loading what `mount(element, options)` will need — the wasm module (the page's first
 * module with `firstModule: true`) and, without `data`, the curated atlas — so that a page
 * can overlap it with its own work before it mounts (the full page reads IndexedDB
 * meanwhile); mount awaits the same promises. A failure is left for mount to report.
 */
export function prepare(options = {}) {
  const base = options.base ? new URL(options.base, document.baseURI) : HERE;
  const first = options.firstModule === true;
  const ready = options.data ? loadModule(base, first) : loadAtlas(base, null, !noWorld(options), first);
  ready.catch(() => {});
}

/** Per style sheet URL: the promise of its shadow-root form, one CSSStyleSheet shared by every
 * embed on the page. */
const shadowSheets = new Map();

/**
 * Rules only a shadow root needs, put before the style sheet: the host is a block whose
 * width follows its container (and a size container, so the layout answers to the embed's
 * width, not the window's), and inside it nothing is inherited from the host page but the
 * custom properties and `color-scheme` (which `theme="auto"` follows).
 */
const SHADOW_RULES = `:host { display: block; container: ta-embed / inline-size; min-width: min(100%, 288px); max-width: 100%; }
:host([hidden]) { display: none; }
:where(.ta-shadow) { all: initial; display: block; color-scheme: inherit; }
`;

/**
 * The page's style sheet made fit for a shadow root: lengths in `rem` (which follow the host
 * page's root font size, that a host's `* { font-size: 40px }` changes) become multiples of
 * `--ta-font-size` (16px unless the host sets it); `vw` become `cqi` and the width media
 * queries container queries on the embed, so a narrow embed on a wide screen lays out as a
 * narrow one.
 */
export function forShadow(css) {
  return (
    SHADOW_RULES +
    css
      .replace(/(-?\d*\.?\d+)rem\b/g, 'calc($1 * var(--ta-font-size, 16px))')
      .replace(/(\d*\.?\d+)vw\b/g, '$1cqi')
      // only a lone width query: one combined with other features stays a media query
      .replace(/@media\s*\(\s*((?:max|min)-width:\s*[\d.]+px)\s*\)\s*\{/g, '@container ta-embed ($1) {')
  );
}

/**
 * Give a shadow root the atlas's styles: a constructed style sheet from style.css (fetched
 * like the wasm, so a host's `connect-src` for the atlas covers it and no `style-src`
 * exception for inline styles is needed), or a `<link>` where constructed sheets are missing
 * or the fetch fails.
 */
async function styleShadow(shadow, base) {
  const href = new URL('style.css', base).href;
  const link = () => {
    if (!shadow.querySelector('link[data-ta-style]'))
      shadow.prepend(h('link', { rel: 'stylesheet', href, 'data-ta-style': true }));
  };
  if (!('adoptedStyleSheets' in shadow) || typeof CSSStyleSheet !== 'function') return link();
  if (!shadowSheets.has(href)) {
    const p = fetch(href)
      .then((r) => {
        if (!r.ok) throw new Error(`cannot load the style sheet ${href}: HTTP ${r.status}`);
        return r.text();
      })
      .then((text) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(forShadow(text));
        return sheet;
      });
    p.catch(() => shadowSheets.delete(href));
    shadowSheets.set(href, p);
  }
  try {
    shadow.adoptedStyleSheets = [await shadowSheets.get(href)];
  } catch {
    link();
  }
}

/** The open shadow root to render into (made once per element), or null where the element
 * cannot have one (then the atlas renders in the light DOM with the document's style sheet). */
function shadowOf(element) {
  if (element.shadowRoot) return element.shadowRoot;
  try {
    return element.attachShadow({ mode: 'open' });
  } catch {
    return null;
  }
}

/** `theme`: "light" or "dark" forces that palette; anything else (auto) follows the inherited
 * `color-scheme`, which in an embed is the host page's. */
function applyTheme(root, theme) {
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  else delete root.dataset.theme;
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
 * - `theme`: `"light"` or `"dark"`; by default the palette follows the `color-scheme` the
 *   element inherits from the host page
 * - `shadow`: `false` to render into `element` itself (the full page does) instead of an open
 *   shadow root that keeps the host page's CSS out; ignored with `routing: "hash"`
 * - `session`: the mount's state (lib/store.js `createSession()`); by default a new one, so
 *   two mounts never share it. The full page passes one that keeps imports in IndexedDB.
 * - `firstModule`: `true` to start on the page's first module (pkg/twinning_atlas_bg.wasm:
 *   search, places, partners, links; about 331 KB gzipped) and move to the full module
 *   (in pkg/full) when the page is idle, or at once for a view that needs it (the full page
 *   does; lib/store.js). By default a mount loads the full module at once.
 *
 * Resolves to a controller `{ navigate(location), go(view, params, query), location, atlas,
 * session, root, destroy() }`.
 */
export async function mount(element, options = {}) {
  if (!(element instanceof Element)) throw new TypeError('mount(element, options): element must be a DOM element');
  const base = options.base ? new URL(options.base, document.baseURI) : HERE;
  const routing = options.routing === 'hash' ? 'hash' : 'memory';
  const shadow = options.shadow !== false && routing !== 'hash' ? shadowOf(element) : null;
  let root = element;
  let styled = null;
  if (shadow) {
    root = h('div', { class: 'ta-root ta-shadow', part: 'root' });
    shadow.replaceChildren(root);
    styled = styleShadow(shadow, base);
  } else {
    ensureStyles(base);
  }
  const session = options.session ?? createSession();
  root.classList.add('ta-root');
  applyTheme(root, options.theme);
  element.setAttribute('aria-busy', 'true');
  replace(root, h('p', { class: 'ta-loading', role: 'status', part: 'loading' }, 'Loading the atlas…'));
  // the full page starts on its first module and moves to the full one when idle
  const first = options.firstModule === true;
  let atlas;
  let loaded;
  try {
    [loaded] = await Promise.all([loadAtlas(base, options.data, !noWorld(options), first), styled]);
    atlas = loaded.atlas;
  } catch (err) {
    element.removeAttribute('aria-busy');
    replace(
      root,
      routing === 'memory'
        ? h(
            'p',
            { class: 'ta-note ta-note--error', role: 'alert', part: 'error', dataset: { code: err?.code ?? null } },
            `The atlas could not be loaded: ${err?.message ? err.message : String(err)}`,
          )
        : errorBox(err, 'The atlas could not be loaded'),
    );
    throw err;
  }
  // the curated atlas is shown by every mount without `data`: no mount may free it
  if (!options.data) session.shared(atlas);
  session.module = loaded.module;
  session.firstModule = first;
  if (routing === 'hash' && !window.location.hash && (options.place || options.link || options.view)) {
    window.history.replaceState(window.history.state, '', `#${initialLocation(options)}`);
  }
  // set before the shell draws its first view, which may be one that needs the full module;
  // the same data: the view shown stays as it is (views read `ctx.atlas` when they run)
  if (first) upgradeLater(session, base, loaded.text, (next) => shell.setAtlas(next, { rerender: false }));
  const shell = createShell(root, {
    atlas,
    session,
    version: loaded.module.version(),
    routing,
    initial: initialLocation(options),
    pageUrl: options.pageUrl ?? new URL('index.html', base).href,
    assetUrl: (path) => new URL(path, base).href,
    bare: isCompact(options),
    // the world network is laid under an atlas on the full module: from the first module's,
    // move to the full one (its atlas then asks for the world itself)
    world: noWorld(options)
      ? null
      : {
          ensure: (a) => (typeof a.loadWorldBytes === 'function' ? ensureWorld(a, base) : session.full()),
          state: worldState,
          whenIdle,
        },
    setTitle:
      routing === 'hash'
        ? (t) => {
            document.title = t ? `${t} — Twinning Atlas` : 'Twinning Atlas';
          }
        : null,
  });
  if (first) {
    whenIdle(() =>
      session.full().catch((err) => {
        console.warn('Twinning Atlas: the full module could not be loaded:', err?.message ?? err);
      }),
    );
  }
  element.removeAttribute('aria-busy');
  return shell;
}

/** `<twinning-atlas place="…" link="…" view="…" as-of="…" data="…" theme="…">`: the same in
 * markup, in the element's own shadow root, with its own session. */
export class TwinningAtlasElement extends HTMLElement {
  static get observedAttributes() {
    return ['place', 'link', 'view', 'as-of', 'theme'];
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

  attributeChangedCallback(name) {
    if (!this.controller) return;
    if (name === 'theme') {
      applyTheme(this.controller.root, this.getAttribute('theme'));
      return;
    }
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
      theme: get('theme'),
    };
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('twinning-atlas')) {
  customElements.define('twinning-atlas', TwinningAtlasElement);
}
