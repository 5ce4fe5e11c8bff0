// @ts-check
// What every picture shares: loading the map kit (the vendored d3-geo / topojson-client /
// d3-force bundle and Natural Earth's countries, both from www/pkg/, loaded once on the first
// picture), SVG building without markup strings, the status palette with a dash pattern for
// each status (colour is never the only cue), the legend, the scale bar, the attribution,
// pan and zoom by mouse, touch and keyboard, the text summary, and downloads as SVG or PNG.
//
// Not for: deciding what a picture shows (place-map.js, timeline.js, ego.js, world-map.js).

import { h } from '../lib/dom.js';
import { label, STATUS, number, plural } from '../lib/format.js';

export const NS = 'http://www.w3.org/2000/svg';

/** An SVG element: attributes set with setAttribute, children as nodes or text. */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.setAttribute('class', Array.isArray(v) ? v.filter(Boolean).join(' ') : v);
    else if (k === 'on') for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
    else if (k === 'dataset')
      for (const [dk, dv] of Object.entries(v)) {
        if (dv != null) el.dataset[dk] = String(dv);
      }
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/**
 * A phone-sized screen — or, in an embed, a phone-sized embed (a sidebar on a wide screen):
 * pictures are built with a narrower drawing so text stays legible.
 */
export function narrow(ctx) {
  const w = ctx?.embedded && typeof ctx.width === 'function' ? ctx.width() : 0;
  if (w > 0) return w <= 640;
  return typeof matchMedia === 'function' && matchMedia('(max-width: 640px)').matches;
}

// printing opens the tables beside the pictures, so paper carries the same facts
if (typeof window !== 'undefined') {
  window.addEventListener('beforeprint', () => {
    for (const d of document.querySelectorAll('details.ta-map-table')) {
      const details = /** @type {HTMLDetailsElement} */ (d);
      details.open = true;
    }
  });
}

let kit = null;

/**
 * The map kit, loaded once: `{ v, countries, borders, sphere }` — `v` the vendored
 * functions, `countries` a GeoJSON FeatureCollection, `borders` the interior borders mesh.
 */
export function loadKit() {
  kit ??= (async () => {
    const vendorUrl = new URL('../pkg/maps-vendor.js', import.meta.url).href;
    const [v, topo] = await Promise.all([
      import(vendorUrl),
      fetch(new URL('../pkg/countries-110m.json', import.meta.url)).then((r) => {
        if (!r.ok) throw new Error(`countries-110m.json: HTTP ${r.status}`);
        return r.json();
      }),
    ]);
    const countries = v.feature(topo, topo.objects.countries);
    const borders = v.mesh(topo, topo.objects.countries, (a, b) => a !== b);
    return { v, countries, borders, sphere: { type: 'Sphere' } };
  })();
  kit.catch(() => {
    kit = null;
  });
  return kit;
}

/** The statuses in the order legends list them, each with its dash pattern (SVG dasharray). */
export const STATUS_ORDER = ['established', 'suspended', 'terminated', 'proposed', 'attempted', 'unknown', 'none'];
export const DASH = {
  established: null,
  suspended: '7 4',
  terminated: '1.5 3.5',
  proposed: '9 3 2 3',
  attempted: '9 3 2 3',
  unknown: '3 3',
  none: '1 6',
};

/** The colour of a status (a CSS custom property of the root; Okabe–Ito, dark-mode aware). */
export function statusVar(status) {
  return `var(--ta-map-${STATUS_ORDER.includes(status) ? status : 'unknown'})`;
}

/** Resolve the status colours (for canvas and downloads) from the computed style of `el`. */
export function statusColours(el) {
  const out = {};
  for (const k of STATUS_ORDER) out[k] = resolvedColour(el, `--ta-map-${k}`) || '#888';
  for (const k of ['land', 'water', 'border', 'point', 'point-edge', 'select', 'text', 'halo'])
    out[k] = resolvedColour(el, `--ta-map-${k}`) || '#888';
  return out;
}

/**
 * The colour a custom property gives inside `el`, as `rgb(…)`: the palette's values are
 * `light-dark()` pairs, which only a colour property resolves (for the element's colour
 * scheme), so a hidden probe in `el` takes it as its colour. '' when the property is unset.
 */
export function resolvedColour(el, name) {
  if (!getComputedStyle(el).getPropertyValue(name).trim()) return '';
  const probe = document.createElement('span');
  probe.hidden = true;
  probe.style.color = `var(${name})`;
  el.appendChild(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}

/** A small line sample for a status: its colour and dash pattern. */
export function statusSample(status) {
  return s(
    'svg',
    { class: 'ta-map-sample', width: 30, height: 10, viewBox: '0 0 30 10', 'aria-hidden': 'true', focusable: 'false' },
    s('line', {
      x1: 1,
      y1: 5,
      x2: 29,
      y2: 5,
      stroke: statusVar(status),
      'stroke-width': 3,
      'stroke-dasharray': DASH[status] ?? null,
      'stroke-linecap': 'butt',
    }),
  );
}

/** The legend: one entry per status present, with its count. counts: { status: n }. */
export function legend(counts, { caption = 'Status of each link' } = {}) {
  const present = STATUS_ORDER.filter((k) => counts[k]);
  return h(
    'div',
    { class: 'ta-map-legend' },
    h('span', { class: 'ta-map-legend__caption' }, caption),
    h(
      'ul',
      null,
      present.map((k) =>
        h(
          'li',
          { dataset: { status: k } },
          statusSample(k),
          ' ',
          h('span', { class: 'ta-map-legend__label' }, label(STATUS, k)),
          ' ',
          h('span', { class: 'ta-map-legend__count' }, number(counts[k])),
        ),
      ),
    ),
  );
}

export const ATTRIBUTION = 'Country shapes: Natural Earth (public domain), via world-atlas. Equal Earth projection.';

export function attribution() {
  return h('p', { class: 'ta-map-attribution' }, ATTRIBUTION);
}

/** A "nice" round length in km at most `max`. */
export function niceKm(max) {
  if (!(max > 0)) return 0;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [5, 2, 1]) if (m * p <= max) return m * p;
  return p;
}

/**
 * Scale bar: the length in km of `px` screen pixels at the centre of a view.
 * invert(x, y) → [lon, lat] (screen → geographic) or null.
 */
export function scaleAt(v, invert, cx, cy, px = 100) {
  const a = invert(cx - px / 2, cy);
  const b = invert(cx + px / 2, cy);
  if (!a || !b || a.some((x) => !Number.isFinite(x)) || b.some((x) => !Number.isFinite(x))) return null;
  const km = v.geoDistance(a, b) * 6371;
  if (!(km > 0)) return null;
  const nice = niceKm(km);
  return { km: nice, px: (px * nice) / km };
}

/** The scale bar element; `update(scale)` with `scaleAt`'s answer. */
export function scaleBar() {
  const bar = h('span', { class: 'ta-map-scale__bar' });
  const text = h('span', { class: 'ta-map-scale__text' });
  const el = h('div', { class: 'ta-map-scale', 'aria-hidden': 'true' }, bar, text);
  return {
    el,
    update(scale) {
      el.hidden = !scale;
      if (!scale) return;
      bar.style.width = `${Math.round(scale.px)}px`;
      text.textContent = `${number(scale.km)} km`;
    },
  };
}

/**
 * Pan and zoom on `el` (mouse drag and wheel, one- and two-finger touch, keyboard when
 * focused: arrows pan, + and − zoom, 0 resets). `onChange({ k, x, y })` after each change:
 * screen = base × k + (x, y). Returns `{ get(), set(t), zoomBy(f, cx, cy), reset(),
 * interacting() }`. `size()` → { width, height } of the drawing in its own units;
 * `scale()` → how many drawing units one CSS pixel is.
 */
export function zoomable(el, { onChange, size, scale = () => 1, minK = 1, maxK = 40, onEnd = (_t) => {} }) {
  let t = { k: 1, x: 0, y: 0 };
  const pointers = new Map();
  let last = null;
  let moved = false;
  let endTimer = 0;
  const clampT = (n) => {
    const { width, height } = size();
    const k = Math.min(maxK, Math.max(minK, n.k));
    // keep some of the drawing in view
    const x = Math.min(width * 0.5, Math.max(width * 0.5 - width * k, n.x));
    const y = Math.min(height * 0.5, Math.max(height * 0.5 - height * k, n.y));
    return { k, x, y };
  };
  const set = (n) => {
    t = clampT(n);
    onChange(t);
    clearTimeout(endTimer);
    endTimer = setTimeout(() => onEnd(t), 150);
  };
  const zoomBy = (f, cx, cy) => {
    const k = Math.min(maxK, Math.max(minK, t.k * f));
    const r = k / t.k;
    set({ k, x: cx - (cx - t.x) * r, y: cy - (cy - t.y) * r });
  };
  const local = (e) => {
    const r = el.getBoundingClientRect();
    const u = scale();
    return [(e.clientX - r.left) * u, (e.clientY - r.top) * u];
  };
  el.addEventListener(
    'wheel',
    (e) => {
      e.preventDefault();
      const [cx, cy] = local(e);
      zoomBy(Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.002)), cx, cy);
    },
    { passive: false },
  );
  el.addEventListener('pointerdown', (e) => {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    pointers.set(e.pointerId, local(e));
    last = null;
    moved = false;
  });
  el.addEventListener('pointermove', (e) => {
    if (!pointers.has(e.pointerId)) return;
    const p = local(e);
    const prev = pointers.get(e.pointerId);
    if (!moved && Math.hypot(p[0] - prev[0], p[1] - prev[1]) < 4 && pointers.size === 1 && !last) return;
    if (!moved) {
      moved = true;
      try {
        el.setPointerCapture(e.pointerId);
      } catch {
        /* gone */
      }
    }
    pointers.set(e.pointerId, p);
    const pts = [...pointers.values()];
    if (pts.length >= 2) {
      const [a, b] = pts;
      const cx = (a[0] + b[0]) / 2;
      const cy = (a[1] + b[1]) / 2;
      const d = Math.hypot(a[0] - b[0], a[1] - b[1]);
      if (last && last.d > 0) {
        const r = Math.min(maxK, Math.max(minK, t.k * (d / last.d))) / t.k;
        set({ k: t.k * r, x: cx - (last.cx - t.x) * r, y: cy - (last.cy - t.y) * r });
      }
      last = { cx, cy, d };
    } else {
      if (last?.single) set({ ...t, x: t.x + p[0] - last.x, y: t.y + p[1] - last.y });
      last = { single: true, x: p[0], y: p[1] };
    }
    e.preventDefault();
  });
  const up = (e) => {
    pointers.delete(e.pointerId);
    last = null;
  };
  el.addEventListener('pointerup', up);
  el.addEventListener('pointercancel', up);
  // a drag is not a click
  el.addEventListener(
    'click',
    (e) => {
      if (moved) {
        e.preventDefault();
        e.stopImmediatePropagation();
        moved = false;
      }
    },
    true,
  );
  el.addEventListener('keydown', (e) => {
    const { width, height } = size();
    const step = 60;
    const keys = {
      ArrowLeft: () => set({ ...t, x: t.x + step }),
      ArrowRight: () => set({ ...t, x: t.x - step }),
      ArrowUp: () => set({ ...t, y: t.y + step }),
      ArrowDown: () => set({ ...t, y: t.y - step }),
      '+': () => zoomBy(1.5, width / 2, height / 2),
      '=': () => zoomBy(1.5, width / 2, height / 2),
      '-': () => zoomBy(1 / 1.5, width / 2, height / 2),
      _: () => zoomBy(1 / 1.5, width / 2, height / 2),
      0: () => set({ k: 1, x: 0, y: 0 }),
    };
    const fn = keys[e.key];
    if (!fn || e.altKey || e.ctrlKey || e.metaKey) return;
    // arrows move between focusable marks inside an SVG map; only on the map itself they pan
    if (e.target !== el && e.key.startsWith('Arrow')) return;
    e.preventDefault();
    fn();
  });
  return {
    get: () => t,
    set,
    zoomBy,
    reset: () => set({ k: 1, x: 0, y: 0 }),
    wasDrag: () => moved,
  };
}

/** The +, − and reset buttons for a zoomable. */
export function zoomButtons(z, size) {
  const btn = (text, aria, fn) =>
    h(
      'button',
      { type: 'button', class: 'ta-button ta-map-zoom__button', 'aria-label': aria, on: { click: fn } },
      text,
    );
  return h(
    'div',
    { class: 'ta-map-zoom', role: 'group', 'aria-label': 'Zoom' },
    btn('+', 'Zoom in', () => {
      const { width, height } = size();
      z.zoomBy(1.6, width / 2, height / 2);
    }),
    btn('−', 'Zoom out', () => {
      const { width, height } = size();
      z.zoomBy(1 / 1.6, width / 2, height / 2);
    }),
    btn('⟲', 'Reset the view', () => z.reset()),
  );
}

/**
 * The text summary of a set of partnerships: "27 partners in 14 countries; 1 suspended in
 * 2022". rows: [{ country, status, decidedYear }].
 */
export function summaryText(rows, { noun = 'partner', head = null } = {}) {
  const countries = new Set(rows.map((r) => r.country).filter(Boolean));
  const parts = [head ?? `${plural(rows.length, noun)} in ${plural(countries.size, 'country', 'countries')}`];
  for (const st of ['suspended', 'terminated']) {
    const these = rows.filter((r) => r.status === st);
    if (these.length === 0) continue;
    const byYear = new Map();
    for (const r of these) byYear.set(r.decidedYear ?? null, (byYear.get(r.decidedYear ?? null) ?? 0) + 1);
    const years = [...byYear.entries()].sort((a, b) => b[1] - a[1] || (a[0] ?? 0) - (b[0] ?? 0));
    const word = st === 'suspended' ? 'suspended' : 'ended';
    if (years.length === 1) {
      const [y] = years[0];
      parts.push(`${number(these.length)} ${word}${y != null ? ` in ${y}` : ''}`);
    } else {
      parts.push(
        `${number(these.length)} ${word} (${years.map(([y, n]) => `${n} in ${y ?? 'an undated year'}`).join(', ')})`,
      );
    }
  }
  return parts.join('; ');
}

/** Serialise an SVG with its computed colours (custom properties resolved) for download. */
function standalone(svg) {
  const clone = svg.cloneNode(true);
  clone.setAttribute('xmlns', NS);
  const live = svg.querySelectorAll('*');
  const copies = clone.querySelectorAll('*');
  const props = [
    'fill',
    'stroke',
    'stroke-width',
    'stroke-dasharray',
    'opacity',
    'fill-opacity',
    'stroke-opacity',
    'font-size',
    'font-family',
    'font-weight',
    'paint-order',
    'visibility',
  ];
  // presentation attributes, not style attributes: the page's policy (style-src 'self')
  // refuses inline styles, and the downloaded file has no style sheet for the classes anyway
  live.forEach((node, i) => {
    const cs = getComputedStyle(node);
    for (const p of props) {
      const v = cs.getPropertyValue(p).trim();
      if (v) copies[i].setAttribute(p, v);
    }
  });
  const bg = resolvedColour(svg.closest('.ta-root') ?? document.body, '--ta-surface');
  const vb = svg.viewBox.baseVal;
  const rect = document.createElementNS(NS, 'rect');
  rect.setAttribute('x', String(vb.x));
  rect.setAttribute('y', String(vb.y));
  rect.setAttribute('width', String(vb.width));
  rect.setAttribute('height', String(vb.height));
  rect.setAttribute('fill', bg || '#ffffff');
  clone.insertBefore(rect, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, class: 'ta-visually-hidden' });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

/** PNG of an SVG at 2× (drawn through an <img> of the standalone SVG). */
async function svgToPng(svg) {
  const text = standalone(svg);
  const vb = svg.viewBox.baseVal;
  const img = new Image();
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    await new Promise((resolve, reject) => {
      img.onload = resolve;
      img.onerror = reject;
      img.src = url;
    });
    const c = document.createElement('canvas');
    c.width = vb.width * 2;
    c.height = vb.height * 2;
    c.getContext('2d').drawImage(img, 0, 0, c.width, c.height);
    return await new Promise((resolve) => c.toBlob(resolve, 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Download buttons for a picture. source: () => SVGElement or HTMLCanvasElement.
 * name: the file name without extension.
 */
export function downloads(source, name) {
  const svgButton = h(
    'button',
    {
      type: 'button',
      class: 'ta-button ta-button--quiet ta-map-download',
      dataset: { format: 'svg' },
      on: {
        click: () => {
          const el = source();
          if (el instanceof SVGElement) save(new Blob([standalone(el)], { type: 'image/svg+xml' }), `${name}.svg`);
        },
      },
    },
    'Download SVG',
  );
  const pngButton = h(
    'button',
    {
      type: 'button',
      class: 'ta-button ta-button--quiet ta-map-download',
      dataset: { format: 'png' },
      on: {
        click: async () => {
          const el = source();
          const blob =
            el instanceof HTMLCanvasElement ? await new Promise((r) => el.toBlob(r, 'image/png')) : await svgToPng(el);
          if (blob) save(blob, `${name}.png`);
        },
      },
    },
    'Download PNG',
  );
  return h(
    'div',
    { class: 'ta-map-downloads' },
    (() => {
      try {
        return source() instanceof HTMLCanvasElement;
      } catch {
        return false;
      }
    })()
      ? null
      : svgButton,
    pngButton,
  );
}

/**
 * Fit `projection` to the points `[lon, lat]` inside the box `[[x0, y0], [x1, y1]]` (latitudes
 * clamped to ±85° so a polar point cannot blow the Mercator-like fit up), or to the whole
 * sphere inset by 8 px when there are none.
 */
export function fitPoints(projection, pts, box, sphere, [W, H]) {
  if (pts.length)
    projection.fitExtent(box, {
      type: 'MultiPoint',
      coordinates: pts.map(([x, y]) => [Math.max(-180, Math.min(180, x)), Math.max(-85, Math.min(85, y))]),
    });
  else
    projection.fitExtent(
      [
        [8, 8],
        [W - 8, H - 8],
      ],
      sphere,
    );
}

/** The map's ground: sphere, graticule, land and borders, drawn with `path`. */
export function baseLayer(kit, path) {
  return s(
    'g',
    { class: 'ta-map-base' },
    s('path', { class: 'ta-map-sphere', d: path(kit.sphere) }),
    s('path', { class: 'ta-map-graticule', d: path(kit.v.geoGraticule10()) }),
    s('path', { class: 'ta-map-land', d: path(kit.countries) }),
    s('path', { class: 'ta-map-borders', d: path(kit.borders) }),
  );
}

/** The place a map is about: a dot with its name above (larger type on a phone). */
export function homeMarker(name, small) {
  return s(
    'g',
    { class: 'ta-map-home' },
    s('circle', { class: 'ta-map-home__dot', r: 7 }),
    s(
      'text',
      { class: 'ta-map-home__label', dy: -12, 'text-anchor': 'middle', 'font-size': small ? '20px' : null },
      name,
    ),
  );
}

/**
 * Tips for the marks of a map: `byId` maps an id to `{ r, a, arc }` (the row, its link, its
 * arc); pointing at or focusing a mark shows `tipLines(r)` and lights its arc, dimming the rest.
 */
export function markTips(byId, tipBox, tip, tipLines) {
  const show = (r, e) => {
    const box = tipBox.getBoundingClientRect();
    let x;
    let y;
    if (e && 'clientX' in e && e.clientX) {
      x = e.clientX - box.left;
      y = e.clientY - box.top;
    } else {
      const rect = byId.get(r.id).a.getBoundingClientRect();
      x = rect.left - box.left;
      y = rect.top - box.top;
    }
    tip.show(tipLines(r), x, y);
    for (const o of byId.values()) o.arc?.classList.toggle('ta-map-arc--dim', o.r.id !== r.id);
    byId.get(r.id).arc?.classList.add('ta-map-arc--hot');
  };
  const hide = () => {
    tip.hide();
    for (const o of byId.values()) o.arc?.classList.remove('ta-map-arc--dim', 'ta-map-arc--hot');
  };
  for (const { r, a } of byId.values()) {
    a.addEventListener('pointerenter', (e) => show(r, e));
    a.addEventListener('pointerleave', hide);
    a.addEventListener('focus', () => show(r));
    a.addEventListener('blur', hide);
  }
  return { show, hide };
}

/** A floating tip inside a positioned container; `show(lines, x, y)`, `hide()`. */
export function tooltip(container) {
  const el = h('div', { class: 'ta-map-tip', role: 'status', 'aria-live': 'polite', hidden: true });
  container.appendChild(el);
  return {
    el,
    show(lines, x, y) {
      el.replaceChildren(...lines.map((l, i) => h(i === 0 ? 'strong' : 'span', null, l)));
      el.hidden = false;
      const w = container.clientWidth;
      el.style.left = `${Math.max(4, Math.min(w - 220, x + 12))}px`;
      el.style.top = `${Math.max(4, y + 12)}px`;
    },
    hide() {
      el.hidden = true;
    },
  };
}

/** Year of a date object from the core ({ year, … } or text) or null. */
export function yearOf(d) {
  if (d == null) return null;
  if (typeof d === 'number') return d;
  if (typeof d === 'object' && typeof d.year === 'number') return d.year;
  const m = /^-?\d{1,4}/.exec(String(d?.text ?? d));
  return m ? Number(m[0]) : null;
}
