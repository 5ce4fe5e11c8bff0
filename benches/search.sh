#!/usr/bin/env bash
# The search benchmark in one command: builds the package (scripts/build.sh), then runs our
# wasm module (benches/twinning-atlas.mjs) and the JS libraries people would otherwise pick
# IN ONE INVOCATION of the ../shared/perf-anchors harness, on its 30,000-place corpus and
# labelled queries, prints the report table and the gzipped wasm size the search adds.
#
#   bash benches/search.sh            # everything (~20 min; Fuse.js alone takes ~12)
#   bash benches/search.sh --quick    # without Fuse.js, lunr and Orama (~5 min)
#   bash benches/search.sh --no-build # reuse pkg/ as it is
#
# The harness folder is shared and read-only, so it is copied to target/perf-anchors (never
# committed) and its npm dependencies installed there. Results: target/bench/results.json.
# Don't run anything else CPU-heavy meanwhile: the machine is shared and the runs are noisy.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
quick=0
build=1
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    --no-build) build=0 ;;
    *) echo "unknown option $arg (use --quick, --no-build)" >&2; exit 2 ;;
  esac
done

src=${PERF_ANCHORS:-$root/../shared/perf-anchors}
if [ ! -f "$src/bench/run-all.mjs" ]; then
  echo "no harness at $src (set PERF_ANCHORS)" >&2
  exit 1
fi
# always a copy (even root may not write to the shared folder): the code and data, not its
# node_modules or old results; our node_modules stay between runs
harness=$root/target/perf-anchors
mkdir -p "$harness"
(cd "$src" && tar --exclude=./node_modules --exclude=./results -cf - .) | (cd "$harness" && tar -xf -)
chmod -R u+w "$harness"
if [ ! -d "$harness/node_modules/flexsearch" ]; then
  (cd "$harness" && npm ci --no-audit --no-fund)
fi

if [ "$build" = 1 ]; then
  bash scripts/build.sh
fi

contestants="$root/benches/twinning-atlas.mjs,flexsearch,minisearch-popboost,ufuzzy,naive-fuzzy-scan,naive-scan"
if [ "$quick" = 0 ]; then
  contestants="$contestants,fuse,orama,lunr"
fi
out=$root/target/bench/results.json
mkdir -p "$(dirname "$out")"
rm -f "$out"
echo "== node bench/run-all.mjs --only $contestants --out $out   (in $harness)"
(cd "$harness" && node bench/run-all.mjs --only "$contestants" --out "$out")
echo
(cd "$harness" && node bench/report-table.mjs "$out")

echo
echo "== wasm size"
node - "$root" <<'JS'
// Total wasm size, and the share of it that is search code: the bodies of the functions of
// src/search/, src/text.rs and src/wasm/search.rs in the cargo output (before wasm-opt; with
// LTO some of it is inlined elsewhere, so this is an estimate), gzipped together.
const fs = require('fs');
const zlib = require('zlib');
const root = process.argv[2];
const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
const pkg = fs.readFileSync(`${root}/pkg/twinning_atlas_bg.wasm`);
console.log(`pkg/twinning_atlas_bg.wasm: ${(pkg.length / 1024).toFixed(1)} KB, ${(gz(pkg) / 1024).toFixed(1)} KB gzipped`);
const raw = fs.readFileSync(`${root}/target/wasm32-unknown-unknown/release/twinning_atlas.wasm`);
let p = 8;
const leb = () => { let r = 0, s = 0, b; do { b = raw[p++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80); return r >>> 0; };
let imported = 0; const bodies = []; const names = new Map();
while (p < raw.length) {
  const id = raw[p++]; const size = leb(); const end = p + size;
  if (id === 2) { // imports: count the functions
    const n = leb();
    for (let i = 0; i < n; i++) {
      const ml = leb(); p += ml; const fl = leb(); p += fl; const kind = raw[p++];
      if (kind === 0) { leb(); imported++; } else if (kind === 1) { p++; const f = leb(); leb(); if (f & 1) leb(); }
      else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); } else if (kind === 3) { p += 2; } else { p += 2; }
    }
  } else if (id === 10) {
    const n = leb();
    for (let i = 0; i < n; i++) { const s = leb(); bodies.push([p, s]); p += s; }
  } else if (id === 0) {
    const nl = leb(); const name = raw.slice(p, p + nl).toString(); p += nl;
    if (name === 'name') {
      while (p < end) {
        const sub = raw[p++]; const ss = leb(); const se = p + ss;
        if (sub === 1) { const n = leb(); for (let i = 0; i < n; i++) { const idx = leb(); const l = leb(); names.set(idx, raw.slice(p, p + l).toString()); p += l; } }
        p = se;
      }
    }
  }
  p = end;
}
const ours = /twinning_atlas(::|\.\.)(search|text)(::|\.\.)|twinning_atlas(::|\.\.)wasm(::|\.\.)search|atlas_fromColumns|atlas_searchIds|atlas_search\b/;
const parts = [];
bodies.forEach(([at, size], i) => { const n = names.get(i + imported) ?? ''; if (ours.test(n)) parts.push(raw.slice(at, at + size)); });
if (names.size === 0) { console.log('(no name section in the cargo output: cannot attribute code to the search)'); process.exit(0); }
const buf = Buffer.concat(parts);
console.log(`search code (src/search/, src/text.rs, src/wasm/search.rs; ${parts.length} functions): ${(buf.length / 1024).toFixed(1)} KB, about ${(gz(buf) / 1024).toFixed(1)} KB gzipped`);
JS
