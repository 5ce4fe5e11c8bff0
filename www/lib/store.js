// @ts-check
// One session per mount: what a mount shows beyond the atlas itself (which import, when it
// was saved, the last import's report), so two embeds on one page never share it. The full
// page's session also keeps the user's own data across reloads: the dataset an import
// produced, kept in IndexedDB as its `twinning-atlas/1` JSON (what `Atlas.fromJson` reads
// back), with when and from what it was saved. An embed's session keeps nothing: an embed
// never writes the host origin's storage, and a reload shows its own `data` again.
//
// The session also carries the atlas's lifecycle across the page's two wasm modules. The full
// page starts on the page's first module (`www/pkg/`: search, places, partners, links, groups,
// notes, the glossary — what the first views call); everything else (comparisons, statistics,
// the network, suggestions, the maps' data, the world network, edits, export) is in the full
// module (`www/pkg/full/`, the package's). `session.full()` loads the full module once, builds
// the atlas again there from the same state (the session's saved import or the curated data;
// a page with the user's own changes starts on the full module), and swaps it in; the world network is laid
// under that atlas only. Routes that need the full module wait for it in one place (the
// shell's `show`). Embeds start on the full module (`firstModule` false): nothing to swap.
//
// Not for: importing (views/data.js, worker.js) or anything the core computes.

const DB = 'twinning-atlas';
const STORE = 'datasets';
const KEY = 'current';

/**
 * @typedef {object} Session
 * @property {string | null} json the imported dataset shown now (null: the curated or given data)
 * @property {string | null} savedAt set only when a save succeeded
 * @property {string | null} name the imported file's name
 * @property {object | null} summary
 * @property {string | null} storeError why a save failed
 * @property {string | null | undefined} storedName what a reload shows after a failed save
 *   (null: the curated data; a string: an earlier import, '' when it has no name)
 * @property {object | null} lastImport the last import's `{ report, timings }`, shown again
 * @property {boolean} persist whether this session keeps its data in IndexedDB (the full page)
 * @property {any} module the wasm module (its JavaScript namespace: `Atlas`, `vocabulary` …) the
 *   mount builds atlases with now; set by the mount, the full module after `full()`
 * @property {boolean} firstModule true while the mount shows an atlas on the page's first module
 * @property {(() => Promise<void>) | null} upgrade set by the mount (`upgradeLater`): what `full()` runs once
 */

/**
 * A new session. `persist: true` (the full page only) keeps imports in IndexedDB; otherwise
 * `save()` fails with a coded error (`store_off`) that says so, and nothing is read back.
 * Atlases marked `shared()` (the curated atlas every mount on the page shows) are never freed
 * by `release()`.
 * @returns {Session & { save: typeof save, loadSaved: typeof loadSaved, clear: typeof clearSaved, shared(atlas: object): object, release(atlas: object): void, full(): Promise<void> }}
 */
export function createSession({ persist = false } = {}) {
  const sharedAtlases = new WeakSet();
  /** @type {Promise<void> | null} */
  let upgrading = null;
  const session = {
    json: null,
    savedAt: null,
    name: null,
    summary: null,
    storeError: null,
    storedName: undefined,
    lastImport: null,
    persist,
    module: null,
    firstModule: false,
    upgrade: null,
    /**
     * Resolves once the mount shows an atlas on the full module (at once where it already
     * does); the first call starts the move. Views read `ctx.atlas` afterwards. A failed
     * move (the module could not load: offline before it was ever cached) rejects, and the
     * next call tries again.
     */
    full() {
      if (!session.firstModule) return Promise.resolve();
      if (!session.upgrade) return Promise.reject(new Error('this mount cannot load the full module'));
      upgrading ??= session.upgrade().catch((err) => {
        upgrading = null;
        throw err;
      });
      return upgrading;
    },
    async save(json, meta) {
      if (!persist)
        throw Object.assign(new Error('an embedded atlas keeps nothing between visits'), { code: 'store_off' });
      return save(json, meta);
    },
    loadSaved: () => (persist ? loadSaved() : Promise.resolve(null)),
    clear: () => (persist ? clearSaved() : Promise.resolve()),
    /** Mark an atlas as shown by other mounts too: `release()` leaves it alone. */
    shared(atlas) {
      if (atlas) sharedAtlases.add(atlas);
      return atlas;
    },
    /** Free an atlas this session no longer shows, after the current turn (views drawn may
     * still read it), unless other mounts show it too.
     * @param {{ free(): void } | null | undefined} atlas */
    release(atlas) {
      if (!atlas || sharedAtlases.has(atlas)) return;
      setTimeout(() => {
        try {
          atlas.free();
        } catch {
          // already freed
        }
      }, 0);
    },
  };
  return session;
}

/** @type {Promise<any> | null} */
let fullModule = null;
/** The full module's namespace once it has loaded. */
let fullLoaded = null;

/**
 * The full module's `Atlas` class, for code that runs only where the full module has loaded
 * (the views marked `full` and what they open, such as "My changes").
 */
export function fullAtlas() {
  if (!fullLoaded) throw new Error('the full module has not loaded yet');
  return fullLoaded.Atlas;
}

/**
 * The full module (everything the core can do: the package's), its JavaScript loaded and its
 * wasm compiled once per page; `base` is where the page's assets live (the full module is in
 * pkg/full there).
 * @param {URL} base
 */
export function loadFullModule(base) {
  if (!fullModule) {
    fullModule = import('../pkg/full/twinning_atlas.js').then(async (m) => {
      await m.default({ module_or_path: new URL('pkg/full/twinning_atlas_bg.wasm', base) });
      fullLoaded = m;
      return m;
    });
    fullModule.catch(() => {
      fullModule = null;
    });
  }
  return fullModule;
}

/**
 * Let `session.full()` move a mount from the page's first module to the full one: load it,
 * build the atlas again from the same state — the session's import (`session.json`) or the
 * data the mount was given (`dataText`), else the curated data — and show it. (A page with
 * the user's own changes starts on the full module: app.js.) The atlas built on the
 * first module is not freed: a view drawn from it may still hold it, and the first module's
 * memory serves nothing else.
 * @param {ReturnType<typeof createSession>} session
 * @param {URL} base
 * @param {string | null} dataText
 * @param {(next: object) => void} show shows the new atlas (the shell's `setAtlas`; the shell
 *   may be made after this call, before the first view asks for the move)
 */
export function upgradeLater(session, base, dataText, show) {
  session.upgrade = async () => {
    const m = await loadFullModule(base);
    if (!session.firstModule) return;
    // built in one turn from the state now: nothing can change it between these lines
    const text = session.json ?? dataText;
    const next = text ? m.Atlas.fromJson(text) : m.Atlas.withDefaultData();
    session.module = m;
    session.firstModule = false;
    show(next);
  };
}

function open() {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') return reject(new Error('IndexedDB is not available'));
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('cannot open IndexedDB'));
  });
}

async function run(mode, fn) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = fn(tx.objectStore(STORE));
      let value;
      req.onsuccess = () => {
        value = req.result;
      };
      tx.oncomplete = () => resolve(value);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

/** The saved dataset `{ json, savedAt, name, summary }`, or null. */
export async function loadSaved() {
  try {
    const rec = await run('readonly', (s) => s.get(KEY));
    return rec && typeof rec.json === 'string' ? rec : null;
  } catch {
    return null;
  }
}

/** Keep `json` for the next visit. */
export async function save(json, { name = null, summary = null } = {}) {
  const rec = { json, savedAt: new Date().toISOString(), name, summary };
  await run('readwrite', (s) => s.put(rec, KEY));
  return rec;
}

export async function clearSaved() {
  try {
    await run('readwrite', (s) => s.delete(KEY));
  } catch {
    // nothing saved, or no IndexedDB: nothing to clear
  }
}
