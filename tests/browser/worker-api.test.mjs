// The package's worker entry (`twinning-atlas/worker`) in Chromium, loaded from the built
// pkg/ as a site would load it: the import runs in a module Worker with progress from there,
// and a cancel in the middle of the core's import ends that worker, rejects with an
// AbortError, and leaves both the worker's data (a fresh worker on the data as it was) and
// the page's own atlas as they were.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, CHROMIUM, missing, CHROMIUM_ARGS } from './_harness.mjs';
import { createServer } from '../../scripts/serve.mjs';

const PKG = path.join(ROOT, 'pkg');
const skip =
  missing() || (existsSync(path.join(PKG, 'worker.js')) ? false : 'pkg/worker.js is not built (bash scripts/build.sh)');

async function open() {
  const server = createServer(PKG);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/`;
  const profile = await mkdtemp(path.join(tmpdir(), 'ta-worker-api-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${url}package.json`);
  return {
    page,
    errors,
    async close() {
      await context.close().catch(() => {});
      await new Promise((r) => {
        server.close(r);
        server.closeAllConnections();
      });
      await rm(profile, { recursive: true, force: true });
    },
  };
}

test('AtlasWorker imports in a module Worker, with progress from there', { skip, timeout: 90_000 }, async () => {
  const s = await open();
  try {
    const out = await s.page.evaluate(async () => {
      const { AtlasWorker } = await import('/worker.js');
      const w = await AtlasWorker.create();
      const phases = [];
      const csv =
        'city1,country1,city2,country2,since\nCoventry,United Kingdom,Volgograd,Russia,1944\nKiel,Germany,Vaasa,Finland,1967\n';
      const report = await w.import(new Blob([csv]), {
        mode: 'replace',
        sourceName: 'two rows',
        onProgress: (p) => phases.push(p.phase),
      });
      const stats = await w.call('stats');
      const found = await w.search({ text: 'vaasa', limit: 1 });
      const offThread = w.offThread;
      w.terminate();
      return { phases, report, stats, hit: found.hits[0]?.place.name, offThread };
    });
    assert.equal(out.offThread, true);
    assert.equal(out.report.rowsRead, 2);
    assert.equal(out.stats.links, 2);
    assert.equal(out.hit, 'Vaasa');
    for (const p of ['starting', 'reading', 'importing', 'packing'])
      assert.ok(out.phases.includes(p), `no ${p} in ${out.phases}`);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('cancelling an import in the middle ends the worker and leaves every atlas as it was', {
  skip,
  timeout: 120_000,
}, async () => {
  const s = await open();
  try {
    const out = await s.page.evaluate(async () => {
      const mod = await import('/index.js');
      await mod.default();
      const main = mod.Atlas.withDefaultData();
      const mainBefore = main.stats();
      const { AtlasWorker } = await import('/worker.js');
      const w = await AtlasWorker.create();
      const before = await w.call('stats');
      // a file large enough that the core is still importing when the cancel comes
      const rows = ['city1,country1,city2,country2,since'];
      for (let i = 0; i < 120000; i += 1) rows.push(`Town ${i},Germany,Ville ${i},France,${1950 + (i % 70)}`);
      const ctl = new AbortController();
      const phases = [];
      let error = null;
      try {
        await w.import(rows.join('\n'), {
          mode: 'replace',
          signal: ctl.signal,
          onProgress: (p) => {
            phases.push(p.phase);
            if (p.phase === 'importing') ctl.abort();
          },
        });
      } catch (e) {
        error = { name: e.name, message: e.message };
      }
      const after = await w.call('stats');
      const json = w.json;
      const offThread = w.offThread;
      w.terminate();
      return { error, phases, before, after, json, offThread, mainBefore, mainAfter: main.stats() };
    });
    assert.equal(out.error?.name, 'AbortError', JSON.stringify(out.error));
    assert.ok(out.phases.includes('importing'), `the cancel came before the import: ${out.phases}`);
    assert.ok(!out.phases.includes('packing'), `the import finished before the cancel: ${out.phases}`);
    assert.deepEqual(out.after, out.before);
    assert.equal(out.json, null);
    assert.equal(out.offThread, true);
    assert.deepEqual(out.mainAfter, out.mainBefore);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
