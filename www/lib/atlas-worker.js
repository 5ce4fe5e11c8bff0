// @ts-check
// An atlas that lives off the page's thread: imports and long queries run in a module
// Worker (lib/import-job.js on the full wasm module), with progress and cancel; where no
// worker can start (a page on another origin, Node), the same job module runs here instead.
//
//   const w = await AtlasWorker.create({ spawn, load });          // the curated data
//   const report = await w.import(file, { onProgress, signal });  // File, Blob, text or bytes
//   const { hits } = await w.search({ text: 'köln', limit: 5 }, { signal });
//   const stats = await w.call('statistics', [{}], { signal });
//   w.terminate();
//
// `spawn()` returns a new Worker running the job module (or throws where none can start);
// `load()` resolves to the initialised module's Atlas class, for the fallback. The npm
// package's `twinning-atlas/worker` entry supplies both; the page passes its own.
//
// Cancel: aborting `signal` rejects the call with an AbortError at once; in a worker the
// worker is ended there and then (even in the middle of the core's parse), and the next call
// starts a new one on the data as it was before the cancelled import (`json`); on the page's
// thread a cancel stops between steps (reading, importing, packing). Either way the atlas the
// caller holds, and the worker's data, are as before the cancelled job.
//
// Not for: the page's own atlas (embed.js) or the DOM.

import { Job, abortError, plainError } from './import-job.js';

/**
 * What each job takes besides its own options: `onProgress({ phase, loaded?, total? })` and an
 * AbortSignal; `create` also `spawn`, `load` and `data`.
 * @typedef {{ onProgress?: (p: { phase: string, loaded?: number, total?: number }) => void, signal?: AbortSignal, [key: string]: any }} JobOptions
 */
/** @type {JobOptions} */
const NONE = {};

export class AtlasWorker {
  #spawn;
  #load;
  #worker = null;
  #job = null; // the fallback's job, when no worker can start
  #queue = Promise.resolve();
  #seq = 0;
  #data;
  #opened = false;
  #cancel = null; // ends the call in flight

  constructor({ spawn = null, load = null, data = null } = NONE) {
    if (typeof spawn !== 'function' && typeof load !== 'function')
      throw new TypeError('AtlasWorker needs spawn() or load()');
    this.#spawn = spawn;
    this.#load = load;
    this.#data = data;
    /** The timings of the last job, in ms per step. */
    this.timings = {};
  }

  /**
   * A worker holding the curated data, or `data` (a `twinning-atlas/1` JSON text). Resolves
   * once the atlas is loaded there; `onProgress` sees the loading.
   */
  static async create({ spawn = null, load = null, data = null, onProgress, signal } = NONE) {
    const w = new this({ spawn, load, data });
    await w.#enqueue({ op: 'open', data }, { onProgress, signal });
    w.#opened = true;
    return w;
  }

  /** True while the jobs run in a Worker (false: on this thread). */
  get offThread() {
    return this.#worker !== null;
  }

  /** The dataset held, as `twinning-atlas/1` JSON after an import (null: the curated data). */
  get json() {
    return this.#data;
  }

  /**
   * Import a file (File, Blob, string, ArrayBuffer or Uint8Array) into the worker's atlas:
   * `options` as `atlas.import` takes them, plus `onProgress({ phase, loaded?, total? })` and
   * `signal`. Resolves to the import report.
   */
  async import(input, { onProgress, signal, ...options } = NONE) {
    const { report, json } = await this.#enqueue({ op: 'import', input, options }, { onProgress, signal });
    this.#data = json;
    return report;
  }

  /**
   * `Atlas.previewTable(input, options)` in the worker: the first rows of a table and the
   * importer's guess of each column, for a mapping step.
   */
  preview(input, { onProgress, signal, ...options } = NONE) {
    return this.#enqueue({ op: 'preview', input, options }, { onProgress, signal });
  }

  /** `export({ format })` → the file's text, made in the worker. */
  export(options = {}, { onProgress, signal } = NONE) {
    return this.#enqueue({ op: 'export', options }, { onProgress, signal });
  }

  /**
   * Any query of the atlas by name with its arguments, e.g. `call('statistics', [{}])`;
   * `{ onProgress, signal }` as for import.
   */
  call(method, args = [], { onProgress, signal } = NONE) {
    return this.#enqueue({ op: 'call', method, args }, { onProgress, signal });
  }

  /** `atlas.search({ text, limit, … })` in the worker; `{ onProgress, signal }` as for import. */
  search(query, { onProgress, signal } = NONE) {
    return this.#enqueue({ op: 'call', method: 'search', args: [query] }, { onProgress, signal });
  }

  /** End the worker (or let the fallback's atlas go). Calls after this start a new one. */
  terminate() {
    this.#cancel?.(new Error('the worker was terminated'));
    this.#stop();
  }

  #stop() {
    this.#worker?.terminate();
    this.#worker = null;
    this.#job?.atlas?.free();
    this.#job = null;
    this.#opened = false;
  }

  #enqueue(msg, ctl) {
    const task = this.#queue.then(() => this.#run(msg, ctl));
    this.#queue = task.catch(() => {});
    return task;
  }

  async #run(msg, { onProgress, signal } = NONE) {
    if (signal?.aborted) throw abortError(signal);
    const progress = typeof onProgress === 'function' ? onProgress : () => {};
    // after a cancel or terminate(): a fresh worker on the data as it was
    if (!this.#opened && msg.op !== 'open') {
      await this.#dispatch({ op: 'open', data: this.#data }, () => {}, null);
      this.#opened = true;
    }
    const { value, timings } = await this.#dispatch(msg, progress, signal ?? null);
    this.timings = timings ?? {};
    return value;
  }

  #dispatch(msg, progress, signal) {
    if (!this.#worker && !this.#job) this.#start();
    if (this.#job) return this.#here(msg, progress, signal);
    const worker = this.#worker;
    const id = ++this.#seq;
    return new Promise((resolve, reject) => {
      const finish = () => {
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        signal?.removeEventListener('abort', onAbort);
        this.#cancel = null;
      };
      const onMessage = (e) => {
        const m = e.data;
        if (!m || m.id !== id) return;
        if (m.type === 'progress') {
          const { id: _id, type: _type, ...p } = m;
          progress(p);
          return;
        }
        finish();
        if (m.type === 'done') resolve({ value: m.value, timings: m.timings });
        else reject(Object.assign(new Error(m.message), { name: m.name, code: m.code }));
      };
      const onError = (e) => {
        finish();
        this.#stop();
        reject(new Error(e.message || 'the atlas worker failed to start'));
      };
      const onAbort = () => {
        finish();
        // the only way to stop the core mid-call: end the worker; the next call starts anew
        this.#stop();
        reject(abortError(signal));
      };
      this.#cancel = (err) => {
        finish();
        reject(err);
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.postMessage({ ...msg, id });
    });
  }

  #start() {
    if (typeof this.#spawn === 'function') {
      try {
        this.#worker = this.#spawn();
        if (this.#worker) return;
      } catch {
        // a page on another origin than the atlas, or no Worker here: run on this thread
      }
    }
    if (typeof this.#load !== 'function') throw new Error('no worker could start and no load() was given to run here');
    this.#job = new Job(null);
  }

  async #here(msg, progress, signal) {
    const job = this.#job;
    if (!job.Atlas) job.Atlas = await this.#load();
    if (signal?.aborted) throw abortError(signal);
    try {
      return await job.run(msg, progress, signal);
    } catch (err) {
      if (err?.name === 'AbortError') throw err;
      throw Object.assign(new Error(err?.message ?? String(err)), plainError(err));
    }
  }
}
