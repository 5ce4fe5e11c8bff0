// @ts-check
// The world view's picture (canvas): every positioned place as a point sized by its number
// of agreements, binned on a screen grid where points crowd (a bin shows its total and its
// largest place); arcs only for the selection — a place, a country, or a filter (status,
// form, decade of the start, year of the deciding event, statuses as of a year). Countries,
// arcs and points are drawn from paths projected once (Equal Earth), so a pan or zoom frame
// is an affine transform and one pass over the points. Beside it: the text summary and a
// table with the same numbers.
//
// Not for: the filters form and the URL (views/world.js); a place's SVG map (place-map.js).

import { h } from '../lib/dom.js';
import { label, STATUS, FORM, number, plural } from '../lib/format.js';
import {
  statusColours,
  legend,
  attribution,
  scaleAt,
  scaleBar,
  zoomable,
  zoomButtons,
  summaryText,
  downloads,
  tooltip,
  DASH,
  STATUS_ORDER,
} from './base.js';

const dataCache = new WeakMap();
/** From this many arcs on, they are drawn into a layer that pan and zoom move (canvas). */
const LAYER_FROM = 1500;

/**
 * The core's map data for an atlas and a date, computed once per pair and per world state
 * (`tag`: laying the world network under an atlas changes its data in place).
 */
export function mapDataFor(atlas, asOf, tag = '') {
  let m = dataCache.get(atlas);
  if (!m) {
    m = new Map();
    dataCache.set(atlas, m);
  }
  const key = `${asOf || ''}|${tag}`;
  if (!m.has(key)) m.set(key, decode(atlas.mapData(asOf ? { asOf } : {})));
  return m.get(key);
}

/** The core's columns as the map reads them: text columns split (years stay typed arrays,
 * with `noYear` where there is none). */
function decode(raw) {
  const split = (text, n) => (n === 0 ? [] : text.split('\n'));
  const n = raw.places.lat.length;
  return {
    ...raw,
    places: {
      ...raw.places,
      id: split(raw.places.id, n),
      name: split(raw.places.name, n),
      country: split(raw.places.country, n),
    },
  };
}

/** A year column's value, or null where there is none. */
function yr(data, v) {
  return v === data.noYear ? null : v;
}

/** Which links a query selects: indexes into `data.links`, or null for "none by default". */
export function selectLinks(data, q) {
  const L = data.links;
  const P = data.places;
  const placeIx = q.place ? P.id.indexOf(q.place) : -1;
  const statusCode = q.status ? data.statuses.indexOf(q.status) : -1;
  const formCode = q.form ? data.forms.indexOf(q.form) : -1;
  const decade = q.decade ? Number(q.decade) : null;
  const changed = q.changed ? Number(q.changed) : null;
  const country = q.country || null;
  const any = placeIx >= 0 || country || statusCode >= 0 || formCode >= 0 || decade != null || changed != null;
  if (!any) return null;
  const out = [];
  for (let i = 0; i < L.a.length; i += 1) {
    const a = L.a[i];
    const b = L.b[i];
    if (placeIx >= 0 && a !== placeIx && b !== placeIx) continue;
    if (country && P.country[a] !== country && P.country[b] !== country) continue;
    if (statusCode >= 0 && L.status[i] !== statusCode) continue;
    if (formCode >= 0 && L.form[i] !== formCode) continue;
    if (decade != null && (L.since[i] === data.noYear || Math.floor(L.since[i] / 10) * 10 !== decade)) continue;
    if (changed != null && L.decided[i] !== changed) continue;
    out.push(i);
  }
  return out;
}

/**
 * The map. options: { kit, ctx, data, query, onSelect(placeId | null) }.
 * Returns `{ node, apply(data, query), destroy() }`.
 */
export function worldMap({ kit, ctx, data: initialData, query: initialQuery, onSelect }) {
  const { v } = kit;
  let data = initialData;
  let query = initialQuery;
  let selected = null; // link indexes or null
  let selectedPlace = -1;
  let W = 960;
  let H = 500;
  let dpr = 1;
  let projection = null;
  let px = null;
  let py = null;
  let landPath = null;
  let borderPath = null;
  let spherePath = null;
  let arcPaths = null; // { status: Path2D }
  let colours = null;
  let lastBins = [];
  let raf = 0;
  let interacting = false;
  const layer = { canvas: document.createElement('canvas'), t: null, stale: true };

  const canvas = h('canvas', {
    class: 'ta-world-canvas',
    tabindex: 0,
    role: 'img',
    'aria-label':
      'World map of the twinning network. Arrow keys pan, + and − zoom, 0 shows all. The same facts are in the table below.',
  });
  const frame = h('div', { class: 'ta-map-frame ta-world-frame' }, canvas);
  const tip = tooltip(frame);
  const bar = scaleBar();
  const size = () => ({ width: W, height: H });
  const z = zoomable(canvas, {
    onChange: () => {
      interacting = true;
      schedule();
    },
    size,
    scale: () => 1,
    maxK: 60,
    onEnd: () => {
      interacting = false;
      schedule();
    },
  });
  frame.appendChild(h('div', { class: 'ta-map-overlay' }, bar.el, zoomButtons(z, size)));
  const summary = h('p', { class: 'ta-map-summary', role: 'status' });
  const legendBox = h('div', { class: 'ta-world-legend' });
  const tableBox = h('div', { class: 'ta-world-table' });
  const node = h(
    'figure',
    { class: 'ta-map ta-map--world', dataset: { picture: 'world-map' } },
    h('figcaption', null, summary),
    frame,
    h(
      'div',
      { class: 'ta-map-foot' },
      legendBox,
      downloads(() => canvas, 'twinning-atlas-world'),
    ),
    h(
      'p',
      { class: 'ta-hint' },
      'Points: places, sized by their number of partners; where they crowd, one point stands for all the places under it. Click a point to draw its links.',
    ),
    attribution(),
    tableBox,
  );

  function layout() {
    const w = Math.max(280, Math.round(frame.clientWidth || 960));
    const hgt = Math.round(Math.min(620, Math.max(240, w * (w < 640 ? 0.85 : 0.52))));
    dpr = Math.min(2, window.devicePixelRatio || 1);
    if (w === W && hgt === H && projection) return false;
    W = w;
    H = hgt;
    canvas.width = Math.round(W * dpr);
    canvas.height = Math.round(H * dpr);
    canvas.style.width = `${W}px`;
    canvas.style.height = `${H}px`;
    projection = v.geoEqualEarth().fitExtent(
      [
        [6, 6],
        [W - 6, H - 6],
      ],
      kit.sphere,
    );
    const path = v.geoPath(projection);
    spherePath = new Path2D(path(kit.sphere));
    landPath = new Path2D(path(kit.countries));
    borderPath = new Path2D(path(kit.borders));
    project();
    buildArcs();
    return true;
  }

  function project() {
    const n = data.places.id.length;
    px = new Float32Array(n);
    py = new Float32Array(n);
    for (let i = 0; i < n; i += 1) {
      const p = projection([data.places.lon[i], data.places.lat[i]]);
      px[i] = p ? p[0] : NaN;
      py[i] = p ? p[1] : NaN;
    }
  }

  function buildArcs() {
    arcPaths = null;
    layer.stale = true;
    if (!selected || !projection) return;
    // many arcs: a coarser resampling of the great circles (fewer segments to stroke)
    const coarse =
      selected.length > LAYER_FROM
        ? v.geoEqualEarth().scale(projection.scale()).translate(projection.translate()).precision(2.5)
        : projection;
    const path = v.geoPath(coarse);
    const groups = {};
    const L = data.links;
    for (const i of selected) {
      const st = data.statuses[L.status[i]] ?? 'unknown';
      (groups[st] ??= []).push([
        [data.places.lon[L.a[i]], data.places.lat[L.a[i]]],
        [data.places.lon[L.b[i]], data.places.lat[L.b[i]]],
      ]);
    }
    arcPaths = {};
    for (const [st, lines] of Object.entries(groups))
      arcPaths[st] = new Path2D(path({ type: 'MultiLineString', coordinates: lines }) ?? '');
  }

  function schedule() {
    if (raf) return;
    raf = requestAnimationFrame(() => {
      raf = 0;
      draw();
    });
  }

  function strokeArcs(c, t) {
    c.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
    const many = selected.length > LAYER_FROM;
    c.lineWidth = (many ? 1 : 1.4) / t.k;
    c.globalAlpha = selected.length > 2000 ? 0.35 : selected.length > 300 ? 0.6 : 0.9;
    for (const st of [...STATUS_ORDER].reverse()) {
      if (!arcPaths[st]) continue;
      c.strokeStyle = colours[st];
      // dash patterns cost seconds over thousands of arcs: solid lines then (the legend says so)
      c.setLineDash(DASH[st] && !many ? DASH[st].split(' ').map((d) => Number(d) / t.k) : []);
      c.stroke(arcPaths[st]);
    }
    c.setLineDash([]);
    c.globalAlpha = 1;
  }

  function draw() {
    const t0 = performance.now();
    const c = canvas.getContext('2d');
    colours ??= statusColours(node);
    const t = z.get();
    c.setTransform(dpr, 0, 0, dpr, 0, 0);
    c.clearRect(0, 0, W, H);
    c.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
    c.fillStyle = colours.water;
    c.fill(spherePath);
    c.fillStyle = colours.land;
    c.fill(landPath);
    c.strokeStyle = colours.border;
    c.lineWidth = 0.6 / t.k;
    c.stroke(borderPath);
    // points, binned in screen space
    c.setTransform(dpr, 0, 0, dpr, 0, 0);
    const cell = t.k > 12 ? 4 : 9;
    const cols = Math.ceil(W / cell) + 1;
    const rows = Math.ceil(H / cell) + 1;
    const nb = cols * rows;
    const sum = new Float64Array(nb);
    const cnt = new Uint32Array(nb);
    const best = new Int32Array(nb).fill(-1);
    const P = data.places.partners;
    const used = [];
    for (let i = 0; i < px.length; i += 1) {
      const sx = px[i] * t.k + t.x;
      const sy = py[i] * t.k + t.y;
      if (!(sx >= 0 && sy >= 0 && sx < W && sy < H)) continue;
      const key = ((sy / cell) | 0) * cols + ((sx / cell) | 0);
      if (cnt[key] === 0) used.push(key);
      cnt[key] += 1;
      sum[key] += P[i];
      if (best[key] < 0 || P[i] > P[best[key]]) best[key] = i;
    }
    const bins = [];
    c.fillStyle = colours.point;
    c.strokeStyle = colours['point-edge'];
    c.lineWidth = 0.6;
    c.globalAlpha = selected ? 0.3 : 0.75;
    c.beginPath();
    for (const key of used) {
      const i = best[key];
      const sx = px[i] * t.k + t.x;
      const sy = py[i] * t.k + t.y;
      const r = Math.min(cell * 0.95, 1.2 + Math.sqrt(sum[key]) * 0.45);
      c.moveTo(sx + r, sy);
      c.arc(sx, sy, r, 0, Math.PI * 2);
      bins.push({ i, x: sx, y: sy, r, count: cnt[key], sum: sum[key] });
    }
    c.fill();
    c.globalAlpha = selected ? 0.3 : 1;
    c.stroke();
    c.globalAlpha = 1;
    lastBins = bins;
    // arcs of the selection, over the points: many arcs are drawn once into a layer when the
    // map is still, and that layer is moved and scaled while it is dragged or zoomed
    let arcCount = 0;
    if (arcPaths) {
      arcCount = selected.length;
      if (selected.length > LAYER_FROM) {
        if (interacting && layer.t) {
          const r = t.k / layer.t.k;
          c.setTransform(dpr * r, 0, 0, dpr * r, dpr * (t.x - layer.t.x * r), dpr * (t.y - layer.t.y * r));
          c.drawImage(layer.canvas, 0, 0, W, H);
        } else {
          if (!layer.t || layer.t.k !== t.k || layer.t.x !== t.x || layer.t.y !== t.y || layer.stale) {
            const lc = layer.canvas.getContext('2d');
            layer.canvas.width = canvas.width;
            layer.canvas.height = canvas.height;
            strokeArcs(lc, t);
            layer.t = { ...t };
            layer.stale = false;
          }
          c.setTransform(1, 0, 0, 1, 0, 0);
          c.drawImage(layer.canvas, 0, 0);
        }
      } else {
        strokeArcs(c, t);
      }
    }
    c.setTransform(dpr, 0, 0, dpr, 0, 0);
    // the selected place and its partners on top
    if (selected && selectedPlace >= 0) {
      const L = data.links;
      for (const k of selected) {
        const j = L.a[k] === selectedPlace ? L.b[k] : L.a[k];
        c.fillStyle = colours[data.statuses[L.status[k]]] ?? colours.unknown;
        const sx = px[j] * t.k + t.x;
        const sy = py[j] * t.k + t.y;
        c.beginPath();
        c.arc(sx, sy, 3.2, 0, Math.PI * 2);
        c.fill();
      }
      const sx = px[selectedPlace] * t.k + t.x;
      const sy = py[selectedPlace] * t.k + t.y;
      canvas.dataset.selectedAt = `${sx.toFixed(1)},${sy.toFixed(1)}`;
      c.beginPath();
      c.arc(sx, sy, 7, 0, Math.PI * 2);
      c.fillStyle = colours.select;
      c.fill();
      c.lineWidth = 2.5;
      c.strokeStyle = colours.halo;
      c.stroke();
      c.font = '600 13px system-ui, sans-serif';
      c.lineWidth = 4;
      c.strokeText(data.places.name[selectedPlace], sx + 10, sy - 8);
      c.fillStyle = colours.text;
      c.fillText(data.places.name[selectedPlace], sx + 10, sy - 8);
    }
    bar.update(scaleAt(v, (x, y) => projection.invert([(x - t.x) / t.k, (y - t.y) / t.k]), W / 2, H / 2, 120));
    canvas.dataset.arcs = String(arcCount);
    canvas.dataset.points = String(bins.length);
    canvas.dataset.zoom = t.k.toFixed(2);
    const ms = performance.now() - t0;
    performance.measure?.('ta-world-frame', { start: t0, duration: ms });
    if (!canvas.dataset.firstDraw) {
      canvas.dataset.firstDraw = '1';
      performance.mark?.('ta-world-first-draw');
    }
  }

  function binAt(x, y) {
    let hit = null;
    let bestD = Infinity;
    for (const b of lastBins) {
      const d = Math.hypot(b.x - x, b.y - y);
      if (d <= Math.max(b.r, 6) && d < bestD) {
        bestD = d;
        hit = b;
      }
    }
    return hit;
  }
  canvas.addEventListener('pointermove', (e) => {
    if (e.buttons) return;
    const r = canvas.getBoundingClientRect();
    const b = binAt(e.clientX - r.left, e.clientY - r.top);
    if (!b) {
      tip.hide();
      canvas.style.cursor = '';
      return;
    }
    canvas.style.cursor = 'pointer';
    const P = data.places;
    tip.show(
      [
        P.name[b.i],
        `${P.country[b.i] || ''} · ${plural(P.partners[b.i], 'partner')}`,
        b.count > 1
          ? `and ${plural(b.count - 1, 'other place')} here — zoom in to tell them apart`
          : 'click to draw its links',
      ],
      e.clientX - r.left,
      e.clientY - r.top,
    );
  });
  canvas.addEventListener('pointerleave', () => tip.hide());
  canvas.addEventListener('click', (e) => {
    const r = canvas.getBoundingClientRect();
    const b = binAt(e.clientX - r.left, e.clientY - r.top);
    onSelect(b ? data.places.id[b.i] : null);
  });

  function describe() {
    const P = data.places;
    const L = data.links;
    const total = `${number(P.id.length)} places and ${number(L.a.length)} links with coordinates${data.asOf ? `, statuses at the end of ${data.asOf}` : ''}`;
    const counts = {};
    if (!selected) {
      summary.textContent = `${total}. No links drawn: pick a place (click a point), a country or a filter.`;
      legendBox.replaceChildren();
      const top = [...P.id.keys()].sort((a, b) => P.partners[b] - P.partners[a]).slice(0, 20);
      tableBox.replaceChildren(
        h(
          'details',
          { class: 'ta-disclosure ta-map-table' },
          h('summary', null, 'The largest points as a table (20 places with the most partners)'),
          h(
            'table',
            { class: 'ta-table ta-table--compact' },
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                ['Place', 'Country', 'Partners'].map((x) => h('th', { scope: 'col' }, x)),
              ),
            ),
            h(
              'tbody',
              null,
              top.map((i) =>
                h(
                  'tr',
                  { dataset: { placeId: P.id[i] } },
                  h('td', null, ctx.link('world', {}, { ...query, place: P.id[i] }, P.name[i])),
                  h('td', null, P.country[i] || '—'),
                  h('td', { class: 'ta-num' }, number(P.partners[i])),
                ),
              ),
            ),
          ),
        ),
      );
      return;
    }
    const rows = selected.map((k) => {
      const other = selectedPlace >= 0 ? (L.a[k] === selectedPlace ? L.b[k] : L.a[k]) : L.b[k];
      const st = data.statuses[L.status[k]] ?? 'unknown';
      counts[st] = (counts[st] ?? 0) + 1;
      return {
        k,
        other,
        status: st,
        country: P.country[other],
        decidedYear: st === 'suspended' || st === 'terminated' ? yr(data, L.decided[k]) : null,
      };
    });
    let what;
    if (selectedPlace >= 0) what = `${P.name[selectedPlace]}: ${summaryText(rows)}`;
    else {
      const cs = new Set();
      for (const k of selected) {
        cs.add(P.country[L.a[k]]);
        cs.add(P.country[L.b[k]]);
      }
      cs.delete('');
      what = summaryText(rows, {
        head: `${plural(rows.length, 'link')} match${rows.length === 1 ? 'es' : ''}, between places in ${plural(cs.size, 'country', 'countries')}`,
      });
    }
    summary.textContent = `${what}. (${total}.)`;
    legendBox.replaceChildren(
      legend(counts, { caption: 'Links drawn, by status' }),
      selected.length > LAYER_FROM
        ? h(
            'p',
            { class: 'ta-hint' },
            `More than ${number(LAYER_FROM)} links: drawn as solid lines, without the dash patterns; the table below and a narrower filter tell the statuses apart.`,
          )
        : null,
    );
    const shown = rows.slice(0, 500);
    tableBox.replaceChildren(
      h(
        'details',
        { class: 'ta-disclosure ta-map-table', open: rows.length <= 80 },
        h(
          'summary',
          null,
          `The drawn links as a table (${number(rows.length)} ${rows.length === 1 ? 'row' : 'rows'}${rows.length > shown.length ? `, the first ${shown.length} listed` : ''})`,
        ),
        h(
          'table',
          { class: 'ta-table ta-table--compact' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              ['From', 'To', 'Status', 'Start', 'Form'].map((x) => h('th', { scope: 'col' }, x)),
            ),
          ),
          h(
            'tbody',
            null,
            shown.map((r) => {
              const a = selectedPlace >= 0 ? selectedPlace : L.a[r.k];
              return h(
                'tr',
                { dataset: { status: r.status, placeId: P.id[r.other] } },
                h('td', null, P.name[a], ` (${P.country[a] || '—'})`),
                h(
                  'td',
                  null,
                  ctx.link('place', { id: P.id[r.other] }, {}, P.name[r.other]),
                  ` (${P.country[r.other] || '—'})`,
                ),
                h(
                  'td',
                  { class: 'ta-map-table__status' },
                  label(STATUS, r.status),
                  r.decidedYear ? ` (${r.decidedYear})` : '',
                ),
                h('td', null, yr(data, L.since[r.k]) != null ? String(L.since[r.k]) : 'not dated'),
                h('td', null, label(FORM, data.forms[L.form[r.k]])),
              );
            }),
          ),
        ),
      ),
    );
  }

  function apply(nextData, nextQuery) {
    const dataChanged = nextData !== data;
    data = nextData;
    query = nextQuery;
    if (dataChanged && projection) project();
    selectedPlace = query.place ? data.places.id.indexOf(query.place) : -1;
    selected = selectLinks(data, query);
    if (!layout()) buildArcs();
    describe();
    schedule();
  }

  const ro =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver(() => {
          if (layout()) schedule();
        })
      : null;
  ro?.observe(frame);
  requestAnimationFrame(() => apply(data, query));

  return {
    node,
    apply,
    draw,
    destroy() {
      ro?.disconnect();
    },
  };
}
