#!/usr/bin/env bash
# Builds the npm package into pkg/ (wasm-bindgen --target web, wasm-opt -Oz, our own
# package.json, a Node entry point and typings) and copies it to www/pkg/ for the page.
#
# Two modules from the one crate: the package's (pkg/twinning_atlas_bg.wasm, everything) and
# the page's first module (www/pkg/twinning_atlas_bg.wasm, built without the default features
# `import` and `full`: only what the first views call — search, places, partners, links,
# groups, notes, the glossary). The page moves to the full module, which it keeps at
# www/pkg/full/, when idle (www/lib/store.js) and imports files on it in
# www/lib/import-job.js (docs/first-load.md).
# Prints the sizes raw, gzipped and brotli.
set -euo pipefail
cd "$(dirname "$0")/.."
opt() {
  node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$1" -o "$1.opt"
  mv "$1.opt" "$1"
}
# the page's first module (built first, so that target/…/twinning_atlas.wasm is the full one
# afterwards, as benches/search.sh expects)
cargo build --release --target wasm32-unknown-unknown --no-default-features
rm -rf target/page-pkg && mkdir -p target/page-pkg
wasm-bindgen target/wasm32-unknown-unknown/release/twinning_atlas.wasm \
  --out-dir target/page-pkg --target web --no-typescript
opt target/page-pkg/twinning_atlas_bg.wasm
# the package's module
cargo build --release --target wasm32-unknown-unknown
rm -rf pkg && mkdir -p pkg
wasm-bindgen target/wasm32-unknown-unknown/release/twinning_atlas.wasm \
  --out-dir pkg --target web --typescript
opt pkg/twinning_atlas_bg.wasm
# the map bundle and countries go into pkg/ first: the package's embed (pkg/embed/) needs them
node scripts/maps/vendor.mjs --out pkg
node scripts/package.mjs
rm -rf www/pkg && cp -r pkg www/pkg && rm -rf www/pkg/embed
mkdir -p www/pkg/full
mv www/pkg/twinning_atlas.js www/pkg/twinning_atlas_bg.wasm www/pkg/full/
cp target/page-pkg/twinning_atlas.js target/page-pkg/twinning_atlas_bg.wasm www/pkg/
# the package's worker entry binds to the package's module; the page has its own (lib/, worker.js)
rm www/pkg/worker.js www/pkg/worker-thread.js www/pkg/worker.d.ts www/pkg/atlas-worker.js www/pkg/import-job.js
# the page's server sends these to browsers that take brotli (best quality: built once here)
node -e "const z=require('zlib'),fs=require('fs');for(const f of process.argv.slice(1))fs.writeFileSync(f+'.br',z.brotliCompressSync(fs.readFileSync(f),{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}))" \
  www/pkg/twinning_atlas_bg.wasm www/pkg/full/twinning_atlas_bg.wasm
size() {
  raw=$(wc -c < "$1")
  gz=$(gzip -9 -c "$1" | wc -c)
  br=$(wc -c < "$2")
  echo "$3: $raw bytes, $gz gzipped, $br brotli"
}
size pkg/twinning_atlas_bg.wasm www/pkg/full/twinning_atlas_bg.wasm.br "pkg/twinning_atlas_bg.wasm (the package's module)"
size www/pkg/twinning_atlas_bg.wasm www/pkg/twinning_atlas_bg.wasm.br "www/pkg/twinning_atlas_bg.wasm (the page's first module)"
# the page's start graph as one script (www/dist/, which www/index.html loads; docs/first-load.md)
node scripts/bundle-page.mjs
