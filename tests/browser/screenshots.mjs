#!/usr/bin/env node
// Writes docs/screenshot-search.png, docs/screenshot-place.png and docs/screenshot-link.png
// (1280×800, light) and the same three at phone width in dark (…-phone-dark.png) with the
// browser-test harness. Not a test: run `node tests/browser/screenshots.mjs` after a build.

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { session, missing, typeSearch, ROOT } from './_harness.mjs';

const why = missing();
if (why) {
  console.error(`screenshots: ${why}`);
  process.exit(1);
}
const out = path.join(ROOT, 'docs');
await mkdir(out, { recursive: true });

const shots = [
  ['search', async (s) => {
    const page = await s.open('#/');
    await typeSearch(page, 'stal');
    await page.getByRole('combobox').press('ArrowDown');
  }],
  ['place', async (s) => {
    await s.open('#/place/coventry-gb');
  }],
  ['link', async (s) => {
    await s.open('#/link/coventry-gb~volgograd-ru');
  }],
];

for (const [variant, opts] of [
  ['', { viewport: { width: 1280, height: 800 }, colorScheme: 'light' }],
  ['-phone-dark', { viewport: { width: 390, height: 844 }, colorScheme: 'dark' }],
]) {
  const s = await session(opts);
  try {
    for (const [name, go] of shots) {
      await go(s);
      await s.page.evaluate(() => document.activeElement?.tagName === 'H1' && document.activeElement.blur());
      const file = path.join(out, `screenshot-${name}${variant}.png`);
      await s.page.screenshot({ path: file });
      console.log(path.relative(ROOT, file));
    }
    if (s.errors.length) console.error(`console errors:\n${s.errors.join('\n')}`);
  } finally {
    await s.close();
  }
}
