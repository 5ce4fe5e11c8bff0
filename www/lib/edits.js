// @ts-check
// The user's own changes (issue 12): partners added, events added or corrected, links marked
// disputed. Each change is one record in IndexedDB (database `twinning-atlas-edits`, kept
// apart from the imported dataset of lib/store.js), applied to whatever atlas the page shows
// through the core's `atlas.applyEdits` — the curated data, an import, with or without the
// world network — so the change survives reloads, imports and going offline. A failed save
// is said as it is: the change then lives only until the page is left.
//
// Not for: the forms (views/edit.js), the list on #/data (lib/mychanges.js), or applying
// anything itself (the core does that, src/edit.rs).

const DB = 'twinning-atlas-edits';
const STORE = 'edits';

/**
 * The changes of this page, oldest first: `{ edit, savedAt, storeError, outcome }`. `edit`
 * is what the core applies; `savedAt` is set only once IndexedDB confirmed the write;
 * `outcome` is the core's last word on it (`{ applied, message, linkId }`).
 * @type {{ list: Array<{ edit: any, savedAt: string | null, storeError: string | null, outcome: any }>, loadError: string | null, loaded: boolean }}
 */
export const mine = { list: [], loadError: null, loaded: false };

/** @returns {Promise<IDBDatabase>} */
function open() {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined' || !indexedDB) return reject(new Error('IndexedDB is not available'));
    let req;
    try {
      req = indexedDB.open(DB, 1);
    } catch (err) {
      return reject(err);
    }
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('cannot open IndexedDB'));
    req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

/** Run `fn(store)` in one transaction; resolves when the transaction has committed. */
async function run(mode, fn) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      let value;
      const req = fn(tx.objectStore(STORE));
      if (req)
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

/** Why the browser refused to store a change, in words. */
export function storeProblem(err) {
  if (err && err.name === 'QuotaExceededError') return 'the browser’s storage is full';
  if (/not available|security|denied|private/i.test(`${err?.name ?? ''} ${err?.message ?? ''}`))
    return 'this browser offers no storage here, as in private mode';
  return `the browser refused to store it (${err?.message ?? err})`;
}

let loading = null;
/** Read the stored changes into `mine` (once; every caller waits for the same read). */
export function loadEdits() {
  loading ??= readEdits();
  return loading;
}

async function readEdits() {
  try {
    const rows = (await run('readonly', (s) => s.getAll())) ?? [];
    rows.sort((x, y) => x.seq - y.seq);
    mine.list = rows
      .filter((r) => r?.edit && typeof r.edit.id === 'string')
      .map((r) => ({ edit: r.edit, savedAt: r.savedAt ?? null, storeError: null, outcome: null }));
    mine.loadError = null;
  } catch (err) {
    mine.list = [];
    mine.loadError = storeProblem(err);
  }
  mine.loaded = true;
  return mine;
}

let seq = 0;
/** A new edit id: time and a counter, letters and digits only (the core names a source by it). */
export function newId() {
  seq += 1;
  return `${Date.now().toString(36)}-${seq.toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Keep a change that the atlas has accepted. Resolves to the entry; its `savedAt` is set only
 * when the write committed, else `storeError` says why (the change still shows until the page
 * is left).
 */
export async function keep(edit, outcome) {
  const entry = { edit, savedAt: null, storeError: null, outcome };
  mine.list.push(entry);
  const savedAt = new Date().toISOString();
  try {
    await run('readwrite', (s) => s.put({ id: edit.id, seq: Date.now() * 1000 + mine.list.length, edit, savedAt }));
    entry.savedAt = savedAt;
  } catch (err) {
    entry.storeError = storeProblem(err);
  }
  return entry;
}

/** Forget one change (undo). Resolves to null, or the reason the stored copy could not be removed. */
export async function forget(id) {
  const at = mine.list.findIndex((e) => e.edit.id === id);
  if (at < 0) return null;
  const [entry] = mine.list.splice(at, 1);
  if (!entry.savedAt) return null;
  try {
    await run('readwrite', (s) => s.delete(id));
    return null;
  } catch (err) {
    return storeProblem(err);
  }
}

/** Forget every change. Resolves to null, or why the stored copies could not be removed. */
export async function forgetAll() {
  mine.list = [];
  try {
    await run('readwrite', (s) => s.clear());
    return null;
  } catch (err) {
    return storeProblem(err);
  }
}

/** The changes as the core takes them. */
export function editList() {
  return mine.list.map((e) => e.edit);
}

/**
 * Apply every change to `atlas` (in place) and note each one's outcome. Returns the core's
 * report, or null when there is nothing to apply. An error (a dataset the changes would make
 * invalid) is thrown; the atlas is then as it was.
 */
export function applyMine(atlas) {
  if (mine.list.length === 0) return null;
  const report = atlas.applyEdits(editList());
  const byId = new Map(report.outcomes.map((o) => [o.id, o]));
  for (const e of mine.list) e.outcome = byId.get(e.edit.id) ?? null;
  return report;
}

/** A place as an edit names it: enough to add it to an atlas that does not know it. */
export function placeRef(atlas, id) {
  const p = atlas.place(id);
  const ref = {
    id: p.id,
    name: p.name,
    country: p.country ?? null,
    admin: p.admin ?? null,
    level: p.level ?? null,
    lat: p.lat ?? null,
    lon: p.lon ?? null,
    wikidata: p.wikidata ?? null,
  };
  return ref;
}

const KIND_WORDS = {
  partner: 'New partnership',
  event: 'Event added',
  correct: 'Event corrected',
  disputed: 'Marked disputed',
};

/** One line saying what a change does: "Event added: Coventry – Volgograd, suspended 2022". */
export function describe(edit) {
  const pair = `${edit.a?.name ?? '?'} – ${edit.b?.name ?? '?'}`;
  const ev = edit.event ? `, ${edit.event.kind}${edit.event.date ? ` ${edit.event.date}` : ''}` : '';
  const was = edit.replaces ? ` (was ${edit.replaces.kind} ${edit.replaces.date})` : '';
  const claim = edit.kind === 'disputed' && edit.claim ? `: “${edit.claim}”` : '';
  return `${KIND_WORDS[edit.kind] ?? edit.kind}: ${pair}${ev}${was}${claim}`;
}
