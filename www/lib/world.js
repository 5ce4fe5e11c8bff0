// @ts-check
// The world network in the page: fetched and decompressed off the page's thread (world-worker.js),
// then laid under the atlas a shell shows (`atlas.loadWorldBytes`), once per
// atlas, as soon as the page is idle or a view needs a place only the world knows. Every shell
// showing that atlas is drawn again when it arrives. The service worker keeps the asset, so
// this works offline after a first visit.
//
// Not for: building the asset (scripts/world/) or merging it (the core's world.rs).

import { scriptUrl } from './trusted.js';

/** Per atlas: `{ state: 'loading' | 'ready' | 'failed', promise, info, error }`. */
const loads = new WeakMap();
/** Per base href: the shared worker-free fallback's in-flight bytes. */
const bytesByBase = new Map();

/** The world state of an atlas: 'none' (not asked yet), 'loading', 'ready' or 'failed'. */
export function worldState(atlas) {
  if (!atlas) return 'none';
  const l = loads.get(atlas);
  if (l) return l.state;
  try {
    return atlas.world() ? 'ready' : 'none';
  } catch {
    return 'none';
  }
}

/** Fetch the asset's bytes (decompressed) in a worker; without workers, here. */
function fetchBytes(base) {
  const key = base.href;
  if (bytesByBase.has(key)) return bytesByBase.get(key);
  const url = new URL('pkg/world.json.gz', base).href;
  const p = (typeof Worker === 'function' ? inWorker(base, url) : here(url)).finally(() => {
    // the bytes are transferred to the module once used: fetch again for another atlas
    bytesByBase.delete(key);
  });
  bytesByBase.set(key, p);
  return p;
}

function inWorker(base, url) {
  return new Promise((resolve, reject) => {
    let worker;
    try {
      worker = new Worker(scriptUrl(new URL('world-worker.js', base)), {
        type: 'module',
        name: 'twinning-atlas-world',
      });
    } catch (_err) {
      here(url).then(resolve, reject);
      return;
    }
    worker.addEventListener('message', (e) => {
      const m = e.data;
      if (m.type === 'done') {
        worker.terminate();
        resolve(new Uint8Array(m.bytes));
      } else if (m.type === 'error') {
        worker.terminate();
        reject(Object.assign(new Error(m.message), { code: m.code, name: 'TwinningAtlasError' }));
      }
    });
    worker.addEventListener('error', (e) => {
      worker.terminate();
      // a worker that cannot start (CSP, old browser): do it here instead
      e.preventDefault?.();
      here(url).then(resolve, reject);
    });
    worker.postMessage({ url });
  });
}

async function here(url) {
  const { worldBytes } = await import('./world-bytes.js');
  return worldBytes(url);
}

/**
 * Lay the world network under `atlas` (once per atlas); resolves to the world info. `onReady`
 * runs after it is laid (the shell draws its view again).
 */
export function ensureWorld(atlas, base) {
  let l = loads.get(atlas);
  if (l) return l.promise;
  try {
    const info = atlas.world();
    if (info) {
      l = { state: 'ready', info, promise: Promise.resolve(info) };
      loads.set(atlas, l);
      return l.promise;
    }
  } catch {
    // a freed atlas: treat as not loaded
  }
  l = { state: 'loading', info: null, error: null, promise: null };
  loads.set(atlas, l);
  l.promise = fetchBytes(base).then(
    (bytes) => {
      const info = atlas.loadWorldBytes(bytes);
      l.state = 'ready';
      l.info = info;
      return info;
    },
    (err) => {
      l.state = 'failed';
      l.error = err;
      throw err;
    },
  );
  l.promise.catch((err) => {
    console.warn('Twinning Atlas: the world network could not be loaded:', err?.message ?? err);
  });
  return l.promise;
}

/** Run `fn` when the page is idle (or soon, where there is no idle callback). */
export function whenIdle(fn) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => fn(), { timeout: 1500 });
  else setTimeout(fn, 200);
}
