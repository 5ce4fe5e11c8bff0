// Your own changes in the page (issue 12): add a partner from a place's page, add, correct
// and dispute an event from a link's page; each kept in IndexedDB and applied again after a
// reload and offline; undo; "My changes" on #/data with exports and a reset that asks first;
// a storage failure said truthfully.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { session, TEST, ready } from './_harness.mjs';

/** Wait until the service worker controls the page (offline reloads need it). */
async function controlled(page) {
  return page.evaluate(() => {
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
}

/** Pick a place in a picker labelled `label` by typing `text`. */
async function pick(page, label, text) {
  const box = page.getByRole('combobox', { name: label });
  await box.fill('');
  await box.pressSequentially(text, { delay: 10 });
  await page.locator('.ta-picker__list:not([hidden]) [role="option"]').first().click();
}

async function historyText(page) {
  return page.locator('.ta-timeline').textContent();
}

test(
  'adding a partner from a place page: the link appears, is saved, and survives a reload and going offline',
  TEST,
  async () => {
    const s = await session({ world: false });
    try {
      const page = await s.open('#/place/coventry-gb');
      assert.ok(await controlled(page), 'no service worker took control within 15 s');
      await page.locator('a[data-edit="partner"]').click();
      await page.locator('.ta-view--edit').waitFor();
      assert.equal(await page.getByRole('combobox', { name: 'This place' }).inputValue(), 'Coventry');
      await pick(page, 'Its new partner', 'Tornio');
      await page.getByLabel('Form').selectOption('friendship');
      await page.getByLabel('Established (date, optional)').fill('2025-06-01');
      await page.getByLabel('Who (optional)').fill('Coventry City Council');
      await page.getByLabel(/^Source/).fill('https://example.org/council/minutes-2025');
      await page.getByRole('button', { name: 'Save the change' }).click();
      await page.locator('.ta-view--link[data-link-id="coventry-gb~tornio-fi"]').waitFor();
      const notice = page.locator('.ta-notices .ta-notice');
      assert.equal(await notice.getAttribute('data-saved'), 'true');
      assert.match(await notice.textContent(), /Saved in this browser: New partnership: Coventry – Tornio/);
      assert.match(await historyText(page), /2025-06-01/);
      assert.match(await page.locator('.ta-main').textContent(), /example\.org\/council\/minutes-2025|Your change/);
      // reload: applied again from IndexedDB
      await page.reload();
      await ready(page);
      await page.locator('.ta-view--link[data-link-id="coventry-gb~tornio-fi"]').waitFor();
      // offline: the service worker serves the page, IndexedDB the change
      await s.context.setOffline(true);
      await page.goto(`${s.base}#/place/tornio-fi`);
      await ready(page);
      await page.locator('.ta-view--place').waitFor();
      assert.match(await page.locator('.ta-partners').textContent(), /Coventry/);
      await page.goto(`${s.base}#/data`);
      await page.locator('.ta-mychange[data-kind="partner"][data-saved="true"]').waitFor();
    } finally {
      await s.context.setOffline(false).catch(() => {});
      await s.close();
    }
  },
);

test(
  'adding, correcting and disputing events on a link; undo and a reload show exactly what is kept',
  TEST,
  async () => {
    const s = await session({ world: false });
    try {
      const page = await s.open('#/link/coventry-gb~kiel-de');
      // add an event: suspended
      await page.locator('a[data-edit="event"]').click();
      await page.getByLabel('Event', { exact: true }).selectOption('suspended');
      await page.getByLabel('Date', { exact: true }).fill('2026-01-15');
      await page.getByLabel('Why (optional)').fill('A test of the editor');
      await page.getByRole('button', { name: 'Save the change' }).click();
      await page.locator('.ta-view--link[data-link-id="coventry-gb~kiel-de"]').waitFor();
      assert.match(await historyText(page), /2026-01-15/);
      assert.equal(
        await page.locator('.ta-status-block .ta-badge, .ta-view--link .ta-badge').first().getAttribute('data-status'),
        'suspended',
      );
      // undo it from the notice
      await page.locator('.ta-notices').getByRole('button', { name: 'Undo' }).click();
      await page.locator('.ta-notice[data-undone]').waitFor();
      assert.doesNotMatch(await historyText(page), /2026-01-15/);

      // correct Coventry–Volgograd's establishment (1944 → 1943)
      await page.goto(`${s.base}#/link/coventry-gb~volgograd-ru`);
      await page.locator('a[data-edit="correct"]').click();
      await page.getByLabel('The event to correct').selectOption({ label: 'established 1944' });
      await page.getByLabel('What it should say: the event').selectOption('established');
      await page.getByLabel('Date', { exact: true }).fill('1943');
      await page.getByRole('button', { name: 'Save the change' }).click();
      await page.locator('.ta-view--link[data-link-id="coventry-gb~volgograd-ru"]').waitFor();
      const history = await historyText(page);
      assert.match(history, /1943/);
      assert.doesNotMatch(history, /1944/);
      assert.match(
        await page.locator('.ta-disagreements').textContent(),
        /established 1944 \(as recorded before your correction\)/,
      );

      // mark it disputed
      await page.locator('a[data-edit="disputed"]').click();
      await page.getByLabel('What is disputed').fill('The council minutes say the suspension was never voted.');
      await page.getByRole('button', { name: 'Save the change' }).click();
      await page.locator('.ta-view--link[data-link-id="coventry-gb~volgograd-ru"]').waitFor();
      assert.match(await page.locator('.ta-disagreements').textContent(), /never voted/);

      // a reload keeps the correction and the dispute, not the undone event
      await page.reload();
      await ready(page);
      await page.locator('.ta-disagreements').waitFor();
      assert.match(await page.locator('.ta-disagreements').textContent(), /never voted/);
      assert.match(await historyText(page), /1943/);
      await page.goto(`${s.base}#/link/coventry-gb~kiel-de`);
      await page.locator('.ta-view--link').waitFor();
      assert.doesNotMatch(await historyText(page), /2026-01-15/);

      // My changes: two, newest first
      await page.goto(`${s.base}#/data`);
      const kinds = await page.locator('.ta-mychange').evaluateAll((els) => els.map((e) => e.dataset.kind));
      assert.deepEqual(kinds, ['disputed', 'correct']);
      // export as our JSON and CSV: only the changes
      const [dl] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export as our JSON' }).click(),
      ]);
      const json = JSON.parse(await readFile(await dl.path(), 'utf8'));
      assert.equal(json.format, 'twinning-atlas/1');
      assert.equal(json.links.length, 1);
      assert.ok(json.links[0].disagreements.some((d) => /never voted/.test(d.claim)));
      const [dl2] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export as CSV' }).click(),
      ]);
      const csv = await readFile(await dl2.path(), 'utf8');
      assert.match(csv, /^link_id,/);
      assert.match(csv, /coventry-gb~volgograd-ru/);

      // reset asks first; "Keep them" keeps them
      await page.getByRole('button', { name: 'Discard all my changes…' }).click();
      assert.match(await page.locator('.ta-confirm').textContent(), /Discard all 2 changes\?/);
      await page.getByRole('button', { name: 'Keep them' }).click();
      assert.equal(await page.locator('.ta-mychange').count(), 2);
      await page.getByRole('button', { name: 'Discard all my changes…' }).click();
      await page.getByRole('button', { name: 'Yes, discard them' }).click();
      await page.locator('[data-empty="true"]').waitFor();
      await page.reload();
      await ready(page);
      await page.locator('[data-empty="true"]').waitFor();
      await page.goto(`${s.base}#/link/coventry-gb~volgograd-ru`);
      await page.locator('.ta-view--link').waitFor();
      assert.match(await historyText(page), /1944/);
      assert.deepEqual(s.errors, []);
    } finally {
      await s.close();
    }
  },
);

test('a change the atlas refuses is not kept, and a bad source address is said beside its field', TEST, async () => {
  const s = await session({ world: false });
  try {
    const page = await s.open('#/edit?kind=event&link=coventry-gb~kiel-de');
    await page.getByLabel('Date', { exact: true }).fill('next tuesday');
    await page.getByRole('button', { name: 'Save the change' }).click();
    await page.locator('.ta-edit [role="alert"]').waitFor();
    assert.match(await page.locator('.ta-edit [role="alert"]').textContent(), /cannot read date|date/i);
    assert.equal(await page.getByLabel('Date', { exact: true }).getAttribute('aria-invalid'), 'true');
    await page.getByLabel('Date', { exact: true }).fill('2020');
    await page.getByLabel(/^Source/).fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Save the change' }).click();
    await page.waitForFunction(() => /http/.test(document.querySelector('.ta-edit [role="alert"]')?.textContent ?? ''));
    await page.goto(`${s.base}#/data`);
    await page.locator('[data-empty="true"]').waitFor();
  } finally {
    await s.close();
  }
});

test(
  'when the browser cannot store a change (quota), the page says it is NOT saved and it is gone after a reload',
  TEST,
  async () => {
    const s = await session({ world: false });
    try {
      await s.context.addInitScript(() => {
        const put = IDBObjectStore.prototype.put;
        IDBObjectStore.prototype.put = function (...args) {
          if (this.name === 'edits') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return put.apply(this, args);
        };
      });
      const page = await s.open('#/link/coventry-gb~kiel-de');
      await page.locator('a[data-edit="disputed"]').click();
      await page.getByLabel('What is disputed').fill('Quota test');
      await page.getByRole('button', { name: 'Save the change' }).click();
      const notice = page.locator('.ta-notices .ta-notice');
      await notice.waitFor();
      assert.equal(await notice.getAttribute('data-saved'), 'false');
      assert.match(await notice.textContent(), /NOT saved in this browser \(the browser’s storage is full\)/);
      assert.doesNotMatch(await notice.textContent(), /Saved in this browser/);
      // applied for now
      assert.match(await page.locator('.ta-disagreements').textContent(), /Quota test/);
      await page.goto(`${s.base}#/data`);
      await page.locator('.ta-mychange[data-saved="false"]').waitFor();
      assert.match(
        await page.locator('.ta-mychanges').textContent(),
        /not saved in this browser and will be gone after a reload/,
      );
      await page.reload();
      await ready(page);
      await page.locator('[data-empty="true"]').waitFor();
    } finally {
      await s.close();
    }
  },
);

test(
  'where the browser offers no IndexedDB (as in private mode), the page says changes are not kept',
  TEST,
  async () => {
    const s = await session({ world: false });
    try {
      await s.context.addInitScript(() => {
        const open = IDBFactory.prototype.open;
        IDBFactory.prototype.open = function (name, ...rest) {
          if (name === 'twinning-atlas-edits') throw new DOMException('The operation is insecure.', 'SecurityError');
          return open.call(this, name, ...rest);
        };
      });
      const page = await s.open('#/data');
      assert.match(
        await page.locator('.ta-mychanges').textContent(),
        /could not be read: this browser offers no storage here, as in private mode/,
      );
      await page.goto(`${s.base}#/edit?kind=disputed&link=coventry-gb~kiel-de`);
      await page.getByLabel('What is disputed').fill('Private mode test');
      await page.getByRole('button', { name: 'Save the change' }).click();
      const notice = page.locator('.ta-notices .ta-notice');
      await notice.waitFor();
      assert.equal(await notice.getAttribute('data-saved'), 'false');
      assert.match(
        await notice.textContent(),
        /NOT saved in this browser \(this browser offers no storage here, as in private mode\)/,
      );
    } finally {
      await s.close();
    }
  },
);

test(
  'Give it back: the QuickStatements preview shows exactly the commands for the changes, and lists what cannot be written with the reason',
  TEST,
  async () => {
    const s = await session({ world: false });
    try {
      const page = await s.open('#/data');
      // Wikidata ids for Coventry, Kiel and Brest, from the query service's download
      await page.locator('input[type="file"]').setInputFiles({
        name: 'wikidata-query-download.json',
        mimeType: 'application/json',
        buffer: await readFile(new URL('../fixtures/import/wikidata-query-download.json', import.meta.url)),
      });
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.locator('.ta-report').waitFor({ timeout: 30_000 });
      const save = async () => {
        await page.getByRole('button', { name: 'Save the change' }).click();
        await page.locator('.ta-view--link').waitFor();
      };
      await page.goto(`${s.base}#/edit?kind=partner&a=coventry-gb&b=brest-fr`);
      await page.getByLabel('Established (date, optional)').fill('2025-06-01');
      await page.getByLabel(/^Source/).fill('https://example.org/coventry-brest');
      await save();
      await page.goto(`${s.base}#/edit?kind=event&link=coventry-gb~kiel-de`);
      await page.getByLabel('Event', { exact: true }).selectOption('suspended');
      await page.getByLabel('Date', { exact: true }).fill('2026-01-15');
      await save();
      await page.goto(`${s.base}#/edit?kind=partner&a=coventry-gb&b=tornio-fi`);
      await save();
      await page.goto(`${s.base}#/data`);
      await page.getByRole('button', { name: /Give it back/ }).click();
      const commands = await page.getByLabel('QuickStatements commands').inputValue();
      const url = '"https://example.org/coventry-brest"';
      assert.equal(
        commands,
        `Q23311\tP190\tQ12193\tP580\t+2025-06-01T00:00:00Z/11\tS854\t${url}\nQ12193\tP190\tQ23311\tP580\t+2025-06-01T00:00:00Z/11\tS854\t${url}\n`,
      );
      assert.equal(await page.locator('.ta-qs__summary').getAttribute('data-lines'), '2');
      const skipped = await page.locator('.ta-qs__skipped').textContent();
      assert.match(skipped, /Coventry – Tornio: no Wikidata id for Tornio/);
      assert.match(skipped, /suspended 2026-01-15: Wikidata’s P190 statement has no qualifier for a suspension/);
      const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('.ta-qs__download').click()]);
      assert.equal(await readFile(await dl.path(), 'utf8'), commands);
    } finally {
      await s.close();
    }
  },
);
