// @ts-check
// The import job: one atlas and the work done on it away from the page — reading a file with
// progress, importing it, exporting, and any long query — the same code wherever it runs:
// in the page's worker (worker.js), on the page's thread where no worker can start (through
// lib/atlas-worker.js), and in the npm package's worker entry (`twinning-atlas/worker`, where
// this file ships as import-job.js).
//
// `serve(scope, load)` answers messages in a worker; `Job` is the same work called directly.
// Messages in:  `{ id, op: 'open', data }` (data: a `twinning-atlas/1` JSON text, or null for
//               the curated data), `{ id, op: 'import', input, options }`,
//               `{ id, op: 'export', options }`, `{ id, op: 'call', method, args }`,
//               `{ id, op: 'preview', input, options }` (the mapping step's first rows).
// Messages out: `{ id, type: 'progress', phase, loaded?, total? }`,
//               `{ id, type: 'done', value, timings }`,
//               `{ id, type: 'error', name, code, message }`.
//
// Not for: the DOM, storage, or deciding where a job runs (lib/atlas-worker.js).

/** @typedef {(p: { phase: string, loaded?: number, total?: number }) => void} Progress */

/** The default progress callback: says nothing. @type {Progress} */
const noProgress = () => {};

/** The error a cancelled job ends with (`name` "AbortError", as fetch's). */
export function abortError(signal) {
  const reason = signal?.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const e = Object.assign(new Error('the job was cancelled'), { code: 'aborted' });
  e.name = 'AbortError';
  return e;
}

function check(signal) {
  if (signal?.aborted) throw abortError(signal);
}

/**
 * The bytes of an import's input: a File or Blob read in chunks with `reading` progress; a
 * string, an ArrayBuffer or a Uint8Array as it is.
 */
export async function readInput(input, progress = noProgress, signal = null) {
  if (input == null || typeof input === 'string' || typeof input.stream !== 'function') return input;
  const total = input.size;
  const out = new Uint8Array(total);
  let loaded = 0;
  let last = 0;
  const reader = input.stream().getReader();
  try {
    for (;;) {
      check(signal);
      const { done, value } = await reader.read();
      if (done) break;
      if (loaded + value.length > total) throw new Error('the file grew while it was read');
      out.set(value, loaded);
      loaded += value.length;
      const now = Date.now();
      if (now - last > 50 || loaded === total) {
        last = now;
        progress({ phase: 'reading', loaded, total });
      }
    }
  } finally {
    reader.releaseLock();
  }
  return loaded === total ? out : out.subarray(0, loaded);
}

/** Methods a `call` may not name: they are the job's own or end the atlas. */
const NOT_CALLABLE = new Set(['constructor', 'free', 'import', 'export', '__destroy_into_raw']);

/**
 * One atlas and the jobs on it. `Atlas` is the module's class, already initialised (the full
 * module: the page's first module has no `import`).
 */
export class Job {
  constructor(Atlas) {
    this.Atlas = Atlas;
    this.atlas = null;
  }

  /** Load `data` (JSON text) or the curated data, replacing the atlas held. */
  open(data, progress = noProgress) {
    progress({ phase: 'loading' });
    const next = data ? this.Atlas.fromJson(data) : this.Atlas.withDefaultData();
    this.atlas?.free();
    this.atlas = next;
    return null;
  }

  #ready() {
    if (!this.atlas) this.open(null);
    return this.atlas;
  }

  /**
   * Import `input` into the atlas held: `{ report, json }`, json being the whole dataset
   * afterwards. On an error or a cancel the atlas is as it was (the core changes nothing on
   * error; a cancel stops between the steps: reading, importing, packing).
   */
  async import(input, options = {}, progress = noProgress, signal = null) {
    const timings = {};
    let t = Date.now();
    const lap = (name) => {
      const now = Date.now();
      timings[name] = now - t;
      t = now;
    };
    check(signal);
    const bytes = await readInput(input, progress, signal);
    lap('read');
    check(signal);
    const atlas = this.#ready();
    lap('base');
    progress({ phase: 'importing', total: bytes?.length ?? 0 });
    const report = atlas.import(bytes, options ?? {});
    lap('import');
    progress({ phase: 'packing' });
    const json = atlas.exportJson();
    lap('export');
    return { value: { report, json }, timings };
  }

  /**
   * The first rows of a table and the importer's guess of each column
   * (`Atlas.previewTable`), for the mapping step; needs no atlas.
   */
  async preview(input, options = {}, progress = noProgress, signal = null) {
    const t = Date.now();
    const bytes = await readInput(input, progress, signal);
    check(signal);
    const value = this.Atlas.previewTable(bytes, options ?? {});
    return { value, timings: { preview: Date.now() - t } };
  }

  /** The atlas as a file: `export({ format })` → its text. */
  export(options = {}, progress = noProgress) {
    progress({ phase: 'exporting' });
    const t = Date.now();
    const text = this.#ready().export(options);
    return { value: text, timings: { export: Date.now() - t } };
  }

  /** Any query method of the atlas, by name: `call('search', 'köln', { limit: 5 })`. */
  call(method, args = [], progress = noProgress) {
    const atlas = this.#ready();
    if (typeof method !== 'string' || NOT_CALLABLE.has(method) || typeof atlas[method] !== 'function') {
      const e = Object.assign(new Error(`no atlas method ${JSON.stringify(method)} can be called in the worker`), {
        code: 'invalid_argument',
      });
      e.name = 'TwinningAtlasError';
      throw e;
    }
    progress({ phase: 'running' });
    const t = Date.now();
    const value = atlas[method](...args);
    return { value, timings: { [method]: Date.now() - t } };
  }

  /** Run one message (`op` as in the header) and return `{ value, timings }`. */
  async run(msg, progress = noProgress, signal = null) {
    switch (msg.op) {
      case 'open':
        return { value: this.open(msg.data ?? null, progress), timings: {} };
      case 'import':
        return this.import(msg.input, msg.options, progress, signal);
      case 'export':
        return this.export(msg.options, progress);
      case 'preview':
        return this.preview(msg.input, msg.options, progress, signal);
      case 'call':
        return this.call(msg.method, msg.args ?? [], progress);
      default:
        throw Object.assign(new Error(`unknown job ${JSON.stringify(msg.op)}`), { code: 'invalid_argument' });
    }
  }
}

/** The plain form of an error, for postMessage. */
export function plainError(err) {
  return { name: err?.name ?? 'Error', code: err?.code ?? null, message: err?.message ?? String(err) };
}

/**
 * Answer job messages in a worker (`scope`: the worker's global). `load()` initialises the
 * wasm module and resolves to its `Atlas` class. Jobs run one after another.
 */
export function serve(scope, load) {
  let job = null;
  let queue = Promise.resolve();
  scope.addEventListener('message', (event) => {
    const msg = event.data;
    const id = msg?.id ?? null;
    const progress = (p) => scope.postMessage({ id, type: 'progress', ...p });
    queue = queue.then(async () => {
      try {
        progress({ phase: 'starting' });
        job ??= new Job(await load());
        const { value, timings } = await job.run(msg, progress);
        scope.postMessage({ id, type: 'done', value, timings });
      } catch (err) {
        scope.postMessage({ id, type: 'error', ...plainError(err) });
      }
    });
  });
}
