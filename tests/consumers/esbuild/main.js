// esbuild for the browser: esbuild does not follow `new URL(…, import.meta.url)`, so the
// wasm's URL comes from the file loader (--loader:.wasm=file) and is given to init.
import init, { Atlas } from 'twinning-atlas';
import wasmUrl from 'twinning-atlas/twinning_atlas_bg.wasm';

await init({ module_or_path: wasmUrl });
const atlas = Atlas.withDefaultData();
const name = atlas.search('stalingrad').hits[0].place.name;
document.getElementById('out').textContent = name;
document.title = `ok ${name}`;
