// The packed npm package as its users meet it: `npm pack` of pkg/ installed (offline, from
// the tarball alone) into a fresh project outside the repo, then used from Node, type-checked
// by TypeScript (strict; a file of mistakes must fail), built by Vite 8 (client and SSR, and
// its dev server), webpack 5 and esbuild, tested by vitest, and the browser builds run in
// Chromium.
// Tools come from the repo's node_modules; the package only from the tarball.
// Run: node --test tests/consumers/ (after bash scripts/build.sh).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const PKG = path.join(ROOT, 'pkg');
const BIN = path.join(ROOT, 'node_modules', '.bin');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const skip = existsSync(path.join(PKG, 'package.json')) ? false : 'pkg/ is not built (bash scripts/build.sh)';
const T = { skip, timeout: 180_000 };

let dir; // the consumer project, outside the repo
let packed; // npm pack --dry-run --json of pkg/

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  return { code: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

before(() => {
  if (skip) return;
  dir = mkdtempSync(path.join(tmpdir(), 'twinning-atlas-consumer-'));
  packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', PKG], { encoding: 'utf8', cwd: dir }))[0];
  const [{ filename }] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', dir, PKG], { encoding: 'utf8', cwd: dir }),
  );
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', path.join(dir, filename)],
    { cwd: dir, stdio: 'pipe' },
  );
  for (const name of ['node', 'typescript', 'vite', 'vitest', 'webpack', 'esbuild'])
    cpSync(path.join(HERE, name), path.join(dir, name), { recursive: true });
});

after(() => {
  if (dir && !process.env.KEEP_CONSUMERS) rmSync(dir, { recursive: true, force: true });
});

test('the tarball holds the licences, the changelog, the README and every entry', T, () => {
  const files = packed.files.map((f) => f.path);
  for (const f of [
    'LICENSE',
    'DATA-LICENSES.md',
    'CHANGELOG.md',
    'README.md',
    'package.json',
    'index.js',
    'index.d.ts',
    'node.js',
    'node.d.ts',
    'twinning_atlas.js',
    'twinning_atlas.d.ts',
    'twinning_atlas_bg.wasm',
  ]) {
    assert.ok(files.includes(f), `${f} is in the tarball (${files.join(', ')})`);
  }
  const manifest = JSON.parse(readFileSync(path.join(dir, 'node_modules', 'twinning-atlas', 'package.json'), 'utf8'));
  assert.match(manifest.repository.url, /^git\+https:\/\/github\.com\/[^/]+\/[^/]+\.git$/);
  assert.match(manifest.homepage, /^https:\/\//);
  assert.match(manifest.bugs.url, /\/issues$/);
  assert.equal(manifest.engines.node, '>=20');
  assert.equal(manifest.license, 'MIT AND CC-BY-SA-4.0 AND CC-BY-4.0');
  // types first in every condition; node before the browser's entry
  const conditions = manifest.exports['.'];
  assert.deepEqual(Object.keys(conditions), ['node', 'browser', 'import', 'default']);
  for (const c of Object.values(conditions)) assert.equal(Object.keys(c)[0], 'types');
});

test('the packed README has no relative link and carries the API table', T, () => {
  const readme = readFileSync(path.join(dir, 'node_modules', 'twinning-atlas', 'README.md'), 'utf8');
  const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  assert.ok(links.length > 3, 'the README has links');
  const relative = links.filter((l) => !/^(https:\/\/|#)/.test(l));
  assert.deepEqual(relative, [], 'every link is absolute');
  assert.match(readme, /^### API$/m);
  assert.match(readme, /atlas\.suggestPartners/);
});

test('Node runs the browser form of the import unchanged', T, () => {
  const r = run(process.execPath, [path.join(dir, 'node', 'main.mjs')], { cwd: dir });
  assert.equal(r.code, 0, r.out);
  const out = JSON.parse(r.out.trim().split('\n').pop());
  assert.equal(out.first, 'Volgograd');
  assert.ok(out.partners >= 5, `Coventry has partners (${out.partners})`);
  assert.ok(out.statuses.includes('established') && out.statuses.includes('unknown'));
});

const tsc = (config) => run(path.join(BIN, 'tsc'), ['-p', path.join(dir, 'typescript', config)], { cwd: dir });

test('every call of the README API table compiles under tsc --strict (Node and bundler resolution)', T, () => {
  for (const config of ['tsconfig.json', 'tsconfig.bundler.json']) {
    const r = tsc(config);
    assert.equal(r.code, 0, `${config}:\n${r.out}`);
  }
});

test('a mistyped option, place(42) and other mistakes fail tsc --strict, each on its line', T, () => {
  const r = tsc('tsconfig.bad.json');
  assert.notEqual(r.code, 0, 'bad.ts must not compile');
  const source = readFileSync(path.join(dir, 'typescript', 'bad.ts'), 'utf8').split('\n');
  const expected = source.flatMap((line, i) => (/\/\/ error:/.test(line) ? [i + 1] : []));
  const failing = new Set([...r.out.matchAll(/bad\.ts\((\d+),\d+\): error TS\d+/g)].map((m) => Number(m[1])));
  assert.ok(expected.length >= 5);
  for (const line of expected)
    assert.ok(failing.has(line), `line ${line} (${source[line - 1].trim()}) fails:\n${r.out}`);
  assert.match(r.out, /asof/);
});

test('the README API table and the TypeScript consumer name the same calls', T, () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const table = /^### API\n([\s\S]*?)^## /m.exec(readme)[1];
  const calls = new Set();
  for (const row of table.split('\n').filter((l) => l.startsWith('| `'))) {
    const first = row.split(' | ')[0];
    for (const m of first.matchAll(/\b(?:atlas\.|Atlas\.)?([a-zA-Z]+)\(/g)) calls.add(m[1]);
    for (const m of first.matchAll(/`([a-zA-Z]+)`/g)) calls.add(m[1]);
  }
  const api = readFileSync(path.join(HERE, 'typescript', 'api.ts'), 'utf8');
  assert.ok(calls.size > 25, [...calls].join(' '));
  for (const c of calls) assert.match(api, new RegExp(`\\b${c}\\(`), `${c}( is in api.ts`);
});

test('vitest runs a suite that imports the package as a browser would', T, () => {
  const root = path.join(dir, 'vitest');
  const r = run(path.join(BIN, 'vitest'), ['run', '--root', root], {
    cwd: root,
    env: { ...process.env, CI: '1', NO_COLOR: '1' },
  });
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /1 passed/);
});

/** The browser builds, each run in Chromium: the page's title says what the atlas found. */
const builds = {};

test(
  'Vite 8 builds the browser bundle with the wasm as an asset, and renders on the server (build and dev)',
  T,
  async () => {
    const vite = await import(pathToFileURL(path.join(ROOT, 'node_modules', 'vite', 'dist', 'node', 'index.js')));
    const root = path.join(dir, 'vite');
    await vite.build({ root, logLevel: 'error', configFile: false, build: { outDir: 'dist', target: 'es2022' } });
    const assets = readdirSync(path.join(root, 'dist', 'assets'));
    assert.ok(
      assets.some((f) => f.endsWith('.wasm')),
      `the wasm is emitted: ${assets}`,
    );
    builds.vite = path.join(root, 'dist');
    await vite.build({
      root,
      logLevel: 'error',
      configFile: false,
      build: { ssr: 'entry-server.js', outDir: 'dist-ssr' },
    });
    const built = await import(pathToFileURL(path.join(root, 'dist-ssr', 'entry-server.js')));
    assert.match(await built.render(), /<li>Volgograd<\/li>/);
    const server = await vite.createServer({
      root,
      logLevel: 'error',
      configFile: false,
      server: { middlewareMode: true },
      appType: 'custom',
    });
    try {
      const dev = await server.ssrLoadModule('/entry-server.js');
      assert.match(await dev.render(), /<li>Volgograd<\/li>/);
    } finally {
      await server.close();
    }
  },
);

test('webpack 5 builds the browser bundle with the wasm as an asset, no loader or plugin', T, () => {
  const root = path.join(dir, 'webpack');
  const r = run(path.join(BIN, 'webpack'), ['--config', path.join(root, 'webpack.config.cjs')], { cwd: root });
  assert.equal(r.code, 0, r.out);
  cpSync(path.join(root, 'index.html'), path.join(root, 'dist', 'index.html'));
  assert.ok(
    readdirSync(path.join(root, 'dist')).some((f) => f.endsWith('.wasm')),
    'the wasm is emitted',
  );
  builds.webpack = path.join(root, 'dist');
});

test('esbuild bundles for Node (runs) and for browsers (the wasm through the file loader)', T, () => {
  const root = path.join(dir, 'esbuild');
  const esbuild = path.join(BIN, 'esbuild');
  let r = run(
    esbuild,
    [
      path.join(dir, 'node', 'main.mjs'),
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--outfile=' + path.join(root, 'node-out', 'main.mjs'),
    ],
    { cwd: root },
  );
  assert.equal(r.code, 0, r.out);
  // the Node bundle reads the wasm beside the package's module: copy it as a deployment would
  cpSync(
    path.join(dir, 'node_modules', 'twinning-atlas', 'twinning_atlas_bg.wasm'),
    path.join(root, 'node-out', 'twinning_atlas_bg.wasm'),
  );
  r = run(process.execPath, [path.join(root, 'node-out', 'main.mjs')], { cwd: root });
  assert.equal(r.code, 0, r.out);
  assert.equal(JSON.parse(r.out.trim().split('\n').pop()).first, 'Volgograd');
  r = run(
    esbuild,
    ['main.js', '--bundle', '--platform=browser', '--format=esm', '--loader:.wasm=file', '--outdir=dist'],
    { cwd: root },
  );
  assert.equal(r.code, 0, r.out);
  cpSync(path.join(root, 'index.html'), path.join(root, 'dist', 'index.html'));
  assert.ok(
    readdirSync(path.join(root, 'dist')).some((f) => f.endsWith('.wasm')),
    'the wasm is emitted',
  );
  builds.esbuild = path.join(root, 'dist');
});

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.gz': 'application/gzip',
};

/** A static server for a folder on a free loopback port. */
function serve(folder) {
  const server = createServer((req, res) => {
    const file = path.join(
      folder,
      decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/\/$/, '/index.html'),
    );
    if (!file.startsWith(folder) || !existsSync(file)) return res.writeHead(404).end();
    res
      .writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test('the Vite, webpack and esbuild bundles and the Vite dev server run in Chromium', {
  ...T,
  skip: skip || (!existsSync(CHROMIUM) && `no Chromium at ${CHROMIUM}`),
}, async (t) => {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(path.join(tmpdir(), 'consumer-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const vite = await import(pathToFileURL(path.join(ROOT, 'node_modules', 'vite', 'dist', 'node', 'index.js')));
  const dev = await vite.createServer({
    root: path.join(dir, 'vite'),
    logLevel: 'error',
    configFile: false,
    server: { host: '127.0.0.1', port: 0 },
  });
  await dev.listen();
  try {
    const targets = Object.entries(builds).map(([name, folder]) => [name, folder]);
    assert.equal(targets.length, 3, 'the three bundles were built');
    targets.push(['vite dev', null]);
    for (const [name, folder] of targets) {
      await t.test(name, async () => {
        const server = folder ? await serve(folder) : null;
        const url = server ? `http://127.0.0.1:${server.address().port}/` : dev.resolvedUrls.local[0];
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', (e) => errors.push(e.message));
        try {
          await page.goto(url);
          await page.waitForFunction(() => document.title.startsWith('ok'), null, { timeout: 60_000 }).catch(() => {});
          assert.equal(await page.title(), 'ok Volgograd', `${name}: ${errors.join('; ')}`);
        } finally {
          await page.close();
          server?.close();
        }
      });
    }
  } finally {
    await dev.close();
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
