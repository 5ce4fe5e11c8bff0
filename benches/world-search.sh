#!/usr/bin/env bash
# The search benchmark on the WORLD network, in one command: the same side-by-side run as
# benches/search.sh (our wasm module through benches/twinning-atlas.mjs against FlexSearch and
# MiniSearch in ONE invocation of the ../shared/perf-anchors harness), but on a corpus made
# from data/world/world.json.gz (~22,500 places and their other-language names) with labelled
# queries of the harness's kinds drawn from it by benches/world-corpus.mjs (fixed seed).
#
#   bash benches/world-search.sh            # 3 build runs + a 60 s latency budget each (~3 min)
#   bash benches/world-search.sh --quick    # 1 build run + a 15 s budget each (~1 min)
#   bash benches/world-search.sh --more     # also uFuzzy and the naive fuzzy scan (a few min more)
#   bash benches/world-search.sh --no-build # don't run scripts/build.sh first (reuse pkg/)
#
# The harness folder is shared and read-only, so it is copied to target/perf-anchors-world
# (never committed; its own node_modules installed there, or shared with target/perf-anchors
# when benches/search.sh already installed them), and the world corpus and queries are written
# there as data/corpus.json and data/queries.json. Results: target/bench/world-search.json.
# Don't run anything else CPU-heavy meanwhile: the machine is shared and the runs are noisy.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
quick=0
more=0
build=1
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    --more) more=1 ;;
    --no-build) build=0 ;;
    *) echo "unknown option $arg (use --quick, --more, --no-build)" >&2; exit 2 ;;
  esac
done

src=${PERF_ANCHORS:-$root/../shared/perf-anchors}
if [ ! -f "$src/bench/run-all.mjs" ] || [ ! -f "$src/lib/fold.mjs" ] || [ ! -f "$src/lib/prng.mjs" ]; then
  echo "world-search: no perf-anchors harness at $src (set PERF_ANCHORS to its folder)" >&2
  exit 1
fi
if [ ! -f data/world/world.json.gz ]; then
  echo "world-search: no data/world/world.json.gz (the world network asset) in $root" >&2
  exit 1
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "world-search: node and npm are needed (bash scripts/setup.sh)" >&2
  exit 1
fi

if [ "$build" = 0 ] && { [ ! -f pkg/twinning_atlas.js ] || [ ! -f pkg/twinning_atlas_bg.wasm ]; }; then
  echo "world-search: pkg/ is not built (bash scripts/build.sh, or drop --no-build)" >&2
  exit 1
fi

harness=$root/target/perf-anchors-world
mkdir -p "$harness"
# the code and data, not its node_modules or old results; our node_modules stay between runs
(cd "$src" && tar --exclude=./node_modules --exclude=./results -cf - .) | (cd "$harness" && tar -xf -)
chmod -R u+w "$harness"
if [ ! -d "$harness/node_modules/flexsearch" ] || [ ! -d "$harness/node_modules/minisearch" ]; then
  if [ -d "$root/target/perf-anchors/node_modules/flexsearch" ] && [ -d "$root/target/perf-anchors/node_modules/minisearch" ] \
     && cmp -s "$src/package-lock.json" "$root/target/perf-anchors/package-lock.json"; then
    # benches/search.sh installed the same lock file already: copy, no network
    rm -rf "$harness/node_modules"
    cp -r "$root/target/perf-anchors/node_modules" "$harness/node_modules"
  else
    (cd "$harness" && npm ci --no-audit --no-fund)
  fi
fi

if [ "$build" = 1 ]; then
  bash scripts/build.sh
fi
if [ ! -f pkg/twinning_atlas.js ] || [ ! -f pkg/twinning_atlas_bg.wasm ]; then
  echo "world-search: pkg/ is not built (bash scripts/build.sh)" >&2
  exit 1
fi

echo "== node benches/world-corpus.mjs   (data/world/world.json.gz -> $harness/data)"
node benches/world-corpus.mjs --harness "$harness" --out "$harness/data"

contestants="$root/benches/twinning-atlas.mjs,flexsearch,minisearch-popboost"
if [ "$more" = 1 ]; then
  contestants="$contestants,ufuzzy,naive-fuzzy-scan"
fi
opts=()
if [ "$quick" = 1 ]; then
  opts=(--build-runs 1 --budget-s 15)
fi
out=$root/target/bench/world-search.json
mkdir -p "$(dirname "$out")"
rm -f "$out"
echo "== node bench/run-all.mjs --only $contestants ${opts[*]} --out $out   (in $harness)"
(cd "$harness" && node bench/run-all.mjs --only "$contestants" "${opts[@]}" --out "$out")
echo
(cd "$harness" && node bench/report-table.mjs "$out")

echo
echo "== our p95 beside FlexSearch's (same run)"
node - "$out" <<'JS'
const r = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8')).results;
const ours = r['twinning-atlas.mjs'];
const flex = r['flexsearch.mjs'];
if (!ours || !flex) { console.log('(one of the two did not run)'); process.exit(0); }
const f = (x) => x.toFixed(3);
for (const [name, e] of Object.entries(r)) {
  const l = e.latencyMs.all;
  console.log(`${e.name.padEnd(30)} median ${f(l.median)} ms  p95 ${f(l.p95)} ms  p99 ${f(l.p99)} ms  macro R@1 ${e.quality.macroR1}  R@5 ${e.quality.macroR5}  build ${e.buildMsMedian} ms  ${e.retainedMBMedian} MB`);
}
const a = ours.latencyMs.all.p95, b = flex.latencyMs.all.p95;
console.log(`p95 ours / FlexSearch: ${(a / b).toFixed(2)} -> target (ours below FlexSearch's) ${a < b ? 'met' : 'NOT met'}`);
JS
