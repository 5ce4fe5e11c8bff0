// The statistics view: accessible SVG bar charts of new twinnings per decade, the 2022 wave
// of suspensions and terminations, and distances against random pairings, with the honest
// sentence about the article's claim.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, TEST } from './_harness.mjs';

test(
  'three charts with accessible names; 2022 is the tallest year of endings; the distance sentence is shown',
  TEST,
  async () => {
    const s = await session();
    try {
      const page = await s.open('#/statistics');
      const charts = page.getByRole('img');
      const names = await page
        .locator('svg.ta-chart__svg')
        .evaluateAll((svgs) => svgs.map((svg) => svg.querySelector('title').textContent));
      assert.deepEqual(names, [
        'New twinnings per decade',
        'Suspensions and terminations by year',
        'Share of partner pairs by distance (km), observed against random pairings',
      ]);
      assert.ok((await charts.count()) >= 3);
      // every bar has a title a person can hover and a screen reader can read
      const bars = page.locator('.ta-chart__bar');
      assert.ok((await bars.count()) > 20);
      assert.equal(await bars.evaluateAll((rs) => rs.filter((r) => !r.querySelector('title')).length), 0);
      // endings: the bar group of 2022 is the tallest and highlighted
      const heights = await page.locator('#ta-chart-endings .ta-chart__group').evaluateAll((gs) =>
        gs.map((g) => ({
          year: g.dataset.category,
          h: [...g.querySelectorAll('rect')].reduce((t, r) => t + Number(r.getAttribute('height')), 0),
        })),
      );
      const top = heights.reduce((a, b) => (b.h > a.h ? b : a));
      assert.equal(top.year, '2022');
      assert.equal(
        await page.locator('#ta-chart-endings .ta-chart__bar--highlight').first().getAttribute('data-category'),
        '2022',
      );
      assert.match(await page.locator('[data-statement="endings"]').textContent(), /in 2022/);
      // distances: partners against random pairings, and the sentence that judges the claim
      assert.equal(
        await page.locator('#ta-chart-distance .ta-chart__bar--baseline').count(),
        await page.locator('#ta-chart-distance .ta-chart__bar--observed').count(),
      );
      assert.match(
        await page.locator('[data-statement="distance"]').textContent(),
        /random pairings.*article's claim/s,
      );
      // the numbers behind a chart
      await page.locator('#ta-chart-decades summary').click();
      assert.match(await page.locator('#ta-chart-decades table').textContent(), /1940s\s*7/);
      assert.deepEqual(s.errors, []);
    } finally {
      await s.close();
    }
  },
);
