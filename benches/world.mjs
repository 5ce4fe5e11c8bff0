// The world network in Node, in one command: its size, the time to load it until every index
// is ready, and the wasm memory it takes, beside the curated data alone for reference.
//
//   node benches/world.mjs             # 7 fresh processes per case (10-40 s)
//   node benches/world.mjs --runs 15   # more processes, steadier medians
//   node benches/world.mjs --quick     # 3 processes per case
//
// Each load runs in its own fresh child process (nothing carries over: no JIT warmth, no
// grown wasm memory, no page cache in V8), the cases interleaved so that a burst of load on
// the (shared) machine hits both. In a child: `import('pkg/node.js')` (compiles the wasm),
// then `Atlas.withWorldData()` (read + gunzip + curated data + `loadWorldBytes` = parse, merge,
// rebuild every index), timed as a whole and step by step, then the wasm linear memory
// (`initSync(...).memory.buffer.byteLength`, which returns the live instance's exports once
// initialised) and a first search to check the indexes answer. Needs `bash scripts/build.sh`.
// Results: a table on stdout, JSON in target/bench/world.json.
//
// Targets (issue 9, "Size and speed"): world ready <= 400 ms (median), wasm memory <= 80 MB.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync, brotliCompressSync, constants as zc } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PKG = path.join(ROOT, 'pkg');
const TARGET_LOAD_MS = 400;
const TARGET_MEMORY_MB = 80;
const MB = (b) => b / 1048576;

// ---------------------------------------------------------------- child: one load, one process
if (process.argv[2] === '--child') {
  const kind = process.argv[3];
  const t0 = performance.now();
  const m = await import(pathToFileURL(path.join(PKG, 'node.js')).href);
  const tImport = performance.now() - t0;
  const { initSync } = await import(pathToFileURL(path.join(PKG, 'twinning_atlas.js')).href);
  const wasmBytes = () => initSync({ module: new Uint8Array(0) }).memory.buffer.byteLength;
  const memBefore = wasmBytes();
  const out = { kind, importMs: tImport, wasmBeforeMB: MB(memBefore) };
  let atlas;
  const c0 = process.cpuUsage();
  const a = performance.now();
  if (kind === 'world') atlas = m.Atlas.withWorldData();
  else atlas = m.Atlas.withDefaultData();
  out.loadMs = performance.now() - a;
  const c = process.cpuUsage(c0);
  out.loadCpuMs = (c.user + c.system) / 1000;
  out.wasmMB = MB(wasmBytes());
  const mu = process.memoryUsage();
  out.rssMB = MB(mu.rss);
  out.externalMB = MB(mu.external);
  // the same load step by step (in this already warm process: indicative of where time goes)
  if (kind === 'world') {
    atlas.free();
    let t = performance.now();
    const gz = readFileSync(path.join(PKG, 'world.json.gz'));
    const bytes = gunzipSync(gz);
    out.stepGunzipMs = performance.now() - t;
    t = performance.now();
    atlas = m.Atlas.withDefaultData();
    out.stepDefaultMs = performance.now() - t;
    t = performance.now();
    atlas.loadWorldBytes(bytes);
    out.stepLoadWorldBytesMs = performance.now() - t;
    out.wasmAfterSecondMB = MB(wasmBytes());
  }
  let t = performance.now();
  const r = atlas.search({ text: 'stalingrad', limit: 10 });
  out.firstSearchMs = performance.now() - t;
  out.firstSearchTop = r.hits[0]?.place.id ?? null;
  t = performance.now();
  const r2 = atlas.search({ text: 'Kraków', limit: 10 });
  out.secondSearchMs = performance.now() - t;
  out.places = atlas.world()?.counts?.places ?? null;
  out.secondSearchTotal = r2.total;
  console.log(JSON.stringify(out));
  process.exit(0);
}

// ---------------------------------------------------------------- parent
const argv = process.argv.slice(2);
const flag = (n, d) => {
  const i = argv.indexOf('--' + n);
  return i === -1 ? d : argv[i + 1];
};
for (const a of argv) {
  if (a.startsWith('--') && !['--runs', '--quick', '--out'].includes(a)) {
    console.error(`unknown option ${a} (use --runs N, --quick, --out FILE)`);
    process.exit(2);
  }
}
const RUNS = argv.includes('--quick') ? 3 : Math.max(1, +flag('runs', 7));
const OUT = path.resolve(ROOT, flag('out', 'target/bench/world.json'));

for (const [file, why] of [
  [path.join(PKG, 'node.js'), 'pkg/ is not built'],
  [path.join(PKG, 'twinning_atlas_bg.wasm'), 'pkg/ is not built'],
  [path.join(PKG, 'world.json.gz'), 'pkg/world.json.gz is missing (the package ships it)'],
  [path.join(ROOT, 'data/world/world.json.gz'), 'data/world/world.json.gz is missing'],
]) {
  if (!existsSync(file)) {
    console.error(
      `world bench: ${why}: no ${path.relative(ROOT, file)}\nrun: bash scripts/setup.sh && bash scripts/build.sh`,
    );
    process.exit(1);
  }
}

const quantile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return null;
  // nearest rank
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const r1 = (x) => (x == null ? null : +x.toFixed(1));

// sizes
const gzFile = readFileSync(path.join(PKG, 'world.json.gz'));
const raw = gunzipSync(gzFile);
const doc = JSON.parse(raw.toString('utf8'));
const shippedSame = Buffer.compare(gzFile, readFileSync(path.join(ROOT, 'data/world/world.json.gz'))) === 0;
const wasmFile = readFileSync(path.join(PKG, 'twinning_atlas_bg.wasm'));
const sizes = {
  worldRawBytes: raw.length,
  worldGzipBytes: gzFile.length,
  worldGzip9Bytes: gzipSync(raw, { level: 9 }).length,
  worldBrotliBytes: brotliCompressSync(raw, {
    params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: raw.length },
  }).length,
  wasmBytes: wasmFile.length,
  wasmGzipBytes: gzipSync(wasmFile, { level: 9 }).length,
  format: doc.format ?? null,
  places: doc.places?.id?.length ?? null,
  links: doc.links
    ? Array.isArray(doc.links)
      ? doc.links.length
      : (Object.values(doc.links)[0]?.length ?? null)
    : null,
  pkgSameAsData: shippedSame,
};

function child(kind) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', kind], {
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  if (r.status !== 0) {
    console.error(`world bench: the ${kind} child failed (${r.status}):\n${r.stderr}`);
    process.exit(1);
  }
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const loadBefore = os.loadavg();
process.stderr.write(`world bench: ${RUNS} fresh processes per case `);
const runs = { world: [], default: [] };
child('world'); // one untimed run first: the files into the OS page cache
for (let i = 0; i < RUNS; i++) {
  for (const kind of i % 2 ? ['default', 'world'] : ['world', 'default']) runs[kind].push(child(kind));
  process.stderr.write('.');
}
process.stderr.write('\n');

const summary = (xs, key) => {
  const v = xs.map((x) => x[key]).filter((x) => x != null);
  return v.length
    ? { median: r1(median(v)), p90: r1(quantile(v, 0.9)), min: r1(Math.min(...v)), max: r1(Math.max(...v)) }
    : null;
};
const KEYS = [
  'importMs',
  'loadMs',
  'loadCpuMs',
  'stepGunzipMs',
  'stepDefaultMs',
  'stepLoadWorldBytesMs',
  'firstSearchMs',
  'secondSearchMs',
  'wasmBeforeMB',
  'wasmMB',
  'rssMB',
  'externalMB',
];
const stats = {};
for (const kind of ['world', 'default'])
  stats[kind] = Object.fromEntries(KEYS.map((k) => [k, summary(runs[kind], k)]).filter(([, v]) => v));

const w = stats.world;
const d = stats.default;
const checks = {
  loadMedianMs: w.loadMs.median,
  loadTargetMs: TARGET_LOAD_MS,
  loadMet: w.loadMs.median <= TARGET_LOAD_MS,
  loadP90Met: w.loadMs.p90 <= TARGET_LOAD_MS,
  wasmMB: w.wasmMB.max,
  memoryTargetMB: TARGET_MEMORY_MB,
  memoryMet: w.wasmMB.max <= TARGET_MEMORY_MB,
  loadRatioWorldOverDefault: +(w.loadMs.median / d.loadMs.median).toFixed(1),
  memoryRatioWorldOverDefault: +(w.wasmMB.median / d.wasmMB.median).toFixed(2),
  firstSearchTop: [...new Set(runs.world.map((r) => r.firstSearchTop))],
};

const fmtKB = (b) => `${(b / 1024).toFixed(0)} KB`;
console.log(`\nWorld network asset (${sizes.format}; ${sizes.places} places, ${sizes.links} links)`);
console.log(`  raw JSON              ${(sizes.worldRawBytes / 1048576).toFixed(2)} MB (${sizes.worldRawBytes} bytes)`);
console.log(
  `  gzip (as shipped)     ${fmtKB(sizes.worldGzipBytes)} (${(sizes.worldRawBytes / sizes.worldGzipBytes).toFixed(1)}x smaller)${shippedSame ? '' : '   ! pkg/world.json.gz differs from data/world/world.json.gz: rebuild'}`,
);
console.log(`  gzip -9 / brotli 11   ${fmtKB(sizes.worldGzip9Bytes)} / ${fmtKB(sizes.worldBrotliBytes)}`);
console.log(`  wasm module           ${fmtKB(sizes.wasmBytes)}, ${fmtKB(sizes.wasmGzipBytes)} gzipped`);
console.log(
  `\nLoads, ${RUNS} fresh Node processes each (${process.version}, ${os.cpus().length} cores; 1-min load average ${loadBefore[0].toFixed(1)} before, ${os.loadavg()[0].toFixed(1)} after)`,
);
const row = (label, a, b, unit) => {
  const f = (s) =>
    s ? `${String(s.median).padStart(7)} ${String(s.p90).padStart(7)}` : `${'-'.padStart(7)} ${'-'.padStart(7)}`;
  console.log(`  ${label.padEnd(44)} ${f(a)}   ${f(b)}  ${unit}`);
};
console.log(`  ${''.padEnd(44)} ${'withWorldData()'.padStart(15)}   ${'withDefaultData()'.padStart(15)}`);
console.log(
  `  ${''.padEnd(44)} ${'median'.padStart(7)} ${'p90'.padStart(7)}   ${'median'.padStart(7)} ${'p90'.padStart(7)}`,
);
row('import pkg/node.js (wasm compile)', w.importMs, d.importMs, 'ms');
row('load to every index ready', w.loadMs, d.loadMs, 'ms');
row('  process CPU time of that load', w.loadCpuMs, d.loadCpuMs, 'ms');
row('  again, warm: read + gunzip', w.stepGunzipMs, null, 'ms');
row('  again, warm: withDefaultData()', w.stepDefaultMs, null, 'ms');
row('  again, warm: loadWorldBytes', w.stepLoadWorldBytesMs, null, 'ms');
row('first search "stalingrad"', w.firstSearchMs, d.firstSearchMs, 'ms');
row('second search "Kraków"', w.secondSearchMs, d.secondSearchMs, 'ms');
row('wasm linear memory after the load', w.wasmMB, d.wasmMB, 'MB');
row('process RSS after the load', w.rssMB, d.rssMB, 'MB');
console.log(`  (CPU time: all the process's threads, V8's background compiles included; on a busy
   machine it is the work done while the wall-clock time also counts waiting for a core)`);
console.log(`  ("again, warm": the same steps timed once more in the same process after the first load,
   once V8 has compiled the hot wasm functions with its optimising tier: where the time goes)`);
console.log(
  `\n  world / curated alone: load ${checks.loadRatioWorldOverDefault}x, wasm memory ${checks.memoryRatioWorldOverDefault}x`,
);
console.log(
  `  target load <= ${TARGET_LOAD_MS} ms: median ${w.loadMs.median} ms, p90 ${w.loadMs.p90} ms -> ${checks.loadMet ? 'met' : 'NOT met'}${checks.loadMet && !checks.loadP90Met ? ' (p90 above)' : ''}`,
);
console.log(
  `  target wasm memory <= ${TARGET_MEMORY_MB} MB: ${w.wasmMB.max} MB -> ${checks.memoryMet ? 'met' : 'NOT met'}`,
);

mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(
  OUT,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      env: {
        node: process.version,
        cpu: os.cpus()[0]?.model,
        cores: os.cpus().length,
        loadavgBefore: loadBefore,
        loadavgAfter: os.loadavg(),
      },
      runs: RUNS,
      sizes,
      stats,
      checks,
      samples: runs,
    },
    null,
    1,
  ),
);
console.log(`\nwrote ${path.relative(ROOT, OUT)}`);
