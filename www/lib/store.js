// @ts-check
// One session per mount: what a mount shows beyond the atlas itself (which import, when it
// was saved, the last import's report), so two embeds on one page never share it. The full
// page's session also keeps the user's own data across reloads: the dataset an import
// produced, kept in IndexedDB as its `twinning-atlas/1` JSON (what `Atlas.fromJson` reads
// back), with when and from what it was saved. An embed's session keeps nothing: an embed
// never writes the host origin's storage, and a reload shows its own `data` again.
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
 */

/**
 * A new session. `persist: true` (the full page only) keeps imports in IndexedDB; otherwise
 * `save()` fails with a coded error (`store_off`) that says so, and nothing is read back.
 * Atlases marked `shared()` (the curated atlas every mount on the page shows) are never freed
 * by `release()`.
 * @returns {Session & { save: typeof save, loadSaved: typeof loadSaved, clear: typeof clearSaved, shared(atlas: object): object, release(atlas: object): void }}
 */
export function createSession({ persist = false } = {}) {
  const sharedAtlases = new WeakSet();
  return {
    json: null,
    savedAt: null,
    name: null,
    summary: null,
    storeError: null,
    storedName: undefined,
    lastImport: null,
    persist,
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
