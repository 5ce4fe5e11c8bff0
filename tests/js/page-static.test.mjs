// Static checks on www/: data never reaches the DOM as HTML, every class has the `ta-`
// prefix, and the service worker precaches every file the page needs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WWW = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'www');

function files(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const rel = path.relative(base, full).split(path.sep).join('/');
    if (rel === 'pkg') return [];
    return statSync(full).isDirectory() ? files(full, base) : [rel];
  });
}

const sources = files(WWW).filter((f) => f.endsWith('.js'));

test('no www/ script writes HTML strings (innerHTML and kin)', () => {
  const bad = [];
  for (const f of sources) {
    readFileSync(path.join(WWW, f), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\.createContextualFragment|DOMParser/.test(line))
          bad.push(`${f}:${i + 1}: ${line.trim()}`);
      });
  }
  assert.deepEqual(bad, []);
});

test('every class in the page and the style sheet starts with ta-', () => {
  const css = readFileSync(path.join(WWW, 'style.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const cssClasses = [...css.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]).filter((c) => !/^\d/.test(c));
  const bad = cssClasses.filter((c) => !c.startsWith('ta-'));
  assert.deepEqual([...new Set(bad)], []);
  const html = readFileSync(path.join(WWW, 'index.html'), 'utf8');
  for (const m of html.matchAll(/class="([^"]*)"/g)) {
    for (const c of m[1].split(/\s+/).filter(Boolean)) assert.ok(c.startsWith('ta-'), `index.html class ${c}`);
  }
  for (const f of sources) {
    const js = readFileSync(path.join(WWW, f), 'utf8');
    for (const m of js.matchAll(/class: ['`]([^'`$]*)/g)) {
      for (const c of m[1].split(/\s+/).filter(Boolean)) assert.ok(c.startsWith('ta-'), `${f}: class ${c}`);
    }
  }
});

test('the service worker precaches every file of the page and nothing that is missing', () => {
  const sw = readFileSync(path.join(WWW, 'sw.js'), 'utf8');
  const block = sw.slice(sw.indexOf('// assets:begin'), sw.indexOf('// assets:end'));
  const assets = [...block.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  const needed = files(WWW).filter((f) => f !== 'sw.js');
  for (const f of needed) assert.ok(assets.includes(f), `sw.js does not precache ${f}`);
  for (const a of assets) {
    if (a === './') continue;
    if (a.startsWith('pkg/')) continue; // built by scripts/build.sh
    assert.ok(needed.includes(a), `sw.js precaches ${a}, which is not in www/`);
  }
  for (const a of ['pkg/twinning_atlas.js', 'pkg/twinning_atlas_bg.wasm', 'index.html', './'])
    assert.ok(assets.includes(a), a);
  assert.match(sw, /const VERSION = '[^']+'/);
});

test('index.html loads the style sheet, the manifest, the icon and app.js by relative URLs', () => {
  const html = readFileSync(path.join(WWW, 'index.html'), 'utf8');
  for (const ref of ['href="style.css"', 'href="manifest.webmanifest"', 'href="icon.svg"', 'src="app.js"'])
    assert.ok(html.includes(ref), ref);
  const manifest = JSON.parse(readFileSync(path.join(WWW, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.icons.length > 0 && manifest.start_url);
});

test('index.html preloads the wasm and every module the page imports at start', () => {
  const html = readFileSync(path.join(WWW, 'index.html'), 'utf8');
  const preloaded = new Set([...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]));
  const seen = new Set();
  const walk = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    const src = readFileSync(path.join(WWW, f), 'utf8');
    for (const m of src.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)) {
      walk(path.posix.normalize(path.posix.join(path.posix.dirname(f), m[1])));
    }
  };
  walk('app.js');
  seen.delete('app.js');
  for (const f of seen) assert.ok(preloaded.has(f), `index.html does not modulepreload ${f}`);
  for (const f of preloaded) assert.ok(seen.has(f), `index.html preloads ${f}, which app.js does not import`);
  assert.match(
    html,
    /<link rel="preload" href="pkg\/twinning_atlas_bg\.wasm" as="fetch" type="application\/wasm" crossorigin>/,
  );
});

test('the style sheet is well formed: every block it opens it closes', () => {
  const css = readFileSync(path.join(WWW, 'style.css'), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/"[^"]*"|'[^']*'/g, '""');
  let depth = 0;
  let line = 1;
  for (const ch of css) {
    if (ch === '\n') line += 1;
    if (ch === '{') depth += 1;
    if (ch === '}') depth -= 1;
    assert.ok(depth >= 0, `a } with no block to close, line ${line} (comments removed)`);
  }
  assert.equal(depth, 0, 'a block is never closed');
});
