// @ts-check
// A small router: a table of views with path patterns (`/place/:id`), pure functions that turn
// a location (`/place/volgograd-ru?asOf=2021`) into a route and back, and two ways to hold the
// current location: the URL hash (the full page: shareable, the back button works) or memory
// (an embed, which must not take over its host page's URL).
//
// Not for: rendering (views/*.js) or the DOM (dom.js). Pure and DOM-free except the two
// router classes, so it is tested in Node (tests/js/page-router.test.mjs).

/** Compile `/place/:id` into a matcher. */
function compile(path) {
  const parts = path.split('/').filter(Boolean);
  return (segments) => {
    if (segments.length !== parts.length) return null;
    const params = {};
    for (let i = 0; i < parts.length; i += 1) {
      const p = parts[i];
      if (p.startsWith(':')) {
        if (!segments[i]) return null;
        params[p.slice(1)] = segments[i];
      } else if (p !== segments[i]) {
        return null;
      }
    }
    return params;
  };
}

function decode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Routes: `[{ name, path }]` (extra fields are kept). The first entry whose path is `/` is the
 * home view; a location that matches nothing gives `{ name: 'notfound' }`.
 */
export class RouteTable {
  constructor(routes) {
    this.routes = routes.map((r) => ({ ...r, match: compile(r.path) }));
    this.byName = new Map(this.routes.map((r) => [r.name, r]));
  }

  /** `/place/x?asOf=2021` (a leading `#` is dropped) → `{ name, params, query, path }`. */
  parse(location) {
    let s = String(location ?? '');
    if (s.startsWith('#')) s = s.slice(1);
    if (!s.startsWith('/')) s = `/${s}`;
    const qi = s.indexOf('?');
    const pathPart = qi >= 0 ? s.slice(0, qi) : s;
    const query = {};
    if (qi >= 0) {
      for (const [k, v] of new URLSearchParams(s.slice(qi + 1))) query[k] = v;
    }
    const segments = pathPart.split('/').filter(Boolean).map(decode);
    for (const r of this.routes) {
      const params = r.match(segments);
      if (params) return { name: r.name, params, query, path: format(r, params, query) };
    }
    return { name: 'notfound', params: { path: pathPart }, query, path: s };
  }

  /** `('place', { id }, { asOf })` → `/place/x?asOf=2021`. Empty query values are dropped. */
  format(name, params = {}, query = {}) {
    const r = this.byName.get(name);
    if (!r) throw new Error(`no view named ${name}`);
    return format(r, params, query);
  }

  has(name) {
    return this.byName.has(name);
  }
}

function format(route, params, query) {
  const path = route.path
    .split('/')
    .map((p) => (p.startsWith(':') ? encodeURIComponent(params[p.slice(1)] ?? '') : p))
    .join('/');
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && String(v) !== '') q.set(k, String(v));
  }
  const qs = q.toString();
  return (path || '/') + (qs ? `?${qs}` : '');
}

/** The current location lives in the page's URL hash. */
export class HashRouter {
  constructor(win, onChange) {
    this.win = win;
    this.onChange = onChange;
    this.listener = () => this.onChange(this.current(), { source: 'history' });
    win.addEventListener('hashchange', this.listener);
  }

  current() {
    return this.win.location.hash.slice(1) || '/';
  }

  href(location) {
    return `#${location}`;
  }

  /**
   * Go to a location; `replace` keeps the history entry (typing in the search box); `silent`
   * only writes the URL (a view that already shows what it says).
   */
  navigate(location, { replace = false, focus = true, silent = false } = {}) {
    if (silent) {
      this.win.history.replaceState(this.win.history.state, '', `#${location}`);
      return;
    }
    if (location === this.current()) {
      this.onChange(location, { source: 'same', focus });
      return;
    }
    if (replace) {
      this.win.history.replaceState(this.win.history.state, '', `#${location}`);
      this.onChange(location, { source: 'replace', focus });
    } else {
      // pushState does not fire hashchange, so render here; the back button fires it.
      this.win.history.pushState(null, '', `#${location}`);
      this.onChange(location, { source: 'push', focus });
    }
  }

  destroy() {
    this.win.removeEventListener('hashchange', this.listener);
  }
}

/**
 * The current location lives in memory (an embed). Links still get real hrefs to the full
 * atlas page at `pageUrl`, so "open in a new tab" and sharing work.
 */
export class MemoryRouter {
  constructor(initial, pageUrl, onChange) {
    this.location = initial || '/';
    this.pageUrl = pageUrl;
    this.onChange = onChange;
    this.stack = [];
  }

  current() {
    return this.location;
  }

  href(location) {
    return this.pageUrl ? `${this.pageUrl}#${location}` : `#${location}`;
  }

  navigate(location, { replace = false, focus = true, silent = false } = {}) {
    if (!replace && !silent && location !== this.location) this.stack.push(this.location);
    this.location = location;
    if (silent) return;
    this.onChange(location, { source: replace ? 'replace' : 'push', focus });
  }

  back() {
    if (this.stack.length === 0) return false;
    this.location = this.stack.pop();
    this.onChange(this.location, { source: 'history' });
    return true;
  }

  destroy() {}
}
