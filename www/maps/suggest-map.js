// @ts-check
// The "find a partner" map (SVG): the place, its partners as small grey points, and the
// suggestions as numbered points (the numbers of the list beside it) joined to the place by
// dashed great-circle arcs. Each suggestion is a link (focus or hover shows its name, where it
// is and how far; a click opens its page); pan and zoom by mouse, touch and keyboard; a
// legend, a scale, the attribution, and the same facts as a table.
//
// Not for: a place's own partners map (place-map.js); choosing the suggestions (the core's
// `suggestPartners`, views/suggest.js).

import { h } from '../lib/dom.js';
import { distance, number, where } from '../lib/format.js';
import {
  s,
  baseLayer,
  fitPoints,
  homeMarker,
  markTips,
  narrow,
  attribution,
  scaleAt,
  scaleBar,
  zoomable,
  zoomButtons,
  tooltip,
} from './base.js';

/** The rows the map, its summary and its table share (suggestions in rank order). */
export function suggestRows(suggestions) {
  return suggestions.map((x, i) => ({
    rank: i + 1,
    id: x.place.id,
    name: x.place.name,
    where: where(x.place),
    lat: x.place.lat,
    lon: x.place.lon,
    distanceKm: x.distanceKm ?? null,
  }));
}

/** What the map shows, in one sentence (its caption and its description). */
export function suggestSummary(place, partners, rows) {
  const drawn = rows.filter((r) => r.lat != null && r.lon != null).length;
  const p = partners.filter((x) => x.lat != null && x.lon != null).length;
  return `${place.name}, ${p === 1 ? 'its partner' : `its ${number(p)} partners`} (grey) and ${drawn === 1 ? 'the suggestion' : `${number(drawn)} suggestions`} (numbered as in the list)`;
}

/**
 * The figure (drawn at once; the caller awaits `loadKit()` first).
 * options: { kit, ctx, place, partners: [{ id, name, lat, lon }], suggestions (as
 * `suggestPartners` returns them), outLinks (links open the full page in a new tab) }
 */
export function suggestMap({ kit, ctx, place, partners, suggestions, outLinks = false }) {
  const { v } = kit;
  const small = narrow(ctx);
  const W = small ? 560 : 960;
  const H = small ? 480 : 440;
  const rows = suggestRows(suggestions);
  const located = rows.filter((r) => r.lat != null && r.lon != null);
  const known = partners.filter((x) => x.lat != null && x.lon != null);
  const home = place.lat != null && place.lon != null ? [place.lon, place.lat] : null;
  const projection = v.geoEqualEarth();
  // fit the place and the suggestions (the partners too when there are few suggestions),
  // with at least ~30° of longitude around the place; a few suggestions far beyond the others
  // stay out of the first view (zoom out to see them), or the others would crowd into a dot
  const dists = located
    .map((r) => r.distanceKm)
    .filter((d) => d != null)
    .sort((a, b) => a - b);
  const reach = dists.length ? Math.max(1500, 3 * dists[Math.floor(dists.length / 2)]) : Infinity;
  const inView = located.filter((r) => r.distanceKm == null || r.distanceKm <= reach);
  const outside = located.length - inView.length;
  const pts = inView.map((r) => [r.lon, r.lat]);
  if (located.length < 3) pts.push(...known.map((x) => [x.lon, x.lat]));
  if (home) pts.push(home, [home[0] - 15, home[1] - 8], [home[0] + 15, home[1] + 8]);
  fitPoints(
    projection,
    pts,
    [
      [28, 28],
      [W - 90, H - 64],
    ],
    kit.sphere,
    [W, H],
  );
  const path = v.geoPath(projection);
  const summary = suggestSummary(place, partners, rows);
  const idBase = `ta-suggestmap-${place.id}`;

  const tipBox = h('div', { class: 'ta-map-frame' });
  const tip = tooltip(tipBox);
  const base = baseLayer(kit, path);
  const arcs = s('g', { class: 'ta-map-arcs' });
  const marks = s('g', { class: 'ta-map-marks' });
  // the partners: context only, not links (the place's page lists them)
  const partnerDots = known.map((x) => {
    const dot = s('circle', { class: 'ta-suggest-map__partner', r: small ? 4 : 3 });
    marks.appendChild(dot);
    return { dot, xy: projection([x.lon, x.lat]) };
  });
  const tipLines = (r) => [
    `${r.rank}. ${r.name}`,
    [r.where, r.distanceKm != null ? `${distance(r.distanceKm)} away` : null].filter(Boolean).join(' · '),
  ];
  const byId = new Map();
  // in the list's order, so that Tab goes from the first suggestion to the last
  for (const r of located) {
    const d = home ? path({ type: 'LineString', coordinates: [home, [r.lon, r.lat]] }) : null;
    const arc = d ? s('path', { class: 'ta-suggest-map__arc', d, dataset: { placeId: r.id } }) : null;
    const a = s(
      'a',
      {
        class: 'ta-suggest-map__pick',
        href: ctx.href('place', { id: r.id }, {}),
        'data-ta-route': outLinks ? null : ctx.location('place', { id: r.id }, {}),
        target: outLinks ? '_blank' : null,
        rel: outLinks ? 'noopener' : null,
        'aria-label': tipLines(r).join(', '),
        dataset: { placeId: r.id, rank: r.rank },
      },
      s(
        'g',
        null,
        s('circle', { class: 'ta-suggest-map__dot', r: small ? 13 : 10 }),
        s(
          'text',
          { class: 'ta-suggest-map__num', 'text-anchor': 'middle', dy: '0.35em', 'font-size': small ? '15px' : '11px' },
          String(r.rank),
        ),
      ),
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
      class: 'ta-map-svg ta-suggest-map__svg',
      viewBox: `0 0 ${W} ${H}`,
      role: 'group',
      'aria-labelledby': `${idBase}-t`,
      'aria-describedby': `${idBase}-d`,
      tabindex: 0,
      dataset: { points: byId.size, partners: partnerDots.length, outside },
    },
    s('title', { id: `${idBase}-t` }, `Map of ${place.name} and the suggested partners`),
    s('desc', { id: `${idBase}-d` }, `${summary}. Arrow keys pan, + and − zoom; Tab moves between the suggestions.`),
    base,
    arcs,
    marks,
  );

  const bar = scaleBar();
  const at = (xy, t) => `translate(${xy[0] * t.k + t.x} ${xy[1] * t.k + t.y})`;
  const draw = (t) => {
    base.setAttribute('transform', `translate(${t.x} ${t.y}) scale(${t.k})`);
    arcs.setAttribute('transform', `translate(${t.x} ${t.y}) scale(${t.k})`);
    for (const { dot, xy } of partnerDots) if (xy) dot.setAttribute('transform', at(xy, t));
    for (const { a, xy } of byId.values()) if (xy) a.firstChild.setAttribute('transform', at(xy, t));
    if (homeMark && homeXY) homeMark.setAttribute('transform', at(homeXY, t));
    bar.update(scaleAt(v, (x, y) => projection.invert([(x - t.x) / t.k, (y - t.y) / t.k]), W / 2, H / 2, 120));
  };
  const size = () => ({ width: W, height: H });
  const z = zoomable(svg, {
    onChange: draw,
    size,
    scale: () => W / Math.max(1, svg.getBoundingClientRect().width),
    minK: outside ? 0.15 : 1,
    maxK: 24,
  });
  draw(z.get());

  markTips(byId, tipBox, tip, tipLines);
  tipBox.append(svg, h('div', { class: 'ta-map-overlay' }, bar.el, zoomButtons(z, size)));

  const unplaced = rows.length - located.length;
  return h(
    'figure',
    { class: 'ta-map ta-map--suggest', dataset: { picture: 'suggest-map' } },
    h(
      'figcaption',
      { class: 'ta-map-summary' },
      summary,
      unplaced ? ` (${number(unplaced)} without coordinates, not drawn)` : '',
      outside
        ? `; ${outside === 1 ? '1 suggestion lies' : `${number(outside)} suggestions lie`} far beyond the others: zoom out (−) to see ${outside === 1 ? 'it' : 'them'}`
        : '',
    ),
    tipBox,
    h(
      'ul',
      { class: 'ta-map-legend ta-suggest-map__legend', 'aria-label': 'Legend' },
      h('li', null, legendDot('home'), ` ${place.name}`),
      h('li', null, legendDot('partner'), ` its partners (${number(known.length)})`),
      h('li', null, legendDot('pick'), ' a suggestion, numbered as in the list, on a dashed line'),
    ),
    attribution(),
    h(
      'details',
      { class: 'ta-disclosure ta-map-table' },
      h('summary', null, `The map as a table (${number(rows.length)} ${rows.length === 1 ? 'row' : 'rows'})`),
      h(
        'table',
        { class: 'ta-table ta-table--compact' },
        h('caption', { class: 'ta-visually-hidden' }, `Suggested partners of ${place.name} drawn on the map`),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            ['#', 'Place', 'Where', 'Distance'].map((t) => h('th', { scope: 'col' }, t)),
          ),
        ),
        h(
          'tbody',
          null,
          rows.map((r) =>
            h(
              'tr',
              { dataset: { placeId: r.id } },
              h('td', { class: 'ta-num' }, String(r.rank)),
              h('td', null, r.name),
              h('td', null, r.where || '—'),
              h(
                'td',
                { class: 'ta-num' },
                r.distanceKm != null ? distance(r.distanceKm) : r.lat == null ? 'no coordinates' : '—',
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/** A legend's sample point. @param {'home' | 'partner' | 'pick'} kind */
function legendDot(kind) {
  const cls = { home: 'ta-map-home__dot', partner: 'ta-suggest-map__partner', pick: 'ta-suggest-map__dot' }[kind];
  return s(
    'svg',
    { class: 'ta-map-sample', width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': 'true', focusable: 'false' },
    s('circle', { class: cls, cx: 8, cy: 8, r: kind === 'partner' ? 4 : 6 }),
  );
}
