// @ts-check
// A place's timeline (SVG): one bar per partnership from its start to its end (or today),
// coloured and dashed by status, with suspensions (▲) and terminations (✕) marked where the
// data dates them, and undated starts drawn as a faded bar from the left edge labelled so.
// Years run on a true axis.
//
// Not for: the statistics charts (views/statistics.js, lib/chart.js).

import { h } from '../lib/dom.js';
import { label, STATUS, number } from '../lib/format.js';
import { s, statusVar, DASH, legend, downloads, narrow } from './base.js';
import { mapRows, yearsText, mapTable } from './place-map.js';

function num(y) {
  const m = /-?\d{1,4}/.exec(String(y ?? ''));
  return m ? Number(m[0]) : null;
}

/** options: { ctx, place, partners, asOf } */
export function placeTimeline({ ctx, place, partners, asOf }) {
  const small = narrow(ctx);
  const ROW = 18;
  const LEFT = small ? 120 : 170;
  const W = small ? 380 : 960;
  const now = asOf && num(asOf) ? num(asOf) : new Date().getFullYear();
  const rows = mapRows(partners).map((r) => {
    const start = num(r.since);
    let end = num(r.until);
    if (end == null && r.status === 'terminated' && r.decidedYear) end = r.decidedYear;
    return { ...r, start, end };
  });
  rows.sort((a, b) => (a.start ?? 1e9) - (b.start ?? 1e9) || a.name.localeCompare(b.name));
  const years = rows.flatMap((r) => [r.start, r.end, r.decidedYear]).filter((y) => y != null);
  const first = years.length ? Math.min(...years) : now - 10;
  const lo = Math.floor((first - 2) / 10) * 10;
  const hi = now + 1;
  const top = 30;
  const H = top + rows.length * ROW + 12;
  const x = (y) => LEFT + ((y - lo) / Math.max(1, hi - lo)) * (W - LEFT - 16);
  const span = hi - lo;
  const step = (small ? 2 : 1) * (span > 120 ? 25 : span > 60 ? 10 : span > 25 ? 5 : span > 10 ? 2 : 1);
  const ticks = [];
  for (let y = Math.ceil(lo / step) * step; y <= hi; y += step) ticks.push(y);
  const idBase = `ta-timeline-${place.id}`;
  const dated = rows.filter((r) => r.start != null).length;
  const marks = { suspended: 0, terminated: 0 };
  const firstUndated = rows.findIndex((r) => r.start == null);
  const named = new Map();
  for (const r of rows) named.set(r.name, (named.get(r.name) ?? 0) + 1);
  const shortName = (r) => {
    const n = named.get(r.name) > 1 && r.country ? `${r.name} (${r.country})` : r.name;
    const max = small ? 17 : 24;
    return n.length > max ? `${n.slice(0, max - 1)}…` : n;
  };
  const svg = s(
    'svg',
    {
      class: 'ta-timeline-svg',
      viewBox: `0 0 ${W} ${H}`,
      role: 'img',
      'aria-labelledby': `${idBase}-t`,
      'aria-describedby': `${idBase}-d`,
      dataset: { bars: rows.length },
    },
    s('title', { id: `${idBase}-t` }, `Timeline of the partnerships of ${place.name}`),
    s('desc', { id: `${idBase}-d` }, `${rows.length} partnerships, ${dated} with a dated start, from ${lo} to ${now}.`),
    s(
      'g',
      { class: 'ta-timeline-axis', 'aria-hidden': 'true' },
      ticks.map((y) =>
        s(
          'g',
          null,
          s('line', { class: 'ta-timeline-grid', x1: x(y), x2: x(y), y1: top - 6, y2: H - 8 }),
          s('text', { class: 'ta-timeline-tick', x: x(y), y: top - 10, 'text-anchor': 'middle' }, String(y)),
        ),
      ),
    ),
    rows.map((r, i) => {
      const y = top + i * ROW + ROW / 2;
      const undated = r.start == null;
      const x0 = undated ? LEFT : x(r.start);
      const x1 = r.end != null ? x(r.end) : x(now + 0.5);
      const bar = [
        s('text', { class: 'ta-timeline-name', x: LEFT - 8, y: y + 4, 'text-anchor': 'end' }, shortName(r)),
        s('line', {
          class: ['ta-timeline-bar', undated && 'ta-timeline-bar--undated'],
          x1: x0,
          x2: Math.max(x0 + 3, x1),
          y1: y,
          y2: y,
          stroke: statusVar(r.status),
          'stroke-dasharray': DASH[r.status],
        }),
      ];
      if (undated && i === firstUndated)
        bar.push(
          s(
            'text',
            { class: 'ta-timeline-note', x: LEFT + 4, y: y - 5 },
            small ? 'start not dated ↓' : 'start not dated ↓ (drawn faded from the left edge)',
          ),
        );
      if (r.status === 'suspended' && r.decidedYear != null) {
        marks.suspended += 1;
        const mx = x(r.decidedYear);
        bar.push(
          s(
            'path',
            {
              class: 'ta-timeline-mark ta-timeline-mark--suspended',
              d: `M${mx} ${y - 7}l5 9h-10z`,
              fill: statusVar('suspended'),
            },
            s('title', null, `suspended in ${r.decidedYear}`),
          ),
        );
      }
      if (r.end != null && r.status !== 'suspended') {
        marks.terminated += 1;
        const mx = x(r.end);
        bar.push(
          s(
            'path',
            {
              class: 'ta-timeline-mark ta-timeline-mark--terminated',
              d: `M${mx - 5} ${y - 5}l10 10M${mx + 5} ${y - 5}l-10 10`,
              stroke: statusVar('terminated'),
            },
            s('title', null, `ended in ${r.end}`),
          ),
        );
      }
      return s(
        'g',
        { class: 'ta-timeline-row', dataset: { partnerId: r.id, status: r.status } },
        s('title', null, `${r.name}: ${yearsText(r)}, ${label(STATUS, r.status)}`),
        bar,
      );
    }),
  );
  const counts = {};
  for (const r of rows) counts[r.status] = (counts[r.status] ?? 0) + 1;
  const undatedCount = rows.length - dated;
  return h(
    'figure',
    { class: 'ta-map ta-timeline', dataset: { picture: 'timeline' } },
    h(
      'figcaption',
      { class: 'ta-map-summary' },
      `${number(rows.length)} partnerships on a time axis from ${lo} to ${now}`,
      undatedCount ? `; ${number(undatedCount)} with no dated start (faded, from the left edge)` : '',
      '. ▲ suspension, ✕ end.',
    ),
    h('div', { class: 'ta-timeline-frame' }, svg),
    h(
      'div',
      { class: 'ta-map-foot' },
      legend(counts),
      downloads(() => svg, `${place.id}-timeline`),
    ),
    mapTable(ctx, place, mapRows(partners), asOf, 'The timeline as a table'),
  );
}
