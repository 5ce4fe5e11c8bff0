// The page fits a phone's width without sideways scrolling, and follows a dark system theme.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, TEST, ready } from './_harness.mjs';

test('at phone width (390 px) no view scrolls sideways', TEST, async () => {
  const s = await session({ viewport: { width: 390, height: 844 } });
  try {
    for (const hash of ['#/search?q=co', '#/place/coventry-gb', '#/link/narva-ee~ivangorod-ru', '#/glossary', '#/about', '#/pair/tornio-fi/haparanda-se', '#/compare?preset=baltic', '#/compare?places=coventry-gb,kiel-de', '#/network?from=volgograd-ru&to=belgrade-rs&place=coventry-gb', '#/statistics', '#/notes']) {
      await s.page.goto(s.url + hash);
      await ready(s.page);
      const { scroll, width } = await s.page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
      assert.ok(scroll <= width, `${hash} is ${scroll}px wide in a ${width}px window`);
    }
    // the partners table turns into cards: the header row is hidden, each cell is labelled
    await s.page.goto(`${s.url}#/place/coventry-gb`);
    await ready(s.page);
    assert.equal(await s.page.locator('.ta-partners thead').evaluate((t) => t.getBoundingClientRect().height <= 1), true);
    assert.ok(await s.page.getByRole('link', { name: 'About' }).isVisible());
  } finally {
    await s.close();
  }
});

test('at phone width the nav strip fades at its right edge while it scrolls, and not at its end', TEST, async () => {
  const s = await session({ viewport: { width: 390, height: 844 } });
  try {
    const page = await s.open('#/place/coventry-gb');
    const nav = page.locator('.ta-nav');
    const state = () => nav.evaluate((n) => {
      const cs = getComputedStyle(n);
      return { mask: cs.maskImage || cs.webkitMaskImage, scrolls: n.scrollWidth > n.clientWidth + 1, fade: cs.getPropertyValue('--ta-nav-fade').trim() };
    });
    const start = await state();
    assert.ok(start.scrolls, 'the strip does not scroll at 390 px: nothing to show');
    assert.match(start.mask, /linear-gradient/);
    assert.ok(parseFloat(start.fade) > 1, `no fade at the start: ${start.fade}`);
    // scrolled to its end, the fade goes (all of the strip is shown)
    await nav.evaluate((n) => { n.scrollLeft = n.scrollWidth; });
    await page.waitForTimeout(100);
    const end = await state();
    assert.equal(parseFloat(end.fade), 0, `still fading at the end: ${end.fade}`);
    // wide windows: no mask at all
    await page.setViewportSize({ width: 1280, height: 800 });
    assert.equal(await nav.evaluate((n) => getComputedStyle(n).maskImage || 'none'), 'none');
  } finally {
    await s.close();
  }
});

test('a dark system theme gives a dark page with light text', TEST, async () => {
  const s = await session({ colorScheme: 'dark' });
  try {
    const page = await s.open('#/place/volgograd-ru');
    const lum = (rgb) => {
      const [r, g, b] = rgb.match(/\d+/g).map(Number);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const fg = await page.locator('h1').evaluate((e) => getComputedStyle(e).color);
    assert.ok(lum(bg) < 60, `background ${bg} is not dark`);
    assert.ok(lum(fg) > 180, `text ${fg} is not light`);
  } finally {
    await s.close();
  }
});
