#!/usr/bin/env node
// Writes docs/maps/<picture>-<desktop|phone>-<light|dark>.png for every picture (the world
// view with a place selected and with the 2022 wave, a place's map, timeline and network of
// partners, the chain on the map, and the map embedded in another page), at 1280×800 and
// 390×844, light and dark, with the world network loaded. Not a test: run
// `node tests/browser/screenshots-maps.mjs` after a build, then look at every file.

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { session, missing, ROOT } from './_harness.mjs';

const why = missing();
if (why) {
  console.error(`screenshots: ${why}`);
  process.exit(1);
}
const out = path.join(ROOT, 'docs', 'maps');
await mkdir(out, { recursive: true });

async function worldReady(page) {
  await page.locator('.ta-root[data-ta-world="ready"]').waitFor({ timeout: 60_000 });
}

async function scrollTo(page, selector) {
  await page.evaluate((sel) => {
    const top = document.querySelector(sel).getBoundingClientRect().top;
    const header = document.querySelector('.ta-header')?.getBoundingClientRect().height ?? 0;
    window.scrollBy(0, top - header - 8);
  }, selector);
  await page.waitForTimeout(200);
}

async function placePictures(s, id) {
  const page = await s.open(`#/place/${id}`);
  await worldReady(page);
  await page.locator('.ta-pictures[data-state="ready"]').waitFor({ timeout: 30_000 });
  return page;
}

const shots = [
  [
    'world-place',
    async (s) => {
      const page = await s.open('#/world?place=coventry-gb');
      await worldReady(page);
      await page.locator('.ta-world-canvas[data-first-draw]').waitFor({ timeout: 30_000 });
      await page.waitForTimeout(400);
      await scrollTo(page, '.ta-world-selection');
      return null;
    },
  ],
  [
    'world-2022',
    async (s) => {
      const page = await s.open('#/world?asOf=2022&status=suspended&changed=2022');
      await worldReady(page);
      await page.locator('.ta-world-canvas[data-first-draw]').waitFor({ timeout: 30_000 });
      await page.waitForTimeout(400);
      await scrollTo(page, '.ta-map--world');
      return null;
    },
  ],
  ['place-map', async (s) => (await placePictures(s, 'coventry-gb')).locator('.ta-map--place')],
  ['timeline', async (s) => (await placePictures(s, 'coventry-gb')).locator('.ta-timeline')],
  ['ego', async (s) => (await placePictures(s, 'coventry-gb')).locator('.ta-ego')],
  [
    'chain',
    async (s) => {
      const page = await s.open('#/network?from=volgograd-ru&to=belgrade-rs');
      await page.locator('.ta-pictures--chain[data-state="ready"]').waitFor({ timeout: 30_000 });
      return page.locator('.ta-map--chain');
    },
  ],
];

for (const [device, viewport] of [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
]) {
  for (const colorScheme of ['light', 'dark']) {
    const s = await session({ viewport, colorScheme });
    try {
      for (const [name, fn] of shots) {
        const target = await fn(s);
        // element shots: the sticky header must not cover the top of the picture
        // (through the CSSOM: the page's CSP refuses an added <style>)
        if (target)
          await s.page.evaluate(() => {
            const header = document.querySelector('.ta-header');
            if (header) header.style.setProperty('position', 'static', 'important');
          });
        const file = path.join(out, `${name}-${device}-${colorScheme}.png`);
        if (target) await target.screenshot({ path: file });
        else await s.page.screenshot({ path: file });
        console.log(path.relative(ROOT, file));
      }
      if (s.errors.length) console.log('errors:', s.errors);
    } finally {
      await s.close();
    }
  }
}
