// The page's two wasm modules (docs/first-load.md): the first views (search, a place, a link)
// work on the page's first module alone; a view that needs the full module waits for it in
// one place and then works, also on a cold load; and the move to the full module keeps what
// the user had (a restored import). The full module's requests are held at the network
// (`page.route`) so that "before the move" is a state the test controls, not a race.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, TEST, ready, typeSearch, hits, partnerRows, importCsv } from './_harness.mjs';

/** Hold every request for the full module (`pkg/full/…`) until `release()`. */
async function holdFullModule(page) {
  let release;
  const gate = new Promise((resolve) => {
    release = resolve;
  });
  const held = [];
  await page.route(/\/pkg\/full\//, async (route) => {
    held.push(new URL(route.request().url()).pathname);
    await gate;
    await route.continue();
  });
  return { held, release: () => release() };
}

const moduleOf = (page) => page.locator('.ta-root').getAttribute('data-ta-module');

test(
  'search, a place and a link work on the first module alone; compare waits for the full one, then works',
  TEST,
  async () => {
    const s = await session({ world: false, serviceWorkers: 'block' });
    try {
      const full = await holdFullModule(s.page);
      const page = await s.open();
      assert.equal(await moduleOf(page), 'first');
      // the first module really lacks what only the full one has
      assert.deepEqual(
        await page.evaluate(async () => {
          const m = await import('./pkg/twinning_atlas.js');
          return ['search', 'place', 'partners', 'comparePairs', 'applyEdits', 'loadWorldBytes', 'mapData'].map(
            (k) => typeof m.Atlas.prototype[k],
          );
        }),
        ['function', 'function', 'function', 'undefined', 'undefined', 'undefined', 'undefined'],
      );
      await typeSearch(page, 'coventry');
      assert.ok(
        (await hits(page)).some((x) => x.id === 'coventry-gb'),
        'no Coventry among the hits',
      );
      await page.locator('.ta-hit[data-place-id="coventry-gb"]').click();
      await page.locator('.ta-view--place h1', { hasText: 'Coventry' }).waitFor();
      assert.ok((await partnerRows(page)).length >= 5, 'Coventry shows fewer than 5 partners');
      await page.goto(`${s.base}#/link/coventry-gb~volgograd-ru`);
      await page.locator('.ta-view--link').waitFor();
      assert.equal(await moduleOf(page), 'first');

      // a view that needs the full module says it is loading until it is there
      await page.goto(`${s.base}#/compare`);
      await page.locator('.ta-main [data-code="full_loading"]').waitFor();
      assert.ok(
        full.held.includes('/pkg/full/twinning_atlas.js'),
        `the full module was not asked for: ${full.held.join(', ')}`,
      );
      full.release();
      await page.locator('.ta-view--compare').waitFor({ timeout: 30_000 });
      assert.equal(await page.locator('.ta-main [data-code="full_loading"]').count(), 0);
      assert.equal(await moduleOf(page), 'full');
      assert.ok(
        (await page.locator('.ta-view--compare').textContent()).includes('Tornio'),
        'the comparison shows no Tornio',
      );
      // the first views keep working on the full module
      await page.goto(`${s.base}#/search?q=volgograd`);
      assert.ok((await hits(page)).some((x) => x.id === 'volgograd-ru'));
      assert.deepEqual(s.errors, []);
    } finally {
      await s.close();
    }
  },
);

test('a cold load of a view that needs the full module (compare, statistics) shows it', TEST, async () => {
  const s = await session({ world: false, serviceWorkers: 'block' });
  try {
    const page = await s.open('#/compare');
    await page.locator('.ta-view--compare').waitFor({ timeout: 30_000 });
    assert.equal(await moduleOf(page), 'full');
    await page.goto(`${s.base}#/statistics`);
    await page.locator('.ta-main h1', { hasText: 'Statistics' }).waitFor();
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('an import restored on the first module is still shown after the move to the full one', TEST, async () => {
  const s = await session({ world: false, serviceWorkers: 'block' });
  try {
    let page = await s.open('#/data');
    const csv = 'city1,country1,city2,country2,since\nTestdorf,Germany,Essaiville,France,1961\n';
    await importCsv(page, 'two-towns.csv', csv);

    // a reload: the saved import is restored on the first module, the full one held back
    const full = await holdFullModule(page);
    await page.goto(`${s.base}#/search?q=essaiville`);
    await page.reload();
    await ready(page);
    page = s.page;
    await page.locator('.ta-notice', { hasText: 'Showing your imported data' }).waitFor();
    assert.equal(await moduleOf(page), 'first');
    assert.ok(
      (await hits(page)).some((x) => /essaiville/.test(x.id)),
      'the import is not shown on the first module',
    );

    // the move: the same data, the notice kept, the view left as it is
    full.release();
    await page.waitForFunction(() => document.querySelector('.ta-root')?.dataset.taModule === 'full', null, {
      timeout: 30_000,
    });
    assert.ok(
      (await hits(page)).some((x) => /essaiville/.test(x.id)),
      'the import is gone after the move',
    );
    await typeSearch(page, 'testdorf');
    const testdorf = (await hits(page)).find((x) => /testdorf/.test(x.id));
    assert.ok(testdorf, 'Testdorf is gone after the move');
    await typeSearch(page, 'coventry');
    assert.ok(
      (await hits(page)).some((x) => x.id === 'coventry-gb'),
      'the curated data is gone after the move',
    );
    assert.equal(await page.locator('.ta-notice', { hasText: 'Showing your imported data' }).count(), 1);
    await page.goto(`${s.base}#/data`);
    assert.equal(await page.locator('.ta-shown').getAttribute('data-shown'), 'imported');
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
