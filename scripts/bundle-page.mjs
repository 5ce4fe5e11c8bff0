#!/usr/bin/env node
// Bundles the page's start graph for the first load (issue 13, part 5; docs/first-load.md):
// www/app.js and everything it imports statically — embed.js, the shell, the views, the
// wasm-bindgen glue (www/pkg/twinning_atlas.js) — become one minified ES module,
// www/dist/app.js, which www/index.html loads. Modules the page loads with `import()` (the
// maps, the import worker's client, the world decoder) stay lazy: esbuild splits them into
// chunks beside it (dist/<name>-<hash>.js), with the code they share with the start in a
// shared chunk. The sources stay the one truth: www/dist/ is generated, git-ignored, and
// rebuilt by scripts/build.sh (its last step) or by hand:
//
//   node scripts/bundle-page.mjs            # once (about a second)
//   node scripts/bundle-page.mjs --watch    # again on every change under www/, while editing
//
// What stays unbundled, and why:
// - the wasm (www/pkg/twinning_atlas_bg.wasm): its own file, preloaded by index.html so it
//   streams and compiles (instantiateStreaming) while the script loads;
// - the workers (worker.js, world-worker.js) and what they import, and the full module the
//   data view loads for an import on the page's thread (pkg/full/): the bundle names them by
//   URL;
// - pkg/maps-vendor.js and the map data: fetched by URL at run time;
// - the modules themselves: the embed (embed.js, and twinning-atlas/embed in the npm package)
//   imports them as they are, from any path or origin.
//
// `import.meta.url` keeps meaning the source file's own URL inside the bundle: every use is
// rewritten to that file's URL computed from the chunk's (all chunks sit in dist/), so
// `new URL('../pkg/countries-110m.json', import.meta.url)`, the Trusted Types policy's base
// and the embed's asset base resolve exactly as they do unbundled.
//
// Writes, beside the bundle: a brotli copy of each file (`.br`, which scripts/serve.mjs sends
// to browsers that take it) and files.json, the list of the bundle's files that the service
// worker (www/sw.js) precaches with the rest of the page. Prints the sizes.
//
// The npm package's copy of the page (pkg/embed/index.html, where the embed's links lead,
// written by scripts/package.mjs) gets the same bundle, built on the package's module: run
// this after package.mjs, as scripts/build.sh does.

import * as esbuild from 'esbuild';
import { existsSync, readFileSync, writeFileSync, rmSync, readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = 'dist/app.js';

const posix = (p) => p.split(path.sep).join('/');

/**
 * The two copies of the page: www/ (on the page's first module, www/pkg/; the full module at
 * www/pkg/full/ stays its own file) and, once scripts/package.mjs has written it, the npm
 * package's pkg/embed/ (whose modules name the package's one module, one folder up; no brotli
 * copies there, the registry compresses).
 */
const PAGES = [
  {
    dir: path.join(ROOT, 'www'),
    within: [path.join(ROOT, 'www')],
    external: path.join(ROOT, 'www', 'pkg', 'full'),
    brotli: true,
  },
  {
    dir: path.join(ROOT, 'pkg', 'embed'),
    within: [path.join(ROOT, 'pkg')],
    external: null,
    brotli: false,
    preloads: true,
  },
];

const inside = (dir, file) => {
  const rel = path.relative(dir, file);
  return !rel.startsWith('..') && !path.isAbsolute(rel);
};

/** The page's files as the bundle needs them (see the top of this file). */
function pagePlugin(page) {
  const out = path.join(page.dir, 'dist');
  return {
    name: 'twinning-atlas-page',
    setup(build) {
      // the full module (pkg/full/) is the worker's too: loaded from its own URL, not copied
      if (page.external)
        build.onResolve({ filter: /pkg\/full\// }, (args) => {
          const file = path.resolve(args.resolveDir, args.path);
          if (!inside(page.external, file)) return undefined;
          return { path: posix(path.relative(out, file)), external: true };
        });
      build.onLoad({ filter: /\.js$/ }, (args) => {
        if (!page.within.some((d) => inside(d, args.path)))
          throw new Error(
            `bundle-page: ${args.path} is outside the page's folder; the page imports only its own files`,
          );
        const source = readFileSync(args.path, 'utf8');
        const here = JSON.stringify(posix(path.relative(out, args.path)));
        return {
          contents: source.replaceAll('import.meta.url', `new URL(${here}, import.meta.url).href`),
          loader: 'js',
        };
      });
    },
  };
}

const options = (page) => ({
  absWorkingDir: ROOT,
  entryPoints: [path.join(page.dir, 'app.js')],
  outdir: path.join(page.dir, 'dist'),
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  platform: 'browser',
  chunkNames: '[name]-[hash]',
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [pagePlugin(page)],
});

/**
 * The code the entry shares with the lazy chunks lands in a shared chunk that the entry
 * imports statically; its name carries a content hash, so index.html could not name it, and
 * the browser would ask for it only once it had parsed the entry: one more round trip on the
 * way to the first result. So it gets a fixed name, dist/app-shared.js (app-shared-2.js …
 * should esbuild ever make more), written into every file that imports it, and index.html
 * preloads it beside the entry. Returns the files (paths from the page's folder).
 */
function nameShared(page, metafile) {
  const out = (f) => posix(path.relative(page.dir, path.resolve(ROOT, f)));
  const entry = Object.keys(metafile.outputs).find((f) => out(f) === ENTRY);
  const shared = metafile.outputs[entry].imports
    .filter((i) => i.kind === 'import-statement' && !i.external)
    .map((i) => out(i.path));
  const names = new Map(shared.map((f, i) => [f, `dist/app-shared${i ? `-${i + 1}` : ''}.js`]));
  const files = Object.keys(metafile.outputs).map(out);
  for (const f of files) {
    let text = readFileSync(path.join(page.dir, f), 'utf8');
    for (const [from, to] of names)
      text = text.replaceAll(`./${path.posix.basename(from)}`, `./${path.posix.basename(to)}`);
    writeFileSync(path.join(page.dir, f), text);
  }
  for (const [from, to] of names) renameSync(path.join(page.dir, from), path.join(page.dir, to));
  return { files: files.map((f) => names.get(f) ?? f).sort(), start: [ENTRY, ...names.values()] };
}

/** files.json and the brotli copies, after a build; prints the sizes. */
function finish(page, metafile) {
  const { files, start } = nameShared(page, metafile);
  let bytes = 0;
  let brotli = 0;
  for (const f of files) {
    const body = readFileSync(path.join(page.dir, f));
    const br = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
    if (page.brotli) writeFileSync(path.join(page.dir, `${f}.br`), br);
    if (start.includes(f)) {
      bytes += body.length;
      brotli += br.length;
    }
  }
  // `start`: what index.html loads (the entry) and preloads (the shared chunks). www/index.html
  // names them itself (checked by tests/js/page-static.test.mjs); the package's copy, a
  // generated file, gets them written in here.
  if (page.preloads) {
    const html = path.join(page.dir, 'index.html');
    const text = readFileSync(html, 'utf8').replace(/\n\s*<link rel="modulepreload" href="dist\/[^"]*">/g, '');
    const links = start
      .slice(1)
      .map((f) => `\n  <link rel="modulepreload" href="${f}">`)
      .join('');
    const script = '\n  <script type="module" src="dist/app.js"></script>';
    if (!text.includes(script)) throw new Error(`bundle-page: ${html} does not load dist/app.js`);
    writeFileSync(html, text.replace(script, `${links}${script}`));
  }
  writeFileSync(
    path.join(page.dir, 'dist', 'files.json'),
    `${JSON.stringify({ generatedBy: 'scripts/bundle-page.mjs', start, files }, null, 2)}\n`,
  );
  console.log(
    `${posix(path.relative(ROOT, page.dir))}/dist: ${files.length} files from ${Object.keys(metafile.inputs).length} modules; at start ${start.join(' + ')}: ${bytes} bytes, ${brotli} brotli`,
  );
}

const watch = process.argv.includes('--watch');
if (watch) {
  // the page in www/ only (the package's copy is rebuilt by scripts/build.sh)
  const page = PAGES[0];
  const out = path.join(page.dir, 'dist');
  rmSync(out, { recursive: true, force: true });
  const base = options(page);
  const ctx = await esbuild.context({
    ...base,
    plugins: [
      ...base.plugins,
      {
        name: 'twinning-atlas-finish',
        setup(build) {
          build.onEnd((result) => {
            if (result.errors.length || !result.metafile) return;
            // a fresh folder's worth: remove what this build did not write
            const keep = new Set(Object.keys(result.metafile.outputs).map((f) => path.resolve(ROOT, f)));
            for (const name of readdirSync(out)) {
              const file = path.join(out, name);
              if (!keep.has(file) && !keep.has(file.replace(/\.br$/, ''))) rmSync(file, { force: true });
            }
            finish(page, result.metafile);
          });
        },
      },
    ],
  });
  await ctx.watch();
  console.log('bundle-page: watching www/ (Ctrl-C to stop)');
} else {
  for (const page of PAGES) {
    if (!existsSync(path.join(page.dir, 'app.js'))) continue;
    // a fresh folder, so no chunk of an earlier build lingers (files.json lists only this one's)
    rmSync(path.join(page.dir, 'dist'), { recursive: true, force: true });
    const result = await esbuild.build(options(page));
    finish(page, result.metafile);
  }
}
