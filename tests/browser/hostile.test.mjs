// Hostile input through the page (issue 8): a shared link, an embed attribute and imported
// data built to kill, exhaust or fool it. After each one the same page (no reload) must still
// answer a search. Also: names shown safely (isolated, wrapping, hidden characters marked),
// the rejected-rows download safe for spreadsheets, the truth about storage, and the page
// working under its declared Content-Security-Policy with Trusted Types, with no violation.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { session, TEST, typeSearch, hits, startServer } from './_harness.mjs';

const MANY_C = 'c.'.repeat(4400) + '1990';
const LONG = 'Llanfairpwllgwyngyll'.repeat(10); // 200 letters, no break
const HOSTILE_CSV =
  [
    'city1,country1,city2,country2,start',
    `${LONG},GB,Cov\u200Bentry,GB,1990`,
    `\u0627\u0644\u0642\u0627\u0647\u0631\u0629 \u202Bcairo,EG,Dresden,DE,${MANY_C}`,
    `\u0627\u0644\u0642\u0627\u0647\u0631\u0629,EG,Dresden,DE,1990`,
    '"=HYPERLINK(""http://evil.example"",""x"")",GB,File:x.png,FR,1990',
    '@SUM(A1),GB,+Plus,FR,1990',
    '=1+1,GB,File:y.png,FR,1990',
  ].join('\n') + '\n';

/** Whether the page's own search still answers: type, and see Coventry among the hits. */
async function stillSearches(page) {
  await page.goto(new URL('#/', page.url()).href);
  await typeSearch(page, 'Coventry');
  const list = await hits(page);
  assert.ok(
    list.some((x) => x.id === 'coventry-gb'),
    'the page no longer answers a search',
  );
}

/** Import a file through the #/data view, as a person does. */
async function importText(page, name, text) {
  await page.goto(new URL('#/data', page.url()).href);
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.getByRole('button', { name: 'Import' }).click();
  await page.locator('.ta-report, .ta-error').first().waitFor({ timeout: 30_000 });
}

test('a shared link with 4,400 "c." prefixes in asOf shows an error and the page keeps working', TEST, async () => {
  const s = await session();
  try {
    const page = await s.open(`#/place/coventry-gb?asOf=${MANY_C}`);
    await page.locator('.ta-view--place h1').waitFor();
    assert.match(await page.locator('.ta-main').textContent(), /at most 40 characters/);
    await page.goto(`${s.url}#/link/coventry-gb~volgograd-ru?asOf=${MANY_C}`);
    await page.locator('.ta-main .ta-view').first().waitFor();
    await stillSearches(page);
    assert.deepEqual(
      s.errors.filter((e) => /RuntimeError|unreachable|memory access|recursive use/.test(e)),
      [],
    );
  } finally {
    await s.close();
  }
});

test('an embed with a hostile as-of attribute fails alone: the other embed on the host page works', TEST, async () => {
  const s = await session();
  const dir = await mkdtemp(path.join(tmpdir(), 'ta-host-'));
  await writeFile(
    path.join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">
<script type="module" src="${s.url}embed.js"></script></head>
<body><twinning-atlas id="bad" place="coventry-gb" as-of="${MANY_C}"></twinning-atlas>
<twinning-atlas id="good" place="coventry-gb"></twinning-atlas></body></html>`,
  );
  const host = await startServer({ root: dir });
  try {
    const page = s.page;
    await page.goto(host.url);
    await page.locator('#good .ta-view--place h1').waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('#good h1').textContent(), 'Coventry');
    assert.ok((await page.locator('#good .ta-partners tbody tr').count()) > 0);
    await page.locator('#bad .ta-view').first().waitFor({ timeout: 15_000 });
    assert.match(await page.locator('#bad .ta-main').textContent(), /at most 40 characters/);
    // the good embed's search still answers
    const box = page.locator('#good').getByRole('combobox', { name: /search places/i });
    await box.pressSequentially('Dresden', { delay: 10 });
    await page.locator('#good .ta-results [data-place-id="dresden-de"]').waitFor({ timeout: 15_000 });
  } finally {
    await host.stop();
    await rm(dir, { recursive: true, force: true });
    await s.close();
  }
});

test(
  'hostile names are shown isolated, wrapped and marked, and the rejected rows download cannot run formulas',
  TEST,
  async () => {
    const s = await session({ viewport: { width: 390, height: 800 } });
    try {
      const page = await s.open('#/data');
      await importText(page, 'hostile.csv', HOSTILE_CSV);
      await page.locator('.ta-report').waitFor();
      // the rejected rows: neutralised for spreadsheets
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('.ta-download-rejected').click(),
      ]);
      const csv = await readFile(await download.path(), 'utf8');
      for (const line of csv.split('\r\n').slice(1)) {
        for (const cell of line.split(','))
          assert.ok(!/^"?[=+@\t\r]/.test(cell) && !/^"?-[^0-9]/.test(cell), `cell ${cell}`);
      }
      assert.match(csv, /'=1\+1,GB/);
      // the zero-width space is marked; the name is isolated in a <bdi dir="auto">
      await page.goto(`${s.url}#/`);
      await typeSearch(page, 'Cov');
      const marked = page.locator('.ta-results [data-hidden-chars="true"]');
      await marked.first().waitFor();
      assert.equal(await marked.first().evaluate((el) => el.tagName), 'BDI');
      assert.match(await page.locator('.ta-results .ta-hidden-badge').first().textContent(), /hidden characters/);
      const real = page.locator('.ta-results [data-place-id="coventry-gb"] .ta-hidden-badge');
      assert.equal(await real.count(), 0, 'the real Coventry carries no badge');
      // no view is widened by the 200-letter name
      await typeSearch(page, 'Llanfairpwllgwyngyll');
      await page.locator('.ta-results [data-place-id]').first().click();
      await page.locator('.ta-view--place h1').waitFor();
      const linkId = await page.locator('.ta-partners tbody tr').first().getAttribute('data-link-id');
      const placeId = await page.locator('.ta-view--place').getAttribute('data-place-id');
      for (const where of ['place', 'search', 'link', 'network']) {
        if (where === 'search') {
          await page.goto(`${s.url}#/search?q=Llanfairpwllgwyngyll`);
          await page.locator('.ta-results [data-place-id]').first().waitFor();
        } else if (where === 'link') {
          await page.goto(`${s.url}#/link/${linkId}`);
          await page.locator('.ta-view--link h1').waitFor();
        } else if (where === 'network') {
          await page.goto(`${s.url}#/network?from=${placeId}&to=dresden-de`);
          await page.locator('.ta-chain-result, .ta-count').first().waitFor();
        }
        const { scroll, width } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          width: window.innerWidth,
        }));
        assert.ok(scroll <= width, `${where}: the page is ${scroll - width}px wider than the window`);
      }
      // the right-to-left name is isolated: text after it keeps its order
      await typeSearch(page, '\u0627\u0644\u0642\u0627\u0647\u0631\u0629');
      const rtl = page.locator('.ta-results bdi[dir="auto"]').first();
      await rtl.waitFor();
      await stillSearches(page);
    } finally {
      await s.close();
    }
  },
);

test(
  'when the browser cannot store the import, the page never says it is kept, and a reload shows what is stored',
  TEST,
  async () => {
    const s = await session();
    try {
      // storage that fails as a full quota does
      await s.context.addInitScript(() => {
        IDBObjectStore.prototype.put = function put() {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      });
      const page = await s.open('#/data');
      await importText(page, 'pairs.csv', 'city1,country1,city2,country2\nQuotaville,GB,Dresden,DE\n');
      const shown = page.locator('.ta-shown');
      await shown.waitFor();
      assert.equal(await shown.getAttribute('data-shown'), 'imported');
      const text = await shown.textContent();
      assert.doesNotMatch(text, /kept in this browser for your next visit|saved/);
      assert.match(text, /not kept in this browser \(the browser’s storage is full\)/);
      assert.match(text, /After a reload the page shows the curated data/);
      await page.reload();
      await page.locator('.ta-main .ta-view').first().waitFor();
      await page.locator('.ta-shown').waitFor();
      assert.equal(await page.locator('.ta-shown').getAttribute('data-shown'), 'curated');
      await stillSearches(page);
    } finally {
      await s.close();
    }
  },
);

test('after a reload on #/data, imported data is labelled as imported', TEST, async () => {
  const s = await session();
  try {
    const page = await s.open('#/data');
    await importText(page, 'pairs.csv', 'city1,country1,city2,country2\nReloadville,GB,Dresden,DE\n');
    await page.locator('.ta-shown[data-shown="imported"]').waitFor();
    assert.match(await page.locator('.ta-shown').textContent(), /kept in this browser for your next visit/);
    await page.reload();
    await page.locator('.ta-shown').waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('.ta-shown').getAttribute('data-shown'), 'imported');
    await stillSearches(page);
  } finally {
    await s.close();
  }
});

test('the page declares its policy and runs under it with Trusted Types, with no violation', TEST, async () => {
  const s = await session();
  try {
    const violations = [];
    await s.context.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`),
      );
    });
    const res = await s.page.goto(s.url);
    const header = res.headers()['content-security-policy'];
    assert.match(header, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.match(header, /require-trusted-types-for 'script'/);
    const meta = await s.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.equal(meta, header, 'the meta tag and the header say the same');
    const page = await s.open('#/data');
    // the worker (a Trusted Types sink) starts through our policy: the import runs in it
    await importText(page, 'pairs.csv', 'city1,country1,city2,country2\nPolicyville,GB,Dresden,DE\n');
    await page.locator('.ta-report').waitFor();
    await stillSearches(page);
    for (const hash of ['#/glossary', '#/statistics', '#/network', '#/compare', '#/place/coventry-gb']) {
      await page.goto(s.url + hash);
      await page.locator('.ta-main .ta-view').first().waitFor();
    }
    violations.push(...(await page.evaluate(() => window.__violations)));
    assert.deepEqual(violations, []);
    assert.deepEqual(
      s.errors.filter((e) => /Content Security Policy|TrustedScriptURL|Trusted Type/i.test(e)),
      [],
    );
    assert.equal(
      await page.evaluate(() => typeof window.trustedTypes?.createPolicy),
      'function',
      'Chromium enforces Trusted Types',
    );
  } finally {
    await s.close();
  }
});

test(
  'an embed works on a host page whose policy is the one the README gives, Trusted Types included',
  TEST,
  async () => {
    const s = await session();
    const atlas = new URL(s.url).origin;
    const dir = await mkdtemp(path.join(tmpdir(), 'ta-host-'));
    const policy = `script-src ${atlas} 'wasm-unsafe-eval'; style-src ${atlas}; connect-src ${atlas}; img-src ${atlas} data: blob:; require-trusted-types-for 'script'; trusted-types twinning-atlas`;
    await writeFile(
      path.join(dir, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}"><title>Host</title><link rel="icon" href="data:,">
<script type="module" src="${s.url}embed.js"></script></head>
<body><twinning-atlas place="coventry-gb"></twinning-atlas></body></html>`,
    );
    const host = await startServer({ root: dir });
    try {
      const page = s.page;
      const violations = [];
      page.on('console', (msg) => {
        if (/Content Security Policy|Trusted Type/i.test(msg.text())) violations.push(msg.text());
      });
      await page.goto(host.url);
      await page.locator('twinning-atlas .ta-view--place h1').waitFor({ timeout: 15_000 });
      assert.equal(await page.locator('twinning-atlas h1').textContent(), 'Coventry');
      assert.deepEqual(violations, []);
    } finally {
      await host.stop();
      await rm(dir, { recursive: true, force: true });
      await s.close();
    }
  },
);
