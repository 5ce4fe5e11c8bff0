// Loading the page and each of its views logs no error and fetches nothing that fails.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, TEST, ready } from './_harness.mjs';

test('no console errors or failed requests on load and in every view', TEST, async () => {
  const s = await session();
  try {
    const page = await s.open('');
    assert.equal(await page.title(), 'Twinning Atlas');
    for (const hash of [
      '#/search?q=coventry',
      '#/place/coventry-gb',
      '#/link/coventry-gb~volgograd-ru',
      '#/glossary',
      '#/about',
      '#/pair/tornio-fi/haparanda-se',
      '#/compare?preset=baltic',
      '#/compare?places=coventry-gb,kiel-de',
      '#/compare?countries=DE,FR',
      '#/network?from=volgograd-ru&to=belgrade-rs&place=coventry-gb',
      '#/statistics',
      '#/group/city-twins-association',
      '#/groups',
      '#/notes',
    ]) {
      await page.goto(s.url + hash);
      await ready(page);
      assert.equal(await page.locator('.ta-view--error').count(), 0, `${hash} shows an error`);
    }
    // the manifest and icon load and parse
    const manifest = await page.evaluate(async () =>
      (await fetch(document.querySelector('link[rel=manifest]').href)).json(),
    );
    assert.equal(manifest.name, 'Twinning Atlas');
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
