// The search view beyond plain hits: the matched part highlighted, links between two named
// places, filters and sort kept in the URL, and the combobox/listbox roles.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, TEST, typeSearch, hits } from './_harness.mjs';

test(
  'the matched part of each name is highlighted with <mark>, also inside a later word and an old name',
  TEST,
  async () => {
    const s = await session({ world: false });
    try {
      const page = await s.open('#/');
      await typeSearch(page, 'oder');
      const frankfurt = page.locator('.ta-hit[data-place-id="frankfurt-oder-de"]');
      assert.equal(await frankfurt.locator('mark').textContent(), 'Oder');
      assert.equal(await frankfurt.locator('.ta-hit__current').textContent(), 'Frankfurt (Oder)');
      await typeSearch(page, 'stal');
      const volgograd = page.locator('.ta-hit[data-place-id="volgograd-ru"]');
      assert.equal(await volgograd.locator('.ta-hit__matched mark').textContent(), 'Stal');
      assert.equal(await volgograd.locator('.ta-hit__matched').textContent(), 'Stalingrad');
      // the mark is a real element holding text, never markup from a string
      assert.equal(await page.locator('.ta-results mark *').count(), 0);
    } finally {
      await s.close();
    }
  },
);

test('"coventry dresden" offers the link between them first; Enter opens it', TEST, async () => {
  const s = await session({ world: false });
  try {
    const page = await s.open('#/');
    const box = await typeSearch(page, 'coventry dresden');
    const first = page.locator('.ta-results [role="option"]').first();
    assert.equal(await first.getAttribute('data-link-id'), 'coventry-gb~dresden-de');
    assert.match(await first.textContent(), /Link: Coventry – Dresden.*since 1956.*established/s);
    assert.match(await page.locator('.ta-count').textContent(), /1 link between places it names/);
    await box.press('Enter');
    await page.locator('.ta-view--link').waitFor();
    assert.match(page.url(), /#\/link\/coventry-gb~dresden-de$/);
  } finally {
    await s.close();
  }
});

test('filters and sort narrow the list, live in the URL and survive a reload', TEST, async () => {
  const s = await session({ world: false });
  try {
    const page = await s.open('#/');
    await page.locator('.ta-filters__summary').click();
    await page.getByLabel('Country (ISO code)').fill('de');
    await page.waitForURL(/country=de/);
    await page.getByLabel('Sort by').selectOption('population');
    await page.waitForURL(/sort=population/);
    const check = async () => {
      const list = await hits(page);
      assert.ok(list.length > 5, `only ${list.length} German places`);
      assert.ok(
        list.every((x) => /Germany/.test(x.text)),
        'a hit outside Germany',
      );
      assert.deepEqual(
        list.slice(0, 2).map((x) => x.name),
        ['Hamburg', 'Munich'],
      );
      assert.match(await page.locator('.ta-count').textContent(), /places match the filters/);
    };
    await check();
    await page.reload();
    await page.locator('.ta-results').waitFor();
    await check();
    assert.equal(await page.getByLabel('Country (ISO code)').inputValue(), 'de');
    // text and a status filter together; typing keeps the filters
    await page.getByLabel('Has a link that is').selectOption('suspended');
    await page.waitForURL(/status=suspended/);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL((u) => !/country=|status=/.test(u.hash));
    await page.getByLabel('Has a link that is').selectOption('suspended');
    const box = await typeSearch(page, 'volg');
    await page.waitForURL(/q=volg.*status=suspended|status=suspended.*q=volg/);
    assert.deepEqual(
      (await hits(page)).map((x) => x.name),
      ['Volgograd'],
    );
    assert.equal(await box.inputValue(), 'volg');
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test(
  'the box is a combobox that controls the listbox; the active option is announced by aria-activedescendant',
  TEST,
  async () => {
    const s = await session({ world: false });
    try {
      const page = await s.open('#/');
      const box = await typeSearch(page, 'co');
      const listId = await box.getAttribute('aria-controls');
      assert.ok(listId);
      assert.equal(await page.locator(`[id="${listId}"]`).getAttribute('role'), 'listbox');
      const options = page.locator(`[id="${listId}"] [role="option"]`);
      assert.equal(await options.first().getAttribute('aria-posinset'), '1');
      const setsize = Number(await options.first().getAttribute('aria-setsize'));
      assert.ok(setsize >= 2);
      await box.press('ArrowUp'); // from nothing, up goes to the last
      const last = await box.getAttribute('aria-activedescendant');
      assert.equal(await page.locator(`[id="${last}"]`).getAttribute('aria-posinset'), String(setsize));
      await box.press('Escape');
      assert.equal(await box.getAttribute('aria-activedescendant'), null);
      assert.equal(await box.inputValue(), 'co', 'the first Escape only leaves the list');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'combobox');
    } finally {
      await s.close();
    }
  },
);
