// @ts-check
// Simple SVG bar charts built with createElementNS (no library, no markup strings): grouped
// or stacked bars with an accessible name and description, a <title> on every bar (shown on
// hover and read by screen readers), axis labels, and colours from CSS custom properties
// (classes `ta-chart__bar--<series>`).
//
// Not for: deciding what to plot (views/statistics.js).

import { h } from './dom.js';

const NS = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.setAttribute('class', Array.isArray(v) ? v.filter(Boolean).join(' ') : v);
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

let uid = 0;

/**
 * `barChart({ title, description, categories: [label], series: [{ key, name, values: [n],
 * format(n) }], stacked, highlight: index, unit })` → a <figure> with the SVG and a legend.
 */
export function barChart({
  title,
  description,
  categories,
  series,
  stacked = false,
  highlight = -1,
  format = (n) => String(n),
  id,
}) {
  uid += 1;
  const base = id ?? `ta-chart-${uid}`;
  const W = 640;
  const H = 260;
  const M = { top: 16, right: 8, bottom: 44, left: 40 };
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const n = categories.length;
  const totals = categories.map((_, i) =>
    stacked
      ? series.reduce((t, se) => t + (se.values[i] || 0), 0)
      : Math.max(0, ...series.map((se) => se.values[i] || 0)),
  );
  const max = Math.max(1e-9, ...totals);
  const niceMax = nice(max);
  const band = iw / Math.max(1, n);
  const gap = Math.min(8, band * 0.2);
  const groupW = band - gap;
  const barW = stacked ? groupW : groupW / series.length;
  const y = (v) => M.top + ih - (ih * v) / niceMax;
  const ticks = [0, niceMax / 2, niceMax];
  const labelEvery = Math.max(1, Math.ceil(n / 14));
  const svg = s(
    'svg',
    {
      class: 'ta-chart__svg',
      viewBox: `0 0 ${W} ${H}`,
      role: 'img',
      'aria-labelledby': `${base}-t ${base}-d`,
      preserveAspectRatio: 'xMidYMid meet',
    },
    s('title', { id: `${base}-t` }, title),
    s('desc', { id: `${base}-d` }, description ?? ''),
    ticks.map((t) =>
      s(
        'g',
        { class: 'ta-chart__tick', 'aria-hidden': 'true' },
        s('line', { x1: M.left, x2: W - M.right, y1: y(t), y2: y(t), class: 'ta-chart__grid' }),
        s('text', { x: M.left - 6, y: y(t) + 4, 'text-anchor': 'end', class: 'ta-chart__label' }, format(t)),
      ),
    ),
    categories.map((cat, i) => {
      const x0 = M.left + i * band + gap / 2;
      let acc = 0;
      const bars = series.map((se, k) => {
        const v = se.values[i] || 0;
        const x = stacked ? x0 : x0 + k * barW;
        const top = stacked ? y(acc + v) : y(v);
        const bottom = stacked ? y(acc) : y(0);
        acc += v;
        return s(
          'rect',
          {
            class: ['ta-chart__bar', `ta-chart__bar--${se.key}`, i === highlight ? 'ta-chart__bar--highlight' : null],
            x: x.toFixed(1),
            y: top.toFixed(1),
            width: Math.max(1, barW - (stacked ? 0 : 1)).toFixed(1),
            height: Math.max(0, bottom - top).toFixed(1),
            'data-category': cat,
            'data-series': se.key,
            'data-value': v,
          },
          s('title', {}, `${cat}: ${se.name ? `${se.name} ` : ''}${se.format ? se.format(v) : format(v)}`),
        );
      });
      return s(
        'g',
        { class: 'ta-chart__group', 'data-category': cat },
        bars,
        // a break in a time axis ("… 1060 years …") is always labelled, on a second line
        String(cat).startsWith('…')
          ? s(
              'text',
              {
                x: (x0 + groupW / 2).toFixed(1),
                y: H - M.bottom + 32,
                'text-anchor': 'middle',
                class: 'ta-chart__label ta-chart__label--break',
                'aria-hidden': 'true',
              },
              cat,
            )
          : i % labelEvery === 0
            ? s(
                'text',
                {
                  x: (x0 + groupW / 2).toFixed(1),
                  y: H - M.bottom + 16,
                  'text-anchor': 'middle',
                  class: ['ta-chart__label', (i / labelEvery) % 2 === 1 ? 'ta-chart__label--odd' : null],
                  'aria-hidden': 'true',
                },
                cat,
              )
            : null,
      );
    }),
    s('line', { x1: M.left, x2: W - M.right, y1: y(0), y2: y(0), class: 'ta-chart__axis', 'aria-hidden': 'true' }),
  );
  return h(
    'figure',
    { class: 'ta-chart', id: base },
    svg,
    series.length > 1
      ? h(
          'ul',
          { class: 'ta-chart__legend', 'aria-hidden': 'true' },
          series.map((se) =>
            h('li', null, h('span', { class: `ta-chart__swatch ta-chart__swatch--${se.key}` }), se.name),
          ),
        )
      : null,
    h('figcaption', { class: 'ta-visually-hidden' }, title),
    dataTable(title, categories, series, format),
  );
}

/** The numbers behind a chart, as a table behind a disclosure. */
function dataTable(title, categories, series, format) {
  return h(
    'details',
    { class: 'ta-disclosure ta-chart__data' },
    h('summary', null, 'The numbers'),
    h(
      'table',
      { class: 'ta-table ta-table--compact' },
      h('caption', { class: 'ta-visually-hidden' }, title),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, ''),
          series.map((se) => h('th', { scope: 'col' }, se.name || 'count')),
        ),
      ),
      h(
        'tbody',
        null,
        categories.map((c, i) =>
          h(
            'tr',
            null,
            h('th', { scope: 'row' }, c),
            series.map((se) =>
              h('td', { class: 'ta-num' }, se.format ? se.format(se.values[i] || 0) : format(se.values[i] || 0)),
            ),
          ),
        ),
      ),
    ),
  );
}

function nice(v) {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}
