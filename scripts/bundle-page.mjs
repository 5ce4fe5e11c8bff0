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
//   URL, and the page's own modules are unchanged for the embed (embed.js, shipped in the npm
//   package as twinning-atlas/embed) and for development;
// - pkg/maps-vendor.js and the map data: fetched by URL at run time.
//
// `import.meta.url` keeps meaning the source file's own URL inside the bundle: every use is
// rewritten to that file's URL computed from the chunk's (all chunks sit in www/dist/), so
// `new URL('../pkg/countries-110m.json', import.meta.url)`, the Trusted Types policy's base
// and the embed's asset base resolve exactly as they do unbundled.
//
// Writes, beside the bundle: a brotli copy of each file (`.br`, which scripts/serve.mjs sends
// to browsers that take it) and files.json, the list of the bundle's files that the service
// worker (www/sw.js) precaches with the rest of the page. Prints the sizes.
//
// Not for: the npm package (scripts/package.mjs ships the unbundled modules).

import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync, rmSync, readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WWW = path.join(ROOT, 'www');
const OUT = path.join(WWW, 'dist');
const FULL = path.join(WWW, 'pkg', 'full');

const posix = (p) => p.split(path.sep).join('/');

/** The page's files as the bundle needs them (see the top of this file). */
const pagePlugin = {
  name: 'twinning-atlas-page',
  setup(build) {
    // the full module (pkg/full/) is the worker's too: loaded from its own URL, not copied
    build.onResolve({ filter: /pkg\/full\// }, (args) => {
      const file = path.resolve(args.resolveDir, args.path);
      if (!file.startsWith(FULL + path.sep)) return undefined;
      return { path: posix(path.relative(OUT, file)), external: true };
    });
    build.onLoad({ filter: /\.js$/ }, (args) => {
      const rel = path.relative(WWW, args.path);
      if (rel.startsWith('..') || path.isAbsolute(rel))
        throw new Error(`bundle-page: ${args.path} is outside www/; the page imports only its own files`);
      const source = readFileSync(args.path, 'utf8');
      const here = JSON.stringify(posix(path.relative(OUT, args.path)));
      return {
        contents: source.replaceAll('import.meta.url', `new URL(${here}, import.meta.url).href`),
        loader: 'js',
      };
    });
  },
};

const options = {
  absWorkingDir: ROOT,
  entryPoints: [path.join(WWW, 'app.js')],
  outdir: OUT,
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
  plugins: [pagePlugin],
};

const ENTRY = 'dist/app.js';

/**
 * The code the entry shares with the lazy chunks lands in a shared chunk that the entry
 * imports statically; its name carries a content hash, so index.html could not name it, and
 * the browser would ask for it only once it had parsed the entry: one more round trip on the
 * way to the first result. So it gets a fixed name, dist/app-shared.js (app-shared-2.js …
 * should esbuild ever make more), written into every file that imports it, and index.html
 * preloads it beside the entry. Returns the files (paths from www/) after the renaming.
 */
function nameShared(metafile) {
  const out = (f) => posix(path.relative(WWW, path.resolve(ROOT, f)));
  const entry = Object.keys(metafile.outputs).find((f) => out(f) === ENTRY);
  const shared = metafile.outputs[entry].imports
    .filter((i) => i.kind === 'import-statement' && !i.external)
    .map((i) => out(i.path));
  const names = new Map(shared.map((f, i) => [f, `dist/app-shared${i ? `-${i + 1}` : ''}.js`]));
  const files = Object.keys(metafile.outputs).map(out);
  for (const f of files) {
    let text = readFileSync(path.join(WWW, f), 'utf8');
    for (const [from, to] of names)
      text = text.replaceAll(`./${path.posix.basename(from)}`, `./${path.posix.basename(to)}`);
    writeFileSync(path.join(WWW, f), text);
  }
  for (const [from, to] of names) renameSync(path.join(WWW, from), path.join(WWW, to));
  return { files: files.map((f) => names.get(f) ?? f).sort(), start: [ENTRY, ...names.values()] };
}

/** files.json and the brotli copies, after a build; returns the files with their sizes. */
function finish(metafile) {
  const { files, start } = nameShared(metafile);
  const sizes = [];
  for (const f of files) {
    const body = readFileSync(path.join(WWW, f));
    const br = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
    writeFileSync(path.join(WWW, `${f}.br`), br);
    sizes.push({ file: f, bytes: body.length, brotli: br.length });
  }
  // `start`: what index.html loads (the entry) and preloads (the shared chunks)
  writeFileSync(
    path.join(OUT, 'files.json'),
    `${JSON.stringify({ generatedBy: 'scripts/bundle-page.mjs', start, files }, null, 2)}\n`,
  );
  return { sizes, start };
}

function report({ sizes, start }, metafile) {
  let startBytes = 0;
  let startBr = 0;
  for (const s of sizes) {
    if (!start.includes(s.file)) continue;
    startBytes += s.bytes;
    startBr += s.brotli;
  }
  const inputs = Object.keys(metafile.inputs).length;
  console.log(
    `www/dist: ${sizes.length} files from ${inputs} modules; at start ${start.join(' + ')}: ${startBytes} bytes, ${startBr} brotli`,
  );
}

const watch = process.argv.includes('--watch');
// a fresh folder, so no chunk of an earlier build lingers (files.json lists only this one's)
rmSync(OUT, { recursive: true, force: true });
if (watch) {
  const ctx = await esbuild.context({
    ...options,
    plugins: [
      ...options.plugins,
      {
        name: 'twinning-atlas-finish',
        setup(build) {
          build.onEnd((result) => {
            if (result.errors.length || !result.metafile) return;
            // chunks of earlier rebuilds: remove what this build did not write
            const keep = new Set(Object.keys(result.metafile.outputs).map((f) => path.resolve(ROOT, f)));
            for (const name of readdirSync(OUT)) {
              const file = path.join(OUT, name);
              if (!keep.has(file) && !keep.has(file.replace(/\.br$/, ''))) rmSync(file, { force: true });
            }
            report(finish(result.metafile), result.metafile);
          });
        },
      },
    ],
  });
  await ctx.watch();
  console.log('bundle-page: watching www/ (Ctrl-C to stop)');
} else {
  const result = await esbuild.build(options);
  report(finish(result.metafile), result.metafile);
}
