// Import and export in the page: the Hekman file through the file input (in a Web Worker),
// its report, its places found by search (a virtualised list of thousands of hits), the data
// kept across a reload (IndexedDB) until reset, a broken file that changes nothing, and the
// exports as downloads.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { session, TEST, ROOT, typeSearch, hits, partnerRows } from './_harness.mjs';

const HEKMAN = path.resolve(ROOT, '..', 'shared', 'data', 'hekman_twin_cities_geocoded.csv');
const NO_DATA = existsSync(HEKMAN) ? false : `${HEKMAN} is absent (../shared/data holds the real-world files)`;
if (NO_DATA) console.log(`# skipping the Hekman import test: ${NO_DATA}`);

/** A report count as shown (`data-count` key) as a number. */
async function count(page, key) {
  return Number((await page.locator(`.ta-report [data-count="${key}"] dd`).textContent()).replace(/,/g, ''));
}

test('importing the Hekman file: the report, its places and partners, thousands of hits in few rows, kept across a reload until reset', {
  ...TEST,
  skip: TEST.skip || NO_DATA,
  timeout: 180_000,
}, async () => {
  const lines = readFileSync(HEKMAN, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const selfLoops = lines.slice(1).filter((l) => {
    const f = l.split(',');
    return f.length === 8 && f[0] === f[4] && f[1] === f[5];
  }).length;
  const s = await session({ world: false });
  try {
    const page = await s.open('#/data');
    assert.equal(await page.locator('.ta-shown').getAttribute('data-shown'), 'curated');
    await page.locator('input[type="file"]').setInputFiles(HEKMAN);
    await page.getByRole('button', { name: 'Import' }).click();
    // progress is shown while the worker runs, and the page stays responsive
    await page.locator('.ta-progress:not([hidden])').waitFor({ timeout: 10_000 });
    assert.equal(await page.evaluate(() => 1 + 1), 2);
    await page.locator('.ta-report').waitFor({ timeout: 120_000 });
    assert.equal(await count(page, 'rowsRead'), lines.length - 1);
    assert.equal(await count(page, 'rowsRejected'), await page.locator('.ta-rejected tbody tr').count());
    assert.ok((await count(page, 'rowsRejected')) >= selfLoops, 'the self-loops are rejected');
    assert.equal((await count(page, 'rowsAccepted')) + (await count(page, 'rowsRejected')), lines.length - 1);
    assert.equal(await count(page, 'pairs'), (await count(page, 'bothWays')) + (await count(page, 'oneWay')));
    assert.ok((await count(page, 'linksAdded')) > 20_000);
    assert.ok((await count(page, 'placesAdded')) > 15_000);
    assert.ok((await count(page, 'placesMatched')) > 0, 'curated places are enriched, not duplicated');
    assert.match(await page.locator('.ta-rejected').textContent(), /self-loop/);
    assert.match(await page.locator('#ta-report-flagged').locator('..').textContent(), /Perth/);
    // the rejected rows download as CSV
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.ta-download-rejected').click(),
    ]);
    assert.equal(download.suggestedFilename(), 'rejected-rows.csv');
    const csv = await readFile(await download.path(), 'utf8');
    assert.match(csv, /^row,line,reason,raw\r\n/);
    assert.match(csv, /self-loop/);

    // a place only Hekman has, with its partners
    await typeSearch(page, 'Berat');
    const berat = (await hits(page)).find((x) => x.id === 'berat-al');
    assert.ok(berat, 'Berat (Albania) not found after the import');
    await page.locator('.ta-hit[data-place-id="berat-al"]').click();
    await page.locator('.ta-view--place h1', { hasText: 'Berat' }).waitFor();
    assert.ok((await partnerRows(page)).length >= 5, 'Berat shows no partners');

    // thousands of hits, but only the rows in view are in the DOM; scrolling brings others
    await typeSearch(page, 'a');
    const total = Number(
      (await page.locator('.ta-count').textContent()).match(/^([\d,]+) places/)[1].replace(/,/g, ''),
    );
    assert.ok(total > 1000, `only ${total} hits for "a"`);
    const rows = await page.locator('.ta-results [role="option"]').count();
    assert.ok(rows > 0 && rows < 60, `${rows} option elements in the DOM for ${total} hits`);
    assert.equal(await page.locator('.ta-results [role="option"]').first().getAttribute('aria-setsize'), String(total));
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    await page.waitForFunction(
      () => Number(document.querySelector('.ta-results [role="option"]')?.getAttribute('aria-posinset')) > 200,
    );
    assert.ok((await page.locator('.ta-results [role="option"]').count()) < 60);
    // PageDown keeps the active option in the DOM and announced
    const box = page.getByRole('combobox', { name: /search places/i });
    await box.press('PageDown');
    await box.press('PageDown');
    const active = await box.getAttribute('aria-activedescendant');
    assert.equal(await page.locator(`[id="${active}"]`).getAttribute('aria-posinset'), '20');

    // a reload restores the imported data from IndexedDB
    await page.goto(`${s.base}#/search?q=berat`);
    await page.reload();
    await page.locator('.ta-notice', { hasText: 'Showing your imported data' }).waitFor({ timeout: 30_000 });
    await page.locator('.ta-results').waitFor({ timeout: 30_000 });
    assert.ok(
      (await hits(page)).some((x) => x.id === 'berat-al'),
      'Berat is gone after a reload',
    );
    // reset: back to the curated data, and it stays so after a reload
    await page.locator('.ta-notice').getByRole('button', { name: 'Reset to the curated data' }).click();
    await page.locator('.ta-notice').waitFor({ state: 'detached' });
    await typeSearch(page, 'Berat');
    assert.ok(!(await hits(page)).some((x) => x.id === 'berat-al'), 'Berat is still there after the reset');
    await page.reload();
    await page.locator('.ta-view').first().waitFor();
    assert.equal(await page.locator('.ta-notice').count(), 0);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('a broken file shows a clear error and leaves the data as it was', TEST, async () => {
  const s = await session({ world: false });
  try {
    const page = await s.open('#/data');
    const before = await page.locator('.ta-shown').textContent();
    await page.locator('input[type="file"]').setInputFiles({
      name: 'broken.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x00]),
    });
    await page.getByRole('button', { name: 'Import' }).click();
    const error = page.locator('.ta-import-result .ta-error');
    await error.waitFor({ timeout: 30_000 });
    assert.equal(await error.getAttribute('data-code'), 'parse_error');
    assert.match(await error.textContent(), /broken\.csv could not be imported.*line 1, column \d+/s);
    assert.match(await page.locator('.ta-import [role="status"]').textContent(), /unchanged/);
    assert.equal(await page.locator('.ta-shown').textContent(), before);
    await typeSearch(page, 'stalingrad');
    assert.equal((await hits(page))[0]?.name, 'Volgograd');
  } finally {
    await s.close();
  }
});

test('the export buttons download CSV, our JSON and GeoJSON of the data shown', TEST, async () => {
  const s = await session({ world: false });
  try {
    const page = await s.open('#/data');
    for (const [name, file, check] of [
      ['CSV', 'twinning-atlas.csv', (t) => /^link_id,/.test(t) && /coventry-gb~volgograd-ru/.test(t)],
      ['Our JSON', 'twinning-atlas.json', (t) => JSON.parse(t).format === 'twinning-atlas/1'],
      ['GeoJSON', 'twinning-atlas.geojson', (t) => JSON.parse(t).type === 'FeatureCollection'],
    ]) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name, exact: true }).click(),
      ]);
      assert.equal(download.suggestedFilename(), file);
      assert.ok(check(await readFile(await download.path(), 'utf8')), `${file} has the wrong content`);
    }
    assert.equal(await page.locator('a.ta-download[download]').count(), 3);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('choosing “replace” says what will no longer be there before anything happens', TEST, async () => {
  const s = await session();
  try {
    const page = await s.open('#/data');
    const warning = page.locator('.ta-replace-warning');
    assert.equal(await warning.isVisible(), false);
    await page.getByLabel(/Replace it/).check();
    await warning.waitFor();
    const text = await warning.textContent();
    assert.match(text, /Baltic/);
    assert.match(text, /\d+ places and \d+ links/);
    await page.getByLabel(/Merge/).check();
    await warning.waitFor({ state: 'hidden' });
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
