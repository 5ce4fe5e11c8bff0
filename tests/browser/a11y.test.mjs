// An automated accessibility pass over the main views: every form control has a label, every
// button an accessible name, images and SVGs a text alternative or aria-hidden, headings go
// down one level at a time from one h1, and the keyboard focus is visible.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, TEST, ready } from './_harness.mjs';

const VIEWS = [
  '#/',
  '#/search?q=ko',
  '#/place/coventry-gb',
  '#/place/narva-ee',
  '#/place/coventry-gb/partners',
  '#/link/coventry-gb~volgograd-ru',
  '#/pair/tornio-fi/haparanda-se',
  '#/compare?preset=baltic',
  '#/compare?places=coventry-gb,kiel-de',
  '#/compare?countries=DE,FR',
  '#/network?from=volgograd-ru&to=belgrade-rs&place=coventry-gb',
  '#/statistics',
  '#/glossary',
  '#/groups',
  '#/group/city-twins-association',
  '#/notes',
  '#/sources?id=seed-001',
  '#/data',
  '#/edit?kind=partner&a=coventry-gb',
  '#/edit?kind=correct&link=coventry-gb~volgograd-ru',
  '#/edit?kind=disputed&link=coventry-gb~volgograd-ru',
  '#/about',
];

/** Runs in the page: the problems of the document as strings. */
function audit() {
  const problems = [];
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    return (
      !el.closest('[hidden]') &&
      cs.display !== 'none' &&
      cs.visibility !== 'hidden' &&
      (r.width > 0 || r.height > 0 || el.closest('details:not([open])'))
    );
  };
  const describe = (el) =>
    `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}`;
  const byIds = (ids) =>
    ids
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim();
  const name = (el) =>
    (el.getAttribute('aria-labelledby') ? byIds(el.getAttribute('aria-labelledby')) : '') ||
    (el.getAttribute('aria-label') ?? '').trim();

  // form controls: a <label>, aria-label or aria-labelledby
  for (const el of document.querySelectorAll('input:not([type="hidden"]), select, textarea')) {
    const labelled = name(el) || [...(el.labels ?? [])].some((l) => l.textContent.trim());
    if (!labelled) problems.push(`control without a label: ${describe(el)}`);
  }
  // buttons (and summary, role=button): text, aria-label, aria-labelledby or an image's alt
  for (const el of document.querySelectorAll(
    'button, [role="button"], summary, input[type="submit"], input[type="button"]',
  )) {
    const text =
      name(el) ||
      el.textContent.trim() ||
      (el.value ?? '').trim() ||
      [...el.querySelectorAll('img[alt]')]
        .map((i) => i.alt)
        .join('')
        .trim() ||
      (el.title ?? '').trim();
    if (!text) problems.push(`button without a name: ${describe(el)}`);
  }
  // links: a name too
  for (const el of document.querySelectorAll('a[href]')) {
    const text =
      name(el) ||
      el.textContent.trim() ||
      [...el.querySelectorAll('img[alt]')]
        .map((i) => i.alt)
        .join('')
        .trim();
    const img = el.querySelector('img[alt=""], svg[aria-hidden="true"]');
    if (!text) problems.push(`link without a name: ${describe(el)} ${img ? '(its image is hidden)' : ''}`);
  }
  // images: alt (empty for decoration); SVGs: a <title>, aria-label(ledby), or aria-hidden
  for (const el of document.querySelectorAll('img')) {
    if (!el.hasAttribute('alt')) problems.push(`img without alt: ${el.getAttribute('src')}`);
  }
  for (const el of document.querySelectorAll('svg')) {
    if (el.closest('svg') !== el) continue;
    const hidden = el.closest('[aria-hidden="true"]');
    const titled = el.querySelector(':scope > title')?.textContent.trim() || name(el);
    if (!hidden && !titled)
      problems.push(`svg without a title or aria-hidden: ${describe(el)} in ${describe(el.parentElement)}`);
  }
  // headings, per view: one h1 first, then no level skipped going down
  for (const view of document.querySelectorAll('.ta-main')) {
    const hs = [...view.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter(visible);
    const levels = hs.map((x) => Number(x.tagName[1]));
    if (levels.length && levels[0] !== 1) problems.push(`first heading is h${levels[0]}: ${hs[0].textContent}`);
    if (levels.filter((l) => l === 1).length > 1)
      problems.push(
        `more than one h1: ${hs
          .filter((x) => x.tagName === 'H1')
          .map((x) => x.textContent)
          .join(' | ')}`,
      );
    for (let i = 1; i < levels.length; i += 1) {
      if (levels[i] > levels[i - 1] + 1)
        problems.push(
          `heading h${levels[i]} “${hs[i].textContent}” after h${levels[i - 1]} “${hs[i - 1].textContent}”`,
        );
    }
  }
  // ids are unique (labels and aria-* point at them)
  const seen = new Map();
  for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
  for (const [id, n] of seen) if (n > 1) problems.push(`id used ${n} times: ${id}`);
  return problems;
}

test('accessibility: labels, names, text alternatives and heading order in every main view', TEST, async () => {
  const s = await session();
  try {
    const all = [];
    for (const hash of VIEWS) {
      await s.page.goto(s.url + hash);
      await ready(s.page);
      await s.page.waitForTimeout(50);
      for (const p of await s.page.evaluate(audit)) all.push(`${hash}: ${p}`);
    }
    assert.deepEqual(all, []);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('accessibility: the keyboard focus is visible on every stop of the first tab presses', TEST, async () => {
  const s = await session();
  try {
    for (const hash of ['#/place/coventry-gb', '#/compare?countries=DE,FR', '#/sources', '#/glossary']) {
      const page = await s.open(hash);
      await page.locator('body').click({ position: { x: 2, y: 2 } });
      const missing = [];
      for (let i = 0; i < 25; i += 1) {
        await page.keyboard.press('Tab');
        const r = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const cs = getComputedStyle(el);
          const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
          const shadow = cs.boxShadow && cs.boxShadow !== 'none';
          return {
            ok: el.matches(':focus-visible') && (outline || shadow),
            what: `${el.tagName.toLowerCase()} ${el.className} “${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}”`,
          };
        });
        if (r && !r.ok) missing.push(`${hash}: ${r.what}`);
      }
      assert.deepEqual(missing, []);
    }
  } finally {
    await s.close();
  }
});
