// The embed cannot be broken by its host (issue 13, part 4): on a page of another origin, with
// hostile CSS, it renders in its own shadow root; it follows the host's colour scheme (not
// the OS) unless `theme` says otherwise; its errors are a small note in the host's words; it
// is never wider than its container; two embeds on one page keep their own state; Tab
// reaches its links and search box; and it loads the same from the npm package's files.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, rm, cp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { session, TEST, startServer, ROOT } from './_harness.mjs';

/** A host page on its own server (another origin than the atlas). */
async function hostPage(html) {
  const dir = await mkdtemp(path.join(tmpdir(), 'ta-host-'));
  await writeFile(path.join(dir, 'index.html'), html);
  const server = await startServer({ root: dir });
  return {
    url: server.url,
    async stop() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Host CSS written to break an embed that does not isolate itself. */
const HOSTILE_CSS = `
  * { font-size: 40px; letter-spacing: 3px; box-sizing: content-box; }
  html { font-size: 40px; }
  body { margin: 0; font-family: "Comic Sans MS", cursive; text-transform: uppercase; line-height: 3; }
  div { display: none; }
  h1, h2 { color: #234; font-size: 60px; }
  table { width: 3000px; }
  p, li, ul { margin: 50px; padding: 30px; }
  a { color: #f0f; }
  input { display: none; }
  section.host-wrap { display: block; }
`;

function hostHtml(atlas, body, { head = '', css = HOSTILE_CSS } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>A town's website</title><link rel="icon" href="data:,">${head}
<style>${css}</style>
<script type="module" src="${atlas}embed.js"></script></head>
<body><h1>A town's website</h1>${body}</body></html>`;
}

/** Where the page scrolls sideways: document width minus window width (0: it does not). */
function sideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test('hostile host CSS on another origin does not reach inside the embed', TEST, async () => {
  const s = await session();
  const host = await hostPage(hostHtml(s.url, '<twinning-atlas place="coventry-gb" world="false"></twinning-atlas>'));
  try {
    const page = s.page;
    await page.goto(host.url);
    assert.notEqual(new URL(host.url).origin, new URL(s.url).origin);
    const el = page.locator('twinning-atlas');
    await el.locator('.ta-view--place h1').waitFor({ timeout: 15_000 });
    const look = await el.evaluate((host) => {
      const r = host.shadowRoot;
      const cs = (sel) => getComputedStyle(r.querySelector(sel));
      const box = (sel) => r.querySelector(sel).getBoundingClientRect();
      return {
        shadow: !!r,
        mainDisplay: cs('.ta-main').display,
        viewHeight: box('.ta-view--place').height,
        h1Size: cs('.ta-view--place h1').fontSize,
        h1Colour: cs('.ta-view--place h1').color,
        bodyText: cs('.ta-view--place p').fontSize,
        transform: cs('.ta-view--place h1').textTransform,
        spacing: cs('.ta-view--place p').letterSpacing,
        font: cs('.ta-root').fontFamily,
        input: cs('.ta-search__input').display,
        tableWidth: box('.ta-partners').width,
        hostWidth: host.getBoundingClientRect().width,
        badgeRadius: cs('.ta-badge').borderRadius,
      };
    });
    assert.ok(look.shadow, 'no shadow root');
    // the adopted sheet measures in --ta-font-size and answers to the embed's width, not the window's
    const sheet = await el.evaluate((host) =>
      [...host.shadowRoot.adoptedStyleSheets[0].cssRules].map((r) => r.cssText).join('\n'),
    );
    assert.doesNotMatch(sheet, /\d(rem|vw)\b/);
    assert.doesNotMatch(sheet, /@media[^{]*width/);
    assert.match(sheet, /@container ta-embed \(max-width: 640px\)/);
    assert.notEqual(look.mainDisplay, 'none', 'div { display: none } hid the embed');
    assert.ok(look.viewHeight > 100, `the place view is ${look.viewHeight}px high`);
    assert.ok(parseFloat(look.h1Size) < 40, `h1 is ${look.h1Size}`);
    assert.notEqual(look.h1Colour, 'rgb(34, 51, 68)', 'h2/h1 { color: #234 } recoloured the embed');
    assert.ok(parseFloat(look.bodyText) < 20, `* { font-size: 40px } reached the text: ${look.bodyText}`);
    assert.equal(look.transform, 'none');
    assert.equal(look.spacing, 'normal', "the host's letter-spacing got in");
    assert.doesNotMatch(look.font, /Comic Sans/);
    assert.notEqual(look.input, 'none');
    assert.ok(
      look.tableWidth <= look.hostWidth,
      `the partners table is ${look.tableWidth}px in a ${look.hostWidth}px embed`,
    );
    assert.equal(look.badgeRadius, '999px');
    assert.ok((await sideways(page)) <= 0, 'the host page scrolls sideways');
    // it still works: a partner's link navigates inside the embed, the host URL stays
    await el.locator('.ta-partner[data-partner-id="volgograd-ru"] .ta-partner__name a').click();
    await el.locator('h1', { hasText: 'Volgograd' }).waitFor();
    assert.equal(page.url(), host.url);
    assert.deepEqual(s.errors, []);
  } finally {
    await host.stop();
    await s.close();
  }
});

/** The embed's background (the root's) and the text colour of its heading. */
function palette(el) {
  return el.evaluate((host) => {
    const r = host.shadowRoot.querySelector('.ta-root');
    return getComputedStyle(r).backgroundColor;
  });
}
const LIGHT_BG = 'rgb(247, 245, 240)';
const DARK_BG = 'rgb(18, 24, 29)';

test(
  'theme: auto follows the host page’s color-scheme, not the OS; light and dark force it; custom properties and parts theme it',
  TEST,
  async () => {
    const s = await session({ colorScheme: 'dark' }); // the reader's OS is dark
    const body = `
<twinning-atlas id="plain" view="glossary" world="false"></twinning-atlas>
<twinning-atlas id="forced" view="glossary" world="false" theme="dark"></twinning-atlas>
<twinning-atlas id="themed" view="glossary" world="false"></twinning-atlas>`;
    const css = `#themed { --ta-accent: rgb(139, 31, 79); --ta-font: Georgia, serif; } #themed::part(header) { border-bottom: 4px solid rgb(1, 2, 3); }`;
    const lightHost = await hostPage(hostHtml(s.url, body, { css }));
    const darkHost = await hostPage(hostHtml(s.url, body, { css: `:root { color-scheme: dark; } ${css}` }));
    const bothHost = await hostPage(
      hostHtml(s.url, body, { css, head: '<meta name="color-scheme" content="light dark">' }),
    );
    try {
      const page = s.page;
      const load = async (url) => {
        await page.goto(url);
        for (const id of ['plain', 'forced', 'themed'])
          await page.locator(`#${id} .ta-view--glossary`).waitFor({ timeout: 15_000 });
      };
      // a light host (no color-scheme) on a dark OS: the embed stays light
      await load(lightHost.url);
      assert.equal(await palette(page.locator('#plain')), LIGHT_BG);
      assert.equal(await palette(page.locator('#forced')), DARK_BG);
      // the host's custom properties and ::part rules reach in
      const themed = await page.locator('#themed').evaluate((host) => {
        const r = host.shadowRoot;
        return {
          link: getComputedStyle(r.querySelector('.ta-main a')).color,
          font: getComputedStyle(r.querySelector('.ta-root')).fontFamily,
          header: getComputedStyle(r.querySelector('.ta-header')).borderBottomColor,
        };
      });
      assert.equal(themed.link, 'rgb(139, 31, 79)');
      assert.match(themed.font, /Georgia/);
      assert.equal(themed.header, 'rgb(1, 2, 3)');
      // theme="light" on that host, set after mounting
      await page.locator('#forced').evaluate((e) => e.setAttribute('theme', 'light'));
      assert.equal(await palette(page.locator('#forced')), LIGHT_BG);
      // a dark host: dark, unless theme="light"
      await load(darkHost.url);
      assert.equal(await palette(page.locator('#plain')), DARK_BG);
      await page.locator('#plain').evaluate((e) => e.setAttribute('theme', 'light'));
      assert.equal(await palette(page.locator('#plain')), LIGHT_BG);
      // a host that offers both follows the reader's preference, as the host page itself does
      await load(bothHost.url);
      assert.equal(await palette(page.locator('#plain')), DARK_BG);
      await page.emulateMedia({ colorScheme: 'light' });
      assert.equal(await palette(page.locator('#plain')), LIGHT_BG);
      assert.deepEqual(s.errors, []);
    } finally {
      await lightHost.stop();
      await darkHost.stop();
      await bothHost.stop();
      await s.close();
    }
  },
);

test('a wrong place is a small note in the host’s words, without an internal path or a big heading', TEST, async () => {
  const s = await session();
  const host = await hostPage(
    hostHtml(
      s.url,
      `
<twinning-atlas id="full" place="nowhere-xx" world="false"></twinning-atlas>
<twinning-atlas id="compact" place="nowhere-xx" view="partners" world="false"></twinning-atlas>`,
      { css: 'body { margin: 0 }' },
    ),
  );
  try {
    const page = s.page;
    await page.goto(host.url);
    for (const id of ['full', 'compact']) {
      const note = page.locator(`#${id} .ta-note--error`);
      await note.waitFor({ timeout: 15_000 });
      assert.equal(await note.textContent(), 'No place with this id: nowhere-xx.');
      const view = page.locator(`#${id} .ta-main`);
      assert.equal(await view.locator('h1, h2').count(), 0, `${id}: a heading for an error`);
      assert.doesNotMatch(await view.textContent(), /\/place\/|\/partners\//, `${id}: an internal path`);
      const size = await note.evaluate((n) => parseFloat(getComputedStyle(n).fontSize));
      assert.ok(size <= 16, `${id}: the note's text is ${size}px`);
      assert.equal(await note.getAttribute('role'), 'alert');
    }
    // the full embed offers its search; the compact one nothing more
    assert.equal(await page.locator('#full .ta-main a', { hasText: 'Search the atlas' }).count(), 1);
    assert.equal(await page.locator('#compact .ta-main a').count(), 0);
  } finally {
    await host.stop();
    await s.close();
  }
});

test(
  'at 320 px the full, partners and suggest embeds fit their container: no sideways scroll on the host',
  TEST,
  async () => {
    const s = await session({ viewport: { width: 320, height: 700 } });
    const host = await hostPage(
      hostHtml(
        s.url,
        `
<twinning-atlas id="full" place="coventry-gb" world="false"></twinning-atlas>
<twinning-atlas id="partners" place="coventry-gb" view="partners" world="false"></twinning-atlas>
<twinning-atlas id="suggest" place="coventry-gb" view="suggest" world="false"></twinning-atlas>`,
      ),
    );
    try {
      const page = s.page;
      await page.goto(host.url);
      await page.locator('#full .ta-view--place h1').waitFor({ timeout: 15_000 });
      await page.locator('#partners .ta-view--partners').waitFor({ timeout: 15_000 });
      await page.locator('#suggest .ta-main .ta-view').first().waitFor({ timeout: 15_000 });
      assert.ok((await sideways(page)) <= 0, `the host scrolls ${await sideways(page)}px sideways`);
      for (const id of ['full', 'partners', 'suggest']) {
        const over = await page.locator(`#${id}`).evaluate((host) => {
          const w = host.getBoundingClientRect().right;
          let worst = 0;
          for (const n of host.shadowRoot.querySelectorAll('*')) {
            // content inside its own scroll box (a wide table that scrolls) is not the host's
            let scroller = false;
            for (let p = n.parentElement; p; p = p.parentElement)
              if (/auto|scroll|hidden/.test(getComputedStyle(p).overflowX)) scroller = true;
            if (!scroller) worst = Math.max(worst, n.getBoundingClientRect().right - w);
          }
          return worst;
        });
        assert.ok(over <= 1, `#${id}: something is ${over}px wider than the embed`);
      }
    } finally {
      await host.stop();
      await s.close();
    }
  },
);

test('a map embed in a 320 px sidebar on a wide screen draws its phone-sized picture', TEST, async () => {
  const s = await session({ viewport: { width: 1280, height: 800 } });
  const host = await hostPage(
    hostHtml(
      s.url,
      `
<aside style="width: 320px"><twinning-atlas id="side" place="coventry-gb" view="map" world="false"></twinning-atlas></aside>
<main><twinning-atlas id="wide" place="coventry-gb" view="map" world="false"></twinning-atlas></main>`,
      { css: 'body { margin: 0 }' },
    ),
  );
  try {
    const page = s.page;
    await page.goto(host.url);
    const width = async (id) => {
      const svg = page.locator(`#${id} svg.ta-map-svg, #${id} .ta-pictures svg`).first();
      await svg.waitFor({ timeout: 30_000 });
      return svg.evaluate((el) => el.viewBox.baseVal.width);
    };
    assert.equal(await width('side'), 560);
    assert.equal(await width('wide'), 960);
    assert.ok((await sideways(page)) <= 0);
  } finally {
    await host.stop();
    await s.close();
  }
});

test('two embeds on one page keep their own place, date and imported data', TEST, async () => {
  const s = await session();
  const host = await hostPage(
    hostHtml(
      s.url,
      `
<twinning-atlas id="a" view="data" world="false"></twinning-atlas>
<twinning-atlas id="b" place="coventry-gb" as-of="1950" world="false"></twinning-atlas>`,
      { css: 'body { margin: 0 }' },
    ),
  );
  try {
    const page = s.page;
    await page.goto(host.url);
    const a = page.locator('#a');
    const b = page.locator('#b');
    await a.locator('.ta-shown[data-shown="curated"]').waitFor({ timeout: 15_000 });
    await b.locator('.ta-view--place h1').waitFor({ timeout: 15_000 });
    const before = await b.locator('.ta-partners tbody tr').count();
    // import into A
    await a.locator('input[type="file"]').setInputFiles({
      name: 'pairs.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('city1,country1,city2,country2,start\nEmbedville,GB,Coventry,GB,1940\n'),
    });
    await a.getByRole('button', { name: 'Import' }).click();
    await a.locator('.ta-shown[data-shown="imported"]').waitFor({ timeout: 30_000 });
    // an embed keeps nothing in the host's storage, and says so
    assert.match(
      await a.locator('.ta-shown').textContent(),
      /not kept in this browser \(an embedded atlas keeps nothing between visits\)/,
    );
    assert.equal(
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            const req = indexedDB.open('twinning-atlas', 1);
            req.onupgradeneeded = () => req.result.createObjectStore('datasets');
            req.onsuccess = () => {
              const get = req.result.transaction('datasets').objectStore('datasets').get('current');
              get.onsuccess = () => resolve(get.result ?? null);
            };
          }),
      ),
      null,
    );
    // B still shows the curated data at its own date, and keeps working (its atlas was not freed)
    await b.evaluate((e) => e.setAttribute('as-of', '1960'));
    await b.locator('.ta-view--place h1').waitFor();
    assert.equal(await b.locator('.ta-partners tbody tr').count(), before);
    assert.equal(await b.locator('[data-partner-id*="embedville"]').count(), 0);
    await b.evaluate((e) => e.setAttribute('view', 'data'));
    await b.evaluate((e) => e.removeAttribute('place'));
    await b.locator('.ta-shown').waitFor({ timeout: 15_000 });
    assert.equal(await b.locator('.ta-shown').getAttribute('data-shown'), 'curated');
    // and A's search finds its import while B's does not
    await a.evaluate((e) => e.setAttribute('view', 'search?q=Embedville'));
    await a.locator('.ta-results [role="option"][data-place-id]').first().waitFor({ timeout: 15_000 });
    await b.evaluate((e) => e.setAttribute('view', 'search?q=Embedville'));
    await b.locator('.ta-count').first().waitFor({ timeout: 15_000 });
    assert.equal(await b.locator('.ta-results [role="option"][data-place-id]').count(), 0);
    assert.deepEqual(s.errors, []);
  } finally {
    await host.stop();
    await s.close();
  }
});

test('Tab reaches the search box and the links inside the shadow root; Enter follows one', TEST, async () => {
  const s = await session();
  const host = await hostPage(
    hostHtml(
      s.url,
      '<p><a id="before" href="#top">Before the atlas</a></p><twinning-atlas place="coventry-gb" world="false"></twinning-atlas>',
      { css: 'body { margin: 0 }' },
    ),
  );
  try {
    const page = s.page;
    await page.goto(host.url);
    const el = page.locator('twinning-atlas');
    await el.locator('.ta-view--place h1').waitFor({ timeout: 15_000 });
    await page.locator('#before').focus();
    const focused = () =>
      page.evaluate(() => {
        const host = document.querySelector('twinning-atlas');
        const a = host.shadowRoot.activeElement;
        if (document.activeElement !== host || !a) return null;
        return { tag: a.tagName, cls: a.className, inMain: !!a.closest('.ta-main'), text: a.textContent.trim() };
      });
    let f = null;
    for (let i = 0; i < 5 && !(f && /ta-search__input/.test(f.cls)); i++) {
      await page.keyboard.press('Tab');
      f = await focused();
    }
    assert.ok(f && /ta-search__input/.test(f.cls), `Tab did not reach the search box: ${JSON.stringify(f)}`);
    // onward to a link in the view
    for (let i = 0; i < 40 && !(f && f.tag === 'A' && f.inMain && f.text); i++) {
      await page.keyboard.press('Tab');
      f = await focused();
    }
    assert.ok(f && f.tag === 'A' && f.inMain, `Tab did not reach a link in the view: ${JSON.stringify(f)}`);
    const heading = await el.locator('.ta-main h1').textContent();
    await page.keyboard.press('Enter');
    await page.waitForFunction((h) => {
      const h1 = document.querySelector('twinning-atlas').shadowRoot.querySelector('.ta-main h1, .ta-main h2');
      return h1 && h1.textContent !== h;
    }, heading);
    assert.equal(page.url(), `${host.url}`);
  } finally {
    await host.stop();
    await s.close();
  }
});

test(
  'under a host policy that allows no style from the atlas, the embed is still styled, with no violation',
  TEST,
  async () => {
    const s = await session();
    const atlas = new URL(s.url).origin;
    // style-src 'self' only: the shadow root's constructed sheet is fetched (connect-src), not linked
    const policy = `default-src 'self'; script-src ${atlas} 'wasm-unsafe-eval'; style-src 'self'; connect-src ${atlas}; img-src ${atlas} data: blob:; require-trusted-types-for 'script'; trusted-types twinning-atlas`;
    const host = await hostPage(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}"><title>Host</title><link rel="icon" href="data:,">
<script type="module" src="${s.url}embed.js"></script></head>
<body><twinning-atlas place="coventry-gb" world="false"></twinning-atlas></body></html>`);
    try {
      const page = s.page;
      const violations = [];
      page.on('console', (msg) => {
        if (/Content Security Policy|Trusted Type/i.test(msg.text())) violations.push(msg.text());
      });
      await page.goto(host.url);
      const el = page.locator('twinning-atlas');
      await el.locator('.ta-view--place h1').waitFor({ timeout: 15_000 });
      assert.equal(
        await el
          .locator('.ta-badge')
          .first()
          .evaluate((b) => getComputedStyle(b).borderRadius),
        '999px',
      );
      assert.equal(await el.evaluate((e) => e.shadowRoot.querySelectorAll('link').length), 0);
      assert.deepEqual(violations, []);
    } finally {
      await host.stop();
      await s.close();
    }
  },
);

test('the npm package’s entry twinning-atlas/embed works from the built pkg/ folder on another origin', {
  ...TEST,
  skip:
    TEST.skip ||
    (existsSync(path.join(ROOT, 'pkg', 'embed', 'embed.js'))
      ? false
      : 'pkg/embed is not built (bash scripts/build.sh)'),
}, async () => {
  const s = await session();
  // a server of installed packages, as a CDN of npm packages is: pkg/ as node_modules/twinning-atlas
  const dir = await mkdtemp(path.join(tmpdir(), 'ta-cdn-'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>packages</title>');
  await cp(path.join(ROOT, 'pkg'), path.join(dir, 'node_modules', 'twinning-atlas'), { recursive: true });
  const cdn = await startServer({ root: dir });
  const pkgUrl = `${cdn.url}node_modules/twinning-atlas/`;
  const pkg = {
    url: pkgUrl,
    stop: async () => {
      await cdn.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  const host = await hostPage(
    hostHtml(
      pkg.url,
      `
<twinning-atlas id="full" place="coventry-gb"></twinning-atlas>
<twinning-atlas id="map" place="coventry-gb" view="map" world="false"></twinning-atlas>`,
    ).replace(`${pkg.url}embed.js`, `${pkg.url}embed/embed.js`),
  );
  try {
    const { readFile } = await import('node:fs/promises');
    const manifest = JSON.parse(await readFile(path.join(ROOT, 'pkg', 'package.json'), 'utf8'));
    assert.equal(manifest.exports['./embed'].default, './embed/embed.js');
    assert.ok(manifest.files.includes('embed/'));
    const page = s.page;
    await page.goto(host.url);
    const el = page.locator('#full');
    await el.locator('.ta-view--place h1').waitFor({ timeout: 15_000 });
    assert.equal(await el.locator('.ta-view--place h1').textContent(), 'Coventry');
    // the map embed loads the package's map bundle and countries from one folder up
    await page.locator('#map svg').first().waitFor({ timeout: 30_000 });
    // the world network from the package's world.json.gz
    await el.locator('.ta-root[data-ta-world="ready"]').waitFor({ timeout: 60_000 });
    // links out open the package's own full page
    const href = await el
      .locator('.ta-partner[data-partner-id="volgograd-ru"] .ta-partner__name a')
      .getAttribute('href');
    assert.equal(href, `${pkg.url}embed/index.html#/place/volgograd-ru`);
    assert.deepEqual(s.errors, []);
  } finally {
    await host.stop();
    await pkg.stop();
    await s.close();
  }
});
