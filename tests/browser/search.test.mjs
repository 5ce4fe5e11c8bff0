// Searching from the header box: results on every keystroke, old and foreign names, a live
// count, and the partners of what was found.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, TEST, typeSearch, hits, partnerRows } from './_harness.mjs';

test(
  'typing "stalingrad" shows Volgograd, matched as Stalingrad, with its Coventry link established 1944 and suspended 2022',
  TEST,
  async () => {
    const s = await session({ world: false });
    try {
      const page = await s.open('#/');
      await typeSearch(page, 'stalingrad');
      const first = (await hits(page))[0];
      assert.ok(first, 'no hit for "stalingrad"');
      assert.equal(first.name, 'Volgograd');
      assert.equal(first.matched, 'Stalingrad');
      assert.match(first.text, /Stalingrad\s*→\s*.*Volgograd/);
      assert.match(await page.locator('.ta-count').textContent(), /match(es)? “stalingrad”/);
      assert.match(page.url(), /#\/search\?q=stalingrad$/);

      await page.locator('.ta-results [role="option"]').first().click();
      await page.locator('.ta-view--place').waitFor();
      assert.equal(await page.locator('h1').textContent(), 'Volgograd');
      const coventry = (await partnerRows(page)).find((r) => r.partner === 'Coventry');
      assert.ok(coventry, 'Volgograd has no partner Coventry');
      assert.equal(coventry.since, '1944');
      assert.equal(coventry.until, '2022');
      assert.equal(coventry.status, 'suspended');
      // Volgograd's names include its historic one.
      assert.match(await page.locator('.ta-names').textContent(), /Stalingrad/);

      // As of 2021 the link was in force.
      await page.getByLabel('Status as of').fill('2021');
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL(/asOf=2021/);
      await page.locator('h2', { hasText: 'Partners at the end of 2021' }).waitFor();
      const before = (await partnerRows(page)).find((r) => r.partner === 'Coventry');
      assert.equal(before.status, 'established');

      // The link's own view: the timeline with the 1944 founding and the 2022 pause.
      await page.locator(`.ta-partner[data-partner-id="coventry-gb"] .ta-more:not(.ta-more--pair)`).click();
      await page.locator('.ta-view--link').waitFor();
      const events = await page.locator('.ta-event').allTextContents();
      assert.ok(
        events.some((e) => /1944/.test(e) && /established/i.test(e)),
        `no 1944 event in ${events}`,
      );
      assert.ok(
        events.some((e) => /2022-03-22/.test(e) && /suspended/i.test(e)),
        `no 2022-03-22 suspension in ${events}`,
      );
      assert.deepEqual(s.errors, []);
    } finally {
      await s.close();
    }
  },
);

test('"enso" finds Svetogorsk, the town the border split off from Enso', TEST, async () => {
  const s = await session({ world: false });
  try {
    const page = await s.open('#/');
    await typeSearch(page, 'enso');
    const list = await hits(page);
    assert.equal(list[0]?.name, 'Svetogorsk');
    assert.equal(list[0]?.matched, 'Enso');
  } finally {
    await s.close();
  }
});

for (const [accented, plain] of [
  ['Köln', 'koln'],
  ['Córdoba', 'CORDOBA'],
]) {
  test(`"${accented}" and "${plain}" give the same, non-empty list`, TEST, async () => {
    const s = await session({ world: false });
    try {
      const page = await s.open('#/');
      await typeSearch(page, accented);
      const a = (await hits(page)).map((x) => x.id);
      await typeSearch(page, plain);
      const b = (await hits(page)).map((x) => x.id);
      assert.ok(a.length > 0, `no hit for ${accented}`);
      assert.deepEqual(b, a);
    } finally {
      await s.close();
    }
  });
}

test('"ankh" finds the fictional Ankh-Morpork and its partner Wincanton', TEST, async () => {
  const s = await session({ world: false });
  try {
    const page = await s.open('#/');
    await typeSearch(page, 'ankh');
    const first = (await hits(page))[0];
    assert.equal(first?.name, 'Ankh-Morpork');
    assert.match(first.text, /fictional/);
    await page.keyboard.press('Enter');
    await page.locator('.ta-view--place').waitFor();
    assert.equal(await page.locator('h1').textContent(), 'Ankh-Morpork');
    const partners = (await partnerRows(page)).map((r) => r.partner);
    assert.ok(partners.includes('Wincanton'), `partners: ${partners}`);
  } finally {
    await s.close();
  }
});

test('results follow every keystroke and the count says how many', TEST, async () => {
  const s = await session({ world: false });
  try {
    const page = await s.open('#/');
    const box = await typeSearch(page, 'cov');
    const some = await hits(page);
    assert.ok(
      some.some((x) => x.name === 'Coventry'),
      'Coventry not among "cov" hits',
    );
    await box.pressSequentially('xq');
    await page.locator('.ta-count', { hasText: 'No place called “covxq” in the atlas' }).waitFor();
    assert.equal((await hits(page)).length, 0);
    await box.press('Backspace');
    await box.press('Backspace');
    assert.ok((await hits(page)).some((x) => x.name === 'Coventry'));
    const count = page.locator('.ta-count');
    assert.equal(await count.getAttribute('role'), 'status');
    assert.match(await count.textContent(), /^\d+ places? match(es)? “cov”/);
  } finally {
    await s.close();
  }
});
