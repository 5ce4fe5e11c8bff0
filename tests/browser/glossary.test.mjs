// The glossary lists every term of the reference sheet, grouped by language, and filters.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, TEST } from './_harness.mjs';

test('the glossary lists at least 33 terms by language, with meanings, and its filter narrows them', TEST, async () => {
  const s = await session();
  try {
    const page = await s.open('#/glossary');
    assert.equal(await page.locator('h1').textContent(), 'Glossary');
    const terms = await page.locator('.ta-term__word').allTextContents();
    assert.ok(terms.length >= 33, `only ${terms.length} terms`);
    const lower = terms.map((t) => t.toLowerCase());
    for (const t of ['twin towns', 'sister cities', 'jumelage']) {
      assert.ok(
        lower.some((x) => x.includes(t)),
        `glossary lacks "${t}"`,
      );
    }
    assert.ok((await page.locator('.ta-lang h2').count()) >= 5, 'terms are not grouped by language');
    assert.ok((await page.locator('.ta-term__nuance, .ta-term__literal').count()) > 10, 'terms lack meanings');

    await page.getByLabel('Filter the glossary').fill('jumel');
    const shown = await page.locator('.ta-term__word').allTextContents();
    assert.ok(shown.length >= 1 && shown.length < terms.length, `filter left ${shown.length}`);
    assert.ok(
      shown.some((t) => /jumelage/i.test(t)),
      `filter hid jumelage: ${shown}`,
    );
    assert.match(page.url(), /#\/glossary\?q=jumel$/);
  } finally {
    await s.close();
  }
});
