// The service worker: precaches everything the page needs (its HTML, CSS, scripts, the wasm
// package, the manifest and the icon) under a versioned cache name and serves it cache-first,
// so that after one visit the atlas works offline. Requests it does not know go to the network.
//
// The page's script is the bundle in dist/ (scripts/bundle-page.mjs; its files are listed in
// dist/files.json, read here at install); where there is no bundle — the copy of the page in
// the npm package's embed/, which runs the modules as they are — the modules (MODULES) are
// precached instead. The workers and the files fetched by URL are needed either way (ASSETS).
//
// Bump VERSION when the lists or the files change; the page registers `sw.js?v=<package
// version>`, so a new package also installs a new cache. Old caches are deleted on activate.
// tests/js/page-static.test.mjs checks that the two lists cover every file of www/.

const VERSION = '9';
const PACKAGE = new URL(self.location.href).searchParams.get('v') || 'dev';
const PREFIX = 'twinning-atlas-';
const CACHE = `${PREFIX}${VERSION}-${PACKAGE}`;

// assets:begin
// needed by the page, bundled or not: the document, styles, workers, data and wasm
const ASSETS = [
  './',
  'index.html',
  'style.css',
  'worker.js',
  'lib/import-job.js',
  'world-worker.js',
  'lib/world-bytes.js',
  'pkg/world.json.gz',
  'pkg/twinning_atlas_bg.wasm',
  'pkg/full/twinning_atlas.js',
  'pkg/full/twinning_atlas_bg.wasm',
  'pkg/maps-vendor.js',
  'pkg/countries-110m.json',
  'manifest.webmanifest',
  'icon.svg',
];
// the page's modules, precached where there is no bundle (dist/files.json)
const MODULES = [
  'app.js',
  'embed.js',
  'lib/dom.js',
  'lib/format.js',
  'lib/router.js',
  'lib/shell.js',
  'lib/ui.js',
  'views/index.js',
  'views/search.js',
  'views/place.js',
  'views/link.js',
  'views/glossary.js',
  'views/about.js',
  'views/notfound.js',
  'views/pair.js',
  'views/compare.js',
  'views/network.js',
  'views/statistics.js',
  'views/group.js',
  'views/notes.js',
  'views/sources.js',
  'views/partners.js',
  'views/suggest.js',
  'lib/picker.js',
  'lib/chart.js',
  'lib/store.js',
  'lib/trusted.js',
  'lib/thresholds.js',
  'views/data.js',
  'views/edit.js',
  'lib/edits.js',
  'lib/mychanges.js',
  'lib/mapping.js',
  'lib/conflicts.js',
  'lib/wikidata.js',
  'lib/atlas-worker.js',
  'lib/world.js',
  'pkg/twinning_atlas.js',
  'views/world.js',
  'views/placemap.js',
  'maps/index.js',
  'maps/base.js',
  'maps/place-map.js',
  'maps/suggest-map.js',
  'maps/timeline.js',
  'maps/ego.js',
  'maps/world-map.js',
  'maps/chain-map.js',
];
// assets:end

/** The bundle's files (dist/files.json), or the modules where the page has no bundle. */
async function scripts() {
  try {
    const response = await fetch(new URL('dist/files.json', self.location.href), { cache: 'reload' });
    if (response.ok) {
      const { files } = await response.json();
      if (Array.isArray(files) && files.every((f) => typeof f === 'string')) return files;
    }
  } catch {
    // no bundle here: the modules
  }
  return MODULES;
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    Promise.all([caches.open(CACHE), scripts()])
      // once each: in the package's embed (pkg/embed/) pkg/ and pkg/full/ name the same module
      .then(([cache, files]) =>
        cache.addAll(
          [...new Set([...ASSETS, ...files])].map(
            (a) => new Request(new URL(a, self.location.href), { cache: 'reload' }),
          ),
        ),
      )
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
      if (hit) return hit;
      try {
        return await fetch(request);
      } catch (err) {
        // Offline and not precached: a navigation inside the scope still gets the page.
        if (request.mode === 'navigate') {
          const page = await cache.match(new URL('index.html', self.location.href));
          if (page) return page;
        }
        throw err;
      }
    })(),
  );
});
