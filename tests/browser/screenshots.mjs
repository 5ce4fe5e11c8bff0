#!/usr/bin/env node
// Writes docs/screenshot-<view>.png (1280×800, light) and the same at phone width in dark
// (…-phone-dark.png) for the search, place, find-a-partner, link, pair, compare (pairs, countries), sources,
// statistics and import-report views, with the browser-test harness. The import report needs
// ../shared/data (skipped with a printed reason without it). Not a test: run `node tests/browser/screenshots.mjs` after a build.

import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
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
  [
    'world-place',
    async (s) => {
      // a town only the world network knows, with who lists each partner
      const page = await s.open('#/place/krakow-pl');
      await page.locator('.ta-root[data-ta-world="ready"]').waitFor({ timeout: 60_000 });
      await page.locator('.ta-view--place[data-place-id="krakow-pl"] .ta-partners').waitFor();
      await page.evaluate(() => {
        const top = document.querySelector('.ta-section--partners').getBoundingClientRect().top;
        window.scrollBy(0, top - document.querySelector('.ta-header').getBoundingClientRect().height - 8);
      });
    },
  ],
  [
    'world-search',
    async (s) => {
      const page = await s.open('#/');
      await page.locator('.ta-root[data-ta-world="ready"]').waitFor({ timeout: 60_000 });
      await typeSearch(page, 'Кёльн');
      await page.locator('.ta-results [role="option"]').first().waitFor();
    },
  ],
  [
    'search',
    async (s) => {
      const page = await s.open('#/');
      await typeSearch(page, 'stal');
      await page.getByRole('combobox', { name: /search places/i }).press('ArrowDown');
    },
  ],
  [
    'place',
    async (s) => {
      await s.open('#/place/coventry-gb');
    },
  ],
  [
    'suggest',
    async (s) => {
      // find a partner: trained on the world network, the list with its reasons
      const page = await s.open('#/place/coventry-gb/suggest');
      await page.locator('.ta-root[data-ta-world="ready"]').waitFor({ timeout: 60_000 });
      await page.locator('.ta-suggest__item').first().waitFor({ timeout: 90_000 });
      await page.evaluate(() => {
        const top = document.querySelector('.ta-suggest__item').getBoundingClientRect().top;
        window.scrollBy(0, top - document.querySelector('.ta-header').getBoundingClientRect().height - 60);
      });
    },
  ],
  [
    'link',
    async (s) => {
      await s.open('#/link/coventry-gb~volgograd-ru');
    },
  ],
  [
    'pair',
    async (s) => {
      await s.open('#/pair/tornio-fi/haparanda-se');
    },
  ],
  [
    'compare',
    async (s) => {
      const page = await s.open('#/compare?preset=baltic');
      await page.evaluate(() => {
        const top = document.querySelector('#ta-cmp-pairs').getBoundingClientRect().top;
        window.scrollBy(0, top - document.querySelector('.ta-header').getBoundingClientRect().height - 8);
      });
    },
  ],
  [
    'compare-countries',
    async (s) => {
      const page = await s.open('#/compare?countries=DE,FR,GB');
      const box = page.getByRole('combobox', { name: 'Add a country' });
      await box.pressSequentially('po', { delay: 10 });
      await page.locator('.ta-picker__option').first().waitFor();
      await box.press('ArrowDown');
    },
  ],
  [
    'sources',
    async (s) => {
      const page = await s.open('#/sources?id=seed-001');
      await page.waitForFunction(() => document.activeElement?.classList.contains('ta-source-entry'));
    },
  ],
  [
    'statistics',
    async (s) => {
      const page = await s.open('#/statistics');
      await page.evaluate(() => {
        const top = document.querySelector('#ta-stats-endings').getBoundingClientRect().top;
        window.scrollBy(0, top - document.querySelector('.ta-header').getBoundingClientRect().height - 8);
      });
    },
  ],
];
const HEKMAN = path.resolve(ROOT, '..', 'shared', 'data', 'hekman_twin_cities_geocoded.csv');
if (existsSync(HEKMAN)) {
  shots.push([
    'import',
    async (s) => {
      const page = await s.open('#/data');
      await page.locator('input[type="file"]').setInputFiles(HEKMAN);
      await page.getByRole('button', { name: 'Import' }).click();
      await page.locator('.ta-report').waitFor({ timeout: 120_000 });
      await page.evaluate(() => {
        const top = document.querySelector('.ta-report').getBoundingClientRect().top;
        const header = document.querySelector('.ta-header').getBoundingClientRect().height;
        window.scrollBy(0, top - header - 8);
      });
    },
  ]);
} else {
  console.log(`screenshots: no import report (${HEKMAN} is absent)`);
}

// SHOTS=suggest,place takes only those
const only = process.env.SHOTS ? process.env.SHOTS.split(',') : null;
for (const [variant, opts] of [
  ['', { viewport: { width: 1280, height: 800 }, colorScheme: 'light' }],
  ['-phone-dark', { viewport: { width: 390, height: 844 }, colorScheme: 'dark' }],
]) {
  const s = await session(opts);
  try {
    for (const [name, go] of shots) {
      if (only && !only.includes(name)) continue;
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
