// @ts-check
// A place's ego network (SVG): the place in the middle, its partners on an inner ring and
// the partners of its partners (the most often reached, up to 40) on an outer ring, laid out
// by d3-force (radial and link forces, run to rest before drawing, so the picture is still
// and the same each time). Each node links to its place; the same facts as a list.
//
// Not for: chains between two places (chain-map.js); the network view's lists (views/network.js).

import { h } from '../lib/dom.js';
import { number, plural } from '../lib/format.js';
import { s, downloads, narrow } from './base.js';

/** A node's name, outside the ring: to the right of nodes on the right, left on the left. */
function egoLabel(n, W, H) {
  const name = n.name.length > 16 ? `${n.name.slice(0, 15)}…` : n.name;
  if (n.ring === 0) return s('text', { x: n.x, y: n.y - 14, 'text-anchor': 'middle', class: 'ta-ego-label' }, name);
  const a = Math.atan2(n.y - H / 2, n.x - W / 2);
  const c = Math.cos(a);
  const anchor = c > 0.35 ? 'start' : c < -0.35 ? 'end' : 'middle';
  const dx = anchor === 'start' ? 9 : anchor === 'end' ? -9 : 0;
  const dy = anchor === 'middle' ? (Math.sin(a) > 0 ? 18 : -10) : 4;
  return s(
    'text',
    { x: n.x + dx, y: n.y + dy, 'text-anchor': anchor, class: 'ta-ego-label ta-ego-label--partner' },
    name,
  );
}

/** options: { kit, ctx, place, asOf, limit } */
export function egoNetwork({ kit, ctx, place, asOf, limit = 40 }) {
  let pop;
  try {
    pop = ctx.atlas.partnersOfPartners(place.id, { limit });
  } catch (err) {
    return h('p', { class: 'ta-hint' }, `The network of partners could not be computed: ${err.message}`);
  }
  const { v } = kit;
  const small = narrow(ctx);
  const W = small ? 440 : 720;
  const H = small ? 440 : 560;
  const centre = { id: place.id, name: place.name, ring: 0, fx: W / 2, fy: H / 2 };
  const partners = pop.partners.map((p) => ({ id: p.id, name: p.name, country: p.country, ring: 1 }));
  const outer = pop.partnersOfPartners.map((x) => ({
    id: x.place.id,
    name: x.place.name,
    country: x.place.country,
    ring: 2,
    via: x.via,
  }));
  const nodes = [centre, ...partners, ...outer];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = [
    ...partners.map((p) => ({ source: centre.id, target: p.id, ring: 1 })),
    ...outer.flatMap((o) => o.via.filter((p) => byId.has(p.id)).map((p) => ({ source: p.id, target: o.id, ring: 2 }))),
  ];
  // start on the rings, evenly (deterministic), then let the forces settle
  const r1 = Math.min(W, H) * 0.26;
  const r2 = Math.min(W, H) * 0.44;
  partners.forEach((p, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, partners.length);
    p.x = W / 2 + r1 * Math.cos(a);
    p.y = H / 2 + r1 * Math.sin(a);
  });
  // each partner of partners starts beside the partner it is reached through
  const angle = new Map(partners.map((p, i) => [p.id, (2 * Math.PI * i) / Math.max(1, partners.length)]));
  outer.forEach((o, i) => {
    const via = o.via.map((p) => angle.get(p.id)).filter((a) => a != null);
    const a = via.length
      ? Math.atan2(
          via.reduce((t, x) => t + Math.sin(x), 0),
          via.reduce((t, x) => t + Math.cos(x), 0),
        ) +
        (i % 5) * 0.02
      : (2 * Math.PI * i) / Math.max(1, outer.length);
    o.x = W / 2 + r2 * Math.cos(a);
    o.y = H / 2 + r2 * Math.sin(a);
  });
  const sim = v
    .forceSimulation(nodes)
    .force(
      'link',
      v
        .forceLink(edges)
        .id((d) => d.id)
        .strength(0.05),
    )
    .force('charge', v.forceManyBody().strength(-30))
    .force('radial', v.forceRadial((d) => (d.ring === 1 ? r1 : d.ring === 2 ? r2 : 0), W / 2, H / 2).strength(0.9))
    .force(
      'collide',
      v.forceCollide((d) => (d.ring === 1 ? 13 : 8)),
    )
    .stop();
  for (let i = 0; i < 160; i += 1) sim.tick();
  for (const n of nodes) {
    n.x = Math.max(12, Math.min(W - 12, n.x));
    n.y = Math.max(12, Math.min(H - 12, n.y));
  }
  const idBase = `ta-ego-${place.id}`;
  const q = asOf ? { asOf } : {};
  const labelled = partners.length <= 32;
  const summary = `${place.name}: ${plural(partners.length, 'partner')}; ${plural(pop.total, 'partner')} of partners${pop.total > outer.length ? ` (the ${number(outer.length)} reached most often drawn)` : ''}`;
  const svg = s(
    'svg',
    {
      class: 'ta-ego-svg',
      viewBox: `0 0 ${W} ${H}`,
      role: 'group',
      'aria-labelledby': `${idBase}-t`,
      'aria-describedby': `${idBase}-d`,
      dataset: { nodes: nodes.length, edges: edges.length },
    },
    s('title', { id: `${idBase}-t` }, `Partners and partners of partners of ${place.name}`),
    s('desc', { id: `${idBase}-d` }, summary),
    s('circle', { class: 'ta-ego-ring', cx: W / 2, cy: H / 2, r: r1 }),
    s('circle', { class: 'ta-ego-ring', cx: W / 2, cy: H / 2, r: r2 }),
    s(
      'g',
      { class: 'ta-ego-edges', 'aria-hidden': 'true' },
      edges.map((e) =>
        s('line', {
          class: `ta-ego-edge ta-ego-edge--${e.ring}`,
          x1: e.source.x,
          y1: e.source.y,
          x2: e.target.x,
          y2: e.target.y,
        }),
      ),
    ),
    s(
      'g',
      { class: 'ta-ego-nodes' },
      nodes.map((n) =>
        s(
          'a',
          {
            class: `ta-ego-node ta-ego-node--${n.ring}`,
            href: ctx.href('place', { id: n.id }, q),
            'data-ta-route': ctx.location('place', { id: n.id }, q),
            dataset: { placeId: n.id, ring: n.ring },
          },
          s('title', null, n.ring === 2 ? `${n.name} — via ${n.via.map((p) => p.name).join(', ')}` : n.name),
          s('circle', { cx: n.x, cy: n.y, r: n.ring === 0 ? 9 : n.ring === 1 ? 6 : 4 }),
          n.ring === 0 || (n.ring === 1 && labelled) ? egoLabel(n, W, H) : null,
        ),
      ),
    ),
  );
  return h(
    'figure',
    { class: 'ta-map ta-ego', dataset: { picture: 'ego' } },
    h('figcaption', { class: 'ta-map-summary' }, summary, '. Inner ring: partners; outer ring: their partners.'),
    h('div', { class: 'ta-ego-frame' }, svg),
    h(
      'div',
      { class: 'ta-map-foot' },
      downloads(() => svg, `${place.id}-network`),
    ),
    h(
      'details',
      { class: 'ta-disclosure ta-map-table' },
      h('summary', null, `The network as a list (${number(outer.length)} partners of partners)`),
      h(
        'ul',
        { class: 'ta-ego-list' },
        outer.map((o) =>
          h(
            'li',
            { dataset: { placeId: o.id } },
            ctx.link('place', { id: o.id }, q, o.name),
            ` — via ${o.via.map((p) => p.name).join(', ')}`,
          ),
        ),
      ),
    ),
  );
}
