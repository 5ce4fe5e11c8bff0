// The network view: the shortest chain between two places link by link, partners of
// partners, components, and the Saint Petersburg record checked against the data.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, TEST } from './_harness.mjs';

test('the chain from Volgograd to Belgrade goes through Coventry, each link with its status', TEST, async () => {
  const s = await session({ world: false });
  try {
    const page = await s.open('#/network');
    const from = page.getByRole('combobox', { name: 'From' });
    await from.pressSequentially('volgog', { delay: 10 });
    await page.locator('.ta-picker__option', { hasText: 'Volgograd' }).first().click();
    const to = page.getByRole('combobox', { name: 'To' });
    await to.pressSequentially('belgrad', { delay: 10 });
    await to.press('ArrowDown');
    await to.press('Enter');
    await page.waitForURL(/from=volgograd-ru.*to=belgrade-rs/);
    const steps = await page.locator('.ta-chain__step').allTextContents();
    assert.equal(steps.length, 2);
    assert.match(steps[0], /Volgograd → .*Coventry.*suspended/s);
    assert.match(steps[1], /Coventry → .*Belgrade.*established/s);
    assert.match(
      await page.locator('#ta-net-chain ~ * .ta-count, .ta-chain-result .ta-count').first().textContent(),
      /2 links from Volgograd to Belgrade/,
    );
    // the data's answer about Saint Petersburg's record
    assert.match(await page.locator('.ta-sp-statement').textContent(), /Saint Petersburg has \d+/);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('partners of partners and the component of a place, from the place view', TEST, async () => {
  const s = await session({ world: false });
  try {
    const page = await s.open('#/place/coventry-gb');
    await page.getByRole('link', { name: 'Partners of partners and chains' }).click();
    await page.locator('.ta-view--network').waitFor();
    assert.match(page.url(), /place=coventry-gb/);
    const pop = await page.locator('.ta-pop li').allTextContents();
    assert.ok(
      pop.some((t) => /Hamburg.*via Dresden/.test(t)),
      `partners of partners: ${pop}`,
    );
    assert.match(await page.locator('.ta-component-of').textContent(), /group of 7 places/);
    assert.match(
      await page.locator('#ta-net-components').locator('..').textContent(),
      /\d+ places form \d+ connected groups/,
    );
  } finally {
    await s.close();
  }
});
