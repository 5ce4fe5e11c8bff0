// One session per mount (www/lib/store.js): sessions share nothing, only the page's keeps data
// in IndexedDB, and a session frees the atlases it owns but never the one all mounts share.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createSession } from '../../www/lib/store.js';

const pkgBuilt = existsSync(new URL('../../pkg/node.js', import.meta.url));

test('two sessions share nothing', () => {
  const a = createSession();
  const b = createSession();
  a.json = '{"format":"twinning-atlas/1"}';
  a.name = 'pairs.csv';
  a.lastImport = { report: {}, timings: {} };
  assert.equal(b.json, null);
  assert.equal(b.name, null);
  assert.equal(b.lastImport, null);
});

test("an embed's session keeps nothing and says why, in words a page can show", async () => {
  const s = createSession();
  assert.equal(s.persist, false);
  await assert.rejects(
    s.save('{}', { name: 'x.csv' }),
    (err) => err.code === 'store_off' && /keeps nothing between visits/.test(err.message),
  );
  assert.equal(await s.loadSaved(), null);
  await s.clear(); // nothing to clear, no error
});

test("the page's session reaches for IndexedDB (absent in Node: a clear error, nothing claimed saved)", async () => {
  const s = createSession({ persist: true });
  await assert.rejects(s.save('{}', {}), /IndexedDB is not available/);
  assert.equal(await s.loadSaved(), null);
});

test('release frees an owned atlas after the current turn, never a shared one', {
  skip: pkgBuilt ? false : 'pkg/ is not built (bash scripts/build.sh)',
}, async () => {
  const { Atlas } = await import('../../pkg/node.js');
  const s = createSession();
  const shared = s.shared(Atlas.withDefaultData());
  const owned = Atlas.withDefaultData();
  s.release(shared);
  s.release(owned);
  // still usable during this turn: views already drawn may read it
  assert.ok(owned.stats().places > 0);
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert.throws(
    () => owned.stats(),
    (err) => err.code === 'freed',
  );
  assert.ok(shared.stats().places > 0, 'the shared atlas was freed');
  shared.free();
});

test('full(): at once on the full module; else the move runs once, and again after a failure', async () => {
  const embed = createSession();
  assert.equal(embed.firstModule, false);
  await embed.full(); // an embed starts on the full module: nothing to wait for

  const page = createSession({ persist: true });
  page.firstModule = true;
  await assert.rejects(page.full(), /cannot load the full module/);
  let runs = 0;
  let fail = true;
  page.upgrade = async () => {
    runs += 1;
    if (fail) throw new Error('offline');
    page.firstModule = false;
  };
  await assert.rejects(page.full(), /offline/);
  fail = false;
  await Promise.all([page.full(), page.full()]);
  assert.equal(runs, 2, 'the move after a failure runs once for both callers');
  assert.equal(page.firstModule, false);
  await page.full();
  assert.equal(runs, 2);
});
