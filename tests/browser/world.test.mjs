// The world network in the page, as a new user meets it: the page answers at once from the
// curated data, lays the world under it when idle, and then finds the towns people type
// first, in any language, with where each partner comes from; a place only the world knows
// opens from a shared link; "not found" and spelling guesses say what they are; the About
// view carries the attribution; and all of it works offline after a first visit.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { session, TEST, typeSearch, hits, partnerRows, ready, startServer } from './_harness.mjs';

/** Wait until the world network is laid under the page's atlas. */
async function worldReady(page) {
  await page.locator('.ta-root[data-ta-world="ready"]').waitFor({ timeout: 30_000 });
}

/** The search box's count line once it has settled for `text`. */
async function countFor(page, text) {
  await typeSearch(page, text);
  const count = page.locator('.ta-count');
  await page.waitForFunction((t) => document.querySelector('.ta-count')?.textContent.includes(t), `“${text}”`);
  return count.textContent();
}

test('the world towns a new user types are found with their partners and sources', TEST, async () => {
  const s = await session();
  try {
    const page = await s.open('#/');
    await worldReady(page);
    for (const [text, country, least] of [
      ['Kraków', 'Poland', 20],
      ['Birmingham', 'United Kingdom', 9],
      ['Saint Petersburg', 'Russia', 40],
      ['Osaka', 'Japan', 8],
    ]) {
      await countFor(page, text);
      const hit = (await hits(page)).find((x) => x.text.includes(country));
      assert.ok(hit, `${text}: no hit in ${country}`);
      await page.goto(`${s.url}#/place/${hit.id}`);
      await page.locator('.ta-partners').waitFor();
      const rows = await partnerRows(page);
      assert.ok(rows.length >= least, `${text}: ${rows.length} partner rows`);
      const listed = await page.locator('.ta-partners .ta-partner__sources summary').allTextContents();
      assert.ok(
        listed.every((t) => t.trim().length > 0),
        `${text}: a partner without its sources`,
      );
      assert.ok(
        listed.some((t) => /Wikipedia|Wikidata/.test(t)),
        `${text}: no world source named: ${listed.slice(0, 3)}`,
      );
      assert.match(await page.locator('.ta-coverage').textContent(), /only listed — by .*with no dates/);
      await page.goto(`${s.url}#/`);
      await ready(page);
    }
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('Köln, Cologne, Koeln and Кёльн open the same place; Coventry keeps its history', TEST, async () => {
  const s = await session();
  try {
    const page = await s.open('#/');
    await worldReady(page);
    const ids = [];
    for (const text of ['Köln', 'Cologne', 'Koeln', 'Кёльн']) {
      await countFor(page, text);
      const first = (await hits(page))[0];
      ids.push(first.id);
      assert.match(first.text, /Germany/);
    }
    assert.equal(new Set(ids).size, 1, ids.join(' '));
    await page.goto(`${s.url}#/place/coventry-gb`);
    await page.locator('.ta-partners').waitFor();
    const rows = await partnerRows(page);
    const volgograd = rows.find((r) => r.partner === 'Volgograd');
    assert.equal(volgograd.status, 'suspended');
    assert.match(await page.locator('tr[data-partner-id="volgograd-ru"] .ta-partner__decided').textContent(), /2022/);
    assert.ok(rows.length > 10, `${rows.length} rows`);
    // known statuses first, "status not known" last
    const unknown = rows.map((r) => r.status === 'status not known');
    assert.deepEqual(
      unknown,
      [...unknown].sort((a, b) => a - b),
    );
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('a shared link to a place only the world knows opens it', TEST, async () => {
  const s = await session();
  try {
    await s.page.goto(`${s.url}#/place/krakow-pl`);
    await s.page.locator('.ta-view--place[data-place-id="krakow-pl"]').waitFor({ timeout: 30_000 });
    assert.match(await s.page.locator('h1').textContent(), /Krak/);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('no match says so and offers an import; a spelling guess is offered, never opened', TEST, async () => {
  const s = await session();
  try {
    const page = await s.open('#/');
    await worldReady(page);
    assert.match(await countFor(page, 'Xyzzyqq'), /No place called “Xyzzyqq” in the atlas/);
    assert.match(await page.locator('[data-empty="not-in-atlas"]').textContent(), /import a file/);
    assert.match(await countFor(page, 'Lyonn'), /No place called “Lyonn”\. Did you mean/);
    const before = page.url();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    assert.equal(page.url(), before, 'Enter opened a spelling guess');
    assert.match((await hits(page))[0].text, /close spelling/);
  } finally {
    await s.close();
  }
});

test('the About view names the world network, its sources and its licence', TEST, async () => {
  const s = await session();
  try {
    const page = await s.open('#/about');
    await worldReady(page);
    const text = await page.locator('section:has(#ta-about-world)').textContent();
    assert.match(text, /CC BY-SA 4\.0/);
    assert.match(text, /Wikipedia/);
    assert.match(text, /Wikidata/);
    assert.match(text, /GeoNames/);
  } finally {
    await s.close();
  }
});

test('after a first visit the world network works offline', TEST, async () => {
  const s = await session();
  try {
    const page = await s.open('#/');
    await worldReady(page);
    const controlled = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) =>
          navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
        );
      }
      return true;
    });
    assert.ok(controlled);
    await s.context.setOffline(true);
    await page.reload();
    await ready(page);
    await worldReady(page);
    await countFor(page, 'Kraków');
    const first = (await hits(page))[0];
    assert.equal(first.id, 'krakow-pl');
    assert.match(first.text, /\d\d partners/);
  } finally {
    await s.close();
  }
});

test('an embed on another origin shows the partners of a place only the world knows', TEST, async () => {
  const s = await session();
  const dir = await mkdtemp(path.join(tmpdir(), 'ta-host-'));
  await writeFile(
    path.join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kraków</title><link rel="icon" href="data:,">
<script type="module" src="${s.url}embed.js"></script></head>
<body><h1>Kraków</h1><twinning-atlas place="krakow-pl" view="partners"></twinning-atlas></body></html>`,
  );
  const host = await startServer({ root: dir });
  try {
    await s.page.goto(host.url);
    const el = s.page.locator('twinning-atlas');
    await el.locator('.ta-view--partners').waitFor({ timeout: 30_000 });
    assert.match(await el.locator('h2').textContent(), /Kraków/);
    assert.ok((await el.locator('.ta-compact__item').count()) >= 20);
    assert.deepEqual(s.errors, []);
  } finally {
    await host.stop();
    await rm(dir, { recursive: true, force: true });
    await s.close();
  }
});

test('the world arriving does not take away a picked file or a field being typed in', TEST, async () => {
  const s = await session();
  try {
    // hold the world back until the user has started
    let release;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    await s.context.route('**/pkg/world.json.gz', async (route) => {
      await held;
      await route.continue();
    });
    const page = await s.open('#/data');
    await page.locator('input[type="file"]').setInputFiles({
      name: 'mine.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('city1,country1,city2,country2\nKiel,Germany,Coventry,United Kingdom\n'),
    });
    const button = page.getByRole('button', { name: 'Import' });
    assert.ok(await button.isEnabled());
    release();
    await page.locator('.ta-root[data-ta-world="ready"]').waitFor({ timeout: 30_000 });
    assert.ok(await button.isEnabled(), 'the picked file was dropped when the world arrived');
    assert.equal(await page.locator('input[type="file"]').evaluate((i) => i.files.length), 1);
    // typing in a view's field is not interrupted either
    await page.goto(`${s.url}#/place/coventry-gb`);
    await page.locator('.ta-partners').waitFor();
    const asOf = page.locator('.ta-asof__input');
    await asOf.fill('19');
    assert.equal(await asOf.inputValue(), '19');
  } finally {
    await s.close();
  }
});
