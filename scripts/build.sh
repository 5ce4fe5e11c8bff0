#!/usr/bin/env bash
# Builds the npm package into pkg/ (wasm-bindgen --target web, wasm-opt -Oz, our own
# package.json, a Node entry point and typings) and copies it to www/pkg/ for the page.
# Prints the wasm size raw and gzipped.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --target wasm32-unknown-unknown
rm -rf pkg && mkdir -p pkg
wasm-bindgen target/wasm32-unknown-unknown/release/twinning_atlas.wasm \
  --out-dir pkg --target web --typescript
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  pkg/twinning_atlas_bg.wasm -o pkg/twinning_atlas_bg.opt.wasm
mv pkg/twinning_atlas_bg.opt.wasm pkg/twinning_atlas_bg.wasm
# the map bundle and countries go into pkg/ first: the package's embed (pkg/embed/) needs them
node scripts/maps/vendor.mjs --out pkg
node scripts/package.mjs
rm -rf www/pkg && cp -r pkg www/pkg && rm -rf www/pkg/embed
# the page's server sends this to browsers that take brotli (best quality: built once here)
node -e "const z=require('zlib'),fs=require('fs');const f='www/pkg/twinning_atlas_bg.wasm';fs.writeFileSync(f+'.br',z.brotliCompressSync(fs.readFileSync(f),{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}))"
raw=$(wc -c < pkg/twinning_atlas_bg.wasm)
gz=$(gzip -9 -c pkg/twinning_atlas_bg.wasm | wc -c)
br=$(wc -c < www/pkg/twinning_atlas_bg.wasm.br)
echo "pkg/twinning_atlas_bg.wasm: $raw bytes, $gz gzipped, $br brotli"
