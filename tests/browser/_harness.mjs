// Shared by the browser tests and the screenshot script: start scripts/serve.mjs on a free
// port as a child process, launch Debian's Chromium through playwright-core on a fresh
// profile, collect console errors, and stop everything again.
//
// Each test calls `session()` itself and `close()`s it in a `finally` (or `t.after`), so
// tests share nothing: no service worker, cache or history leaks from one into another.

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Chromium's flags for the tests and the benchmarks that drive the page. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Why the browser tests cannot run here, or null when they can. */
export function missing() {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (bash scripts/setup.sh installs it)`;
  if (!existsSync(path.join(ROOT, 'www', 'pkg', 'twinning_atlas_bg.wasm')))
    return 'www/pkg is not built (bash scripts/build.sh)';
  return null;
}

/** Options for every browser test: skipped with the reason when they cannot run, and
 * failed (not hung) after 90 s. */
export const TEST = { skip: missing() || false, timeout: 90_000 };

/** Start scripts/serve.mjs on a free port; resolves to `{ url, stop() }`. */
export async function startServer({ root } = {}) {
  const args = [path.join(ROOT, 'scripts', 'serve.mjs'), '--port', '0', '--quiet'];
  if (root) args.push('--root', root);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const url = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => reject(new Error(`serve.mjs printed no URL in 10 s: ${stderr}`)), 10_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      if (/^http:\/\/127\.0\.0\.1:\d+\/$/.test(line)) resolve(line);
      else reject(new Error(`serve.mjs printed ${JSON.stringify(line)} instead of its URL`));
    });
    child.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * A served www/ and a fresh Chromium profile (`serviceWorkers: 'block'` where a test routes
 * the page's own requests: a controlling service worker would answer them). Resolves to
 * `{ url, context, page, errors, open(hash), close() }`; `errors` collects console errors,
 * uncaught exceptions and failed requests of every page of the context.
 */
export async function session({
  viewport = { width: 1280, height: 800 },
  colorScheme = 'light',
  world = true,
  serviceWorkers = 'allow',
} = {}) {
  const server = await startServer();
  const profile = await mkdtemp(path.join(tmpdir(), 'ta-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport,
      colorScheme,
      serviceWorkers,
    });
  } catch (e) {
    await server.stop();
    await rm(profile, { recursive: true, force: true });
    throw e;
  }
  const errors = [];
  const watch = (page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
    page.on('requestfailed', (req) => {
      const why = req.failure()?.errorText ?? '';
      if (!/ERR_ABORTED/.test(why)) errors.push(`requestfailed: ${req.url()} ${why}`);
    });
  };
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());
  watch(page);
  const s = {
    url: server.url,
    context,
    page,
    errors,
    /** The page's address: with `world: false`, `?world=off` (the curated data only). */
    base: world ? server.url : `${server.url}?world=off`,
    /** Load the page at `hash` (e.g. `#/glossary`) and wait until the atlas has rendered. */
    async open(hash = '') {
      await page.goto(s.base + hash);
      await ready(page);
      return page;
    },
    async close() {
      await context.close().catch(() => {});
      await server.stop();
      await rm(profile, { recursive: true, force: true });
    },
  };
  return s;
}

/** Wait until the atlas has replaced its loading message with the shell, and a view that
 * needs the full module (docs/first-load.md) its "Loading…" with the view. */
export async function ready(page) {
  await page.locator('.ta-root .ta-search__input').waitFor({ state: 'visible', timeout: 15_000 });
  await page.locator('.ta-main .ta-view').first().waitFor({ timeout: 15_000 });
  await page.locator('.ta-main [data-code="full_loading"]').waitFor({ state: 'detached', timeout: 30_000 });
}

/** Type into the search box key by key, as a person does. */
export async function typeSearch(page, text) {
  const box = page.getByRole('combobox', { name: /search places/i });
  await box.fill('');
  await box.pressSequentially(text, { delay: 15 });
  return box;
}

/** Import a CSV text on the data view (`#/data` open) and wait for its report. */
export async function importCsv(page, name, text) {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.getByRole('button', { name: 'Import' }).click();
  await page.locator('.ta-report').waitFor({ timeout: 60_000 });
}

/** The search hits as shown: `[{ name, matched, meta, partners }]`. */
export async function hits(page) {
  await page.locator('.ta-count').first().waitFor();
  return page.locator('.ta-results [role="option"][data-place-id]').evaluateAll((els) =>
    els.map((el) => ({
      id: el.dataset.placeId,
      name: el.querySelector('.ta-hit__current')?.textContent ?? '',
      matched: el.querySelector('.ta-hit__matched')?.textContent ?? null,
      text: el.textContent,
    })),
  );
}

/** The rows of a place's partners table: `[{ partner, since, until, status, form }]`. */
export async function partnerRows(page) {
  return page.locator('.ta-partners tbody tr').evaluateAll((rows) =>
    rows.map((tr) => ({
      partner: tr.querySelector('.ta-partner__name a')?.textContent ?? '',
      since: tr.querySelector('.ta-partner__since')?.textContent ?? '',
      until: tr.querySelector('.ta-partner__until')?.textContent ?? '',
      status: tr.querySelector('.ta-badge')?.textContent ?? '',
      form: tr.querySelector('.ta-partner__form')?.textContent ?? '',
      linkId: tr.dataset.linkId,
    })),
  );
}
