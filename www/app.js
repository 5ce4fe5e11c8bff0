// The full page: the atlas mounted on the whole document, its location in the URL hash, and
// the service worker that keeps it working offline. Everything else is embed.js.

import { mount, version } from './embed.js';

const root = document.getElementById('ta-app');
mount(root, { routing: 'hash' }).then(
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
  navigator.serviceWorker.register(url).catch((err) => {
    console.warn('Twinning Atlas: offline use is unavailable:', err.message);
  });
}
