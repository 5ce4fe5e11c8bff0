#!/usr/bin/env node
// Writes docs/import/<shot>-<desktop|phone>-<light|dark>.png for the import's mapping step
// (a file whose columns the importer cannot tell), the conflict choices of a merge, and
// "My changes" with the QuickStatements preview. Not a test: run
// `node tests/browser/screenshots-import.mjs` after a build.

import { mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { session, missing, ROOT } from './_harness.mjs';

const why = missing();
if (why) {
  console.error(`screenshots: ${why}`);
  process.exit(1);
}
const out = path.join(ROOT, 'docs', 'import');
await mkdir(out, { recursive: true });

// a list of one town's partners, in Italian, with columns nobody named for us
const UNKNOWN = [
  'comune;gemellata con;nazione;dal',
  'Pavia;Hildesheim;Germania;1986',
  'Pavia;Besançon;Francia;1964',
  'Pavia;Vilnius;Lituania;2010',
  'Pavia;Tempe;Stati Uniti;1990',
  'Pavia;Vittoria;Spagna;1999',
].join('\n');

async function pickPlace(page, label, text) {
  const box = page.getByRole('combobox', { name: label });
  await box.pressSequentially(text, { delay: 10 });
  await page.locator('.ta-picker__list:not([hidden]) [role="option"]').first().click();
}

const shots = [
  [
    'mapping',
    async (s) => {
      const page = await s.open('#/data');
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: 'gemellaggi-pavia.csv', mimeType: 'text/csv', buffer: Buffer.from(UNKNOWN) });
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.locator('.ta-map').waitFor({ timeout: 30_000 });
      await page.getByRole('combobox', { name: 'Column 2 “gemellata con” holds' }).selectOption('bName');
      await page.getByRole('combobox', { name: 'Column 3 “nazione” holds' }).selectOption('bCountry');
      await page.getByRole('combobox', { name: 'Column 4 “dal” holds' }).selectOption('start');
      await page.getByLabel('Every row’s place A is in the country').fill('Italy');
      await page.locator('.ta-map').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.evaluate(() =>
        window.scrollBy(0, -document.querySelector('.ta-header').getBoundingClientRect().height - 8),
      );
    },
  ],
  [
    'mychanges',
    async (s) => {
      // Wikidata ids for Coventry, Kiel and Brest come with the query service's download
      const page = await s.open('#/data');
      await page.locator('input[type="file"]').setInputFiles({
        name: 'wikidata-query-download.json',
        mimeType: 'application/json',
        buffer: readFileSync(path.join(ROOT, 'tests', 'fixtures', 'import', 'wikidata-query-download.json')),
      });
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.locator('.ta-report').waitFor({ timeout: 30_000 });
      await page.goto(`${s.base}#/edit?kind=partner&a=coventry-gb`);
      await pickPlace(page, 'Its new partner', 'Brest');
      await page.getByLabel('Established (date, optional)').fill('2025-06-01');
      await page.getByLabel(/^Source/).fill('https://example.org/council/minutes-2025-06');
      await page.getByRole('button', { name: 'Save the change' }).click();
      await page.locator('.ta-view--link').waitFor();
      await page.goto(`${s.base}#/edit?kind=disputed&link=coventry-gb~volgograd-ru`);
      await page.getByLabel('What is disputed').fill('The council minutes say the suspension was never voted.');
      await page.getByRole('button', { name: 'Save the change' }).click();
      await page.locator('.ta-view--link').waitFor();
      await page.goto(`${s.base}#/data`);
      await page.locator('.ta-mychange').first().waitFor();
      await page.goto(`${s.base}#/edit?kind=partner&a=coventry-gb&b=tornio-fi`);
      await page.getByRole('button', { name: 'Save the change' }).click();
      await page.locator('.ta-view--link').waitFor();
      await page.goto(`${s.base}#/data`);
      await page.locator('.ta-mychange').first().waitFor();
      await page.getByRole('button', { name: /Give it back/ }).click();
      await page.locator('.ta-mychanges').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.evaluate(() =>
        window.scrollBy(0, -document.querySelector('.ta-header').getBoundingClientRect().height - 8),
      );
    },
  ],
];

for (const [device, viewport] of [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
]) {
  for (const colorScheme of ['light', 'dark']) {
    for (const [name, go] of shots) {
      const s = await session({ viewport, colorScheme, world: false });
      try {
        await go(s);
        await s.page.waitForTimeout(200);
        const file = path.join(out, `${name}-${device}-${colorScheme}.png`);
        await s.page.screenshot({ path: file });
        console.log(file);
      } finally {
        await s.close();
      }
    }
  }
}
