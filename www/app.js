// @ts-check
// The full page: the atlas mounted on the whole document (no shadow root: the page is its own
// host), its location in the URL hash, the page's session — the one that keeps the user's
// imported data in IndexedDB and restores it here (lib/store.js) — with the user's own changes
// on top (lib/edits.js), and the service worker that keeps it working offline. Everything else
// is embed.js.

import { mount, prepare, version } from './embed.js';
import { h } from './lib/dom.js';
import { createSession, loadSaved, clearSaved } from './lib/store.js';
import { resetToCurated } from './views/data.js';
import { scriptUrl } from './lib/trusted.js';
import { loadEdits, applyMine, mine } from './lib/edits.js';

const root = document.getElementById('ta-app');
// `index.html?world=off`: only the curated (or your imported) data, without the world network
const world = new URLSearchParams(window.location.search).get('world') !== 'off';

async function start() {
  const fresh = firstVisit(); // asked first, before this page's own reads touch storage
  const reading = savedData(fresh);
  loadEdits(); // read alongside: withMyChanges awaits the same read
  // The wasm compiles from its first byte (instantiateStreaming, on the response index.html
  // preloaded) and the curated atlas is built while the saved data is looked up: a first
  // visit, with nothing saved, mounts that atlas at once. The page starts on its first module
  // (search, places, partners) and moves to the full one when idle (lib/store.js).
  prepare({ world, firstModule: true });
  const session = createSession({ persist: true });
  const saved = await reading;
  // The user's own changes need the full module (applyEdits): a page with any starts there,
  // so that no view ever shows the data without them. A first visit has none to wait for.
  if (!(await fresh)) await loadEdits();
  const firstModule = mine.list.length === 0;
  if (saved) {
    // said before the first view is drawn, so that #/data on a reload labels it imported
    Object.assign(session, { json: saved.json, savedAt: saved.savedAt, name: saved.name, summary: saved.summary });
    try {
      const shell = await mount(root, {
        routing: 'hash',
        data: saved.json,
        world,
        session,
        shadow: false,
        firstModule,
      });
      shell.notify(restoredNotice(shell, saved));
      return shell;
    } catch (err) {
      // A saved dataset this version cannot read: forget it and show the curated data.
      console.warn('Twinning Atlas: the saved data could not be restored:', err.message);
      Object.assign(session, { json: null, savedAt: null, name: null, summary: null });
      await clearSaved();
    }
  }
  return mount(root, { routing: 'hash', world, session, shadow: false, firstModule });
}

/**
 * Whether this is a first visit: no service worker of ours controls the page yet, and the
 * origin has stored nothing at all (the storage estimate says 0 bytes). Then IndexedDB, whose
 * first use on a fresh profile took 50–200 ms in the first-load measurements, is not asked for
 * saved data, and the user can have no changes of their own. Anything else is not a first
 * visit: a page the service worker serves, or any stored byte (also where an estimate might
 * miss data kept in memory, as in a private window, the service worker registered on the
 * first load says so).
 */
async function firstVisit() {
  try {
    const controlled = Boolean(navigator.serviceWorker?.controller);
    return !controlled && (await navigator.storage.estimate()).usage === 0;
  } catch {
    // no estimate here (an old browser, an opaque origin): ask IndexedDB
    return false;
  }
}

/** The dataset saved in this browser (lib/store.js), or null; not asked on a first visit. */
async function savedData(fresh) {
  return (await fresh) ? null : loadSaved();
}

/** "Showing your imported data …" with a way back to the curated data. */
function restoredNotice(shell, saved) {
  return h(
    'div',
    { class: 'ta-notice', role: 'status' },
    h(
      'span',
      null,
      `Showing your imported data${saved.name ? ` from ${saved.name}` : ''}, kept in this browser${saved.savedAt ? ` since ${new Date(saved.savedAt).toLocaleString()}` : ''}. `,
    ),
    h('a', { href: '#/data', class: 'ta-notice__link' }, 'Your data'),
    h(
      'button',
      { type: 'button', class: 'ta-button ta-button--quiet', on: { click: () => resetToCurated(shell) } },
      'Reset to the curated data',
    ),
  );
}

/** The user's own changes (lib/edits.js), laid on whatever data is shown. */
async function withMyChanges(shell) {
  await loadEdits();
  if (mine.list.length === 0) {
    // a view drawn before the changes were read says now why none could be read
    if (mine.loadError) shell.setAtlas(shell.atlas);
    return shell;
  }
  try {
    applyMine(shell.atlas);
    shell.setAtlas(shell.atlas);
  } catch (err) {
    console.warn('Twinning Atlas: your changes could not be applied:', err.message);
  }
  return shell;
}

start()
  .then(withMyChanges)
  .then(
    () => registerServiceWorker(version()),
    (err) => {
      // embed.js has shown the error in the page; keep it in the console for whoever debugs.
      console.error(err);
    },
  );

/** Offline use, on http(s) only (not file:); a new package version installs a new cache. */
function registerServiceWorker(packageVersion) {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(window.location.protocol)) return;
  const url = new URL('./sw.js', import.meta.url);
  url.searchParams.set('v', packageVersion);
  navigator.serviceWorker.register(scriptUrl(url)).catch((err) => {
    console.warn('Twinning Atlas: offline use is unavailable:', err.message);
  });
}
