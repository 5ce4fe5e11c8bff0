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
  const r2 = b.import(new Uint8Array(readFileSync(join(fixtures, 'reordered.csv'))), {
    mode: 'replace',
    sourceName: 'fixture',
  });
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
  assert.equal(
    codeOf(() => a.import('', { mode: 'replace' })),
    'parse_error',
  );
  assert.equal(
    codeOf(() => a.import('x'.repeat(2000), { maxBytes: 1000 })),
    'too_large',
  );
  assert.equal(
    codeOf(() => a.import('foo,bar\n1,2\n', {})),
    'unsupported_format',
  );
  assert.equal(
    codeOf(() => a.import('a,b\n', { mdoe: 'merge' })),
    'invalid_argument',
  );
  assert.equal(
    codeOf(() => a.import(42, {})),
    'invalid_argument',
  );
  assert.equal(
    codeOf(() => a.export({ format: 'xml' })),
    'invalid_argument',
  );
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

test('previewTable shows the first rows and a guess that imports as no mapping does', () => {
  const text = readFileSync(join(fixtures, 'gemellaggi-comuni.csv'), 'utf8');
  const p = Atlas.previewTable(text);
  assertJsonSafe(p);
  assert.equal(p.format, 'csv');
  assert.equal(p.delimiter, '|');
  assert.equal(p.header[6], 'comune_end_name');
  assert.equal(p.rows.length, 12);
  assert.equal(p.recognised, true);
  assert.equal(p.guess.aName, 'comune_start_name');
  assert.equal(p.guess.bCountry, 'comune_end_stato');
  assert.ok(p.columns.some((c) => c.column === 'gemelli_names' && c.role === 'ignored'));
  const a = empty();
  const b = empty();
  const r1 = a.import(text, { mode: 'replace' });
  const r2 = b.import(text, { mode: 'replace', mapping: p.guess });
  assert.equal(a.export({ format: 'json' }), b.export({ format: 'json' }));
  assert.equal(r1.pairs, r2.pairs);
  // an unrecognised table: one mapping step, with a constant
  const q = Atlas.previewTable('Partnerkommune;Ort\nKiel;Coventry\n');
  assert.equal(q.recognised, false);
  const c = empty();
  const r = c.import('Partnerkommune;Ort\nKiel;Coventry\n', {
    mode: 'replace',
    mapping: { ...q.guess, aName: 'Partnerkommune', aCountry: '=Germany', bName: 'Ort' },
  });
  assert.equal(r.pairs, 1);
  assert.equal(
    codeOf(() => Atlas.previewTable('')),
    'parse_error',
  );
  assert.equal(
    codeOf(() => Atlas.previewTable('x'.repeat(2000), { maxBytes: 100 })),
    'too_large',
  );
  assert.equal(
    codeOf(() => Atlas.previewTable('[1, 2', {})),
    'parse_error',
  );
});

test('a merge that disagrees lists the conflict; keep, take and both act on it', () => {
  const csv = 'city1,country1,city2,country2,start\nCoventry,United Kingdom,Kiel,Germany,1967\n';
  const starts = (atlas) =>
    atlas
      .link('coventry-gb', 'kiel-de')
      .events.filter((e) => e.kind === 'established')
      .map((e) => e.date.text)
      .sort();
  const a = Atlas.withDefaultData();
  const dry = a.import(csv, { dryRun: true });
  assert.equal(dry.dryRun, true);
  assert.deepEqual(starts(a), ['1947']);
  const [c] = dry.conflicts;
  assertJsonSafe(dry);
  assert.equal(c.id, 'start:coventry-gb~kiel-de');
  assert.equal(c.kind, 'start');
  assert.deepEqual([c.loaded.value, c.incoming.value], ['1947', '1967']);
  assert.equal(c.link.bName, 'Kiel');
  assert.ok(c.loaded.sources.every((s) => s.id && s.name));
  const both = a.import(csv, {});
  assert.equal(both.conflicts[0].resolution, 'both');
  assert.deepEqual(starts(a), ['1947', '1967']);
  assert.equal(a.link('coventry-gb', 'kiel-de').disagreements.length, 1);
  const k = Atlas.withDefaultData();
  k.import(csv, { resolutions: { [c.id]: 'keep' } });
  assert.deepEqual(starts(k), ['1947']);
  const t = Atlas.withDefaultData();
  t.import(csv, { conflicts: 'take' });
  assert.deepEqual(starts(t), ['1967']);
  assert.equal(
    codeOf(() => t.import(csv, { conflicts: 'maybe' })),
    'invalid_argument',
  );
});

test('quickStatements writes P190 both ways and lists what it cannot write', () => {
  const out = Atlas.quickStatements([
    { a: 'Q1707', b: 'Q23311', start: '1947', reference: 'https://www.kiel.de/partner' },
    { a: 'Q1707', aName: 'Kiel', bName: 'Sovetsk' },
  ]);
  assertJsonSafe(out);
  assert.equal(
    out.commands,
    'Q1707\tP190\tQ23311\tP580\t+1947-00-00T00:00:00Z/9\tS854\t"https://www.kiel.de/partner"\n' +
      'Q23311\tP190\tQ1707\tP580\t+1947-00-00T00:00:00Z/9\tS854\t"https://www.kiel.de/partner"\n',
  );
  assert.deepEqual(out.skipped, [{ row: 2, reason: 'no Wikidata id for Sovetsk', written: false }]);
  assert.equal(
    codeOf(() => Atlas.quickStatements([{ a: 'Q1', bogus: 1 }])),
    'invalid_argument',
  );
  assert.equal(
    codeOf(() => Atlas.quickStatements('Q1')),
    'invalid_argument',
  );
});

test("quickStatementsFor writes the atlas's own links", () => {
  const a = Atlas.withDefaultData();
  a.import(readFileSync(join(fixtures, 'wikidata-query-download.json'), 'utf8'), {});
  const link = a.link('coventry-gb', 'kiel-de');
  const out = a.quickStatementsFor([link.id]);
  assertJsonSafe(out);
  assert.ok(out.commands.startsWith('Q23311\tP190\tQ1707\tP580\t+1947-00-00T00:00:00Z/9'), out.commands);
  assert.equal(out.lines, 2);
  assert.equal(
    codeOf(() => a.quickStatementsFor(['nope~nope'])),
    'not_found',
  );
});
