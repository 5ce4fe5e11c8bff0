// The page fits a phone's width without sideways scrolling, and follows a dark system theme.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, TEST, ready } from './_harness.mjs';

test('at phone width (390 px) no view scrolls sideways', TEST, async () => {
  const s = await session({ viewport: { width: 390, height: 844 } });
  try {
    for (const hash of [
      '#/search?q=co',
      '#/place/coventry-gb',
      '#/link/narva-ee~ivangorod-ru',
      '#/glossary',
      '#/about',
      '#/pair/tornio-fi/haparanda-se',
      '#/compare?preset=baltic',
      '#/compare?places=coventry-gb,kiel-de',
      '#/network?from=volgograd-ru&to=belgrade-rs&place=coventry-gb',
      '#/statistics',
      '#/notes',
    ]) {
      await s.page.goto(s.url + hash);
      await ready(s.page);
      const { scroll, width } = await s.page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        width: window.innerWidth,
      }));
      assert.ok(scroll <= width, `${hash} is ${scroll}px wide in a ${width}px window`);
    }
    // the partners table turns into cards: the header row is hidden, each cell is labelled
    await s.page.goto(`${s.url}#/place/coventry-gb`);
    await ready(s.page);
    assert.equal(
      await s.page.locator('.ta-partners thead').evaluate((t) => t.getBoundingClientRect().height <= 1),
      true,
    );
    assert.ok(await s.page.getByRole('link', { name: 'About' }).isVisible());
  } finally {
    await s.close();
  }
});

test('on phones every navigation link is on screen, none scrolled out of sight', TEST, async () => {
  for (const width of [320, 390]) {
    const s = await session({ viewport: { width, height: 800 } });
    try {
      const page = await s.open('#/place/coventry-gb');
      const boxes = await page.locator('.ta-nav a').evaluateAll((as) =>
        as.map((a) => {
          const r = a.getBoundingClientRect();
          return { text: a.textContent, left: r.left, right: r.right, visible: r.width > 0 && r.height > 0 };
        }),
      );
      assert.ok(boxes.length >= 7, `${boxes.length} links`);
      for (const b of boxes)
        assert.ok(b.visible && b.left >= 0 && b.right <= width, `${width}px: “${b.text}” at ${b.left}–${b.right}`);
    } finally {
      await s.close();
    }
  }
});

test('from 320 to 1440 px no view of a world place scrolls sideways', TEST, async () => {
  const s = await session();
  try {
    await s.open('#/');
    await s.page.locator('.ta-root[data-ta-world="ready"]').waitFor({ timeout: 30_000 });
    for (const width of [320, 390, 800, 900, 1024, 1180, 1200, 1280, 1440]) {
      await s.page.setViewportSize({ width, height: 800 });
      for (const hash of ['#/place/krakow-pl', '#/place/coventry-gb', '#/search?q=saint', '#/about']) {
        await s.page.goto(s.url + hash);
        await ready(s.page);
        await s.page.waitForTimeout(50);
        const { scroll, inner } = await s.page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          inner: window.innerWidth,
        }));
        assert.ok(scroll <= inner, `${hash} is ${scroll}px wide in a ${inner}px window`);
      }
    }
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
