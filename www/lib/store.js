// The user's own data across reloads: the dataset an import produced, kept in IndexedDB as
// its `twinning-atlas/1` JSON (what `Atlas.fromJson` reads back), with when and from what it
// was saved. `current` says what the page shows now (null json: the curated data).
//
// Not for: importing (views/data.js, worker.js) or anything the core computes.

const DB = 'twinning-atlas';
const STORE = 'datasets';
const KEY = 'current';

/**
 * What the page shows: `{ json: string | null, savedAt, name, summary, storeError,
 * storedName }`. `savedAt` is set only when a save succeeded; when it failed, `storeError`
 * says why and `storedName` what a reload shows (null: the curated data; a string: an
 * earlier import, '' when it has no name).
 */
export const current = { json: null, savedAt: null, name: null, summary: null, storeError: null, storedName: undefined };

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
