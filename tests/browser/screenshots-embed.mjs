#!/usr/bin/env node
// Writes docs/screenshot-embed-hostile.png (1280×900, a light host) and
// docs/screenshot-embed-hostile-phone-dark.png (390×844, a dark host): `<twinning-atlas>` on a
// page of another origin whose CSS tries to break it (`* { font-size: 40px }`, `div { display:
// none }`, `h2 { color: #234 }`, `table { width: 3000px }`), with a compact partners embed
// themed through custom properties beside it. `--all` also writes the other two (desktop dark,
// phone light) to the system's temp folder. Not a test: run
// `node tests/browser/screenshots-embed.mjs` after a build.

import { mkdtemp, writeFile, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { session, missing, startServer, ROOT } from './_harness.mjs';

const why = missing();
if (why) {
  console.error(`screenshots-embed: ${why}`);
  process.exit(1);
}
const all = process.argv.includes('--all');
const docs = path.join(ROOT, 'docs');
const extra = path.join(tmpdir(), 'ta-embed-shots');
await mkdir(extra, { recursive: true });

const HOSTILE = `
  * { font-size: 40px; letter-spacing: 2px; }
  body { margin: 0 auto; max-width: 1100px; padding: 0 16px; font-family: Georgia, serif; line-height: 1.2; }
  div { display: none; }
  h2 { color: #234; }
  table { width: 3000px; }
  .host-grid { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: 24px; }
  @media (max-width: 700px) { .host-grid { grid-template-columns: minmax(0, 1fr); } }
  .host-side twinning-atlas { --ta-accent: light-dark(#8b1f4f, #f0a6c4); --ta-font: Georgia, serif; }
  twinning-atlas::part(header) { border-bottom: 3px solid var(--ta-accent); }
`;

function html(atlas, dark) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Coventry City Council</title><link rel="icon" href="data:,">
<style>${HOSTILE}${dark ? ':root { color-scheme: dark; background: #161a1e; color: #e8e8e8; }' : ''}</style>
<script type="module" src="${atlas}embed.js"></script></head>
<body><h2>Coventry City Council</h2>
<section class="host-grid">
<section class="host-main"><twinning-atlas place="coventry-gb" world="false"></twinning-atlas></section>
<section class="host-side"><twinning-atlas place="coventry-gb" view="partners" world="false"></twinning-atlas></section>
</section></body></html>`;
}

const shots = [
  ['screenshot-embed-hostile.png', docs, { width: 1280, height: 900 }, false],
  ['screenshot-embed-hostile-phone-dark.png', docs, { width: 390, height: 844 }, true],
  ...(all
    ? [
        ['screenshot-embed-hostile-dark.png', extra, { width: 1280, height: 900 }, true],
        ['screenshot-embed-hostile-phone.png', extra, { width: 390, height: 844 }, false],
      ]
    : []),
];

for (const [file, dir, viewport, dark] of shots) {
  const s = await session({ viewport, colorScheme: dark ? 'dark' : 'light' });
  const hostDir = await mkdtemp(path.join(tmpdir(), 'ta-host-'));
  await writeFile(path.join(hostDir, 'index.html'), html(s.url, dark));
  const host = await startServer({ root: hostDir });
  try {
    await s.page.goto(host.url);
    await s.page.locator('.host-main twinning-atlas .ta-view--place h1').waitFor({ timeout: 20_000 });
    await s.page.locator('.host-side twinning-atlas .ta-view--partners').waitFor({ timeout: 20_000 });
    await s.page.screenshot({ path: path.join(dir, file) });
    console.log(path.join(dir, file));
  } finally {
    await host.stop();
    await rm(hostDir, { recursive: true, force: true });
    await s.close();
  }
}
