// The first load, in one command: how long a first visit takes from navigation to the first
// search result, on localhost and on Chrome DevTools' "Fast 4G" and "Slow 4G" network
// profiles, and how many bytes it transfers.
//
//   bash scripts/build.sh && node benches/first-load.mjs               # 5 runs per case
//   node benches/first-load.mjs --runs 9 --profiles localhost,fast4g   # steadier, fewer cases
//   node benches/first-load.mjs --baseline /tmp/old-www                # two builds side by side
//   node benches/first-load.mjs --http2                                # HTTP/2 over TLS, as hosts serve
//   node benches/first-load.mjs --runs 1 --waterfall                   # and when each request ran
//
// Every run is a fresh Debian Chromium (through playwright-core, as the browser tests use it)
// on a fresh profile: no HTTP cache, no service worker, no compiled-wasm cache. The page is
// served by scripts/serve.mjs's own server (brotli/gzip, ETag, the page's CSP) in this process.
// The network profile is set through the DevTools protocol before navigating
// (Network.emulateNetworkConditions; the same numbers as DevTools' presets and Puppeteer's
// PredefinedNetworkConditions):
//
//   fast4g   9 Mbps × 0.9 down (1,012,500 B/s), 1.5 Mbps × 0.9 up, 60 ms × 2.75 = 165 ms latency
//   slow4g   1.6 Mbps × 0.9 down (180,000 B/s), 750 kbps × 0.9 up, 150 ms × 3.75 = 562.5 ms latency
//            (DevTools' old "Fast 3G", renamed "Slow 4G")
//
// The latency is added to every request. Over HTTP/1.1 (scripts/serve.mjs, the default here)
// Chromium opens at most six connections to the server, so the page's ~38 requests wait in
// about seven rounds of that latency; `--http2` serves the same handler over HTTP/2 with a
// throw-away self-signed certificate (made with `openssl`; Chromium is told to accept it), as
// static hosts and CDNs serve, where all requests go out at once. The CPU is not slowed.
//
// What is timed, in the page (its performance.now(): 0 = navigation start), by a script that
// runs before the page's own (addInitScript):
//   ready    the search box is on the page (the atlas has loaded and the shell is drawn);
//            the script then puts the query into the box and sends one `input` event, as a
//            paste does, so the page's own handler routes to the search view and searches;
//   result   the first result row (`.ta-results [role="option"][data-place-id]`) is in the DOM.
// Bytes: the encoded bytes (headers and compressed bodies, as on the wire) of every response
// that finished before the result, from the protocol's Network.loadingFinished events. The
// world network (pkg/world.json.gz, ~1 MB) is fetched by a worker when the page is idle after
// its first view: a request for it that started before the result counts with the bytes it
// had received by then (Network.dataReceived); its finishing is not waited for.
//
// Prints a table of medians (and min–max) per build and profile; `--json FILE` writes every
// run. Don't run anything else CPU-heavy meanwhile: the machine is shared and runs are noisy.

import { chromium } from 'playwright-core';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import http2 from 'node:http2';
import { execFileSync } from 'node:child_process';
import { createServer, CSP } from '../scripts/serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/browser/_harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const PROFILES = {
  localhost: null,
  fast4g: {
    offline: false,
    downloadThroughput: ((9 * 1000 * 1000) / 8) * 0.9,
    uploadThroughput: ((1.5 * 1000 * 1000) / 8) * 0.9,
    latency: 60 * 2.75,
  },
  slow4g: {
    offline: false,
    downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9,
    uploadThroughput: ((750 * 1000) / 8) * 0.9,
    latency: 150 * 3.75,
  },
};
const TARGETS = { localhost: 250, fast4g: 1000, slow4g: 2500 };

function parseArgs(argv) {
  const o = {
    runs: 5,
    profiles: Object.keys(PROFILES),
    baseline: null,
    query: 'coventry',
    json: null,
    root: path.join(ROOT, 'www'),
    http2: false,
    waterfall: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const v = () => argv[++i];
    if (a === '--runs') o.runs = Number(v());
    else if (a === '--profiles') o.profiles = v().split(',');
    else if (a === '--baseline') o.baseline = path.resolve(v());
    else if (a === '--root') o.root = path.resolve(v());
    else if (a === '--query') o.query = v();
    else if (a === '--json') o.json = path.resolve(v());
    else if (a === '--quick') o.runs = 3;
    else if (a === '--http2') o.http2 = true;
    else if (a === '--waterfall') o.waterfall = true;
    else throw new Error(`unknown argument ${a} (see the top of benches/first-load.mjs)`);
  }
  for (const p of o.profiles)
    if (!(p in PROFILES)) throw new Error(`unknown profile ${p}: ${Object.keys(PROFILES).join(', ')}`);
  if (!Number.isInteger(o.runs) || o.runs < 1) throw new Error('--runs needs a whole number ≥ 1');
  return o;
}

/** Runs before the page's scripts: notes `ready` and `result`, and types the query. */
function probe(query) {
  const started = () => {
    const mark = (name) => {
      if (!(name in window.__taLoad)) window.__taLoad[name] = performance.now();
    };
    window.__taLoad = {};
    const look = () => {
      const box = document.querySelector('.ta-root .ta-search__input');
      if (box && !('ready' in window.__taLoad)) {
        mark('ready');
        box.value = QUERY;
        box.dispatchEvent(new Event('input', { bubbles: true }));
      }
      if (document.querySelector('.ta-results [role="option"][data-place-id]')) {
        mark('result');
        observer.disconnect();
        window.__taResult(window.__taLoad);
      }
    };
    const observer = new MutationObserver(look);
    observer.observe(document, { childList: true, subtree: true });
  };
  return `const QUERY = ${JSON.stringify(query)}; (${started})();`;
}

/** A key and a self-signed certificate for 127.0.0.1, made for this run only. */
async function selfSigned() {
  const dir = await mkdtemp(path.join(tmpdir(), 'ta-first-load-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      path.join(dir, 'key.pem'),
      '-out',
      path.join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const pair = { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) };
  await rm(dir, { recursive: true, force: true });
  return pair;
}

async function serve(root, tls) {
  const plain = createServer(root, { csp: CSP });
  // the same request handler over HTTP/2 (its compatibility API takes the same req/res calls)
  const server = tls ? http2.createSecureServer({ ...tls, allowHTTP1: true }, plain.listeners('request')[0]) : plain;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const scheme = tls ? 'https' : 'http';
  const sessions = new Set();
  server.on(tls ? 'session' : 'connection', (c) => {
    sessions.add(c);
    c.on('close', () => sessions.delete(c));
  });
  return {
    url: `${scheme}://127.0.0.1:${server.address().port}/`,
    close: () =>
      new Promise((r) => {
        server.close(r);
        for (const c of sessions) c.destroy();
      }),
  };
}

async function once(url, profile, query) {
  const dir = await mkdtemp(path.join(tmpdir(), 'ta-first-load-'));
  const args = url.startsWith('https:') ? [...CHROMIUM_ARGS, '--ignore-certificate-errors'] : CHROMIUM_ARGS;
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    viewport: { width: 1280, height: 800 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    if (PROFILES[profile]) await cdp.send('Network.emulateNetworkConditions', PROFILES[profile]);
    const finished = new Map(); // requestId → bytes
    const partial = new Map();
    const urls = new Map();
    const sent = new Map(); // requestId → protocol timestamp (s), for --waterfall
    const done = new Map();
    cdp.on('Network.requestWillBeSent', (e) => {
      urls.set(e.requestId, e.request.url);
      if (!sent.has(e.requestId)) sent.set(e.requestId, e.timestamp);
    });
    cdp.on('Network.dataReceived', (e) =>
      partial.set(e.requestId, (partial.get(e.requestId) ?? 0) + e.encodedDataLength),
    );
    cdp.on('Network.loadingFinished', (e) => {
      finished.set(e.requestId, e.encodedDataLength);
      done.set(e.requestId, e.timestamp);
    });
    let resolveResult;
    const result = new Promise((r) => {
      resolveResult = r;
    });
    await page.exposeBinding('__taResult', (_source, times) => {
      // a snapshot of the bytes at this moment
      // per request, the larger of the finished total and the chunks seen
      let bytes = 0;
      let world = 0;
      for (const id of new Set([...finished.keys(), ...partial.keys()])) {
        const b = Math.max(finished.get(id) ?? 0, partial.get(id) ?? 0);
        bytes += b;
        if (/world\.json/.test(urls.get(id) ?? '')) world += b;
      }
      // each request's start and end in ms from the first (the document's), as far as it got
      const t0 = Math.min(...sent.values());
      const waterfall = [...sent.keys()]
        .map((id) => ({
          url: new URL(urls.get(id)).pathname,
          start: Math.round((sent.get(id) - t0) * 1000),
          end: done.has(id) ? Math.round((done.get(id) - t0) * 1000) : null,
          bytes: Math.max(finished.get(id) ?? 0, partial.get(id) ?? 0),
        }))
        .sort((a, b) => a.start - b.start);
      resolveResult({ ...times, bytes, world, requests: finished.size, waterfall });
    });
    await page.addInitScript(probe(query));
    await page.goto(url, { waitUntil: 'commit' });
    const timeout = new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`no search result for "${query}" within 60 s`)), 60_000),
    );
    return await Promise.race([result, timeout]);
  } finally {
    await context.close().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function wasmSize(root) {
  const f = path.join(root, 'pkg', 'twinning_atlas_bg.wasm');
  const b = readFileSync(f);
  const br = existsSync(`${f}.br`) ? statSync(`${f}.br`).size : zlib.brotliCompressSync(b).length;
  return { raw: b.length, gz: zlib.gzipSync(b, { level: 9 }).length, br };
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (bash scripts/setup.sh installs it)`);
  const tls = o.http2 ? await selfSigned() : null;
  const builds = [];
  if (o.baseline) builds.push({ name: 'baseline', root: o.baseline });
  builds.push({ name: o.baseline ? 'this tree' : 'www', root: o.root });
  for (const b of builds) {
    if (!existsSync(path.join(b.root, 'pkg', 'twinning_atlas_bg.wasm')))
      throw new Error(`${b.root}/pkg is not built (bash scripts/build.sh)`);
    b.server = await serve(b.root, tls);
    b.size = wasmSize(b.root);
  }
  const runs = [];
  try {
    // interleaved (build × profile inside each round) so that a noisy moment hits all alike
    for (let i = 0; i < o.runs; i += 1) {
      for (const profile of o.profiles) {
        for (const b of builds) {
          const r = await once(b.server.url, profile, o.query);
          runs.push({ build: b.name, profile, ...r });
          process.stderr.write(
            `run ${i + 1}/${o.runs} ${b.name} ${profile}: result at ${Math.round(r.result)} ms, ${r.bytes} B\n`,
          );
        }
      }
    }
  } finally {
    for (const b of builds) await b.server.close();
  }
  console.log(
    `first search result for "${o.query}", cold cache, ${o.http2 ? 'HTTP/2 over TLS' : 'HTTP/1.1'}, median of ${o.runs} runs (min–max)\n`,
  );
  console.log(
    '| build | profile | search box ready | first result | target | bytes before the result (world asset part) | requests |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const b of builds) {
    for (const profile of o.profiles) {
      const rs = runs.filter((r) => r.build === b.name && r.profile === profile);
      const f = (k) =>
        `${Math.round(median(rs.map((r) => r[k])))} ms (${Math.round(Math.min(...rs.map((r) => r[k])))}–${Math.round(Math.max(...rs.map((r) => r[k])))})`;
      const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
      // over HTTP/2 with throttling the protocol's events miss some bodies: no byte count then
      const bytes = o.http2
        ? 'n/a (see an HTTP/1.1 run)'
        : `${kb(median(rs.map((r) => r.bytes)))} (${kb(median(rs.map((r) => r.world)))})`;
      const requests = Math.round(median(rs.map((r) => r.requests)));
      console.log(
        `| ${b.name} | ${profile} | ${f('ready')} | ${f('result')} | ≤ ${TARGETS[profile]} ms | ${bytes} | ${requests} |`,
      );
    }
  }
  console.log('');
  for (const b of builds) {
    const s = b.size;
    console.log(`${b.name}: pkg/twinning_atlas_bg.wasm ${s.raw} B raw, ${s.gz} B gzip -9, ${s.br} B brotli`);
  }
  if (o.waterfall) {
    // the last run of each case: when each request started and ended (ms from the document's)
    for (const b of builds) {
      for (const profile of o.profiles) {
        const r = runs.findLast((x) => x.build === b.name && x.profile === profile);
        console.log(`\n${b.name}, ${profile}: ready ${Math.round(r.ready)} ms, result ${Math.round(r.result)} ms`);
        for (const w of r.waterfall)
          console.log(
            `  ${String(w.start).padStart(5)} → ${w.end === null ? '  …  ' : String(w.end).padStart(5)}  ${String(w.bytes).padStart(7)} B  ${w.url}`,
          );
      }
    }
  }
  if (o.json)
    await writeFile(
      o.json,
      JSON.stringify(
        {
          query: o.query,
          http2: o.http2,
          profiles: PROFILES,
          builds: builds.map(({ name, root, size }) => ({ name, root, size })),
          runs,
        },
        null,
        2,
      ),
    );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
