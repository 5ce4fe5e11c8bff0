// Benchmark for issue 5 (not a timed test): on the Hekman network (../shared/data,
// ~26,000 pairs), classify every link (target ≤ 100 ms) and find shortest chains between
// random places (target p95 ≤ 1 ms). Also times the other network and statistics calls.
// Run after `bash scripts/build.sh`:  node benches/classify.mjs   (PKG=dir to use another build)
//
// The network is loaded with `atlas.import` when the importer can read the file; otherwise
// the bench builds our JSON format (twinning-atlas/1) from the CSV itself and uses
// `Atlas.fromJson` — the same size and shape either way.
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = fileURLToPath(new URL('../', import.meta.url));
const pkg = resolve(process.env.PKG ?? join(root, 'pkg'));
const csvPath = join(root, '../shared/data/hekman_twin_cities_geocoded.csv');
if (!existsSync(join(pkg, 'node.js'))) {
  console.error(`${pkg}/node.js is missing: run bash scripts/build.sh`);
  process.exit(1);
}
if (!existsSync(csvPath)) {
  console.log(`skipping: ${csvPath} is absent`);
  process.exit(0);
}
const { Atlas } = await import(pathToFileURL(join(pkg, 'node.js')).href);
const text = readFileSync(csvPath, 'utf8');

// ---- loading ----
function loadByImport() {
  const atlas = Atlas.fromJson(JSON.stringify({ format: 'twinning-atlas/1' }));
  if (typeof atlas.import !== 'function') throw new Error('no importer in this build');
  const report = atlas.import(text, { mode: 'replace', sourceName: 'Hekman twin cities' });
  const stats = atlas.stats();
  if (stats.links < 20000) throw new Error(`the importer accepted only ${stats.links} links`);
  return { atlas, how: 'atlas.import', report };
}

function fold(s) {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function countryTable() {
  const map = new Map();
  const add = (name, code) => {
    const k = fold(name);
    if (k && !map.has(k)) map.set(k, code);
  };
  for (const line of readFileSync(join(root, 'data/country-aliases.tsv'), 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [code, name, others = ''] = line.split('\t');
    add(name, code);
    others.split('|').forEach((o) => add(o, code));
  }
  for (const line of readFileSync(join(root, 'data/countries.tsv'), 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [code, , name, others = ''] = line.split('\t');
    add(code, code);
    add(name, code);
    others.split('|').forEach((o) => add(o, code));
  }
  return map;
}

function parseCsv(s) {
  const rows = [];
  let row = [],
    field = '',
    quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function loadBySynthesis() {
  const countries = countryTable();
  const code = (name) => {
    for (const part of [name, name.split(',').pop(), name.replace(/\(.*\)/, '')]) {
      const c = countries.get(fold(part));
      if (c) return c;
    }
    return null;
  };
  const slug = (s) =>
    fold(s)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'x';
  const places = new Map();
  const links = new Map();
  let skipped = 0;
  const place = (city, country, lat, lon) => {
    const cc = code(country);
    const la = Number(lat),
      lo = Number(lon);
    if (!cc || !city || !Number.isFinite(la) || !Number.isFinite(lo) || Math.abs(la) > 90 || Math.abs(lo) > 180)
      return null;
    const id = `${slug(city)}-${cc.toLowerCase()}`;
    if (!places.has(id))
      places.set(id, { id, name: city, level: 'city', country: cc, lat: la, lon: lo, sources: ['hekman'] });
    return id;
  };
  for (const [c1, k1, la1, lo1, c2, k2, la2, lo2] of parseCsv(text).slice(1)) {
    const a = place(c1, k1 ?? '', la1, lo1),
      b = place(c2, k2 ?? '', la2, lo2);
    if (!a || !b || a === b) {
      skipped++;
      continue;
    }
    const id = a < b ? `${a}~${b}` : `${b}~${a}`;
    if (!links.has(id)) links.set(id, { a, b, form: 'twinning', sources: ['hekman'] });
  }
  const doc = {
    format: 'twinning-atlas/1',
    sources: [{ id: 'hekman', title: 'Hekman, Twin Cities (Wikipedia lists), MIT / CC BY-SA' }],
    places: [...places.values()],
    links: [...links.values()],
  };
  return {
    atlas: Atlas.fromJson(JSON.stringify(doc)),
    how: `Atlas.fromJson (built in the bench; ${skipped} rows skipped)`,
  };
}

let loaded;
const t0 = performance.now();
try {
  loaded = loadByImport();
} catch (e) {
  console.log(`import not usable here (${e.message}); building the JSON document in the bench`);
  loaded = loadBySynthesis();
}
const loadMs = performance.now() - t0;
const { atlas, how } = loaded;
const stats = atlas.stats();
console.log(`loaded with ${how}: ${stats.places} places, ${stats.links} links in ${loadMs.toFixed(0)} ms`);

// ---- helpers ----
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const pct = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
function time(fn, runs = 7) {
  fn(); // warm-up
  const ts = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  return median(ts);
}
let seed = 12345;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

// ---- classify every link ----
const counts = atlas.classifyAll();
const allMs = time(() => atlas.classifyAll());
const allDetailMs = time(() => atlas.classifyAll({ detail: true }));
console.log(`classifyAll (counts): median ${allMs.toFixed(1)} ms for ${counts.links} links  [target ≤ 100 ms]`);
console.log(`classifyAll (one row per link): median ${allDetailMs.toFixed(1)} ms`);
console.log(`  kinds: ${counts.byKind.map((c) => `${c.key} ${c.count}`).join(', ')}`);
console.log(`  twin cities in the paper's sense: ${counts.twinCities.length} (no dates, no pair facts in this file)`);

// one call per link through the JS API, full evidence (what a page does for one pair)
const dump = JSON.parse(atlas.exportJson());
const sample = dump.links.slice(0, 2000);
const tOne = performance.now();
for (const l of sample) atlas.classify(l.a, l.b);
const perCall = (performance.now() - tOne) / sample.length;
console.log(
  `classify(a, b) one pair with full evidence: ${(perCall * 1000).toFixed(0)} µs per call (mean of ${sample.length})`,
);

// ---- shortest chains ----
const ids = dump.places.map((p) => p.id);
const chainTimes = [];
let found = 0,
  hops = 0;
for (let i = 0; i < 50; i++) atlas.chain(ids[Math.floor(rand() * ids.length)], ids[Math.floor(rand() * ids.length)]);
for (let i = 0; i < 1000; i++) {
  const a = ids[Math.floor(rand() * ids.length)],
    b = ids[Math.floor(rand() * ids.length)];
  const t = performance.now();
  const c = atlas.chain(a, b);
  chainTimes.push(performance.now() - t);
  if (c.found) {
    found++;
    hops += c.hops;
  }
}
console.log(
  `chain(a, b) over 1000 random pairs: p50 ${pct(chainTimes, 0.5).toFixed(3)} ms, p95 ${pct(chainTimes, 0.95).toFixed(3)} ms, max ${Math.max(...chainTimes).toFixed(2)} ms  [target p95 ≤ 1 ms]; ${found} found, mean ${(hops / Math.max(found, 1)).toFixed(1)} hops`,
);

// ---- the rest ----
const most = atlas.mostConnected({ limit: 5 });
const hub = most.places[0]?.place.id;
console.log(
  `mostConnected: ${time(() => atlas.mostConnected({ limit: 20 })).toFixed(1)} ms — ${most.saintPetersburg.statement}`,
);
if (hub) console.log(`partnersOfPartners(${hub}): ${time(() => atlas.partnersOfPartners(hub)).toFixed(1)} ms`);
const comps = atlas.components();
console.log(
  `components: ${time(() => atlas.components()).toFixed(1)} ms — ${comps.count} components, largest ${comps.largest}, ${comps.isolated} places without agreement`,
);
const st = atlas.statistics();
console.log(`statistics: ${time(() => atlas.statistics(), 3).toFixed(1)} ms — ${st.distanceInfluence.statement}`);
