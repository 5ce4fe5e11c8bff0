// The compare view: the paper's Baltic pairs in one click, places side by side (added by
// search), countries side by side.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, TEST } from './_harness.mjs';

test(
  'one click shows the paper’s Baltic pairs and Kirkenes–Nikel on the six criteria, with what changed since the paper',
  TEST,
  async () => {
    const s = await session({ world: false });
    try {
      const page = await s.open('#/compare');
      await page.getByRole('link', { name: 'The paper’s Baltic pairs' }).click();
      await page.waitForURL(/#\/compare\?preset=baltic$/);
      await page.locator('.ta-cmp--pairs').waitFor();
      const pairs = await page.locator('.ta-cmp__pair a').allTextContents();
      assert.deepEqual(pairs, [
        'Tornio – Haparanda',
        'Valga – Valka',
        'Narva – Ivangorod',
        'Imatra – Svetogorsk',
        'Kirkenes – Nikel',
      ]);
      // each criterion row has one verdict per pair, each with its evidence
      for (const code of ['C1', 'C2', 'C3', 'C4', 'C5', 'C6']) {
        const cells = page.locator(`.ta-cmp__criterion[data-criterion="${code}"]`);
        assert.equal(await cells.count(), 5, code);
        const ev = await cells.locator('.ta-cmp__evidence').allTextContents();
        assert.ok(
          ev.every((e) => e.trim().length > 10),
          `${code}: a verdict without evidence`,
        );
      }
      // Tornio–Haparanda holds all six; Kirkenes–Nikel is not twin cities (the paper agrees)
      const verdictRow = page.locator('.ta-cmp__row--verdict td');
      assert.match(await verdictRow.nth(0).textContent(), /yes/);
      assert.match(await verdictRow.nth(4).textContent(), /no/);
      // later events changed the picture for Narva–Ivangorod: flagged with the event
      const since = page.locator('.ta-cmp__row--since td');
      assert.match(await since.nth(2).textContent(), /The picture changed.*2022/s);
      assert.match(await since.nth(0).textContent(), /Unchanged/);
      assert.match(await page.locator('.ta-cmp').textContent(), /The paper’s own assessment/);
      assert.deepEqual(s.errors, []);
    } finally {
      await s.close();
    }
  },
);

test(
  'places side by side: a place is added by searching, and the table, shared partners and distances follow',
  TEST,
  async () => {
    const s = await session({ world: false });
    try {
      const page = await s.open('#/compare?places=coventry-gb');
      assert.match(await page.locator('.ta-empty').textContent(), /at least one more/);
      const picker = page.getByRole('combobox', { name: 'Add a place' });
      await picker.pressSequentially('stalingr', { delay: 10 });
      await page.locator('.ta-picker__option', { hasText: 'Volgograd' }).first().waitFor();
      await picker.press('Enter');
      await page.waitForURL(/places=coventry-gb%2Cvolgograd-ru|places=coventry-gb,volgograd-ru/);
      const heads = await page.locator('.ta-cmp--places thead th a').allTextContents();
      assert.deepEqual(heads, ['Coventry', 'Volgograd']);
      const rows = await page
        .locator('.ta-cmp--places tbody tr')
        .evaluateAll((trs) =>
          Object.fromEntries(
            trs.map((tr) => [
              tr.querySelector('th').textContent,
              [...tr.querySelectorAll('td')].map((td) => td.textContent),
            ]),
          ),
        );
      assert.equal(rows.Partners[0], '5');
      assert.match(rows['First twinning'][0], /1944 with Volgograd/);
      assert.match(rows['Ended or suspended'][1], /1 ?Coventry/);
      assert.match(await page.locator('.ta-between').textContent(), /Coventry – Volgograd: 3,220 km/);
      // countries and continents reached come named by the core, not as codes
      assert.match(rows['Countries reached'][0], /Russia/);
      assert.doesNotMatch(rows['Countries reached'][0], /\b[A-Z]{2} \d/);
      assert.match(rows['Continents reached'][0], /Europe/);
      // removing a place goes back to one
      await page.getByRole('button', { name: 'Remove Volgograd' }).click();
      await page.locator('.ta-empty', { hasText: 'at least one more' }).waitFor();
    } finally {
      await s.close();
    }
  },
);

test('countries side by side: picked by name in any case from a list, shown as chips that remove', TEST, async () => {
  const s = await session({ world: false });
  try {
    const page = await s.open('#/compare?countries=DE');
    assert.deepEqual(await page.locator('.ta-chosen__item span').allTextContents(), ['Germany']);
    const box = page.getByRole('combobox', { name: 'Add a country' });
    // a name typed in any case; the list offers it with its code; no raw code needed
    await box.pressSequentially('FRAN', { delay: 10 });
    const option = page.locator('.ta-picker__option[data-country-code="FR"]');
    await option.waitFor();
    assert.match(await option.textContent(), /France.*FR/);
    // Germany, already chosen, is not offered again
    await box.fill('');
    await box.pressSequentially('germ', { delay: 10 });
    await page.waitForTimeout(100);
    assert.equal(await page.locator('.ta-picker__option[data-country-code="DE"]').count(), 0);
    await box.fill('');
    await box.pressSequentially('fran', { delay: 10 });
    await option.click();
    await page.waitForURL(/countries=DE%2CFR|countries=DE,FR/);
    assert.deepEqual(await page.locator('.ta-chosen__item span').allTextContents(), ['Germany', 'France']);
    assert.deepEqual(await page.locator('.ta-cmp--countries thead th[data-country]').allTextContents(), [
      'Germany (DE)',
      'France (FR)',
    ]);
    const text = await page.locator('.ta-cmp--countries').textContent();
    assert.match(text, /Top partner countries/);
    // countries come named by the core (NamedCount), not as bare codes
    assert.match(text, /United Kingdom: 8/);
    assert.doesNotMatch(text, /\bGB: \d/);
    assert.match(text, /Europe/, 'the continent is named');
    assert.match(text, /Partnerstadt/);
    // the keyboard: a word inside the name, arrow down, Enter
    const next = page.getByRole('combobox', { name: 'Add a country' });
    await next.pressSequentially('kingdom', { delay: 10 });
    await page.locator('.ta-picker__option[data-country-code="GB"]').waitFor();
    await next.press('ArrowDown');
    await next.press('Enter');
    await page.waitForURL(/countries=DE%2CFR%2CGB|countries=DE,FR,GB/);
    // a chip's × removes its country
    await page.getByRole('button', { name: 'Remove France' }).click();
    await page.waitForURL(/countries=DE%2CGB$|countries=DE,GB$/);
    assert.deepEqual(await page.locator('.ta-chosen__item span').allTextContents(), ['Germany', 'United Kingdom']);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('compare honours the thresholds in its URL and its form', TEST, async () => {
  const s = await session();
  try {
    // Tornio and Haparanda are 1.5 km apart: with a 1 km near-border distance C1 fails
    const page = await s.open('#/compare?preset=baltic&adjacentKm=1&nearBorderKm=1');
    await page.locator('.ta-cmp--pairs').waitFor();
    const c1 = page.locator('.ta-cmp__criterion[data-criterion="C1"]').first();
    assert.equal(await c1.getAttribute('data-verdict'), 'fails');
    const form = page.locator('form.ta-cmp__thresholds');
    assert.equal(await form.locator('input[name="nearBorderKm"]').inputValue(), '1');
    assert.match(await form.textContent(), /near-border ≤ 1 km/);
    // changing it in the form re-classifies and keeps it in the URL
    await form.locator('input[name="nearBorderKm"]').fill('50');
    await form.locator('input[name="adjacentKm"]').fill('15');
    await form.getByRole('button', { name: 'Re-classify' }).click();
    await page.waitForURL(/nearBorderKm=50/);
    await page.locator('.ta-cmp__criterion[data-criterion="C1"][data-verdict="holds"]').first().waitFor();
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
