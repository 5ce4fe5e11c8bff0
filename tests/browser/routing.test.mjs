// The URL holds the view: a shared link opens it, a reload keeps it, Back goes back.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, TEST, partnerRows } from './_harness.mjs';

test('a shared #/place URL with asOf opens that place at that date, also after a reload', TEST, async () => {
  const s = await session();
  try {
    const page = await s.open('#/place/volgograd-ru?asOf=2021');
    const check = async () => {
      assert.equal(await page.locator('h1').textContent(), 'Volgograd');
      assert.equal(await page.getByLabel('Status as of').inputValue(), '2021');
      const coventry = (await partnerRows(page)).find((r) => r.partner === 'Coventry');
      assert.equal(coventry?.status, 'established');
    };
    await check();
    await page.reload();
    await page.locator('.ta-view--place').waitFor();
    await check();
    assert.match(await page.title(), /^Volgograd — Twinning Atlas$/);
  } finally {
    await s.close();
  }
});

test('a shared #/link URL opens the link, in either order of the two places', TEST, async () => {
  const s = await session();
  try {
    for (const id of ['coventry-gb~volgograd-ru', 'volgograd-ru~coventry-gb']) {
      const page = await s.open(`#/link/${id}`);
      await page.locator('.ta-view--link').waitFor();
      assert.match(await page.locator('h1').textContent(), /Coventry – Volgograd|Volgograd – Coventry/);
      assert.equal(await page.locator('.ta-status .ta-badge').first().textContent(), 'suspended');
    }
  } finally {
    await s.close();
  }
});

test('navigating pushes history: Back and Forward move between views', TEST, async () => {
  const s = await session();
  try {
    const page = await s.open('#/place/coventry-gb');
    await page.getByRole('link', { name: 'Glossary' }).click();
    await page.locator('.ta-view--glossary').waitFor();
    await page.getByRole('link', { name: 'About' }).click();
    await page.locator('.ta-view--about').waitFor();
    await page.goBack();
    await page.locator('.ta-view--glossary').waitFor();
    await page.goBack();
    await page.locator('.ta-view--place').waitFor();
    assert.equal(await page.locator('h1').textContent(), 'Coventry');
    await page.goForward();
    await page.locator('.ta-view--glossary').waitFor();
  } finally {
    await s.close();
  }
});

test('an unknown place id shows a not-found view, not an empty page', TEST, async () => {
  const s = await session();
  try {
    const page = await s.open('#/place/no-such-place-xx');
    await page.locator('.ta-view--error').waitFor();
    assert.equal(await page.locator('.ta-view--error').getAttribute('data-code'), 'not_found');
    assert.match(await page.locator('.ta-error').textContent(), /no-such-place-xx/);
  } finally {
    await s.close();
  }
});
