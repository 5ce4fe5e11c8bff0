// The service worker: precaches everything the page needs (its HTML, CSS, modules, the wasm
// package, the manifest and the icon) under a versioned cache name and serves it cache-first,
// so that after one visit the atlas works offline. Requests it does not know go to the network.
//
// Bump VERSION when the list or the files change; the page registers `sw.js?v=<package
// version>`, so a new package also installs a new cache. Old caches are deleted on activate.
// tests/js/page-sw.test.mjs checks that ASSETS lists every file of www/.

const VERSION = '8';
const PACKAGE = new URL(self.location.href).searchParams.get('v') || 'dev';
const PREFIX = 'twinning-atlas-';
const CACHE = `${PREFIX}${VERSION}-${PACKAGE}`;

// assets:begin
const ASSETS = [
  './',
  'index.html',
  'style.css',
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
  'worker.js',
  'lib/import-job.js',
  'lib/atlas-worker.js',
  'world-worker.js',
  'lib/world.js',
  'lib/world-bytes.js',
  'pkg/world.json.gz',
  'pkg/twinning_atlas.js',
  'pkg/twinning_atlas_bg.wasm',
  'pkg/full/twinning_atlas.js',
  'pkg/full/twinning_atlas_bg.wasm',
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
  'pkg/maps-vendor.js',
  'pkg/countries-110m.json',
  'manifest.webmanifest',
  'icon.svg',
];
// assets:end

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // once each: in the package's embed (pkg/embed/) pkg/ and pkg/full/ name the same module
      .then((cache) =>
        cache.addAll([...new Set(ASSETS)].map((a) => new Request(new URL(a, self.location.href), { cache: 'reload' }))),
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
