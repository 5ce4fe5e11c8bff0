// @ts-check
// Fetches and decompresses the world network off the page's thread (lib/world.js asks), so
// the page only lays the bytes under its atlas. No wasm here: nothing to compile.
//
// Message in: `{ url }`. Out: `{ type: 'done', bytes: ArrayBuffer }` (transferred) or
// `{ type: 'error', code, message }`.

import { worldBytes } from './lib/world-bytes.js';

self.addEventListener('message', async (event) => {
  try {
    const bytes = await worldBytes(event.data.url);
    self.postMessage({ type: 'done', bytes: bytes.buffer }, { transfer: [bytes.buffer] });
  } catch (err) {
    self.postMessage({ type: 'error', code: err?.code ?? null, message: err?.message ?? String(err) });
  }
});
