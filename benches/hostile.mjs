// Time and memory of the largest hostile inputs (issue 8), each in a fresh Node process:
// wall time of the call, peak resident memory of the process and the size of the wasm
// memory afterwards, and whether the same Atlas still answers a search.
//
//   node benches/hostile.mjs [pkgDir]     (default: pkg/, built by scripts/build.sh)
//
// Not for: correctness (tests/js/hostile.test.mjs checks every input and its error code).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const pkg = resolve(process.argv[2] ?? 'pkg');
const glue = pathToFileURL(`${pkg}/twinning_atlas.js`).href;
const wasm = `${pkg}/twinning_atlas_bg.wasm`;

const cases = {
  'asOf with 4,400 "c." prefixes (9 KB)': `atlas.partners('coventry-gb', { asOf: 'c.'.repeat(4400) + '1990' })`,
  '6 MB CSV of rejected rows': `atlas.import('city1,city2\\n' + 'File:x.png,File:y.png\\n'.repeat(6e6 / 22), { format: 'csv' })`,
  '36 MB CSV of rejected rows': `atlas.import('city1,city2\\n' + 'File:x.png,File:y.png\\n'.repeat(36e6 / 22), { format: 'csv' })`,
  '200 MB string with maxBytes 1000': `atlas.import('x'.repeat(200e6), { maxBytes: 1000 })`,
  'CSV header of 120,000 columns': `atlas.import(Array.from({ length: 120000 }, (_, i) => 'c' + i).join(',') + '\\nx\\n', { format: 'csv' })`,
  'SPARQL head of 120,000 vars': `atlas.import(JSON.stringify({ head: { vars: Array.from({ length: 120000 }, (_, i) => 'v' + i) }, results: { bindings: [{}] } }), { format: 'sparql_json' })`,
  'detached ArrayBuffer': `(() => { const b = new ArrayBuffer(8); structuredClone(b, { transfer: [b] }); return atlas.import(b); })()`,
};

const script = (expr) => `
import { readFileSync } from 'node:fs';
const m = await import(${JSON.stringify(glue)});
const w = m.initSync({ module: readFileSync(${JSON.stringify(wasm)}) });
const atlas = m.Atlas.withDefaultData();
let outcome;
const t0 = performance.now();
try { ${expr}; outcome = 'accepted'; } catch (e) { outcome = (e.code ?? e.name) + ': ' + String(e.message).slice(0, 80); }
const ms = performance.now() - t0;
let after;
try { after = atlas.search({ text: 'Coventry' }).total > 0 ? 'search works' : 'search empty'; }
catch (e) { after = 'search fails: ' + String(e.message).slice(0, 60); }
console.log(JSON.stringify({ ms: Math.round(ms), wasmMB: Math.round(w.memory.buffer.byteLength / 1e6), outcome, after }));
`;

const only = process.argv[3];
for (const [name, expr] of Object.entries(cases)) {
  if (only && !name.includes(only)) continue;
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, '--input-type=module', '-e', script(expr)], {
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 1 << 20,
  });
  const peakMB = Math.round(Number(r.stderr.trim().split('\n').pop()) / 1024);
  let res;
  try {
    res = JSON.parse(r.stdout.trim().split('\n').pop());
  } catch {
    res = {
      outcome: r.error
        ? `killed: ${r.error.code}`
        : `process died: ${r.stderr.trim().split('\n').slice(-3, -1).join(' ').slice(0, 120)}`,
    };
  }
  console.log(
    `${name}\n  ${res.ms ?? '-'} ms, peak RSS ${peakMB} MB, wasm memory ${res.wasmMB ?? '-'} MB; ${res.outcome}; after: ${res.after ?? '-'}`,
  );
}
