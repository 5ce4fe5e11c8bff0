// The page's first module has no importers (scripts/build.sh): the page starts on it and the
// data view (a view that needs the full module) waits for the full one, and an import must
// still work where no worker can start (as on a page of another origin), by running the same
// job module on the page's thread with the full module.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, TEST, typeSearch, hits, importCsv } from './_harness.mjs';

test(
  'the page starts on the first module, the data view on the full one; without workers an import runs here',
  TEST,
  async () => {
    const s = await session({ world: false });
    try {
      const requested = [];
      // the page's own requests (the service worker precaches every file, the full module too,
      // once the page has started; its requests are not the page's load)
      s.context.on('request', (r) => {
        if (!r.serviceWorker()) requested.push(new URL(r.url()).pathname);
      });
      // no Worker can start on this page
      await s.context.addInitScript(() => {
        window.Worker = class {
          constructor() {
            throw new DOMException('workers are not allowed here', 'SecurityError');
          }
        };
      });
      // the import job: lib/import-job.js, in the page's bundle a lazy chunk with the worker's client
      const job = (p) => p === '/lib/import-job.js' || /^\/dist\/atlas-worker-\w+\.js$/.test(p);
      const page = await s.open('#/data');
      await page.locator('.ta-shown').waitFor({ timeout: 30_000 });
      const first = requested.indexOf('/pkg/twinning_atlas_bg.wasm');
      const full = requested.indexOf('/pkg/full/twinning_atlas_bg.wasm');
      assert.ok(first >= 0, `the first module was not loaded: ${requested}`);
      assert.ok(full > first, `the full module was not loaded after the first one: ${requested}`);
      assert.ok(!requested.some(job), 'the first load fetched the import job');

      const csv = 'city1,country1,city2,country2,since\nTestdorf,Germany,Essaiville,France,1961\n';
      await importCsv(page, 'two-towns.csv', csv);
      const count = async (key) =>
        Number((await page.locator(`.ta-report [data-count="${key}"] dd`).textContent()).replace(/,/g, ''));
      assert.equal(await count('rowsRead'), 1);
      assert.equal(await count('linksAdded'), 1);
      assert.equal(await count('placesAdded'), 2);
      assert.ok(requested.includes('/pkg/full/twinning_atlas_bg.wasm'), 'the import did not load the full module');
      assert.ok(requested.some(job), `the import job was not loaded: ${requested}`);
      assert.ok(!requested.includes('/worker.js'), 'a worker started after all');

      await typeSearch(page, 'essaiville');
      assert.equal((await hits(page))[0]?.name, 'Essaiville');
      assert.deepEqual(s.errors, []);
    } finally {
      await s.close();
    }
  },
);
