// How fast and how big the pictures are, in headless Chromium on this machine, with the
// world network loaded (a benchmark, not a test: it prints, it asserts nothing).
//   node benches/maps.mjs            (after bash scripts/build.sh)
// Prints: the world view's first draw (from the view's render to its first frame, with the
// map kit, the core's mapData and the projection), the draw time of each pan and zoom frame
// (JavaScript) and the frame interval (requestAnimationFrame to the next, which includes
// painting) — with no links drawn, with one place's links, and with every established link
// as the worst case; a place map's build time for a place with 1 partner and one with 70+;
// and the gzipped size of the pictures' code and data (loaded only when a picture is shown).
//
// Targets (issue 11): first draw ≤ 300 ms, each frame ≤ 33 ms, a place map ≤ 50 ms, the
// pictures' extra code and data ≤ 250 KB gzipped.

import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { session, ROOT } from '../tests/browser/_harness.mjs';

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, median: q(0.5), p95: q(0.95), max: s[s.length - 1] };
};
const ms = (x) => `${x.toFixed(1)} ms`;
const line = (label, st) =>
  console.log(
    `${label.padEnd(46)} median ${ms(st.median).padStart(9)}  p95 ${ms(st.p95).padStart(9)}  max ${ms(st.max).padStart(9)}  (n=${st.n})`,
  );

// ---- sizes ----
const www = path.join(ROOT, 'www');
const files = [
  ...readdirSync(path.join(www, 'maps')).map((f) => `maps/${f}`),
  'views/world.js',
  'views/placemap.js',
  'pkg/maps-vendor.js',
  'pkg/countries-110m.json',
];
let total = 0;
console.log('The pictures’ code and data (loaded on first use):');
for (const f of files) {
  const bytes = readFileSync(path.join(www, f));
  const gz = gzipSync(bytes, { level: 9 }).length;
  total += gz;
  console.log(`  ${f.padEnd(28)} ${String(bytes.length).padStart(7)} B  ${String(gz).padStart(6)} B gzipped`);
}
console.log(
  `  total${' '.repeat(23)}${' '.repeat(9)}  ${String(total).padStart(6)} B gzipped (${(total / 1024).toFixed(1)} KB; target ≤ 250 KB)\n`,
);

// ---- the browser ----
const s = await session({ viewport: { width: 1280, height: 800 } });
try {
  const page = s.page;
  await page.goto(`${s.url}#/`);
  await page.locator('.ta-root[data-ta-world="ready"]').waitFor({ timeout: 60_000 });

  async function openWorld(query, { fresh }) {
    await page.evaluate(() => performance.clearMeasures());
    if (fresh) {
      await page.goto(`${s.url}#/world${query}`);
      await page.reload();
      await page.locator('.ta-root[data-ta-world="ready"]').waitFor({ timeout: 60_000 });
    } else {
      await page.goto(`${s.url}#/world${query}`);
    }
    await page.locator('.ta-world-canvas[data-first-draw]').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(300);
  }

  async function frames(label) {
    const canvas = page.locator('.ta-world-canvas');
    const box = await canvas.boundingBox();
    await page.evaluate(() => {
      performance.clearMeasures('ta-world-frame');
      window.__taIntervals = [];
      let last = performance.now();
      const loop = (t) => {
        window.__taIntervals.push(t - last);
        last = t;
        if (window.__taIntervals.length < 400 && !window.__taStop) requestAnimationFrame(loop);
      };
      window.__taStop = false;
      requestAnimationFrame(loop);
    });
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    for (let i = 0; i < 12; i += 1) {
      await page.mouse.move(cx, cy);
      await page.mouse.wheel(0, -120);
      await page.waitForTimeout(30);
    }
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 0; i < 30; i += 1) {
      await page.mouse.move(cx + i * 8, cy + i * 3);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    for (let i = 0; i < 12; i += 1) {
      await page.mouse.wheel(0, 120);
      await page.waitForTimeout(30);
    }
    const { draws, intervals } = await page.evaluate(() => {
      window.__taStop = true;
      return {
        draws: performance.getEntriesByName('ta-world-frame').map((e) => e.duration),
        intervals: window.__taIntervals.slice(1),
      };
    });
    line(`${label}: draw per frame`, stats(draws));
    // the full-quality redraw once the map is still again (many arcs stroked afresh)
    await page.waitForTimeout(600);
    const settle = await page.evaluate(() => performance.getEntriesByName('ta-world-frame').pop()?.duration ?? 0);
    console.log(`${`${label}: redraw when still`.padEnd(46)} ${ms(settle)}`);
    // only the intervals while frames were being drawn (idle gaps between input events excluded)
    line(`${label}: frame interval`, stats(intervals.filter((x) => x < 500)));
  }

  // first draw: a fresh page load of #/world (module, kit, data, first frame)
  const firsts = [];
  for (let i = 0; i < 3; i += 1) {
    await openWorld('', { fresh: true });
    const t = await page.evaluate(() => {
      const a = performance.getEntriesByName('ta-world-render').pop();
      const b = performance.getEntriesByName('ta-world-first-draw').pop();
      const d = performance.getEntriesByName('ta-world-data').map((e) => e.duration);
      return { first: b.startTime - a.startTime, data: d.length ? Math.max(...d) : 0 };
    });
    firsts.push(t.first);
    console.log(`mapData (core + decoding, the whole world), load ${i + 1}: ${ms(t.data)}`);
  }
  line('world view first draw (render → first frame)', stats(firsts));
  await frames('pan/zoom, no links');
  await openWorld('?place=saint-petersburg-ru', { fresh: false });
  await frames("pan/zoom, one place's links");
  await openWorld('?status=unknown', { fresh: false });
  const n = await page.locator('.ta-world-canvas').getAttribute('data-arcs');
  await frames(`pan/zoom, ${n} links (status not known)`);

  // a place map
  for (const id of ['tornio-fi', 'saint-petersburg-ru', 'coventry-gb']) {
    const times = [];
    const parts = { 'place-map': [], timeline: [], ego: [] };
    for (let i = 0; i < 3; i += 1) {
      await page.evaluate(() => performance.clearMeasures());
      await page.goto(`${s.url}#/place/${id}`);
      await page.goto(`${s.url}#/place/${id}?asOf=${2000 + i}`);
      await page.locator('.ta-pictures[data-state="ready"]').waitFor({ timeout: 30_000 });
      times.push(
        await page.evaluate(() => performance.getEntriesByName('ta-picture-build ta-pictures--place').pop().duration),
      );
      for (const k of Object.keys(parts))
        parts[k].push(
          await page.evaluate((name) => performance.getEntriesByName(name).pop().duration, `ta-picture ${k}`),
        );
    }
    const arcs = await page.locator('.ta-map--place .ta-map-arc').count();
    line(`${id} (${arcs} arcs): place map`, stats(parts['place-map']));
    line(`${id}: timeline`, stats(parts.timeline));
    line(`${id}: ego network`, stats(parts.ego));
    line(`${id}: all three with the DOM`, stats(times));
  }
  if (s.errors.length) console.log('errors:', s.errors);
} finally {
  await s.close();
}
