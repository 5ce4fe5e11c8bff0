// Find a partner in the page, as a person meets it: a place's page offers "Find a partner",
// the panel waits for the world network, lists suggestions each with its reasons, filters
// them by country, and answers "why not X?" for a place typed in; the network view links to
// it; and another site embeds it with `<twinning-atlas place="…" view="suggest">`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { session, TEST, startServer } from './_harness.mjs';

const SLOW = { ...TEST, timeout: 180_000 };

/** The suggestions shown: id, name, where and reasons. */
async function items(root) {
  await root.locator('.ta-suggest__item').first().waitFor({ timeout: 90_000 });
  return root.locator('.ta-suggest__item').evaluateAll((lis) =>
    lis.map((li) => ({
      id: li.dataset.placeId,
      name: li.querySelector('.ta-suggest__name').textContent,
      where: li.querySelector('.ta-suggest__where').textContent,
      reasons: [...li.querySelectorAll('.ta-suggest__reason')].map((r) => r.textContent),
      href: li.querySelector('a').getAttribute('href'),
      target: li.querySelector('a').getAttribute('target'),
    })),
  );
}

test('a place offers “Find a partner”: suggestions with reasons, a country filter and “why not X?”', SLOW, async () => {
  const s = await session();
  try {
    const page = await s.open('#/place/coventry-gb');
    await page.locator('.ta-root[data-ta-world="ready"]').waitFor({ timeout: 60_000 });
    await page.locator('.ta-view--place .ta-action--suggest').click();
    await page.locator('.ta-view--suggest h1', { hasText: 'Find a partner for Coventry' }).waitFor();
    const all = await items(page);
    assert.equal(all.length, 10);
    for (const x of all) {
      assert.ok(x.reasons.length > 0, `${x.name} has no reasons`);
      assert.notEqual(x.id, 'coventry-gb');
    }
    assert.ok(
      all.some((x) => x.reasons.some((r) => /of Coventry's partners|partner of a partner/.test(r))),
      JSON.stringify(all.map((x) => x.reasons)),
    );
    // the shared partners are named beside the count ("… of Kiel (Caen, Dresden)")
    assert.ok(
      all.some((x) =>
        x.reasons.some((r) => /of Coventry's partners (are also partners|is also a partner) of .+ \([^()]+\)$/.test(r)),
      ),
      JSON.stringify(all.map((x) => x.reasons)),
    );
    // the map of the place and its suggestions: labelled, numbered as in the list, reachable
    // by keyboard in the list's order
    const map = page.locator('.ta-suggest__map[data-state="ready"] svg.ta-suggest-map__svg');
    await map.waitFor({ timeout: 60_000 });
    assert.equal(
      await page.locator(`#${await map.getAttribute('aria-labelledby')}`).textContent(),
      'Map of Coventry and the suggested partners',
    );
    const picks = await map
      .locator('a.ta-suggest-map__pick')
      .evaluateAll((as) =>
        as.map((a) => ({ id: a.dataset.placeId, rank: a.dataset.rank, label: a.getAttribute('aria-label') })),
      );
    assert.ok(picks.length >= 8, JSON.stringify(picks));
    for (const p of picks) {
      const item = all[Number(p.rank) - 1];
      assert.equal(p.id, item.id);
      assert.ok(p.label.startsWith(`${p.rank}. ${item.name}`), p.label);
    }
    assert.ok(Number(await map.getAttribute('data-partners')) > 0, 'the partners are drawn');
    await map.focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-rank')), picks[0].rank);
    assert.ok((await page.locator('.ta-suggest__map .ta-map-tip').textContent()).includes(all[0].name));
    // a country filter keeps only places there
    await page.getByLabel('Country').fill('France');
    await page.getByRole('button', { name: 'Suggest' }).click();
    await page.waitForFunction(() => /country=France/.test(location.hash));
    await page.waitForFunction(() => document.querySelectorAll('.ta-suggest__item').length > 0);
    const fr = await items(page);
    assert.ok(
      fr.every((x) => /France/.test(x.where)),
      JSON.stringify(fr.map((x) => x.where)),
    );
    // why not a place typed in?
    const box = page.getByRole('combobox', { name: 'Why not…' });
    await box.pressSequentially('Lyon', { delay: 20 });
    await page.locator('.ta-picker__option').first().click();
    const standing = page.locator('.ta-suggest__pair .ta-suggest__standing');
    await standing.waitFor({ timeout: 30_000 });
    assert.match(await standing.textContent(), /Lyon (ranks \d|is not among)|partners already/);
    assert.ok((await page.locator('.ta-suggest__pair .ta-suggest__reason').count()) > 0);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('on a phone in the dark theme the panel and its map fit the screen', SLOW, async () => {
  const s = await session({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  try {
    const page = await s.open('#/place/coventry-gb/suggest');
    await items(page);
    const map = page.locator('.ta-suggest__map[data-state="ready"] svg.ta-suggest-map__svg');
    await map.waitFor({ timeout: 60_000 });
    const box = await map.boundingBox();
    assert.ok(box.width > 300 && box.x >= 0 && box.x + box.width <= 390, JSON.stringify(box));
    assert.equal(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      true,
      'no sideways scroll',
    );
    // the points are drawn in the dark palette, not the light one
    const fill = await map
      .locator('.ta-suggest-map__dot')
      .first()
      .evaluate((c) => getComputedStyle(c).fill);
    assert.notEqual(fill, 'rgb(0, 158, 115)');
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('the network view links a place to its partner suggestions', TEST, async () => {
  const s = await session({ world: false });
  try {
    const page = await s.open('#/network?place=coventry-gb');
    const link = page.locator('.ta-view--network .ta-action--suggest');
    await link.waitFor();
    assert.match(await link.getAttribute('href'), /#\/place\/coventry-gb\/suggest$/);
    await link.click();
    await page.locator('.ta-view--suggest').waitFor();
    const shown = await items(page);
    assert.ok(shown.length > 0);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test(
  '<twinning-atlas place="coventry-gb" view="suggest"> on another site: compact, with reasons, linking out',
  SLOW,
  async () => {
    const s = await session();
    const dir = await mkdtemp(path.join(tmpdir(), 'ta-host-'));
    await writeFile(
      path.join(dir, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Coventry City Council</title><link rel="icon" href="data:,">
<script type="module" src="${s.url}embed.js"></script></head>
<body><h1>Coventry City Council</h1>
<twinning-atlas place="coventry-gb" view="suggest"></twinning-atlas>
</body></html>`,
    );
    const host = await startServer({ root: dir });
    try {
      const page = s.page;
      await page.goto(host.url);
      const el = page.locator('twinning-atlas');
      await el.locator('.ta-view--suggest').waitFor({ timeout: 30_000 });
      assert.equal(await el.locator('.ta-header, .ta-nav').count(), 0);
      assert.equal(await el.locator('h1').count(), 0);
      assert.equal(await el.locator('h2').first().textContent(), 'Find a partner for Coventry');
      const shown = await items(el);
      assert.ok(shown.length > 0);
      assert.ok(shown.every((x) => x.reasons.length > 0));
      assert.equal(shown[0].target, '_blank');
      // its map too, whose points open the full atlas in a new tab
      const pick = el.locator('a.ta-suggest-map__pick').first();
      await pick.waitFor({ timeout: 60_000 });
      assert.equal(await pick.getAttribute('target'), '_blank');
      assert.ok((await pick.getAttribute('href')).startsWith(`${s.url}index.html#/place/`));
      assert.ok(shown[0].href.startsWith(`${s.url}index.html#/place/`), shown[0].href);
      assert.equal(page.url(), host.url);
      assert.deepEqual(s.errors, []);
    } finally {
      await host.stop();
      await rm(dir, { recursive: true, force: true });
      await s.close();
    }
  },
);
