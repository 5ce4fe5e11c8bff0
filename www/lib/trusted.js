// @ts-check
// Trusted Types: where the browser enforces them (`require-trusted-types-for 'script'`, as
// the page's policy does), script URLs — the import worker and the service worker — must
// come from a named policy. Ours, `twinning-atlas`, lets through only URLs of the atlas's
// own files (beside this module); anything else throws. Where Trusted Types are absent, or
// a host page does not allow our policy's name, the URL is passed on as it is (and the
// browser then decides: an import falls back to the page's own thread).
//
// Not for: HTML. The page writes no HTML strings (lib/dom.js builds nodes), so it needs no
// createHTML.

const BASE = new URL('../', import.meta.url).href;
let policy;

function ours() {
  if (policy !== undefined) return policy;
  policy = null;
  const tt = globalThis.trustedTypes;
  if (tt && typeof tt.createPolicy === 'function') {
    try {
      policy = tt.createPolicy('twinning-atlas', {
        createScriptURL(url) {
          const u = new URL(url, BASE);
          if (!u.href.startsWith(BASE)) throw new TypeError(`not one of the atlas's own scripts: ${u.href}`);
          return u.href;
        },
      });
    } catch {
      // the host's policy does not allow ours (or it exists already): plain URLs
      policy = null;
    }
  }
  return policy;
}

/** A script URL for `new Worker()` or `serviceWorker.register()`: trusted where that is needed. */
export function scriptUrl(url) {
  const p = ours();
  return p ? p.createScriptURL(String(url)) : url;
}
