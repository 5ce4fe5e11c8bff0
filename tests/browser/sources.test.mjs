// Sources: the sources view lists every source with its title, an http(s) link and its
// licence; a record's sources link to their entry there, which is highlighted and scrolled
// into view; notes resolve the sources of their disagreements (no raw ids shown).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, TEST } from './_harness.mjs';

test('the sources view: every source with title, http(s) link and licence', TEST, async () => {
  // the curated data only: the world network, arriving when the page is idle, adds its sources
  const s = await session({ world: false });
  try {
    const page = await s.open('#/sources');
    const expected = await page.evaluate(async () => {
      // the page runs its bundle: this import is the module's own copy, initialised here
      const { default: init, Atlas } = await import('./pkg/twinning_atlas.js');
      await init({ module_or_path: './pkg/twinning_atlas_bg.wasm' });
      return Atlas.withDefaultData().sources().length;
    });
    const entries = page.locator('.ta-source-entry');
    assert.ok(expected > 50);
    assert.equal(await entries.count(), expected);
    const wiki = page.locator('.ta-source-entry[data-source-id="seed-001"]');
    assert.match(await wiki.locator('.ta-source-entry__title').textContent(), /Sister city/);
    assert.equal(await wiki.locator('a').getAttribute('href'), 'https://en.wikipedia.org/wiki/Sister_city');
    assert.equal(await wiki.locator('.ta-source-entry__licence').textContent(), 'Licence: CC BY-SA 4.0');
    // every link is http(s)
    const hrefs = await page.locator('.ta-source-entries a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(
      hrefs.length > 0 && hrefs.every((h) => /^https?:\/\//.test(h)),
      hrefs.find((h) => !/^https?:\/\//.test(h)),
    );
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('a source of a place links to its entry, highlighted and scrolled into view', TEST, async () => {
  const s = await session({ world: false, viewport: { width: 1000, height: 700 } });
  try {
    const page = await s.open('#/place/coventry-gb');
    const item = page.locator('.ta-section .ta-sources:not(.ta-sources--compact) li').last();
    const id = await item.getAttribute('data-source');
    await item.locator('a.ta-source-entry-link').click();
    await page.waitForURL(new RegExp(`#/sources\\?id=${id}$`));
    const entry = page.locator(`.ta-source-entry[data-source-id="${id}"]`);
    await entry.waitFor();
    assert.equal(await entry.getAttribute('aria-current'), 'true');
    assert.match(await entry.getAttribute('class'), /ta-source-entry--current/);
    assert.equal(await page.locator('.ta-source-entry--current').count(), 1);
    // in view and focused, once the shell is done
    await page.waitForFunction((sid) => document.activeElement?.dataset?.sourceId === sid, id);
    const box = await entry.evaluate((e) => {
      const r = e.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, h: window.innerHeight };
    });
    assert.ok(box.top >= 0 && box.bottom <= box.h, `entry at ${box.top}–${box.bottom} in ${box.h}`);
    // a far-down source is really scrolled to (not left at the top)
    await page.goto(`${s.url}#/sources`);
    await page.locator('.ta-source-entry').first().waitFor();
    const lastId = await page.locator('.ta-source-entry').last().getAttribute('data-source-id');
    await page.goto(`${s.url}#/sources?id=${lastId}`);
    const last = page.locator(`.ta-source-entry[data-source-id="${lastId}"]`);
    await page.waitForFunction((sid) => document.activeElement?.dataset?.sourceId === sid, lastId);
    assert.ok((await page.evaluate(() => window.scrollY)) > 500);
    assert.ok(await last.evaluate((e) => e.getBoundingClientRect().bottom <= window.innerHeight));
    // an unknown id says so
    await page.goto(`${s.url}#/sources?id=no-such-source`);
    await page.locator('.ta-view--sources .ta-field-error').waitFor();
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('notes resolve the sources of their disagreements: titles, never raw ids', TEST, async () => {
  const s = await session();
  try {
    const page = await s.open('#/notes');
    const note = page.locator('.ta-note[data-note-id="seed-002-quality"]');
    const dis = note.locator('.ta-disagreement').first();
    // the disagreement cites the Wikipedia article by its title, never by its id
    assert.match(await dis.textContent(), /Sister city/);
    assert.doesNotMatch(await note.textContent(), /\bref-[a-z-]+|\bseed-00\d\b/);
    const texts = await page.locator('.ta-disagreement .ta-source, .ta-disagreement__who').allTextContents();
    assert.ok(texts.length > 0);
    for (const t of texts) assert.doesNotMatch(t, /^(seed|ref)-[\w-]+$/, `raw id shown: ${t}`);
    // and the source link leads to its entry
    await dis.locator('li[data-source="seed-001"] a.ta-source-entry-link').click();
    await page.locator('.ta-source-entry--current[data-source-id="seed-001"]').waitFor();
  } finally {
    await s.close();
  }
});

test('place-view notes resolve disagreement sources through allSources', TEST, async () => {
  const s = await session();
  const doc = {
    format: 'twinning-atlas/1',
    sources: [
      { id: 's-main', title: 'Main source', url: 'https://example.org/main' },
      { id: 's-other', title: 'Other source cited only in the disagreement', url: null },
      { id: 's-claim', title: 'Claiming source', url: null },
    ],
    places: [
      { id: 'alpha-gb', name: 'Alpha', level: 'town', country: 'GB', sources: ['s-main'] },
      { id: 'beta-fr', name: 'Beta', level: 'town', country: 'FR', sources: ['s-main'] },
    ],
    links: [
      {
        a: 'alpha-gb',
        b: 'beta-fr',
        form: 'twinning',
        events: [{ kind: 'established', date: '1990', sources: ['s-main'] }],
        sources: ['s-main'],
      },
    ],
    notes: [
      {
        id: 'n1',
        title: 'A note',
        text: 'Text.',
        places: ['alpha-gb'],
        sources: ['s-main'],
        disagreements: [{ claim: 'It was 1989.', claimedBy: 's-claim', kept: '1990.', sources: ['s-other'] }],
      },
    ],
  };
  try {
    const page = await s.open('#/about');
    const ok = await page.evaluate(async (text) => {
      const { mount } = await import('./embed.js');
      const div = document.createElement('div');
      div.id = 'own';
      document.body.append(div);
      try {
        await mount(div, { data: text, place: 'alpha-gb' });
        return true;
      } catch (e) {
        return e.message;
      }
    }, JSON.stringify(doc));
    assert.equal(ok, true);
    const note = page.locator('#own .ta-view--place .ta-note');
    await note.waitFor();
    const text = await note.locator('.ta-disagreement').textContent();
    assert.match(text, /Claiming source says/);
    assert.match(text, /Other source cited only in the disagreement/);
    assert.doesNotMatch(text, /s-other|s-claim/);
  } finally {
    await s.close();
  }
});
