// Groups and notes: a place links its groups; a group lists its members, founding date and
// sources; notes concerning a place appear on it, and all notes have their own view.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, TEST } from './_harness.mjs';

test('from Narva to the City Twins Association: founded 2006, its members, its sources', TEST, async () => {
  const s = await session();
  try {
    const page = await s.open('#/place/narva-ee');
    await page.locator('.ta-groups a', { hasText: 'City Twins Association' }).click();
    await page.locator('.ta-view--group').waitFor();
    assert.match(page.url(), /#\/group\/city-twins-association$/);
    assert.equal(await page.locator('h1').textContent(), 'City Twins Association (CTA)');
    assert.match(await page.locator('.ta-facts').textContent(), /Founded2006-12-13/);
    const members = await page.locator('.ta-member__name').allTextContents();
    for (const m of ['Tornio', 'Haparanda', 'Narva', 'Valga'])
      assert.ok(members.includes(m), `${m} not among ${members}`);
    assert.ok((await page.locator('.ta-sources .ta-source').count()) >= 3);
    await page.locator('.ta-member__name', { hasText: 'Tornio' }).click();
    await page.locator('.ta-view--place h1', { hasText: 'Tornio' }).waitFor();
  } finally {
    await s.close();
  }
});

test('a place shows the notes about it; the notes view lists all of them with disagreements', TEST, async () => {
  const s = await session();
  try {
    const page = await s.open('#/place/narva-ee');
    const notes = page.locator('.ta-note');
    assert.ok((await notes.count()) >= 1);
    assert.match(
      await page
        .locator('.ta-note__title')
        .allTextContents()
        .then((t) => t.join('|')),
      /Satellite cities/,
    );
    assert.match(await notes.first().locator('.ta-note__places').textContent(), /Also about: .*Ivangorod/);
    await page.goto(`${s.url}#/notes`);
    await page.locator('.ta-view--notes').waitFor();
    assert.ok((await page.locator('.ta-note').count()) >= 20);
    const dated = page.locator('.ta-note[data-note-id="dating-the-modern-concept"]');
    assert.match(await dated.locator('.ta-disagreement').textContent(), /Untitled web text.* says .*1947/s);
  } finally {
    await s.close();
  }
});
