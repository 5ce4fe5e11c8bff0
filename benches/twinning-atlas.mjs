// The Twinning Atlas wasm module as a contestant of ../shared/perf-anchors (see its README,
// "Add a contestant"). Run through `bash benches/search.sh`, or alone:
//   node --expose-gc bench/run-one.mjs /abs/path/to/benches/twinning-atlas.mjs   (from the harness)
// It loads the `--target web` package built by `bash scripts/build.sh` (pkg/, or the folder
// in TWINNING_ATLAS_PKG) with `initSync` when imported, the way an app loads a library; the
// build then hands the corpus over as columns (one newline-separated string of names plus
// typed arrays), which is what `build` times.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.resolve(process.env.TWINNING_ATLAS_PKG ?? path.join(here, '..', 'pkg'));
const wasmPath = path.join(pkg, 'twinning_atlas_bg.wasm');
const mod = await import(pathToFileURL(path.join(pkg, 'twinning_atlas.js')).href);
mod.initSync({ module: readFileSync(wasmPath) });
const version = JSON.parse(readFileSync(path.join(pkg, 'package.json'), 'utf8')).version;

export const meta = {
  name: 'Twinning Atlas (Rust→wasm)',
  version,
  config: 'Atlas.fromColumns(names joined by \\n, Uint32Array counts/populations); searchIds(q, k)',
  wasmFiles: [wasmPath],
  bundle: `import init, { Atlas } from '${path.join(pkg, 'twinning_atlas.js')}'; globalThis.x = [init, Atlas];`,
};

let atlas;
export function build(corpus) {
  const n = corpus.length;
  const names = new Array(n);
  const counts = new Uint32Array(n);
  const pops = new Uint32Array(n);
  const countries = new Array(n);
  const levels = new Array(n);
  for (let i = 0; i < n; i++) {
    const c = corpus[i];
    if (c.id !== i) throw new Error('corpus ids must be 0..n-1 in order');
    // names never hold a newline in this corpus; a real caller would replace them
    names[i] = c.aliases.length ? c.name + '\n' + c.aliases.join('\n') : c.name;
    counts[i] = 1 + c.aliases.length;
    pops[i] = Math.max(0, Math.min(c.pop, 0xffffffff)) >>> 0;
    countries[i] = c.country ?? '';
    levels[i] = c.type ?? '';
  }
  atlas?.free();
  atlas = mod.Atlas.fromColumns('', names.join('\n'), counts, pops, countries.join('\n'), levels.join('\n'));
  return atlas;
}

export function search(query, k = 10) {
  return Array.from(atlas.searchIds(query, k));
}
