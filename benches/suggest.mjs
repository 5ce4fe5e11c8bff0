// Benchmark for issue 14 (not a timed test): find a partner in the wasm module, with the
// world network loaded. The first call trains the model (target: a few seconds); then
// suggestions for one place (target ≤ 20 ms), over 300 places picked at even steps through
// the atlas, and "why not X?" for a pair.
// Run after `bash scripts/build.sh`:  node benches/suggest.mjs   (PKG=dir to use another build)
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = fileURLToPath(new URL('../', import.meta.url));
const pkg = resolve(process.env.PKG ?? join(root, 'pkg'));
if (!existsSync(join(pkg, 'node.js'))) {
  console.error(`${pkg}/node.js is missing: run bash scripts/build.sh`);
  process.exit(1);
}
const { Atlas } = await import(pathToFileURL(join(pkg, 'node.js')).href);

let t = performance.now();
const atlas = Atlas.withWorldData();
const load = performance.now() - t;
t = performance.now();
const first = atlas.suggestPartners('coventry-gb');
const train = performance.now() - t;

const ids = JSON.parse(atlas.exportJson()).places.map((p) => p.id);
const step = Math.max(1, Math.floor(ids.length / 300));
const picked = ids.filter((_, i) => i % step === 0).slice(0, 300);
const times = [];
for (const id of picked) {
  const s = performance.now();
  atlas.suggestPartners(id, { limit: 10 });
  times.push(performance.now() - s);
}
const filtered = [];
for (const id of picked.slice(0, 100)) {
  const s = performance.now();
  atlas.suggestPartners(id, { limit: 10, maxDistanceKm: 1500, minPopulation: 20000 });
  filtered.push(performance.now() - s);
}
const why = [];
for (let i = 0; i + 1 < picked.length && why.length < 100; i += 2) {
  if (picked[i] === picked[i + 1]) continue;
  const s = performance.now();
  atlas.whyNot(picked[i], picked[i + 1]);
  why.push(performance.now() - s);
}
const q = (xs, p) => {
  const v = [...xs].sort((a, b) => a - b);
  return v[Math.min(v.length - 1, Math.floor(p * v.length))];
};
const ms = (x) => `${x.toFixed(2)} ms`;
console.log(
  `world loaded in ${ms(load)}; ${ids.length} places, model trained on ${first.model.trainedOn} set-aside links of ${first.model.links}`,
);
console.log(`first call (trains the model): ${ms(train)}  (target: a few seconds)`);
console.log(
  `suggestions for one place, ${times.length} places: median ${ms(q(times, 0.5))}, p95 ${ms(q(times, 0.95))}, max ${ms(Math.max(...times))}  (target ≤ 20 ms)`,
);
console.log(
  `with filters (≤ 1,500 km, ≥ 20,000 people), ${filtered.length} places: median ${ms(q(filtered, 0.5))}, p95 ${ms(q(filtered, 0.95))}`,
);
console.log(`why not X, ${why.length} pairs: median ${ms(q(why, 0.5))}, p95 ${ms(q(why, 0.95))}`);
