// @ts-check
// A place's map (SVG): the place, its partners as points, and great-circle arcs coloured by
// the status of each link with a dash pattern per status; each partner is a link (focus or
// hover shows partner, years and status; a click opens the partner's page), with a legend,
// a scale, zoom and pan, the attribution, downloads, and the same facts as a table.
//
// Not for: the world view's canvas (world-map.js); the partners table with sources
// (views/place.js).

import { h } from '../lib/dom.js';
import { label, STATUS, yearText, number, distance } from '../lib/format.js';
import {
  s,
  baseLayer,
  fitPoints,
  homeMarker,
  markTips,
  narrow,
  DASH,
  statusVar,
  legend,
  attribution,
  scaleAt,
  scaleBar,
  zoomable,
  zoomButtons,
  summaryText,
  downloads,
  tooltip,
  yearOf,
  STATUS_ORDER,
} from './base.js';

/** The facts the map, its legend, its summary and its table share. */
export function mapRows(partners) {
  return partners.partners.map((p) => ({
    id: p.partner.id,
    name: p.partner.name,
    country: p.partner.country ?? null,
    lat: p.partner.lat,
    lon: p.partner.lon,
    status: STATUS_ORDER.includes(p.status.status) ? p.status.status : 'unknown',
    since: yearText(p.since) || null,
    until: yearText(p.until) || null,
    decidedYear:
      p.status.status === 'suspended' || p.status.status === 'terminated' ? yearOf(p.status.decidedBy?.date) : null,
    distanceKm: p.distanceKm ?? null,
    linkId: p.linkId,
  }));
}

export function yearsText(r) {
  if (r.since && r.until) return `${r.since}–${r.until}`;
  if (r.since) return `since ${r.since}`;
  if (r.until) return `start not dated – ${r.until}`;
  return 'years not recorded';
}

/**
 * The figure (drawn at once; the caller awaits `loadKit()` first).
 * options: { kit, ctx, place, partners, asOf, title, outLinks (links open the full page in a new tab) }
 */
export function placeMap({ kit, ctx, place, partners, asOf, title, outLinks = false }) {
  const { v } = kit;
  const small = narrow(ctx);
  const W = small ? 560 : 960;
  const H = small ? 500 : 520;
  const rows = mapRows(partners);
  const located = rows.filter((r) => r.lat != null && r.lon != null);
  const home = place.lat != null && place.lon != null ? [place.lon, place.lat] : null;
  const projection = v.geoEqualEarth();
  // fit the place and its partners, with at least ~30° of longitude around the place
  const pts = located.map((r) => [r.lon, r.lat]);
  if (home) {
    pts.push(home);
    pts.push([home[0] - 15, home[1] - 8], [home[0] + 15, home[1] + 8]);
  }
  fitPoints(
    projection,
    pts,
    [
      [24, 24],
      [W - 24, H - 24],
    ],
    kit.sphere,
    [W, H],
  );
  const path = v.geoPath(projection);
  const counts = {};
  for (const r of rows) counts[r.status] = (counts[r.status] ?? 0) + 1;
  const summary = summaryText(rows);
  const idBase = `ta-placemap-${place.id}`;

  const tipBox = h('div', { class: 'ta-map-frame' });
  const tip = tooltip(tipBox);
  const base = baseLayer(kit, path);
  const arcs = s('g', { class: 'ta-map-arcs' });
  const marks = s('g', { class: 'ta-map-marks' });
  const hrefFor = (r) => ctx.href('place', { id: r.id }, asOf ? { asOf } : {});
  const routeFor = (r) => ctx.location('place', { id: r.id }, asOf ? { asOf } : {});
  const tipLines = (r) => [
    r.name,
    [r.country, yearsText(r)].filter(Boolean).join(' · '),
    `${label(STATUS, r.status)}${r.decidedYear ? ` (${r.decidedYear})` : ''}`,
  ];
  const byId = new Map();
  // draw the quiet statuses first, so that suspensions and terminations lie on top
  const drawOrder = [...located].sort((a, b) => STATUS_ORDER.indexOf(b.status) - STATUS_ORDER.indexOf(a.status));
  for (const r of drawOrder) {
    const d = home ? path({ type: 'LineString', coordinates: [home, [r.lon, r.lat]] }) : null;
    const arc = d
      ? s('path', {
          class: ['ta-map-arc', `ta-map-arc--${r.status}`],
          d,
          stroke: statusVar(r.status),
          'stroke-dasharray': DASH[r.status],
          dataset: { partnerId: r.id, status: r.status },
        })
      : null;
    const a = s(
      'a',
      {
        class: 'ta-map-partner',
        href: hrefFor(r),
        // in an embed the partner opens on the full atlas page, in a new tab
        'data-ta-route': outLinks ? null : routeFor(r),
        target: outLinks ? '_blank' : null,
        rel: outLinks ? 'noopener' : null,
        'aria-label': tipLines(r).join(', '),
        dataset: { partnerId: r.id, status: r.status },
      },
      s('circle', { class: 'ta-map-dot', r: small ? 7 : 5, fill: statusVar(r.status) }),
      s('title', null, tipLines(r).join(' — ')),
    );
    if (arc) arcs.appendChild(arc);
    marks.appendChild(a);
    byId.set(r.id, { r, a, arc, xy: projection([r.lon, r.lat]) });
  }
  const homeMark = home ? homeMarker(place.name, small) : null;
  if (homeMark) marks.appendChild(homeMark);
  const homeXY = home ? projection(home) : null;

  const svg = s(
    'svg',
    {
      class: 'ta-map-svg',
      viewBox: `0 0 ${W} ${H}`,
      role: 'group',
      'aria-labelledby': `${idBase}-t`,
      'aria-describedby': `${idBase}-d`,
      tabindex: 0,
      dataset: { arcs: arcs.childElementCount, points: byId.size },
    },
    s('title', { id: `${idBase}-t` }, title ?? `Map of the partners of ${place.name}`),
    s('desc', { id: `${idBase}-d` }, `${summary}. Arrow keys pan, + and − zoom; Tab moves between partners.`),
    base,
    arcs,
    marks,
  );

  const bar = scaleBar();
  const place1 = (t) => {
    base.setAttribute('transform', `translate(${t.x} ${t.y}) scale(${t.k})`);
    arcs.setAttribute('transform', `translate(${t.x} ${t.y}) scale(${t.k})`);
    for (const { a, xy } of byId.values())
      if (xy) a.firstChild.setAttribute('transform', `translate(${xy[0] * t.k + t.x} ${xy[1] * t.k + t.y})`);
    if (homeMark && homeXY)
      homeMark.setAttribute('transform', `translate(${homeXY[0] * t.k + t.x} ${homeXY[1] * t.k + t.y})`);
    bar.update(scaleAt(v, (x, y) => projection.invert([(x - t.x) / t.k, (y - t.y) / t.k]), W / 2, H / 2, 120));
  };
  const size = () => ({ width: W, height: H });
  const z = zoomable(svg, {
    onChange: place1,
    size,
    scale: () => W / Math.max(1, svg.getBoundingClientRect().width),
    maxK: 24,
  });
  place1(z.get());

  const { show: showTip, hide: hideTip } = markTips(byId, tipBox, tip, tipLines);
  // an arc points to its partner as its dot does
  for (const { r, a, arc } of byId.values()) {
    if (arc) {
      arc.addEventListener('pointerenter', (e) => showTip(r, e));
      arc.addEventListener('pointerleave', hideTip);
      arc.addEventListener('click', () =>
        a.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true })),
      );
    }
  }
  tipBox.append(svg, h('div', { class: 'ta-map-overlay' }, bar.el, zoomButtons(z, size)));

  const unplaced = rows.length - located.length;
  return h(
    'figure',
    { class: 'ta-map ta-map--place', dataset: { picture: 'place-map' } },
    h(
      'figcaption',
      { class: 'ta-map-summary' },
      summary,
      unplaced ? ` (${number(unplaced)} without coordinates, not drawn)` : '',
    ),
    tipBox,
    h(
      'div',
      { class: 'ta-map-foot' },
      legend(counts),
      downloads(() => svg, `${place.id}-partners-map`),
    ),
    attribution(),
    mapTable(ctx, place, rows, asOf),
  );
}

/** The map's facts as a table: one row per partner, in the order of the partners list. */
export function mapTable(ctx, place, rows, asOf, caption = 'The map as a table') {
  return h(
    'details',
    { class: 'ta-disclosure ta-map-table' },
    h('summary', null, `${caption} (${number(rows.length)} ${rows.length === 1 ? 'row' : 'rows'})`),
    h(
      'table',
      { class: 'ta-table ta-table--compact' },
      h('caption', { class: 'ta-visually-hidden' }, `Partners of ${place.name} drawn on the map`),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['Partner', 'Country', 'Years', 'Status', 'Distance'].map((t) => h('th', { scope: 'col' }, t)),
        ),
      ),
      h(
        'tbody',
        null,
        rows.map((r) =>
          h(
            'tr',
            { dataset: { partnerId: r.id, status: r.status } },
            h('td', null, ctx.link('place', { id: r.id }, asOf ? { asOf } : {}, r.name)),
            h('td', null, r.country ?? '—'),
            h('td', null, yearsText(r)),
            h(
              'td',
              { class: 'ta-map-table__status' },
              label(STATUS, r.status),
              r.decidedYear ? ` (${r.decidedYear})` : '',
            ),
            h(
              'td',
              { class: 'ta-num' },
              r.distanceKm != null ? distance(r.distanceKm) : r.lat == null ? 'no coordinates' : '—',
            ),
          ),
        ),
      ),
    ),
  );
}
