// The world network in the page, in one command: headless Chromium (Debian's, through
// playwright-core, as the browser tests use it) on the page served by scripts/serve.mjs.
//
//   node benches/world-page.mjs            # 7 fresh browser profiles per case (2-3 min)
//   node benches/world-page.mjs --runs 11  # steadier medians
//   node benches/world-page.mjs --quick    # 3 per case
//
// Every run is a fresh Chromium with a fresh profile (no HTTP cache, no service worker, no
// compiled-wasm cache: a first visit), the cases interleaved. Three cases:
//
//   home, world         `#/`: navigation -> shell shown -> `data-ta-world="ready"` on the page
//                       root (the asset fetched and gunzipped in world-worker.js when the page
//                       is idle, then `atlas.loadWorldBytes` on the page's thread); the long
//                       tasks (PerformanceObserver 'longtask') until then, the one that lays
//                       the world, and `atlas.loadWorldBytes` itself (timed in the page: the
//                       request for lib/world.js is answered with the file plus two
//                       performance.now() calls around that line).
//   search, world       `#/search?q=stalingrad`: navigation -> first result row
//                       (`.ta-results [role="option"]`) on the curated data; then, once the
//                       world is ready, "stalingrad" typed key by key as a person does, each
//                       keystroke timed in the page from keydown to the result count updated.
//                       Then the page is reloaded (a second visit: service worker, HTTP cache
//                       and Chromium's compiled-wasm cache answer) and timed again.
//   search, no world    the same with the world switched off: lib/world.js is answered with
//                       its fetch replaced by a rejection, so the page never fetches nor lays
//                       the asset (as with the embed option `world: false`) and runs on the
//                       curated data alone (`data-ta-world="failed"`). The service worker
//                       still precaches pkg/world.json.gz, as in the other cases.
//
// Times are the page's own performance.now() (0 = navigation start), noted by a
// MutationObserver when the DOM changes. Results: a table on stdout, JSON in
// target/bench/world-page.json. Needs `bash scripts/setup.sh && bash scripts/build.sh`.
//
// Targets (issue 9, "Size and speed"): world ready <= 700 ms (median, worker path); first
// search result <= 250 ms, unchanged by the world data.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS } from '../tests/browser/_harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_WORLD_MS = 700;
const TARGET_SEARCH_MS = 250;

const argv = process.argv.slice(2);
const flag = (n, d) => {
  const i = argv.indexOf('--' + n);
  return i === -1 ? d : argv[i + 1];
};
for (const a of argv) {
  if (a.startsWith('--') && !['--runs', '--quick', '--out'].includes(a)) {
    console.error(`unknown option ${a} (use --runs N, --quick, --out FILE)`);
    process.exit(2);
  }
}
const RUNS = argv.includes('--quick') ? 3 : Math.max(1, +flag('runs', 7));
const OUT = path.resolve(ROOT, flag('out', 'target/bench/world-page.json'));

if (!existsSync(path.join(ROOT, 'node_modules', 'playwright-core'))) {
  console.error('world-page bench: no node_modules/playwright-core\nrun: bash scripts/setup.sh');
  process.exit(1);
}
const harness = await import('../tests/browser/_harness.mjs');
const why = harness.missing();
if (why) {
  console.error(`world-page bench: ${why}\nrun: bash scripts/setup.sh && bash scripts/build.sh`);
  process.exit(1);
}
if (!existsSync(path.join(ROOT, 'www', 'pkg', 'world.json.gz'))) {
  console.error('world-page bench: no www/pkg/world.json.gz\nrun: bash scripts/build.sh');
  process.exit(1);
}
const { chromium } = await import('playwright-core');

// Runs in the page before its own scripts.
const INIT = () => {
  const ta = (window.__ta = { longtasks: [], marks: {}, keys: [], loadWorldBytesMs: null });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) ta.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    ta.noLongtask = true;
  }
  const m = ta.marks;
  let lastCount = null;
  const seen = () => {
    const now = performance.now();
    if (m.shell == null && document.querySelector('.ta-root .ta-search__input')) m.shell = now;
    if (m.firstResult == null && document.querySelector('.ta-results [role="option"]')) m.firstResult = now;
    const st = document.querySelector('.ta-root')?.dataset.taWorld;
    if (st && m['world_' + st] == null) m['world_' + st] = now;
    const count = document.querySelector('.ta-count')?.textContent ?? null;
    if (count !== lastCount) {
      lastCount = count;
      const k = ta.keys.findLast((x) => x.shown == null);
      if (k) k.shown = now;
    }
  };
  new MutationObserver(seen).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['data-ta-world'],
  });
  addEventListener('keydown', (e) => ta.keys.push({ key: e.key, down: performance.now(), shown: null }), true);
};

const LOAD_LINE = 'const info = atlas.loadWorldBytes(bytes);';
const LOAD_TIMED =
  'const __taT0 = performance.now(); const info = atlas.loadWorldBytes(bytes); if (globalThis.__ta) globalThis.__ta.loadWorldBytesMs = performance.now() - __taT0;';
// "no world": the page never asks for the asset (as with the embed option `world: false`); the
// service worker still precaches it, as in the other cases, so both cases do the same downloads
const FETCH_LINE = 'l.promise = fetchBytes(base).then(';
const FETCH_OFF =
  "l.promise = Promise.reject(Object.assign(new Error('the world is off for this benchmark run'), { code: 'bench_off' })).then(";
let timedLoad = null; // whether lib/world.js still has the line we time
let switchedOff = null; // whether it still has the line we replace for "no world"
const routed = { worldJs: 0, worldJsFromServiceWorker: 0, asset: 0, assetFromServiceWorker: 0 };

async function run(server, kind) {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'ta-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: harness.CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    serviceWorkers: 'allow',
  });
  try {
    const errors = [];
    await context.addInitScript(INIT);
    // every case has the same routes, so the interception costs the same; they also answer the
    // service worker's precache, so a second visit gets the same lib/world.js from its cache
    await context.route('**/lib/world.js', async (route) => {
      routed.worldJs++;
      if (route.request().serviceWorker()) routed.worldJsFromServiceWorker++;
      const response = await route.fetch();
      let body = await response.text();
      if (timedLoad === null) timedLoad = body.includes(LOAD_LINE);
      body = body.replace(LOAD_LINE, LOAD_TIMED);
      if (kind === 'search-noworld') {
        if (switchedOff === null) switchedOff = body.includes(FETCH_LINE);
        body = body.replace(FETCH_LINE, FETCH_OFF);
      }
      await route.fulfill({ response, body });
    });
    await context.route('**/pkg/world.json.gz', (route) => {
      routed.asset++;
      if (route.request().serviceWorker()) routed.assetFromServiceWorker++;
      return route.continue();
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => errors.push(e.message));
    // CPU time of the renderer (Chromium's own counters, which a busy machine does not inflate the
    // way it inflates wall-clock time): ThreadTime = the page's main thread, ProcessTime = the
    // whole renderer process, the world worker included
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const cpu = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const get = (name) => (metrics.find((x) => x.name === name)?.value ?? NaN) * 1000;
      return { thread: get('ThreadTime'), process: get('ProcessTime') };
    };
    const cpu0 = await cpu();
    const hash = kind === 'home-world' ? '#/' : '#/search?q=stalingrad';
    await page.goto(server.url + hash);
    const out = { kind };
    if (kind !== 'home-world') {
      await page.locator('.ta-results [role="option"]').first().waitFor({ timeout: 30_000 });
      out.firstResultMainCpuMs = (await cpu()).thread - cpu0.thread;
    }
    const settled = kind === 'search-noworld' ? 'failed' : 'ready';
    await page.locator(`.ta-root[data-ta-world="${settled}"]`).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(100);
    const cpu1 = await cpu();
    out.settledMainCpuMs = cpu1.thread - cpu0.thread;
    out.settledRendererCpuMs = cpu1.process - cpu0.process;
    if (kind !== 'home-world') {
      // the world laid (or failed): a person types the query again, key by key
      await page.waitForTimeout(300);
      await page.evaluate(() => (window.__ta.keys.length = 0));
      await harness.typeSearch(page, 'stalingrad');
      await page.waitForFunction(() => document.querySelector('.ta-count')?.textContent.includes('stalingrad'), null, {
        timeout: 10_000,
      });
      await page.waitForTimeout(100);
    } else {
      await page.waitForTimeout(300); // the long tasks after the ready mark are reported too
    }
    const ta = await page.evaluate(() => ({
      ...window.__ta,
      wasm: performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm')) ?? null,
      dcl: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null,
    }));
    const m = ta.marks;
    out.domContentLoadedMs = ta.dcl;
    out.wasmRequestedMs = ta.wasm?.startTime ?? null;
    out.wasmFetchedMs = ta.wasm?.responseEnd ?? null;
    out.shellMs = m.shell ?? null;
    out.firstResultMs = m.firstResult ?? null;
    out.worldReadyMs = m.world_ready ?? null;
    out.worldFailedMs = m.world_failed ?? null;
    out.worldLoadingMs = m.world_loading ?? null;
    out.loadWorldBytesMs = ta.loadWorldBytesMs;
    out.worldAfterShellMs = m.world_ready != null && m.shell != null ? m.world_ready - m.shell : null;
    const end = (m.world_ready ?? m.world_failed ?? Infinity) + 50;
    const tasks = ta.longtasks.filter((t) => t.start < end);
    out.longTasks = tasks.length;
    out.longestTaskMs = tasks.length ? Math.max(...tasks.map((t) => t.duration)) : 0;
    // the task that lays the world: the last long task that starts before the ready mark
    if (m.world_ready != null) {
      const before = ta.longtasks.filter((t) => t.start <= m.world_ready);
      out.worldTaskMs = before.length ? before[before.length - 1].duration : 0;
      out.longestBeforeWorldMs = before.length > 1 ? Math.max(...before.slice(0, -1).map((t) => t.duration)) : 0;
    }
    const keys = ta.keys.filter((k) => k.key.length === 1 && k.shown != null).map((k) => k.shown - k.down);
    if (keys.length) {
      out.keyToResultsMedianMs = median(keys);
      out.keyToResultsMaxMs = Math.max(...keys);
      out.keysTimed = keys.length;
    }
    if (kind !== 'home-world') {
      // a second visit: the service worker and the caches now answer (compiled wasm included)
      await page.waitForFunction(() => navigator.serviceWorker?.controller, null, { timeout: 20_000 }).catch(() => {});
      await page.waitForTimeout(200);
      await page.reload();
      await page.locator('.ta-results [role="option"]').first().waitFor({ timeout: 30_000 });
      await page
        .locator('.ta-root[data-ta-world="ready"], .ta-root[data-ta-world="failed"]')
        .first()
        .waitFor({ timeout: 60_000 });
      const again = await page.evaluate(() => ({
        ...window.__ta.marks,
        controlled: Boolean(navigator.serviceWorker?.controller),
      }));
      out.repeatFirstResultMs = again.firstResult ?? null;
      out.repeatWorldReadyMs = again.world_ready ?? null;
      out.repeatWorldFailedMs = again.world_failed ?? null;
      out.repeatFromServiceWorker = again.controlled;
    }
    out.errors = errors;
    return out;
  } finally {
    await context.close().catch(() => {});
    await rm(profile, { recursive: true, force: true });
  }
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
const p90 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.9 * s.length) - 1)];
};
const r1 = (x) => (x == null ? null : +x.toFixed(1));

const server = await harness.startServer();
const KINDS = ['home-world', 'search-world', 'search-noworld'];
const runs = Object.fromEntries(KINDS.map((k) => [k, []]));
try {
  process.stderr.write(`world-page bench: ${RUNS} fresh browser profiles per case `);
  await run(server, 'home-world'); // untimed: the files into the OS page cache, Chromium's binary warm
  for (let i = 0; i < RUNS; i++) {
    const order = KINDS.slice(i % 3).concat(KINDS.slice(0, i % 3));
    for (const kind of order) runs[kind].push(await run(server, kind));
    process.stderr.write('.');
  }
  process.stderr.write('\n');
} finally {
  await server.stop();
}

const KEYS = [
  'firstResultMainCpuMs',
  'settledMainCpuMs',
  'settledRendererCpuMs',
  'domContentLoadedMs',
  'wasmRequestedMs',
  'wasmFetchedMs',
  'worldAfterShellMs',
  'shellMs',
  'firstResultMs',
  'worldReadyMs',
  'worldFailedMs',
  'loadWorldBytesMs',
  'worldTaskMs',
  'longestBeforeWorldMs',
  'longestTaskMs',
  'longTasks',
  'keyToResultsMedianMs',
  'keyToResultsMaxMs',
  'repeatFirstResultMs',
  'repeatWorldReadyMs',
];
const stats = {};
for (const kind of KINDS) {
  stats[kind] = {};
  for (const k of KEYS) {
    const v = runs[kind].map((r) => r[k]).filter((x) => x != null);
    if (v.length)
      stats[kind][k] = {
        median: r1(median(v)),
        p90: r1(p90(v)),
        min: r1(Math.min(...v)),
        max: r1(Math.max(...v)),
        n: v.length,
      };
  }
}
const hw = stats['home-world'];
const sw = stats['search-world'];
const sn = stats['search-noworld'];
const errors = KINDS.flatMap((k) => runs[k].flatMap((r) => r.errors.map((e) => `${k}: ${e}`)));
const checks = {
  worldReadyMedianMs: hw.worldReadyMs?.median ?? null,
  worldReadyTargetMs: TARGET_WORLD_MS,
  worldReadyMet: (hw.worldReadyMs?.median ?? Infinity) <= TARGET_WORLD_MS,
  firstResultWorldMedianMs: sw.firstResultMs?.median ?? null,
  firstResultNoWorldMedianMs: sn.firstResultMs?.median ?? null,
  firstResultTargetMs: TARGET_SEARCH_MS,
  firstResultMet:
    Math.max(sw.firstResultMs?.median ?? Infinity, sn.firstResultMs?.median ?? Infinity) <= TARGET_SEARCH_MS,
  firstResultRatioWorldOverNoWorld:
    sw.firstResultMs && sn.firstResultMs ? +(sw.firstResultMs.median / sn.firstResultMs.median).toFixed(2) : null,
  keyToResultsRatioWorldOverNoWorld:
    sw.keyToResultsMedianMs && sn.keyToResultsMedianMs
      ? +(sw.keyToResultsMedianMs.median / sn.keyToResultsMedianMs.median).toFixed(2)
      : null,
  worldMainThreadCpuMs:
    sw.settledMainCpuMs && sn.settledMainCpuMs ? r1(sw.settledMainCpuMs.median - sn.settledMainCpuMs.median) : null,
  loadWorldBytesTimedInPage: timedLoad,
  worldOffInNoWorldRuns: runs['search-noworld'].every(
    (r) => r.worldFailedMs != null && r.worldReadyMs == null && r.repeatWorldReadyMs == null,
  ),
  secondVisitsFromServiceWorker: KINDS.flatMap((k) => runs[k]).filter((r) => r.repeatFromServiceWorker).length,
  secondVisits: KINDS.flatMap((k) => runs[k]).filter((r) => r.repeatFromServiceWorker != null).length,
  routed,
};

const version = (() => {
  try {
    return execFileSync(harness.CHROMIUM, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return harness.CHROMIUM;
  }
})();
console.log(
  `\nPage timings, ${RUNS} fresh Chromium profiles per case (${version}; ${os.cpus().length} cores, load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')})`,
);
console.log('ms since navigation start, median / p90');
const cell = (s) =>
  s ? `${String(s.median).padStart(7)} ${String(s.p90).padStart(7)}` : `${'-'.padStart(7)} ${'-'.padStart(7)}`;
console.log(
  `  ${''.padEnd(40)} ${'home, world'.padStart(15)}   ${'search, world'.padStart(15)}   ${'search, no world'.padStart(16)}`,
);
const row = (label, k) => console.log(`  ${label.padEnd(40)} ${cell(hw[k])}   ${cell(sw[k])}   ${cell(sn[k])}`);
row('DOMContentLoaded (module graph run)', 'domContentLoadedMs');
row('wasm requested (resource timing)', 'wasmRequestedMs');
row('wasm fetched', 'wasmFetchedMs');
row('shell shown', 'shellMs');
row('first result row ("stalingrad")', 'firstResultMs');
row('data-ta-world="ready"', 'worldReadyMs');
row('  world ready - shell shown', 'worldAfterShellMs');
row('data-ta-world="failed" (world off)', 'worldFailedMs');
row('atlas.loadWorldBytes (in the page)', 'loadWorldBytesMs');
row('the long task that lays the world', 'worldTaskMs');
row('longest other long task before it', 'longestBeforeWorldMs');
row('longest long task until world settled', 'longestTaskMs');
row('long tasks (>50 ms) until then, count', 'longTasks');
row('CPU: main thread until first result', 'firstResultMainCpuMs');
row('CPU: main thread until world settled', 'settledMainCpuMs');
row('CPU: renderer (+worker) until settled', 'settledRendererCpuMs');
row('keystroke -> results, median of 10 keys', 'keyToResultsMedianMs');
row('keystroke -> results, slowest key', 'keyToResultsMaxMs');
row('second visit: first result row', 'repeatFirstResultMs');
row('second visit: data-ta-world="ready"', 'repeatWorldReadyMs');
console.log(
  `\n  target world ready <= ${TARGET_WORLD_MS} ms (worker path): median ${checks.worldReadyMedianMs} ms from navigation -> ${checks.worldReadyMet ? 'met' : 'NOT met'}; ${hw.worldAfterShellMs?.median} ms after the shell is shown`,
);
console.log(
  `  target first result <= ${TARGET_SEARCH_MS} ms, unchanged by the world: ${checks.firstResultWorldMedianMs} ms with, ${checks.firstResultNoWorldMedianMs} ms without (ratio ${checks.firstResultRatioWorldOverNoWorld}) -> ${checks.firstResultMet ? 'met' : 'NOT met'}`,
);
console.log(
  `  keystroke to results after the world is laid / without it: ratio ${checks.keyToResultsRatioWorldOverNoWorld}`,
);
console.log(
  `  main-thread CPU the world adds (search, world - search, no world; medians): ${checks.worldMainThreadCpuMs} ms`,
);
if (!checks.loadWorldBytesTimedInPage)
  console.log(`  ! lib/world.js no longer has "${LOAD_LINE}": loadWorldBytes not timed in the page`);
if (!switchedOff) console.log(`  ! lib/world.js no longer has "${FETCH_LINE}": the world could not be switched off`);
if (!checks.worldOffInNoWorldRuns)
  console.log(
    '  ! the "no world" runs did not all end with data-ta-world="failed": switching the world off did not take',
  );
if (checks.secondVisitsFromServiceWorker < checks.secondVisits)
  console.log(
    `  ! only ${checks.secondVisitsFromServiceWorker} of ${checks.secondVisits} second visits were served by the service worker`,
  );
if (errors.length) console.log(`  ! page errors: ${errors.slice(0, 5).join(' | ')}`);

mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(
  OUT,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      env: { node: process.version, chromium: version, cores: os.cpus().length, loadavg: os.loadavg() },
      runs: RUNS,
      stats,
      checks,
      samples: runs,
    },
    null,
    1,
  ),
);
console.log(`\nwrote ${path.relative(ROOT, OUT)}`);
