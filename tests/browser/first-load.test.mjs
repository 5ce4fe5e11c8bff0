// The first load runs the bundle (www/dist/, scripts/bundle-page.mjs): a handful of requests
// before the first search result, none of them a source module, and what the bundle still
// loads by URL (a map's lazy chunk and the map data, the world network's worker) resolves
// from where the source files sit. Timings are benches/first-load.mjs's job, not a test's.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { session, startServer, ROOT, TEST, typeSearch, hits } from './_harness.mjs';

test('a first visit loads the bundle, not the modules, and searches', TEST, async () => {
  const s = await session();
  try {
    const requested = [];
    // the page's own requests (the service worker's precache is not the page's load)
    s.context.on('request', (r) => {
      if (!r.serviceWorker()) requested.push(new URL(r.url()).pathname);
    });
    const page = await s.open();
    // what the page asked for to draw its first view (the world network's worker, started by
    // its own URL when the page is idle, may be among them: it is checked below)
    const world = (p) => p === '/world-worker.js' || p === '/lib/world-bytes.js' || p === '/pkg/world.json.gz';
    // the package's full module is fetched when the page is idle after its first view (on a
    // loaded machine that can come before the search is typed): idle work, like the world's;
    // tests/browser/first-module.test.mjs holds it back to check the first views without it
    const idle = (p) => world(p) || p.startsWith('/pkg/full/');
    const beforeResult = requested.filter((p) => !idle(p));
    await typeSearch(page, 'coventry');
    assert.equal((await hits(page))[0]?.name, 'Coventry');
    const scripts = beforeResult.filter((p) => p.endsWith('.js'));
    assert.deepEqual(scripts.sort(), ['/dist/app-shared.js', '/dist/app.js'], `scripts: ${scripts}`);
    assert.ok(beforeResult.includes('/pkg/twinning_atlas_bg.wasm'), `no wasm: ${beforeResult}`);
    // the document, the style sheet, the wasm, two scripts, the manifest and the icon (which
    // Chromium may ask for more than once, as favicon and as the manifest's icon)
    const files = new Set(beforeResult);
    assert.ok(files.size <= 7, `${files.size} files before the result: ${[...files]}`);

    // a place's map: a lazy chunk of the bundle, the vendor bundle and the countries by URL
    await page.goto(`${s.url}#/place/coventry-gb/map`);
    await page.locator('.ta-main svg').first().waitFor({ timeout: 30_000 });
    const later = requested.filter((p) => !idle(p)).slice(beforeResult.length);
    assert.ok(
      later.some((p) => /^\/dist\/place-map-\w+\.js$/.test(p)),
      `the map's chunk was not loaded: ${later}`,
    );
    assert.ok(later.includes('/pkg/maps-vendor.js') && later.includes('/pkg/countries-110m.json'), `${later}`);
    const modules = requested.filter(
      (p) => !world(p) && (/^\/(lib|views|maps)\//.test(p) || p === '/embed.js' || p === '/app.js'),
    );
    assert.deepEqual(modules, [], 'the page loaded source modules');
    // the world network's worker, started from the bundle by its own URL
    await page.locator('.ta-root[data-ta-world="ready"]').waitFor({ timeout: 60_000 });
    assert.ok(requested.includes('/world-worker.js'), 'the world worker did not start');
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

const PKG = path.join(ROOT, 'pkg');

test("the npm package's copy of the page runs its own bundle on the package's module", {
  ...TEST,
  skip: TEST.skip || (!existsSync(path.join(PKG, 'embed', 'dist', 'files.json')) && 'pkg/ is not built'),
}, async () => {
  const s = await session();
  // the package as a CDN of npm packages serves it: pkg/ as node_modules/twinning-atlas
  const dir = await mkdtemp(path.join(tmpdir(), 'ta-cdn-'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>packages</title>');
  await cp(PKG, path.join(dir, 'node_modules', 'twinning-atlas'), { recursive: true });
  const cdn = await startServer({ root: dir });
  const at = '/node_modules/twinning-atlas/';
  try {
    const requested = [];
    s.context.on('request', (r) => {
      if (!r.serviceWorker()) requested.push(new URL(r.url()).pathname);
    });
    const page = s.page;
    await page.goto(`${cdn.url}${at.slice(1)}embed/index.html#/search?q=coventry`);
    await page.locator('.ta-results [role="option"][data-place-id="coventry-gb"]').first().waitFor({ timeout: 30_000 });
    assert.ok(requested.includes(`${at}embed/dist/app.js`), `${requested}`);
    // the package's one module, one folder up (the page's own first module is not in the package)
    assert.ok(requested.includes(`${at}twinning_atlas_bg.wasm`), `${requested}`);
    const modules = requested.filter(
      (p) => /\/embed\/(lib|views|maps)\//.test(p) && !p.endsWith('/lib/world-bytes.js'),
    );
    assert.deepEqual(modules, [], 'the package page loaded source modules');
    assert.deepEqual(s.errors, []);
  } finally {
    await cdn.stop();
    await rm(dir, { recursive: true, force: true });
    await s.close();
  }
});
