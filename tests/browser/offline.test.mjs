// After one visit the service worker serves everything: offline, a reload still shows the
// atlas and search still answers.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, TEST, ready, typeSearch, hits } from './_harness.mjs';

test('after a first load the page reloads and searches offline', TEST, async () => {
  const s = await session();
  try {
    const page = await s.open('#/');
    // Wait until the service worker has precached everything and controls the page.
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
    await typeSearch(page, 'stalingrad');
    const first = (await hits(page))[0];
    assert.equal(first?.name, 'Volgograd');
    // The same reload really fails without the worker: prove the network is off.
    const direct = await page.evaluate(async (u) => {
      try {
        await fetch(`${u}does-not-exist-${Date.now()}`);
        return 'online';
      } catch {
        return 'offline';
      }
    }, s.url);
    assert.equal(direct, 'offline');
  } finally {
    await s.context.setOffline(false).catch(() => {});
    await s.close();
  }
});
