// Import and export through the npm package, as a user calls them: text and bytes in, a
// JSON-safe report out, errors with a stable `code`, a failed import leaving the data as
// it was, and the real Hekman file (when ../shared/data is there) found by search after.
// Needs `bash scripts/build.sh` first (scripts/test.sh does it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertJsonSafe, codeOf } from './_support.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = join(root, 'pkg');
if (!existsSync(join(pkg, 'package.json'))) throw new Error('pkg/ is missing: run bash scripts/build.sh');
const { Atlas } = await import(join(pkg, 'node.js'));
const fixtures = join(root, 'tests/fixtures/import');
const empty = () => Atlas.fromJson('{"format":"twinning-atlas/1"}');



test('imports text and bytes alike and returns a JSON-safe report', () => {
  const text = readFileSync(join(fixtures, 'reordered.csv'), 'utf8');
  const a = empty();
  const r1 = a.import(text, { mode: 'replace', sourceName: 'fixture' });
  const b = empty();
  const r2 = b.import(new Uint8Array(readFileSync(join(fixtures, 'reordered.csv'))), { mode: 'replace', sourceName: 'fixture' });
  assert.deepEqual(r1, r2);
  assertJsonSafe(r1);
  assert.equal(r1.format, 'csv');
  assert.equal(r1.rowsRead, 7);
  assert.equal(r1.rowsRejected, 2);
  assert.ok(r1.rejected.every((r) => typeof r.row === 'number' && typeof r.raw === 'string' && r.reason));
  assert.equal(JSON.stringify(JSON.parse(JSON.stringify(r1))), JSON.stringify(r1));
  assert.equal(a.stats().links, r1.pairs);
});

test('reads Wikidata SPARQL JSON and merges it into the data', () => {
  const a = empty();
  a.import(readFileSync(join(fixtures, 'reordered.csv'), 'utf8'), { mode: 'replace' });
  const before = a.stats().places;
  const r = a.import(readFileSync(join(fixtures, 'wikidata.json'), 'utf8'), { mode: 'merge', sourceName: 'Wikidata' });
  assert.equal(r.format, 'sparql_json');
  assert.equal(r.mode, 'merge');
  assert.ok(r.placesMatched >= 2, JSON.stringify(r));
  assert.equal(a.stats().places, before + r.placesAdded);
  const hit = a.search({ text: 'Coventry', limit: 1 }).hits[0];
  assert.equal(hit.place.name, 'Coventry');
});

test('errors carry a code and a failed import leaves the data untouched', () => {
  const a = empty();
  a.import(readFileSync(join(fixtures, 'reordered.csv'), 'utf8'), { mode: 'replace' });
  const before = a.export({ format: 'json' });
  assert.equal(codeOf(() => a.import('', { mode: 'replace' })), 'parse_error');
  assert.equal(codeOf(() => a.import('x'.repeat(2000), { maxBytes: 1000 })), 'too_large');
  assert.equal(codeOf(() => a.import('foo,bar\n1,2\n', {})), 'unsupported_format');
  assert.equal(codeOf(() => a.import('a,b\n', { mdoe: 'merge' })), 'invalid_argument');
  assert.equal(codeOf(() => a.import(42, {})), 'invalid_argument');
  assert.equal(codeOf(() => a.export({ format: 'xml' })), 'invalid_argument');
  assert.equal(a.export({ format: 'json' }), before);
});

test('exports JSON that imports identically, CSV and GeoJSON', () => {
  const a = empty();
  a.import(readFileSync(join(fixtures, 'golden-input.csv'), 'utf8'), { mode: 'replace' });
  const json = a.export({ format: 'json' });
  const b = empty();
  b.import(json, { mode: 'replace' });
  assert.equal(b.export({ format: 'json' }), json);
  assert.match(a.export({ format: 'csv' }), /^link_id,a_id,a_name,/);
  const geo = JSON.parse(a.export({ format: 'geojson' }));
  assert.equal(geo.type, 'FeatureCollection');
  assert.ok(geo.features.some((f) => f.geometry?.type === 'LineString'));
});

test('the whole Hekman file imports and a place is found with its partners', (t) => {
  const file = join(root, '../shared/data/hekman_twin_cities_geocoded.csv');
  if (!existsSync(file)) return t.skip('../shared/data is absent');
  const a = empty();
  const r = a.import(readFileSync(file), { mode: 'replace', sourceName: 'Hekman' });
  assert.equal(r.rowsRead, 25917);
  assert.equal(r.rowsRejected, 3);
  const hit = a.search({ text: 'Coventry', limit: 1 }).hits[0];
  const partners = a.partners(hit.place.id).partners.map((p) => p.partner.name);
  assert.ok(partners.includes('Dresden'), partners.join(', '));
});
