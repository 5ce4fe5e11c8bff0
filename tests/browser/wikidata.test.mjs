// Live Wikidata (issue 12): "Load from Wikidata" posts the documented P190 query to
// https://query.wikidata.org/sparql — here answered inside the browser (Playwright routing,
// after the page's CSP has let the request through) with the query service's real response
// format (application/sparql-results+json, tests/fixtures/import/wikidata.json) — shows its
// progress, can be cancelled, imports through the same importer and report, and offline says
// so without asking anything.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { session, TEST, ROOT } from './_harness.mjs';

const ANSWER = readFileSync(path.join(ROOT, 'tests', 'fixtures', 'import', 'wikidata.json'));
const ENDPOINT = 'https://query.wikidata.org/sparql';

/** Collect every text the Wikidata panel's status line shows. */
async function watchStatus(page) {
  await page.evaluate(() => {
    window.__wdStatus = [];
    new MutationObserver(() => {
      const t = document.querySelector('.ta-wikidata__status')?.textContent;
      if (t && window.__wdStatus.at(-1) !== t) window.__wdStatus.push(t);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

test(
  'loading one place from Wikidata runs the P190 query with its date qualifiers and imports the answer with a report',
  TEST,
  async () => {
    const s = await session({ world: false });
    try {
      const asked = [];
      let release;
      const held = new Promise((resolve) => {
        release = resolve;
      });
      await s.page.route(`${ENDPOINT}*`, async (route) => {
        const req = route.request();
        asked.push({ method: req.method(), accept: req.headers().accept, body: req.postData() ?? '' });
        await held;
        await route.fulfill({
          status: 200,
          contentType: 'application/sparql-results+json; charset=utf-8',
          body: ANSWER,
        });
      });
      // a place with a Wikidata id offers the load, its id filled in
      const page = await s.open('#/place/volgograd-ru');
      await page.locator('a[data-wikidata="Q914"]').click();
      await page.locator('.ta-wikidata').waitFor();
      assert.equal(await page.getByLabel('Wikidata id or country code').inputValue(), 'Q914');
      await watchStatus(page);
      await page.getByLabel('Partnerships of').selectOption('place');
      await page.getByLabel('Wikidata id or country code').fill('Q23311');
      await page.getByRole('button', { name: 'Load from Wikidata' }).click();
      await page.waitForFunction(() => document.querySelector('.ta-wikidata')?.dataset.state === 'loading');
      assert.match(await page.locator('.ta-wikidata__status').textContent(), /Asking Wikidata/);
      assert.ok(await page.getByRole('button', { name: 'Cancel' }).isVisible());
      release();
      await page.locator('.ta-report').waitFor({ timeout: 30_000 });
      assert.equal(asked.length, 1);
      assert.equal(asked[0].method, 'POST');
      assert.match(asked[0].accept, /application\/sparql-results\+json/);
      const query = new URLSearchParams(asked[0].body).get('query');
      assert.match(query, /VALUES \?item \{ wd:Q23311 \}/);
      assert.match(query, /ps:P190/);
      assert.match(query, /pqv:P580/);
      assert.match(query, /pqv:P582/);
      const texts = await page.evaluate(() => window.__wdStatus);
      assert.ok(
        texts.some((t) => /Receiving the answer: [\d,]+ KB so far|Received [\d,]+ KB from Wikidata/.test(t)),
        texts.join(' | '),
      );
      assert.match(await page.locator('.ta-report').textContent(), /sparql_json/);
      assert.equal(await page.locator('.ta-report [data-count="rowsRead"] dd').textContent(), '3');
      assert.deepEqual(s.errors, []);
    } finally {
      await s.close();
    }
  },
);

test('a Wikidata load can be cancelled: nothing is imported and the data shown is unchanged', TEST, async () => {
  const s = await session({ world: false });
  try {
    let asked = 0;
    await s.page.route(`${ENDPOINT}*`, async () => {
      asked += 1; // never answered: the user cancels
    });
    const page = await s.open('#/data');
    const before = await page.locator('.ta-shown').textContent();
    await page.getByLabel('Partnerships of').selectOption('country');
    await page.getByLabel('Wikidata id or country code').fill('de');
    await page.getByRole('button', { name: 'Load from Wikidata' }).click();
    await page.waitForFunction(() => document.querySelector('.ta-wikidata')?.dataset.state === 'loading');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForFunction(() => document.querySelector('.ta-wikidata')?.dataset.state === 'cancelled');
    assert.match(await page.locator('.ta-wikidata__status').textContent(), /Cancelled: nothing was imported/);
    assert.equal(asked, 1);
    assert.equal(await page.locator('.ta-report').count(), 0);
    assert.equal(await page.locator('.ta-shown').textContent(), before);
    assert.ok(await page.getByRole('button', { name: 'Load from Wikidata' }).isEnabled());
  } finally {
    await s.close();
  }
});

test(
  'offline, Load from Wikidata says so and sends nothing; a bad id is refused before anything is sent',
  TEST,
  async () => {
    const s = await session({ world: false });
    try {
      let asked = 0;
      await s.page.route(`${ENDPOINT}*`, async (route) => {
        asked += 1;
        await route.abort();
      });
      const page = await s.open('#/data');
      await page.getByLabel('Wikidata id or country code').fill('Coventry');
      await page.getByRole('button', { name: 'Load from Wikidata' }).click();
      assert.match(await page.locator('.ta-wikidata__status').textContent(), /Give a Wikidata id such as Q83404/);
      assert.equal(await page.getByLabel('Wikidata id or country code').getAttribute('aria-invalid'), 'true');
      await s.context.setOffline(true);
      await page.evaluate(() => window.dispatchEvent(new Event('offline')));
      // the view drawn while offline says so at once
      await page.goto(`${s.base}#/about`);
      await page.goto(`${s.base}#/data`);
      await page.locator('.ta-wikidata__offline').waitFor();
      await page.getByLabel('Wikidata id or country code').fill('Q23311');
      await page.getByRole('button', { name: 'Load from Wikidata' }).click();
      await page.waitForFunction(() => document.querySelector('.ta-wikidata')?.dataset.state === 'offline');
      assert.match(await page.locator('.ta-wikidata__status').textContent(), /You are offline/);
      assert.equal(asked, 0);
    } finally {
      await s.context.setOffline(false).catch(() => {});
      await s.close();
    }
  },
);
