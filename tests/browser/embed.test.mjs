// The embed: another site (another origin) mounts the atlas with the custom element or
// mount(); assets come from the atlas's server, the host's URL is left alone, and text from
// data never becomes markup.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { session, TEST, startServer } from './_harness.mjs';

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

test('<twinning-atlas place="coventry-gb"> on another origin shows Coventry and keeps the host URL', TEST, async () => {
  const s = await session();
  const atlas = s.url;
  const host =
    await hostPage(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">
<script type="module" src="${atlas}embed.js"></script></head>
<body><h1 id="host-title">A town's website</h1>
<twinning-atlas place="coventry-gb" world="false"></twinning-atlas>
<div id="second"></div>
<script type="module">
  import { mount } from '${atlas}embed.js';
  window.second = await mount(document.getElementById('second'), { view: 'glossary', world: false });
</script></body></html>`);
  try {
    const page = s.page;
    await page.goto(host.url);
    const el = page.locator('twinning-atlas');
    await el.locator('.ta-view--place').waitFor({ timeout: 15_000 });
    assert.equal(await el.locator('h1').textContent(), 'Coventry');
    assert.ok((await el.locator('.ta-partners tbody tr').count()) > 0, 'no partners shown');
    // the style sheet came from the atlas's server, into the element's shadow root only
    assert.equal(await page.locator('link[data-ta-style]').count(), 0, 'the host document got a style sheet');
    assert.equal(await el.evaluate((e) => e.shadowRoot?.adoptedStyleSheets.length), 1);
    assert.equal(
      await el
        .locator('.ta-badge')
        .first()
        .evaluate((b) => getComputedStyle(b).borderRadius),
      '999px',
    );
    // links point at the full atlas page, but navigate inside the embed
    const volgograd = el.locator('.ta-partner[data-partner-id="volgograd-ru"] .ta-partner__name a');
    assert.equal(await volgograd.getAttribute('href'), `${atlas}index.html#/place/volgograd-ru`);
    await volgograd.click();
    await el.locator('h1', { hasText: 'Volgograd' }).waitFor();
    assert.equal(page.url(), host.url, 'the embed changed the host page URL');
    // the second mount, from a script
    await page.locator('#second .ta-view--glossary').waitFor();
    assert.ok((await page.locator('#second .ta-term').count()) >= 33);
    assert.deepEqual(s.errors, []);
  } finally {
    await host.stop();
    await s.close();
  }
});

test('names, notes and URLs from data are shown as text, never run as markup', TEST, async () => {
  const s = await session();
  const doc = {
    format: 'twinning-atlas/1',
    sources: [{ id: 's1', title: '<b>bold</b> source', url: 'javascript:window.__pwned=3' }],
    places: [
      {
        id: 'evil-gb',
        name: '<img src=x onerror=window.__pwned=1>',
        level: 'town',
        country: 'GB',
        sources: ['s1'],
        description: '<script>window.__pwned=2</script>',
      },
      { id: 'good-fr', name: 'Good', level: 'town', country: 'FR', sources: ['s1'] },
    ],
    links: [
      {
        a: 'evil-gb',
        b: 'good-fr',
        form: 'twinning',
        events: [{ kind: 'established', date: '1990', note: '<i>note</i>', sources: ['s1'] }],
        sources: ['s1'],
      },
    ],
  };
  try {
    const page = await s.open('#/about');
    await page.evaluate(async (text) => {
      const { mount } = await import('./embed.js');
      const div = document.createElement('div');
      div.id = 'own';
      document.body.append(div);
      await mount(div, { data: text, link: 'evil-gb~good-fr' });
    }, JSON.stringify(doc));
    const own = page.locator('#own');
    await own.locator('.ta-view--link').waitFor();
    assert.equal(await own.locator('h1').textContent(), '<img src=x onerror=window.__pwned=1> – Good');
    assert.equal(await own.locator('img:not(.ta-logo), script, b, i').count(), 0);
    assert.equal(await own.locator('.ta-event__note').textContent(), '<i>note</i>');
    // a javascript: URL is not made a link
    assert.equal(await own.locator('a[href^="javascript:"]').count(), 0);
    assert.ok((await own.locator('.ta-source', { hasText: '<b>bold</b> source' }).count()) > 0);
    await own.locator('.ta-pair__place a').first().click();
    await own.locator('.ta-view--place').waitFor();
    assert.equal(await own.locator('.ta-description').textContent(), '<script>window.__pwned=2</script>');
    assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
  } finally {
    await s.close();
  }
});

test(
  '<twinning-atlas place="coventry-gb" view="partners"> on another origin: a compact partners list that links out',
  TEST,
  async () => {
    const s = await session();
    const atlas = s.url;
    const host =
      await hostPage(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Coventry City Council</title><link rel="icon" href="data:,">
<script type="module" src="${atlas}embed.js"></script></head>
<body><h1>Coventry City Council</h1>
<twinning-atlas place="coventry-gb" view="partners" world="false"></twinning-atlas>
</body></html>`);
    try {
      const page = s.page;
      await page.goto(host.url);
      const el = page.locator('twinning-atlas');
      await el.locator('.ta-view--partners').waitFor({ timeout: 15_000 });
      // compact: no search box, no navigation, no h1 of its own
      assert.equal(await el.locator('.ta-header, .ta-nav, input').count(), 0);
      assert.equal(await el.locator('h1').count(), 0);
      assert.equal(await el.locator('h2').textContent(), 'Twin towns and partners of Coventry');
      const items = await el.locator('.ta-compact__item').evaluateAll((lis) =>
        lis.map((li) => ({
          id: li.dataset.partnerId,
          name: li.querySelector('.ta-compact__name').textContent,
          years: li.querySelector('.ta-compact__years').textContent,
          status: li.querySelector('.ta-badge').textContent,
          href: li.querySelector('a').getAttribute('href'),
          target: li.querySelector('a').getAttribute('target'),
        })),
      );
      const expected = await page.evaluate(async (base) => {
        // an embed runs on the full module (the full page starts on its first module)
        const { Atlas } = await import(`${base}pkg/full/twinning_atlas.js`);
        return Atlas.withDefaultData().partners('coventry-gb', {}).partners.length;
      }, atlas);
      assert.equal(items.length, expected);
      const volgograd = items.find((i) => i.id === 'volgograd-ru');
      assert.ok(volgograd, JSON.stringify(items));
      assert.match(volgograd.years, /1944/);
      assert.ok(volgograd.status.length > 0);
      // names link out to the full atlas page, in a new tab
      assert.equal(volgograd.href, `${atlas}index.html#/place/volgograd-ru`);
      assert.equal(volgograd.target, '_blank');
      const more = el.locator('.ta-compact__out');
      assert.equal(await more.getAttribute('href'), `${atlas}index.html#/place/coventry-gb`);
      // active partners come before ended ones
      const order = ['established', 'suspended', 'proposed', 'attempted', 'terminated', 'none', 'unknown'];
      const statuses = await el.locator('.ta-compact__item').evaluateAll((lis) => lis.map((li) => li.dataset.status));
      const ranks = statuses.map((x) => order.indexOf(x));
      assert.deepEqual(
        ranks,
        [...ranks].sort((a, b) => a - b),
      );
      assert.equal(page.url(), host.url);
      // the link out opens the full page
      const [popup] = await Promise.all([page.context().waitForEvent('page'), more.click()]);
      await popup.locator('.ta-view--place h1', { hasText: 'Coventry' }).waitFor({ timeout: 15_000 });
      assert.deepEqual(s.errors, []);
    } finally {
      await host.stop();
      await s.close();
    }
  },
);

test('embed.js documents the compact partners embed in its opening comment', () => {
  const text = readFileSync(new URL('../../www/embed.js', import.meta.url), 'utf8');
  const head = text.slice(0, text.indexOf('\nimport '));
  assert.match(head, /<twinning-atlas place="coventry-gb" view="partners"><\/twinning-atlas>/);
});
