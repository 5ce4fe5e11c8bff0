// The pair view: the kind of a relationship, the six criteria with their evidence, the
// verdict with its reason, and thresholds that re-classify; reached from places and links.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, TEST } from './_harness.mjs';

/** The criteria rows as shown: `{ C1: { verdict, evidence, provenance, sources } … }`. */
async function criteria(page) {
  const rows = await page.locator('.ta-criterion').evaluateAll((trs) =>
    trs.map((tr) => ({
      code: tr.dataset.criterion,
      verdict: tr.querySelector('.ta-verdict')?.dataset.verdict,
      evidence: tr.querySelector('.ta-criterion__evidence')?.textContent ?? '',
      provenance: tr.querySelector('.ta-prov')?.textContent ?? '',
      sources: tr.querySelectorAll('.ta-source').length,
    })),
  );
  return Object.fromEntries(rows.map((r) => [r.code, r]));
}

test(
  'Tornio–Haparanda: cross-border twin cities, "yes" with its reason, six criteria each with verdict, evidence and provenance',
  TEST,
  async () => {
    const s = await session();
    try {
      const page = await s.open('#/pair/tornio-fi/haparanda-se');
      assert.equal(await page.locator('h1').textContent(), 'Tornio – Haparanda');
      assert.equal(await page.locator('.ta-kind__label').textContent(), 'cross-border twin cities');
      assert.ok((await page.locator('.ta-chip[data-flag="bridgeTown"]').count()) === 1, 'no bridge-town flag');
      const box = page.locator('.ta-verdict-box');
      assert.equal(await box.getAttribute('data-verdict'), 'holds');
      assert.match(
        await box.locator('.ta-verdict-box__reason').textContent(),
        /twin cities in the paper's sense: they lie 1\.2 km apart/,
      );
      // geography and agreement are two separate facts, each with its evidence
      assert.match(
        await page.locator('[data-fact="geographic"]').textContent(),
        /Geographic twins\?.*yes.*1\.2 km apart/s,
      );
      assert.match(
        await page.locator('[data-fact="agreement"]').textContent(),
        /An agreement\?.*in force.*established 1987/s,
      );
      const c = await criteria(page);
      assert.deepEqual(Object.keys(c), ['C1', 'C2', 'C3', 'C4', 'C5', 'C6']);
      for (const [code, row] of Object.entries(c)) {
        assert.equal(row.verdict, 'holds', code);
        assert.ok(row.evidence.length > 20, `${code} shows no evidence`);
        assert.match(row.provenance, /^(recorded|computed|derived)$/, code);
      }
      assert.equal(c.C1.provenance, 'computed');
      assert.equal(c.C2.provenance, 'recorded');
      assert.ok(c.C2.sources > 0, 'a recorded criterion lists its sources');
      // status with the deciding event, motives marked recorded
      assert.match(
        await page.locator('#ta-pair-status').locator('..').textContent(),
        /established 1987 by Tornio and Haparanda municipal administrations/,
      );
      assert.ok((await page.locator('.ta-motive[data-inferred="false"] .ta-prov--recorded').count()) > 0);
      assert.match(
        await page.locator('#ta-pair-distance').locator('..').textContent(),
        /1\.2 km.*computed from coordinates/s,
      );
      assert.deepEqual(s.errors, []);
    } finally {
      await s.close();
    }
  },
);

test(
  'lowering the C1 thresholds below the distance re-classifies: C1 fails and the verdict becomes "no"',
  TEST,
  async () => {
    const s = await session();
    try {
      const page = await s.open('#/pair/tornio-fi/haparanda-se');
      await page.getByLabel('Adjacent within (km)').fill('0.5');
      await page.getByLabel('Near-border within (km)').fill('1');
      await page.getByRole('button', { name: 'Re-classify' }).click();
      await page.waitForURL(/nearBorderKm=1/);
      await page.locator('.ta-verdict-box[data-verdict="fails"]').waitFor();
      const c = await criteria(page);
      assert.equal(c.C1.verdict, 'fails');
      assert.match(c.C1.evidence, /farther than the near-border threshold \(1 km\)/);
      assert.match(await page.locator('.ta-verdict-box__reason').textContent(), /are not twin cities/);
      assert.equal(await page.getByLabel('Near-border within (km)').inputValue(), '1');
      // a reload keeps the thresholds (they live in the URL)
      await page.reload();
      await page.locator('.ta-verdict-box[data-verdict="fails"]').waitFor();
      // thresholds the core rejects say why and fall back to the defaults
      await page.getByLabel('Adjacent within (km)').fill('100');
      await page.getByLabel('Near-border within (km)').fill('50');
      await page.getByRole('button', { name: 'Re-classify' }).click();
      await page
        .locator('.ta-options .ta-field-error', { hasText: 'adjacentKm must not be larger than nearBorderKm' })
        .waitFor();
      assert.equal(await page.locator('.ta-verdict-box').getAttribute('data-verdict'), 'holds');
    } finally {
      await s.close();
    }
  },
);

test('an inferred motive is marked as inferred, with the rule it came from', TEST, async () => {
  const s = await session();
  try {
    const page = await s.open('#/pair/laredo-us/nuevo-laredo-mx');
    const inferred = page.locator('.ta-motive[data-inferred="true"]');
    assert.ok((await inferred.count()) > 0, 'no inferred motive');
    assert.match(await inferred.first().textContent(), /inferred.*shared word/s);
  } finally {
    await s.close();
  }
});

test('a place’s partner row and a link view open the pair view; the link view takes asOf directly', TEST, async () => {
  const s = await session();
  try {
    const page = await s.open('#/place/narva-ee');
    await page.locator('.ta-partner[data-partner-id="ivangorod-ru"] .ta-more--pair').click();
    await page.locator('.ta-view--pair').waitFor();
    assert.match(page.url(), /#\/pair\/narva-ee\/ivangorod-ru$/);
    assert.equal(await page.locator('.ta-verdict-box').getAttribute('data-verdict'), 'unknown');
    assert.match(await page.locator('.ta-verdict-box__reason').textContent(), /cannot be told from the data/);

    await page.goto(`${s.url}#/link/coventry-gb~volgograd-ru?asOf=2021`);
    await page.locator('.ta-view--link').waitFor();
    assert.equal(await page.locator('.ta-status .ta-badge').first().textContent(), 'established');
    await page.getByRole('link', { name: /Classify this pair/ }).click();
    await page.locator('.ta-view--pair').waitFor();
    assert.match(page.url(), /#\/pair\/coventry-gb\/volgograd-ru\?asOf=2021$/);
    assert.equal(
      await page.locator('#ta-pair-status ~ * .ta-badge, #ta-pair-status + p .ta-badge').first().textContent(),
      'established',
    );
    const c = await criteria(page);
    assert.equal(c.C3.verdict, 'holds', 'cooperation held in 2021');
    assert.equal(c.C1.verdict, 'fails', 'Coventry and Volgograd are not frontier towns');
  } finally {
    await s.close();
  }
});

test('the link view resolves every source id in criteria and disagreements to its title', TEST, async () => {
  const s = await session();
  try {
    const page = await s.open('#/link/imatra-fi~svetogorsk-ru');
    const d = page.locator('.ta-disagreement');
    assert.ok((await d.count()) > 0, 'no disagreement shown');
    const text = await d.first().textContent();
    assert.doesNotMatch(text, /\bref-seed-facts\b|\bseed-000\b/, 'a raw source id is shown');
    assert.match(text, /Twin cities: a new form of cross-border cooperation/);
    const criteriaSources = await page.locator('.ta-criteria .ta-source').allTextContents();
    assert.ok(
      criteriaSources.length > 0 && criteriaSources.every((t) => !/^[a-z0-9-]+$/.test(t)),
      `raw ids: ${criteriaSources}`,
    );
  } finally {
    await s.close();
  }
});
