// The import and export worker: loads the same wasm package (beside this file, by
// import.meta.url), rebuilds the atlas the page shows (the curated data, or the JSON the page
// sends), and runs one import or export off the page's thread, posting progress and then the
// result. For an import the result is the report and the new dataset as JSON, which the page
// turns back into its own atlas (`Atlas.fromJson`): the page never freezes for the parse.
//
// Messages in: `{ type: 'import', base: string | null, input: File | string, options }`,
//              `{ type: 'export', base: string | null, format }`,
//              `{ type: 'preview', input: File | string, options }` (the mapping step's first rows).
// Messages out: `{ type: 'progress', phase, loaded?, total? }`,
//               `{ type: 'done', report?, json?, text?, preview?, timings }`, `{ type: 'error', code, message }`.

import init, { Atlas } from './pkg/twinning_atlas.js';

const ready = init({ module_or_path: new URL('./pkg/twinning_atlas_bg.wasm', import.meta.url) });

function progress(phase, extra = {}) {
  self.postMessage({ type: 'progress', phase, ...extra });
}

/** Read a File as bytes, reporting how much was read. */
async function readBytes(file) {
  if (typeof file === 'string') return file;
  const total = file.size;
  const out = new Uint8Array(total);
  let loaded = 0;
  const reader = file.stream().getReader();
  let last = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    out.set(value, loaded);
    loaded += value.length;
    const now = performance.now();
    if (now - last > 50 || loaded === total) {
      last = now;
      progress('reading', { loaded, total });
    }
  }
  return loaded === total ? out : out.subarray(0, loaded);
}

function baseAtlas(base) {
  return base ? Atlas.fromJson(base) : Atlas.withDefaultData();
}

self.addEventListener('message', async (event) => {
  const msg = event.data;
  const timings = {};
  let t = performance.now();
  const lap = (name) => {
    const now = performance.now();
    timings[name] = Math.round(now - t);
    t = now;
  };
  try {
    progress('starting');
    await ready;
    if (msg.type === 'import') {
      const input = await readBytes(msg.input);
      lap('read');
      progress('loading', {});
      const atlas = baseAtlas(msg.base);
      lap('base');
      progress('importing', { total: typeof input === 'string' ? input.length : input.length });
      const report = atlas.import(input, msg.options ?? {});
      lap('import');
      progress('packing', {});
      const json = atlas.exportJson();
      lap('export');
      atlas.free();
      self.postMessage({ type: 'done', report, json, timings });
    } else if (msg.type === 'preview') {
      const input = await readBytes(msg.input);
      lap('read');
      const preview = Atlas.previewTable(input, msg.options ?? {});
      lap('preview');
      self.postMessage({ type: 'done', preview, timings });
    } else if (msg.type === 'export') {
      progress('loading', {});
      const atlas = baseAtlas(msg.base);
      lap('base');
      progress('exporting', {});
      const text = atlas.export({ format: msg.format });
      lap('export');
      atlas.free();
      self.postMessage({ type: 'done', text, timings });
    } else {
      throw new Error(`unknown message ${msg.type}`);
    }
  } catch (err) {
    self.postMessage({ type: 'error', code: err?.code ?? null, message: err?.message ?? String(err) });
  }
});
