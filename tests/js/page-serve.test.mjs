// scripts/serve.mjs: the URL on the first line, content types, CORS, no way out of www/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let child;
let url;

before(async () => {
  child = spawn(process.execPath, [path.join(ROOT, 'scripts/serve.mjs'), '--port', '0', '--quiet'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  url = await new Promise((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
});

after(() => child.kill('SIGTERM'));

/** A raw GET (no URL normalisation by the client), so `..` reaches the server as written. */
function get(rawPath) {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    http
      .get({ host: u.hostname, port: u.port, path: rawPath }, (res) => {
        let body = '';
        res.on('data', (d) => {
          body += d;
        });
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
      })
      .on('error', reject);
  });
}

test('prints http://127.0.0.1:PORT/ first and serves the page', async () => {
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const r = await get('/');
  assert.equal(r.status, 200);
  assert.match(r.headers['content-type'], /^text\/html/);
  assert.equal(r.headers['access-control-allow-origin'], '*');
});

test('sends the content types browsers insist on', async () => {
  const types = {
    '/embed.js': /^text\/javascript/,
    '/style.css': /^text\/css/,
    '/manifest.webmanifest': /^application\/manifest\+json/,
    '/icon.svg': /^image\/svg\+xml/,
    '/sw.js': /^text\/javascript/,
  };
  for (const [p, type] of Object.entries(types)) {
    const r = await get(p);
    assert.equal(r.status, 200, p);
    assert.match(r.headers['content-type'], type, p);
  }
});

test('serves the wasm as application/wasm when it is built', async (t) => {
  const r = await get('/pkg/twinning_atlas_bg.wasm');
  if (r.status === 404) return t.skip('www/pkg is not built');
  assert.equal(r.headers['content-type'], 'application/wasm');
});

test('never serves a file outside www/', async () => {
  for (const p of [
    '/../Cargo.toml',
    '/%2e%2e/Cargo.toml',
    '/..%2fCargo.toml',
    '/lib/../../Cargo.toml',
    '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/%00',
  ]) {
    const r = await get(p);
    assert.equal(r.status, 404, p);
    assert.doesNotMatch(r.body, /\[package\]|root:/, p);
  }
  assert.equal((await get('/no-such-file.js')).status, 404);
});

/** A GET with request headers, keeping the body as bytes. */
function getWith(rawPath, headers) {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    http
      .get({ host: u.hostname, port: u.port, path: rawPath, headers }, (res) => {
        const parts = [];
        res.on('data', (d) => parts.push(d));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(parts) }));
      })
      .on('error', reject);
  });
}

test('compresses what is worth it: brotli for the wasm when asked, gzip otherwise, never the .gz asset', async () => {
  const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
  const { readFileSync, existsSync } = await import('node:fs');
  const wasmFile = path.join(ROOT, 'www/pkg/twinning_atlas_bg.wasm');
  if (!existsSync(wasmFile)) return; // built by scripts/build.sh; scripts/test.sh builds first
  const raw = readFileSync(wasmFile);
  const br = await getWith('/pkg/twinning_atlas_bg.wasm', { 'accept-encoding': 'gzip, deflate, br' });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers['content-type'], 'application/wasm');
  assert.match(br.headers.vary, /Accept-Encoding/);
  assert.ok(br.body.length < raw.length / 2, `${br.body.length} bytes`);
  assert.ok(brotliDecompressSync(br.body).equals(raw));
  const gz = await getWith('/pkg/twinning_atlas_bg.wasm', { 'accept-encoding': 'gzip' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.ok(gunzipSync(gz.body).equals(raw));
  const js = await getWith('/embed.js', { 'accept-encoding': 'gzip' });
  assert.equal(js.headers['content-encoding'], 'gzip');
  const plain = await getWith('/embed.js', {});
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.ok(gunzipSync(js.body).equals(plain.body));
  const world = await getWith('/pkg/world.json.gz', { 'accept-encoding': 'gzip, br' });
  assert.equal(world.headers['content-encoding'], undefined, 'the gzip asset is sent as it is');
  assert.equal(world.headers['content-type'], 'application/gzip');
});

test('answers a revalidation with 304 and no body', async () => {
  const first = await getWith('/embed.js', {});
  assert.ok(first.headers.etag);
  assert.ok(first.headers['last-modified']);
  assert.equal(first.headers['cache-control'], 'no-cache');
  const again = await getWith('/embed.js', { 'if-none-match': first.headers.etag });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
});
