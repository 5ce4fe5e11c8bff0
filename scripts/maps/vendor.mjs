// Builds what the pictures load from packages into www/pkg/ or pkg/ (generated, never edited):
// maps-vendor.js, an ES module bundle of d3-geo, topojson-client and d3-force made with
// esbuild, and countries-110m.json, Natural Earth's 1:110m countries as TopoJSON from the
// world-atlas package. Prints each size raw and gzipped. Run by scripts/build.sh.
//
// Not for: the page's own map code (www/maps/).

import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// `--out DIR` (relative to the repository): where to write (default www/pkg); build.sh writes
// into pkg/ so the package's embed has them too, and www/pkg gets them with the copy
const outArg = process.argv.indexOf('--out');
const OUT = path.join(ROOT, outArg > 0 ? process.argv[outArg + 1] : path.join('www', 'pkg'));
mkdirSync(OUT, { recursive: true });

await build({
  entryPoints: [path.join(ROOT, 'scripts', 'maps', 'vendor-entry.js')],
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2020',
  legalComments: 'inline',
  outfile: path.join(OUT, 'maps-vendor.js'),
  logLevel: 'warning',
});
copyFileSync(
  path.join(ROOT, 'node_modules', 'world-atlas', 'countries-110m.json'),
  path.join(OUT, 'countries-110m.json'),
);

for (const f of ['maps-vendor.js', 'countries-110m.json']) {
  const bytes = readFileSync(path.join(OUT, f));
  console.log(
    `${path.relative(ROOT, OUT)}/${f}: ${bytes.length} bytes, ${gzipSync(bytes, { level: 9 }).length} gzipped`,
  );
}
