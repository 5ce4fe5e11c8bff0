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
#   bash benches/world-search.sh --repeat 3 # 3 invocations of the harness on the same corpus, and
#                                           # the median of each figure and of the p95 ratio
#
# The harness folder is shared and read-only, so it is copied to target/perf-anchors-world
# (never committed; its own node_modules installed there, or shared with target/perf-anchors
# when benches/search.sh already installed them), and the world corpus and queries are written
# there as data/corpus.json and data/queries.json. Results: target/bench/world-search.json
# (with --repeat N: world-search-1.json … world-search-N.json, the medians in world-search.json).
# Don't run anything else CPU-heavy meanwhile: the machine is shared and the runs are noisy.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
quick=0
more=0
build=1
repeat=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --more) more=1 ;;
    --no-build) build=0 ;;
    --repeat)
      repeat=${2:-}
      shift
      if ! [[ "$repeat" =~ ^[1-9][0-9]*$ ]]; then echo "--repeat takes a count (1, 2, …)" >&2; exit 2; fi
      ;;
    *) echo "unknown option $1 (use --quick, --more, --no-build, --repeat N)" >&2; exit 2 ;;
  esac
  shift
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
rm -f "$out" "$root"/target/bench/world-search-[0-9]*.json
files=()
for i in $(seq 1 "$repeat"); do
  one=$out
  [ "$repeat" -gt 1 ] && one=$root/target/bench/world-search-$i.json
  echo "== [$i/$repeat] node bench/run-all.mjs --only $contestants ${opts[*]} --out $one   (in $harness; uptime:$(uptime | sed 's/.*load average/ load average/'))"
  (cd "$harness" && node bench/run-all.mjs --only "$contestants" "${opts[@]}" --out "$one")
  files+=("$one")
done
echo
(cd "$harness" && node bench/report-table.mjs "${files[-1]}")

echo
if [ "$repeat" -gt 1 ]; then echo "== our p95 beside FlexSearch's (each run, then the medians over $repeat runs)"; else echo "== our p95 beside FlexSearch's (same run)"; fi
node - "$out" "${files[@]}" <<'JS'
const fs = require('fs');
const [out, ...files] = process.argv.slice(2);
const runs = files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const f = (x) => x.toFixed(3);
const line = (e) => {
  const l = e.latencyMs.all;
  return `${e.name.padEnd(30)} median ${f(l.median)} ms  p95 ${f(l.p95)} ms  p99 ${f(l.p99)} ms  macro R@1 ${e.quality.macroR1}  R@5 ${e.quality.macroR5}  build ${e.buildMsMedian} ms  ${e.retainedMBMedian} MB`;
};
const ratios = [];
runs.forEach((run, i) => {
  const r = run.results;
  if (runs.length > 1) console.log(`run ${i + 1}:`);
  for (const e of Object.values(r)) console.log(line(e));
  const ours = r['twinning-atlas.mjs'], flex = r['flexsearch.mjs'];
  if (ours && flex) {
    const q = ours.latencyMs.all.p95 / flex.latencyMs.all.p95;
    ratios.push(q);
    console.log(`p95 ours / FlexSearch: ${q.toFixed(2)}${runs.length > 1 ? '' : ` -> target (ours below FlexSearch's) ${q < 1 ? 'met' : 'NOT met'}`}`);
  } else console.log('(ours or FlexSearch did not run)');
});
if (runs.length > 1) {
  const names = Object.keys(runs[0].results);
  const summary = {};
  console.log(`\nmedians over ${runs.length} runs:`);
  for (const k of names) {
    const es = runs.map((r) => r.results[k]).filter(Boolean);
    const m = (get) => +median(es.map(get)).toFixed(4);
    summary[k] = {
      name: es[0].name, runs: es.length,
      queryMedianMs: m((e) => e.latencyMs.all.median), p95Ms: m((e) => e.latencyMs.all.p95), p99Ms: m((e) => e.latencyMs.all.p99),
      buildMs: m((e) => e.buildMsMedian), retainedMB: m((e) => e.retainedMBMedian), macroR1: m((e) => e.quality.macroR1), macroR5: m((e) => e.quality.macroR5),
    };
    const s = summary[k];
    console.log(`${s.name.padEnd(30)} median ${f(s.queryMedianMs)} ms  p95 ${f(s.p95Ms)} ms  p99 ${f(s.p99Ms)} ms  macro R@1 ${s.macroR1}  R@5 ${s.macroR5}  build ${s.buildMs} ms  ${s.retainedMB} MB`);
  }
  const q = median(ratios);
  console.log(`p95 ours / FlexSearch, each run: ${ratios.map((x) => x.toFixed(2)).join(', ')}; median ${q.toFixed(2)} -> target (ours below FlexSearch's) ${q < 1 ? 'met' : 'NOT met'} (${ratios.filter((x) => x < 1).length} of ${ratios.length} runs below)`);
  fs.writeFileSync(out, JSON.stringify({ runs: files, p95RatioOursOverFlexSearch: ratios, p95RatioMedian: q, medians: summary, last: runs[runs.length - 1] }, null, 1));
}
JS
