// The first load runs the bundle (www/dist/, scripts/bundle-page.mjs): a handful of requests
// before the first search result, none of them a source module, and what the bundle still
// loads by URL (a map's lazy chunk and the map data, the world network's worker) resolves
// from where the source files sit. Timings are benches/first-load.mjs's job, not a test's.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, TEST, typeSearch, hits } from './_harness.mjs';

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
    const beforeResult = requested.filter((p) => !world(p));
    await typeSearch(page, 'coventry');
    assert.equal((await hits(page))[0]?.name, 'Coventry');
    const scripts = beforeResult.filter((p) => p.endsWith('.js'));
    assert.deepEqual(scripts.sort(), ['/dist/app-shared.js', '/dist/app.js'], `scripts: ${scripts}`);
    assert.ok(beforeResult.includes('/pkg/twinning_atlas_bg.wasm'), `no wasm: ${beforeResult}`);
    assert.ok(!beforeResult.some((p) => p.startsWith('/pkg/full/')), 'the full module was loaded at start');
    // the document, the style sheet, the wasm, two scripts, the manifest and the icon (which
    // Chromium may ask for more than once, as favicon and as the manifest's icon)
    const files = new Set(beforeResult);
    assert.ok(files.size <= 7, `${files.size} files before the result: ${[...files]}`);

    // a place's map: a lazy chunk of the bundle, the vendor bundle and the countries by URL
    await page.goto(`${s.url}#/place/coventry-gb/map`);
    await page.locator('.ta-main svg').first().waitFor({ timeout: 30_000 });
    const later = requested.filter((p) => !world(p)).slice(beforeResult.length);
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
