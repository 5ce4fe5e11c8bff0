// @ts-check
// The shortest chain between two places on the map (SVG), hop by hop: each place numbered in
// order, each link a great-circle arc coloured and dashed by its status, with the legend,
// the attribution and the chain as a numbered list (the network view keeps its own list too).
//
// Not for: finding the chain (the core's `chain`); a place's partners (place-map.js).

import { h } from '../lib/dom.js';
import { label, STATUS, plural } from '../lib/format.js';
import { s, DASH, statusVar, legend, attribution, downloads, narrow, STATUS_ORDER } from './base.js';

/** options: { kit, ctx, chain } — `chain` as the core's `chain(a, b)` answers. */
export function chainMap({ kit, ctx, chain }) {
  const { v } = kit;
  const small = narrow(ctx);
  const W = small ? 480 : 960;
  const H = small ? 420 : 480;
  const pad = small ? 70 : 110;
  // the chain's places come in full (PlaceSummary), coordinates included
  const places = chain.places;
  const at = new Map(places.map((p) => [p.id, p]));
  const located = places.filter((p) => p.lat != null && p.lon != null);
  const projection = v.geoEqualEarth();
  const pts = located.map((p) => [p.lon, p.lat]);
  if (pts.length) {
    const c = pts[0];
    pts.push([c[0] - 12, c[1] - 6], [c[0] + 12, c[1] + 6]);
    projection.fitExtent(
      [
        [pad, 40],
        [W - pad, H - 30],
      ],
      { type: 'MultiPoint', coordinates: pts },
    );
  } else
    projection.fitExtent(
      [
        [8, 8],
        [W - 8, H - 8],
      ],
      kit.sphere,
    );
  const path = v.geoPath(projection);
  const counts = {};
  const hops = chain.links.map((l, i) => {
    const st = STATUS_ORDER.includes(l.status) ? l.status : 'unknown';
    counts[st] = (counts[st] ?? 0) + 1;
    const a = at.get(l.from.id);
    const b = at.get(l.to.id);
    const d =
      a?.lat != null && b?.lat != null
        ? path({
            type: 'LineString',
            coordinates: [
              [a.lon, a.lat],
              [b.lon, b.lat],
            ],
          })
        : null;
    return d
      ? s(
          'path',
          {
            class: ['ta-map-arc', `ta-map-arc--${st}`],
            d,
            stroke: statusVar(st),
            'stroke-dasharray': DASH[st],
            dataset: { hop: i + 1, status: st },
          },
          s('title', null, `${i + 1}. ${l.from.name} → ${l.to.name}: ${label(STATUS, st)}`),
        )
      : null;
  });
  const svg = s(
    'svg',
    {
      class: 'ta-map-svg',
      viewBox: `0 0 ${W} ${H}`,
      role: 'img',
      'aria-label': `The chain from ${chain.from.name} to ${chain.to.name} on the map: ${places.map((p) => p.name).join(', ')}`,
      dataset: { hops: hops.filter(Boolean).length },
    },
    s('path', { class: 'ta-map-sphere', d: path(kit.sphere) }),
    s('path', { class: 'ta-map-land', d: path(kit.countries) }),
    s('path', { class: 'ta-map-borders', d: path(kit.borders) }),
    s('g', null, hops),
    s(
      'g',
      null,
      places.map((p, i) => {
        if (p.lat == null) return null;
        const [x, y] = projection([p.lon, p.lat]);
        return s(
          'g',
          { class: 'ta-map-home', transform: `translate(${x} ${y})` },
          s('circle', { class: 'ta-map-home__dot', r: 6 }),
          s('text', { class: 'ta-map-home__label', dy: -10, 'text-anchor': 'middle' }, `${i + 1}. ${p.name}`),
        );
      }),
    ),
  );
  return h(
    'figure',
    { class: 'ta-map ta-map--chain', dataset: { picture: 'chain' } },
    h(
      'figcaption',
      { class: 'ta-map-summary' },
      `${plural(chain.links.length, 'hop')} from ${chain.from.name} to ${chain.to.name}${located.length < places.length ? ` (${places.length - located.length} without coordinates, not drawn)` : ''}`,
    ),
    h('div', { class: 'ta-map-frame' }, svg),
    h(
      'div',
      { class: 'ta-map-foot' },
      legend(counts, { caption: 'Status of each hop' }),
      downloads(() => svg, `chain-${chain.from.id}-${chain.to.id}`),
    ),
    attribution(),
  );
}
