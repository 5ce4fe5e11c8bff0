// The pictures, as a person meets them: a place's map draws an arc per partner with a legend
// and a table that carry the same numbers, a click on a partner opens it; the timeline and
// the network of partners draw; the world view draws points, draws arcs only for what is
// picked, and its filters change the picture and the URL; and the map works offline after
// a first visit.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { session, TEST, ready, startServer } from './_harness.mjs';

/** Wait until a place's pictures are drawn. */
async function pictures(page) {
  await page.locator('.ta-pictures[data-state="ready"]').waitFor({ timeout: 20_000 });
}

/** Wait until the world view's map is drawn with `n` arcs (or any when n is undefined). */
async function worldDrawn(page) {
  await page.locator('.ta-world-box[data-state="ready"] .ta-world-canvas[data-points]').waitFor({ timeout: 30_000 });
}

/** Pixels of the world canvas that are not the sea, land or empty: points and arcs. */
async function inkPixels(page) {
  return page.locator('.ta-world-canvas').evaluate((c) => {
    // the palette's values are light-dark() pairs: a probe's colour resolves them to rgb()
    const rgbOf = (name) => {
      const probe = document.createElement('span');
      probe.hidden = true;
      probe.style.color = `var(${name})`;
      c.parentElement.appendChild(probe);
      const m = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(getComputedStyle(probe).color);
      probe.remove();
      return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
    };
    const quiet = ['--ta-map-water', '--ta-map-land', '--ta-map-border'].map(rgbOf).filter(Boolean);
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3] === 0) continue;
      if (quiet.some((q) => Math.abs(q[0] - d[i]) + Math.abs(q[1] - d[i + 1]) + Math.abs(q[2] - d[i + 2]) < 40))
        continue;
      n += 1;
    }
    return n;
  });
}

/** Pixels of the world canvas close to a status colour. */
async function statusPixels(page, status) {
  return page.locator('.ta-world-canvas').evaluate((c, st) => {
    // the palette's values are light-dark() pairs: a probe's colour resolves them to rgb()
    const probe = document.createElement('span');
    probe.hidden = true;
    probe.style.color = `var(--ta-map-${st})`;
    c.parentElement.appendChild(probe);
    const m = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(getComputedStyle(probe).color);
    probe.remove();
    const rgb = [Number(m[1]), Number(m[2]), Number(m[3])];
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4)
      if (Math.abs(rgb[0] - d[i]) + Math.abs(rgb[1] - d[i + 1]) + Math.abs(rgb[2] - d[i + 2]) < 60) n += 1;
    return n;
  }, status);
}

test("a place's map draws an arc per located partner, and its legend, summary and table agree", TEST, async () => {
  const s = await session({ world: false });
  try {
    const page = await s.open('#/place/coventry-gb');
    await pictures(page);
    const map = page.locator('.ta-map--place');
    const arcs = await map.locator('.ta-map-arc').count();
    const points = await map.locator('.ta-map-partner').count();
    const rows = await map.locator('.ta-map-table tbody tr').count();
    const listed = await page.locator('.ta-partners tbody tr').count();
    assert.ok(arcs >= 3, `${arcs} arcs`);
    assert.equal(points, rows);
    assert.equal(rows, listed, 'the map table has a row per partner of the list');
    const located = await map
      .locator('.ta-map-table tbody tr')
      .evaluateAll((trs) => trs.filter((tr) => !/no coordinates/.test(tr.textContent)).length);
    assert.equal(arcs, located);
    // legend counts = table counts, status by status
    const legend = await map
      .locator('.ta-map-legend li')
      .evaluateAll((lis) =>
        Object.fromEntries(
          lis.map((li) => [
            li.dataset.status,
            Number(li.querySelector('.ta-map-legend__count').textContent.replace(/\D/g, '')),
          ]),
        ),
      );
    const table = await map
      .locator('.ta-map-table tbody tr')
      .evaluateAll((trs) =>
        trs.reduce((o, tr) => ({ ...o, [tr.dataset.status]: (o[tr.dataset.status] ?? 0) + 1 }), {}),
      );
    assert.deepEqual(legend, table);
    const arcStatuses = await map
      .locator('.ta-map-arc')
      .evaluateAll((ps) => ps.reduce((o, p) => ({ ...o, [p.dataset.status]: (o[p.dataset.status] ?? 0) + 1 }), {}));
    assert.equal(arcStatuses.suspended, legend.suspended);
    // the suspended arc is dashed, not only coloured
    assert.ok(await map.locator('.ta-map-arc--suspended').first().getAttribute('stroke-dasharray'));
    const summary = await map.locator('.ta-map-summary').textContent();
    assert.match(summary, new RegExp(`^${rows} partners in \\d+ countr`));
    assert.match(summary, /1 suspended in 2022/);
    assert.match(await map.locator('.ta-map-attribution').textContent(), /Natural Earth/);
    // the timeline has a bar per partnership, the network a node per partner and more
    assert.equal(await page.locator('.ta-timeline .ta-timeline-row').count(), rows);
    assert.ok((await page.locator('.ta-timeline-mark--suspended').count()) >= 1);
    const egoPartners = await page.locator('.ta-ego .ta-ego-node--1').count();
    assert.ok(egoPartners >= 5, `${egoPartners} partner nodes`);
    assert.ok((await page.locator('.ta-ego .ta-ego-node--2').count()) >= 1);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('hovering a partner on the map says who, when and what; clicking it opens the partner', TEST, async () => {
  const s = await session({ world: false });
  try {
    const page = await s.open('#/place/coventry-gb');
    await pictures(page);
    const dot = page.locator('.ta-map--place .ta-map-partner[data-partner-id="volgograd-ru"]');
    await dot.hover();
    const tip = page.locator('.ta-map--place .ta-map-tip');
    await tip.waitFor({ state: 'visible' });
    assert.match(await tip.textContent(), /Volgograd.*suspended \(2022\)/);
    await dot.click();
    await page.waitForFunction(() => location.hash.startsWith('#/place/volgograd-ru'));
    assert.equal((await page.locator('h1').textContent()).trim(), 'Volgograd');
    // and with the keyboard: Tab to a partner, Enter
    await pictures(page);
    await page.locator('.ta-map--place .ta-map-partner').first().focus();
    const target = await page.locator('.ta-map--place .ta-map-partner').first().getAttribute('data-partner-id');
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => location.hash.startsWith(`#/place/${id}`), target);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('a place with one partner gets a map with one arc', TEST, async () => {
  const s = await session({ world: false });
  try {
    const page = await s.open('#/place/tornio-fi');
    await pictures(page);
    assert.equal(await page.locator('.ta-map--place .ta-map-arc').count(), 1);
    assert.equal(await page.locator('.ta-map--place .ta-map-table tbody tr').count(), 1);
    assert.match(await page.locator('.ta-map--place .ta-map-summary').textContent(), /^1 partner in 1 country/);
    assert.equal(await page.locator('.ta-timeline .ta-timeline-row').count(), 1);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test(
  'the world view draws every place, arcs only when asked, and filters change the picture and the URL',
  TEST,
  async () => {
    const s = await session();
    try {
      const page = await s.open('#/world');
      await page.locator('.ta-root[data-ta-world="ready"]').waitFor({ timeout: 30_000 });
      await worldDrawn(page);
      const canvas = page.locator('.ta-world-canvas');
      assert.equal(await canvas.getAttribute('data-arcs'), '0', 'no arcs by default');
      assert.ok(
        Number(await canvas.getAttribute('data-points')) > 500,
        `${await canvas.getAttribute('data-points')} points`,
      );
      const before = await inkPixels(page);
      assert.ok(before > 2000, `${before} ink pixels`);
      assert.match(
        await page.locator('.ta-map--world .ta-map-summary').textContent(),
        /^[\d,]+ places and [\d,]+ links/,
      );
      // a filter: the URL and the picture change, and the table carries the drawn links
      await page.selectOption('#ta-world-status', 'suspended');
      await page.waitForFunction(() => /status=suspended/.test(location.hash));
      await page.waitForFunction(() => Number(document.querySelector('.ta-world-canvas').dataset.arcs) > 0);
      const arcs = Number(await canvas.getAttribute('data-arcs'));
      const summary = await page.locator('.ta-map--world .ta-map-summary').textContent();
      assert.match(summary, new RegExp(`^${arcs.toLocaleString('en')} links? match`));
      assert.equal(
        Number(
          (
            await page
              .locator('.ta-map--world .ta-map-legend li[data-status="suspended"] .ta-map-legend__count')
              .textContent()
          ).replace(/\D/g, ''),
        ),
        arcs,
      );
      const tableRows = await page.locator('.ta-world-table tbody tr').count();
      assert.equal(tableRows, Math.min(500, arcs));
      assert.ok((await statusPixels(page, 'suspended')) > 50, 'suspended arcs drawn');
      // the 2022 wave
      await page.getByRole('button', { name: 'Suspended in 2022' }).click();
      await page.waitForFunction(() => /asOf=2022/.test(location.hash) && /changed=2022/.test(location.hash));
      await page.waitForFunction(() => document.querySelector('.ta-world-canvas').dataset.arcs !== undefined);
      const wave = Number(await canvas.getAttribute('data-arcs'));
      assert.ok(wave >= 1, `${wave} links suspended in 2022`);
      assert.match(await page.locator('.ta-map--world .ta-map-summary').textContent(), /suspended in 2022/);
      // a place: its links, from the URL
      await page.goto(`${s.url}#/world?place=coventry-gb`);
      await worldDrawn(page);
      await page.waitForFunction(() => Number(document.querySelector('.ta-world-canvas').dataset.arcs) > 0);
      const coventry = Number(await canvas.getAttribute('data-arcs'));
      assert.equal(await page.locator('.ta-world-table tbody tr').count(), coventry);
      assert.match(
        await page.locator('.ta-map--world .ta-map-summary').textContent(),
        new RegExp(`^Coventry: ${coventry} partners in \\d+ countr`),
      );
      // zoom with the keyboard changes the drawing
      const img1 = await canvas.evaluate((c) => c.toDataURL());
      await canvas.focus();
      await page.keyboard.press('+');
      await page.waitForFunction(() => document.querySelector('.ta-world-canvas').dataset.zoom !== '1.00');
      assert.notEqual(await canvas.evaluate((c) => c.toDataURL()), img1);
      // a place with many partners from the world network: an arc for each located one
      await page.goto(`${s.url}#/place/saint-petersburg-ru`);
      await pictures(page);
      const many = await page.locator('.ta-map--place .ta-map-arc').count();
      const manyRows = await page
        .locator('.ta-map--place .ta-map-table tbody tr')
        .evaluateAll((trs) => trs.filter((tr) => !/no coordinates/.test(tr.textContent)).length);
      assert.ok(many >= 40, `${many} arcs for Saint Petersburg`);
      assert.equal(many, manyRows);
      await page.goto(`${s.url}#/world?place=coventry-gb`);
      await worldDrawn(page);
      // Clear: no arcs again
      await page.getByRole('button', { name: 'Clear' }).click();
      await page.waitForFunction(() => document.querySelector('.ta-world-canvas').dataset.arcs === '0');
      assert.deepEqual(s.errors, []);
    } finally {
      await s.close();
    }
  },
);

test('clicking a point on the world map selects its place', TEST, async () => {
  const s = await session({ world: false });
  try {
    const page = await s.open('#/world?place=coventry-gb');
    await worldDrawn(page);
    await page.waitForFunction(() => Number(document.querySelector('.ta-world-canvas').dataset.arcs) > 0);
    // the selected place is drawn with its label at a known spot: unselect, then click there
    const frame = await page.locator('.ta-world-canvas').boundingBox();
    await page.locator('.ta-world-table tbody tr').first().waitFor();
    await page.mouse.click(frame.x + 3, frame.y + 3); // the sea in a corner: unselects
    await page.waitForFunction(() => !/place=/.test(location.hash));
    assert.equal(await page.locator('.ta-world-canvas').getAttribute('data-arcs'), '0');
    // a click on Coventry's point selects it again
    const [x, y] = (await page.locator('.ta-world-canvas').getAttribute('data-selected-at')).split(',').map(Number);
    const moved = await page.locator('.ta-world-canvas').boundingBox(); // the "Selected" line is gone
    await page.mouse.click(moved.x + x, moved.y + y);
    await page.waitForFunction(() => /place=coventry-gb/.test(location.hash));
    await page.waitForFunction(() => Number(document.querySelector('.ta-world-canvas').dataset.arcs) > 0);
    // the table of the largest points selects too
    await page.getByRole('button', { name: 'Unselect' }).click();
    await page.waitForFunction(() => !/place=/.test(location.hash));
    await page.locator('.ta-world-table summary').click();
    await page.locator('.ta-world-table tbody tr a').first().click();
    await page.waitForFunction(() => /place=/.test(location.hash));
    await page.waitForFunction(() => Number(document.querySelector('.ta-world-canvas').dataset.arcs) > 0);
    // and so does typing a place, with the keyboard only
    const box = page.getByRole('combobox', { name: 'Place', exact: true });
    await box.fill('');
    await box.pressSequentially('tornio', { delay: 10 });
    await box.press('ArrowDown');
    await box.press('Enter');
    await page.waitForFunction(() => /place=tornio-fi/.test(location.hash));
    await page.waitForFunction(() => document.querySelector('.ta-world-canvas').dataset.arcs === '1');
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('the maps work offline after a first visit', TEST, async () => {
  const s = await session({ world: false });
  try {
    const page = await s.open('#/world');
    await worldDrawn(page);
    const controlled = await page.evaluate(() => {
      const control = (async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) {
          await new Promise((resolve) =>
            navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
          );
        }
        return true;
      })();
      return Promise.race([control, new Promise((resolve) => setTimeout(() => resolve(false), 15_000))]);
    });
    assert.ok(controlled, 'no service worker took control of the page within 15 s');
    await s.context.setOffline(true);
    await page.reload();
    await ready(page);
    await worldDrawn(page);
    assert.ok((await inkPixels(page)) > 500);
    await page.goto(`${s.base}#/place/coventry-gb`);
    await ready(page);
    await pictures(page);
    assert.ok((await page.locator('.ta-map--place .ta-map-arc').count()) >= 3);
    assert.ok(await page.locator('.ta-map--place .ta-map-land').getAttribute('d'));
  } finally {
    await s.context.setOffline(false).catch(() => {});
    await s.close();
  }
});

test(
  '<twinning-atlas place view="map"> on another site shows the map, and partners open the full atlas',
  TEST,
  async () => {
    const s = await session();
    const dir = await mkdtemp(path.join(tmpdir(), 'ta-host-'));
    await writeFile(
      path.join(dir, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">
<script type="module" src="${s.url}embed.js"></script></head>
<body><h1>A town's website</h1><twinning-atlas place="coventry-gb" view="map" world="false"></twinning-atlas></body></html>`,
    );
    const host = await startServer({ root: dir });
    try {
      const page = s.page;
      await page.goto(host.url);
      const el = page.locator('twinning-atlas');
      await el.locator('.ta-pictures[data-state="ready"]').waitFor({ timeout: 20_000 });
      assert.match(await el.locator('h2').first().textContent(), /Coventry on the map/);
      assert.equal(await el.locator('.ta-search__input').count(), 0, 'no search box in the compact map');
      assert.ok((await el.locator('.ta-map-arc').count()) >= 3);
      const a = el.locator('.ta-map-partner[data-partner-id="volgograd-ru"]');
      assert.equal(await a.getAttribute('href'), `${s.url}index.html#/place/volgograd-ru`);
      assert.equal(await a.getAttribute('target'), '_blank');
      assert.deepEqual(s.errors, []);
    } finally {
      await host.stop();
      await rm(dir, { recursive: true, force: true });
      await s.close();
    }
  },
);

test('the shortest chain between two places is drawn on the map hop by hop', TEST, async () => {
  const s = await session({ world: false });
  try {
    const page = await s.open('#/network?from=volgograd-ru&to=belgrade-rs');
    await page.locator('.ta-pictures--chain[data-state="ready"]').waitFor({ timeout: 20_000 });
    const steps = await page.locator('.ta-chain__step').count();
    assert.ok(steps >= 2, `${steps} steps`);
    assert.equal(await page.locator('.ta-map--chain .ta-map-arc').count(), steps);
    assert.equal(await page.locator('.ta-map--chain .ta-map-home').count(), steps + 1);
    assert.match(
      await page.locator('.ta-map--chain .ta-map-summary').textContent(),
      new RegExp(`^${steps} hops from Volgograd to Belgrade`),
    );
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('pictures download as SVG and PNG', TEST, async () => {
  const s = await session({ world: false });
  try {
    const page = await s.open('#/place/coventry-gb');
    await pictures(page);
    const map = page.locator('.ta-map--place');
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      map.getByRole('button', { name: 'Download SVG' }).click(),
    ]);
    assert.equal(svg.suggestedFilename(), 'coventry-gb-partners-map.svg');
    const text = await (await import('node:fs/promises')).readFile(await svg.path(), 'utf8');
    assert.match(text, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok((text.match(/class="ta-map-arc/g) ?? []).length >= 3);
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      map.getByRole('button', { name: 'Download PNG' }).click(),
    ]);
    assert.equal(png.suggestedFilename(), 'coventry-gb-partners-map.png');
    const bytes = await (await import('node:fs/promises')).readFile(await png.path());
    assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47]);
    assert.ok(bytes.length > 5000, `${bytes.length} bytes`);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('the statistics charts run on a true time axis: a decade without twinnings is an empty bar', TEST, async () => {
  const s = await session({ world: false });
  try {
    const page = await s.open('#/statistics');
    // consecutive steps, or one "… N years …" marker for a long empty stretch
    const steps = (cats, step, parse) => {
      for (let i = 1; i < cats.length; i += 1) {
        const gap = /^… (\d+) years …$/.exec(cats[i]);
        if (gap) {
          assert.equal(
            parse(cats[i + 1]) - parse(cats[i - 1]),
            Number(gap[1]) + step,
            `${cats[i - 1]} … ${cats[i + 1]}`,
          );
          i += 1;
        } else assert.equal(parse(cats[i]) - parse(cats[i - 1]), step, `${cats[i - 1]} then ${cats[i]}`);
      }
    };
    const decades = await page
      .locator('#ta-chart-decades .ta-chart__group')
      .evaluateAll((gs) => gs.map((g) => g.dataset.category));
    assert.ok(decades.length >= 3);
    steps(decades, 10, (c) => Number.parseInt(c, 10));
    assert.ok(decades.includes('1990s') && decades.includes('1980s'));
    const years = await page
      .locator('#ta-chart-endings .ta-chart__group')
      .evaluateAll((gs) => gs.map((g) => g.dataset.category));
    steps(years, 1, Number);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
