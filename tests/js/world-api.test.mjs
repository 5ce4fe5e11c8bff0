// The world network through the npm package, as a user meets it: Atlas.withWorldData() in
// Node, Atlas.loadWorld(bytes | url) everywhere, the towns a new user types first, every
// partner with its sources, the attribution, and bad world data refused with the atlas intact.
// Needs `bash scripts/build.sh` first (scripts/test.sh does it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { assertJsonSafe, codeOf, TOWNS } from './_support.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = join(root, 'pkg');
if (!existsSync(join(pkg, 'package.json'))) throw new Error('pkg/ is missing: run bash scripts/build.sh');
const { Atlas } = await import(join(pkg, 'node.js'));
const world = Atlas.withWorldData();

/** The place a person means by `text` (the first hit, which must be an exact name). */
function open(text, country) {
  const r = world.search({ text, limit: 10, country: country ? [country] : undefined });
  const hit = r.hits[0];
  assert.ok(hit, `no hit for ${text}`);
  assert.notEqual(hit.quality, 'typo', `${text} found only by a spelling guess: ${hit.place.name}`);
  return hit.place;
}

for (const [name, country, least] of TOWNS) {
  test(`${name} (${country}) has at least ${least} partners, each with its sources`, () => {
    const place = open(name, country);
    assert.equal(place.country, country);
    const p = world.partners(place.id);
    assert.ok(p.partners.length >= least, `${name}: ${p.partners.length} partners`);
    for (const x of p.partners) assert.ok(x.sources.length > 0, `${name} – ${x.partner.name} has no source`);
    assert.ok(
      p.coverage.bySource.some((s) => s.source.id.startsWith('world-')),
      'no world source in the coverage',
    );
  });
}

test('Köln, Cologne, Koeln and Кёльн open the same place', () => {
  const ids = ['Köln', 'Cologne', 'Koeln', 'Кёльн'].map((t) => open(t, 'DE').id);
  assert.equal(new Set(ids).size, 1, ids.join(' '));
});

test('Coventry keeps its curated history beside the world partners', () => {
  const p = world.partners('coventry-gb');
  const v = p.partners.find((x) => x.partner.id === 'volgograd-ru');
  assert.equal(v.status.status, 'suspended');
  assert.equal(v.status.decidedBy.date.text, '2022-03-22');
  assert.ok(p.partners.length > 10, `${p.partners.length}`);
  assert.ok(p.coverage.withHistory >= 5 && p.coverage.listedOnly > 0, JSON.stringify(p.coverage));
  // unknown statuses sort after every known one
  const ranks = p.partners.map((x) => (x.status.status === 'unknown' ? 1 : 0));
  assert.deepEqual(ranks, [...ranks].sort());
  assertJsonSafe(p);
});

test('the world info carries the licence and every source', () => {
  const info = world.world();
  assertJsonSafe(info);
  assert.equal(info.licence, 'CC BY-SA 4.0');
  assert.match(info.attribution, /Wikipedia/);
  assert.match(info.attribution, /GeoNames/);
  const ids = info.sources.map((s) => s.id);
  for (const id of ['world-enwiki-2026', 'world-wikidata-2017', 'world-wikidata-2016']) assert.ok(ids.includes(id), id);
  assert.ok(info.counts.places > 15000 && info.counts.links > 25000, JSON.stringify(info.counts));
  assert.equal(Atlas.withDefaultData().world(), null);
});

test('loadWorld takes gzip or plain bytes and gives the same atlas', async () => {
  const gz = readFileSync(join(pkg, 'world.json.gz'));
  const a = await Atlas.loadWorld(gz);
  const b = await Atlas.loadWorld(gunzipSync(gz));
  const c = await Atlas.loadWorld();
  assert.equal(a.stats().links, world.stats().links);
  assert.equal(b.stats().links, world.stats().links);
  assert.equal(c.stats().places, world.stats().places);
  for (const x of [a, b, c]) x.free();
});

test('bad world data is refused with a code and leaves the atlas as it was', async () => {
  const atlas = Atlas.withDefaultData();
  const before = atlas.stats().places;
  const text = gunzipSync(readFileSync(join(pkg, 'world.json.gz'))).toString('utf8');
  const bad = [
    ['unsupported_format', Buffer.from(text.replace('twinning-atlas-world/1', 'twinning-atlas-world/9'))],
    ['parse_error', Buffer.from(text.slice(0, 5000))],
    ['parse_error', Buffer.from('["twinning-atlas-world/1"]')],
    ['unsupported_format', Buffer.from([0x1f, 0x8b, 8, 0])],
  ];
  for (const [code, bytes] of bad) {
    assert.equal(
      codeOf(() => atlas.loadWorldBytes(bytes)),
      code,
    );
    assert.equal(atlas.stats().places, before);
    assert.equal(atlas.world(), null);
    assert.equal(atlas.search({ text: 'stalingrad' }).hits[0].place.name, 'Volgograd');
  }
  await assert.rejects(Atlas.loadWorld(gzipSync(Buffer.from('{"format":1}'))), (e) => e.code === 'parse_error');
  await assert.rejects(Atlas.loadWorld(42), (e) => e.code === 'invalid_argument');
});

test('an import merges on top of the world and keeps it', () => {
  const atlas = Atlas.withWorldData();
  const n = atlas.stats().places;
  atlas.import('city1,country1,city2,country2\nCoventry,United Kingdom,Nowhere Test Town,Germany\n', { format: 'csv' });
  assert.ok(atlas.world());
  assert.equal(atlas.stats().places, n + 1);
  atlas.free();
});

test('the package carries the world data and its attribution', () => {
  const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  for (const f of ['world.json.gz', 'DATA-LICENSES.md']) {
    assert.ok(manifest.files.includes(f), `${f} not in files`);
    assert.ok(existsSync(join(pkg, f)), `${f} not built`);
  }
  assert.match(manifest.license, /CC-BY-SA-4\.0/);
  const text = readFileSync(join(pkg, 'DATA-LICENSES.md'), 'utf8');
  assert.match(text, /CC BY-SA 4\.0/);
  assert.ok(text.includes(world.world().attribution), 'the attribution differs from the asset');
});
