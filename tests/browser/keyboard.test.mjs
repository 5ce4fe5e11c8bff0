// The search box as a combobox: arrow keys move through the hits, Enter opens one, Escape
// clears.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, TEST, typeSearch, hits } from './_harness.mjs';

/** The home view once the world network is laid under the atlas: the hits for a query do not
 * change (grow and reorder) between reading them and pressing keys on them. */
async function settled(s) {
  const page = await s.open('#/');
  await page.locator('.ta-root[data-ta-world="ready"]').waitFor({ timeout: 60_000 });
  return page;
}

test('ArrowDown twice and Enter opens the second hit; Escape clears the box', TEST, async () => {
  const s = await session();
  try {
    const page = await settled(s);
    const box = await typeSearch(page, 'co');
    const list = await hits(page);
    assert.ok(list.length >= 2, `need two hits for "co", got ${list.length}`);
    assert.equal(await box.getAttribute('aria-expanded'), 'true');

    await box.press('ArrowDown');
    await box.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    assert.ok(active, 'no active option after ArrowDown');
    const option = page.locator(`[id="${active}"]`);
    assert.equal(await option.getAttribute('aria-selected'), 'true');
    assert.equal(await option.getAttribute('data-place-id'), list[1].id);

    await box.press('Enter');
    await page.locator('.ta-view--place').waitFor();
    assert.match(page.url(), new RegExp(`#/place/${list[1].id}$`));
    assert.equal(await page.locator('h1').textContent(), list[1].name);
    // Focus moved to the view's heading.
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');

    // Back returns to the hits.
    await page.goBack();
    await page.locator('.ta-results').waitFor();
    assert.equal(await box.inputValue(), 'co');

    await box.focus();
    await box.press('Escape');
    assert.equal(await box.inputValue(), '');
    assert.equal(await page.locator('.ta-results').count(), 0);
  } finally {
    await s.close();
  }
});

test('Tab from the box reaches the first hit, and Enter on it opens the place', TEST, async () => {
  const s = await session({ world: false });
  try {
    const page = await s.open('#/');
    const box = await typeSearch(page, 'narva');
    const list = await hits(page);
    await box.press('Tab');
    // the filters form may come first in the tab order: tab on until a hit has focus
    for (let i = 0; i < 10; i += 1) {
      if (await page.evaluate(() => document.activeElement?.getAttribute('role') === 'option')) break;
      await page.keyboard.press('Tab');
    }
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.placeId), list[0].id);
    await page.keyboard.press('Enter');
    await page.locator('.ta-view--place').waitFor();
    assert.match(page.url(), new RegExp(`#/place/${list[0].id}$`));
  } finally {
    await s.close();
  }
});

test('each committed query is one history entry; Back never leaves the app', TEST, async () => {
  const s = await session({ world: false });
  try {
    const page = await s.open('#/');
    const box = await typeSearch(page, 'narva');
    await box.press('Enter'); // commits the query (and opens the first hit)
    await page.locator('.ta-view--place').waitFor();
    await page.goBack();
    await page.locator('.ta-results').waitFor();
    assert.equal(await box.inputValue(), 'narva');
    await box.focus();
    await box.fill('');
    await box.pressSequentially('kiel', { delay: 15 });
    await page.waitForFunction(() => document.querySelector('.ta-count')?.textContent.includes('“kiel”'));
    await box.evaluate((b) => b.blur()); // leaving the box commits "kiel"
    await page.goBack();
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('q=narva'));
    assert.equal(await box.inputValue(), 'narva');
    await page.goBack();
    await page.waitForFunction(() => location.hash === '' || location.hash === '#/');
    assert.ok(page.url().startsWith(s.url), `Back left the app: ${page.url()}`);
    assert.equal(await page.locator('.ta-view--search').count(), 1);
  } finally {
    await s.close();
  }
});
