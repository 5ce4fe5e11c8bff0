#!/usr/bin/env node
// A tiny static server for www/ (no dependency): 127.0.0.1, the port from `--port N` or $PORT
// (default 8080; `--port 0` picks a free one). The first line it prints is the URL to open,
// `http://127.0.0.1:NNNN/`, so scripts and tests can read it. Correct content types (wasm,
// modules, the manifest), `Access-Control-Allow-Origin: *` so other sites can embed the atlas,
// `Cache-Control: no-cache` with validators (ETag, Last-Modified: a revalidation costs a 304,
// not the file), compression (a prebuilt `.br` beside a file when the browser takes brotli —
// scripts/build.sh writes one for the wasm — else gzip made once per file version and kept in
// memory), no path outside the root, 404 for anything else. `--root DIR` serves another folder.
// The page's own folder is served with its Content-Security-Policy (`CSP`, the same as the
// meta tag in www/index.html): scripts and the wasm from the page's origin only, nothing
// inline, Trusted Types required.
//
// Not for: production hosting (any static host serving these types will do).

import http from 'node:http';
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.gz': 'application/gzip',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

/** Types worth compressing (not images, not files that are gzip already). */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.webmanifest',
  '.wasm',
  '.svg',
  '.txt',
  '.md',
  '.ts',
]);
/** gzip of each file version served: `path → { key, body }`. */
const gzipCache = new Map();

function gzipOf(file, key) {
  const hit = gzipCache.get(file);
  if (hit && hit.key === key) return hit.body;
  const body = zlib.gzipSync(fs.readFileSync(file), { level: 6 });
  gzipCache.set(file, { key, body });
  return body;
}

/** The page's policy: the same text as the meta tag in www/index.html (a test checks). */
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self' https://query.wikidata.org; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; trusted-types twinning-atlas";

function parseArgs(argv) {
  const out = { port: process.env.PORT ?? '8080', root: null, quiet: false };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--port' || a.startsWith('--port=')) out.port = value();
    else if (a === '--root' || a.startsWith('--root=')) out.root = value();
    else if (a === '--quiet') out.quiet = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: node scripts/serve.mjs [--port N] [--root DIR] [--quiet]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  const port = Number(out.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad port ${out.port}`);
  return { ...out, port };
}

/** The file under `root` a URL path names, or null when it would leave the root. */
export function resolvePath(root, urlPath) {
  let p;
  try {
    p = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (p.includes('\0')) return null;
  const full = path.resolve(root, `.${path.posix.normalize(`/${p}`)}`);
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  return full;
}

export function createServer(root, { log = () => {}, csp = null } = {}) {
  const realRoot = fs.realpathSync(root);
  return http.createServer((req, res) => {
    const headers = {
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    };
    const done = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { ...headers, 'Content-Type': type });
      res.end(req.method === 'HEAD' ? undefined : body);
      log(`${status} ${req.method} ${req.url}`);
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...headers,
        'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
        'Access-Control-Allow-Headers': '*',
      });
      res.end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return done(405, 'method not allowed\n');
    let file = resolvePath(realRoot, new URL(req.url, 'http://x').pathname);
    if (!file) return done(404, 'not found\n');
    fs.stat(file, (err, st) => {
      if (!err && st.isDirectory()) {
        file = path.join(file, 'index.html');
        st = fs.existsSync(file) ? fs.statSync(file) : null;
      }
      if (err || !st || !st.isFile()) return done(404, 'not found\n');
      // A symlink must not lead out of the root either.
      let real;
      try {
        real = fs.realpathSync(file);
      } catch {
        return done(404, 'not found\n');
      }
      if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return done(404, 'not found\n');
      const ext = path.extname(file).toLowerCase();
      const type = TYPES[ext] ?? 'application/octet-stream';
      const etag = `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
      const policy = csp && type.startsWith('text/html') ? { 'Content-Security-Policy': csp } : {};
      const validators = { ETag: etag, 'Last-Modified': st.mtime.toUTCString(), ...policy };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { ...headers, ...validators });
        res.end();
        log(`304 ${req.method} ${req.url}`);
        return;
      }
      const accepts = String(req.headers['accept-encoding'] ?? '');
      const compressible = COMPRESSIBLE.has(ext);
      const vary = compressible ? { Vary: 'Accept-Encoding' } : {};
      let body = null;
      let encoding = null;
      if (compressible && /\bbr\b/.test(accepts) && fs.existsSync(`${file}.br`)) {
        const br = fs.statSync(`${file}.br`);
        if (br.mtimeMs >= st.mtimeMs) {
          body = fs.readFileSync(`${file}.br`);
          encoding = 'br';
        }
      }
      if (!body && compressible && /\bgzip\b/.test(accepts) && st.size > 1024) {
        body = gzipOf(file, etag);
        encoding = 'gzip';
      }
      if (body) {
        res.writeHead(200, {
          ...headers,
          ...validators,
          ...vary,
          'Content-Type': type,
          'Content-Encoding': encoding,
          'Content-Length': body.length,
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      } else {
        res.writeHead(200, { ...headers, ...validators, ...vary, 'Content-Type': type, 'Content-Length': st.size });
        if (req.method === 'HEAD') {
          res.end();
        } else {
          fs.createReadStream(file)
            .on('error', () => res.destroy())
            .pipe(res);
        }
      }
      log(`200 ${req.method} ${req.url}`);
    });
  });
}

const isMain = process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`serve.mjs: ${e.message}`);
    process.exit(2);
  }
  const root = path.resolve(args.root ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'www'));
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    console.error(`serve.mjs: ${root} has no index.html`);
    process.exit(1);
  }
  if (!fs.existsSync(path.join(root, 'pkg', 'twinning_atlas_bg.wasm')) && !args.root) {
    console.error('serve.mjs: warning: www/pkg/ is missing; run `bash scripts/build.sh` first');
  }
  // the page's folder gets its policy; another folder (a host page in the tests) its own
  const csp = args.root ? null : CSP;
  const server = createServer(root, { log: args.quiet ? () => {} : (line) => console.error(line), csp });
  server.on('error', (e) => {
    console.error(`serve.mjs: ${e.message}`);
    process.exit(1);
  });
  server.listen(args.port, '127.0.0.1', () => {
    const { port } = server.address();
    console.log(`http://127.0.0.1:${port}/`);
    if (!args.quiet) console.error(`serving ${root} (Ctrl-C to stop)`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 1000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
