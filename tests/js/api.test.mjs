// The npm package as a user meets it: `import { Atlas } from 'twinning-atlas'` in Node from
// a project that installed pkg/, JSON-safe outputs, and errors with a stable `code`.
// Needs `bash scripts/build.sh` first (scripts/test.sh does it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { assertJsonSafe, codeOf } from './_support.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = join(root, 'pkg');
if (!existsSync(join(pkg, 'package.json'))) throw new Error('pkg/ is missing: run bash scripts/build.sh');
const { Atlas, version } = await import(join(pkg, 'node.js'));
const atlas = Atlas.withDefaultData();

test('imports by package name in Node, with no init call', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ta-user-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(pkg, join(dir, 'node_modules', 'twinning-atlas'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  writeFileSync(
    join(dir, 'main.mjs'),
    `
    import { Atlas } from 'twinning-atlas';
    const a = Atlas.withDefaultData();
    const hit = a.search({ text: 'stalingrad', limit: 3 }).hits[0];
    console.log(hit.place.name + ' via ' + hit.matched);
  `,
  );
  const out = execFileSync(process.execPath, ['main.mjs'], { cwd: dir, encoding: 'utf8' });
  assert.equal(out.trim(), 'Volgograd via Stalingrad');
});

test('the package manifest is complete', () => {
  const m = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  assert.equal(m.name, 'twinning-atlas');
  assert.equal(m.type, 'module');
  assert.ok(m.types && existsSync(join(pkg, m.types)));
  for (const f of m.files) assert.ok(existsSync(join(pkg, f)), `${f} listed but missing`);
  assert.match(version(), /^\d+\.\d+\.\d+/);
  assert.equal(m.version, version());
});

test('every query returns JSON-safe plain objects', () => {
  const results = [
    atlas.search({ text: 'kol', limit: 10 }),
    atlas.place('volgograd-ru'),
    atlas.partners('coventry-gb', {}),
    atlas.partners('coventry-gb', { asOf: '1950' }),
    atlas.link('coventry-gb', 'volgograd-ru'),
    atlas.terms(),
    atlas.stats(),
    atlas.groups(),
    atlas.notes(),
    atlas.countries(),
    atlas.sources(),
    atlas.link('coventry-gb', 'volgograd-ru', { asOf: '2000' }),
  ];
  for (const r of results) {
    assertJsonSafe(r);
    assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
  }
});

test('status follows the date asked for', () => {
  const at = (asOf) =>
    atlas.partners('volgograd-ru', asOf ? { asOf } : undefined).partners.find((p) => p.partner.id === 'coventry-gb');
  assert.equal(at('1943').status.status, 'none');
  assert.equal(at('2021').status.status, 'established');
  assert.equal(at().status.status, 'suspended');
  assert.equal(at().status.decidedBy.date.text, '2022-03-22');
  assert.equal(at().since.year, 1944);
});

test('a link answers for a date, and names every source it cites', () => {
  const then = atlas.link('coventry-gb', 'volgograd-ru', { asOf: '2000' });
  const now = atlas.linkById(then.id);
  assert.equal(then.status.status, 'established');
  assert.equal(now.status.status, 'suspended');
  const ids = new Set(now.allSources.map((s) => s.id));
  for (const e of now.events) for (const s of e.sources) assert.ok(ids.has(s.id), s.id);
  for (const s of now.allSources) assert.notEqual(s.title, s.id, `source ${s.id} is not resolved`);
});

test('countries of the data come with names, continents and counts', () => {
  const list = atlas.countries();
  const ru = list.find((c) => c.code === 'RU');
  assert.equal(ru.name, 'Russia');
  assert.equal(ru.continent, 'EU');
  assert.ok(ru.twinnings >= 10);
  assert.ok(list[0].twinnings >= list[list.length - 1].twinnings, 'sorted by twinnings');
  const ids = new Set(atlas.sources().map((s) => s.id));
  assert.ok(ids.has('seed-000') && ids.has('seed-001'));
  for (const n of atlas.notes())
    for (const d of n.disagreements) {
      for (const s of d.sources) {
        assert.ok(
          n.allSources.some((x) => x.id === s),
          `note ${n.id}: ${s} unresolved`,
        );
      }
      // resolved in place: who claims it and the sources kept, with their titles
      assert.equal(d.claimedByRef.id, d.claimedBy);
      assert.ok(d.claimedByRef.title && d.claimedByRef.title !== d.claimedBy, `note ${n.id}: claimedBy unresolved`);
      assert.deepEqual(
        d.sourceRefs.map((x) => x.id),
        d.sources,
      );
    }
});

test('groups and notes are reachable', () => {
  const cta = atlas.groups().find((g) => /City Twins/.test(g.name));
  assert.ok(cta, 'the City Twins Association is a group');
  assert.ok(cta.members.some((m) => m.name === 'Tornio'));
  assert.equal(atlas.group(cta.id).name, cta.name);
  assert.ok(atlas.notes().length >= 10);
  const most = atlas.stats().mostConnected[0];
  assert.ok(most.place.name && most.count > 0);
});

test('bad calls throw errors with a stable code', () => {
  assert.equal(
    codeOf(() => atlas.place('atlantis')),
    'not_found',
  );
  assert.equal(
    codeOf(() => atlas.place(42)),
    'invalid_argument',
  );
  assert.equal(
    codeOf(() => atlas.search({ text: 'x', limit: -1 })),
    'invalid_argument',
  );
  assert.equal(
    codeOf(() => atlas.search({ text: 'x', lmit: 5 })),
    'invalid_argument',
  );
  assert.equal(
    codeOf(() => atlas.search()),
    'invalid_argument',
  );
  assert.equal(
    codeOf(() => atlas.partners('coventry-gb', { asOf: 'soon' })),
    'invalid_argument',
  );
  assert.equal(
    codeOf(() => atlas.link('coventry-gb', 'nowhere')),
    'not_found',
  );
  assert.equal(
    codeOf(() => atlas.group('nope')),
    'not_found',
  );
  assert.equal(
    codeOf(() => atlas.notes({ plac: 'x' })),
    'invalid_argument',
  );
  assert.equal(
    codeOf(() => Atlas.fromJson('{"format":"something-else/9"}')),
    'unsupported_format',
  );
  assert.equal(
    codeOf(() => Atlas.fromJson('not json')),
    'parse_error',
  );
});

test('a failed call leaves the atlas usable', () => {
  for (let i = 0; i < 50; i++) codeOf(() => atlas.place(`missing-${i}`));
  assert.equal(atlas.search({ text: 'enso', limit: 1 }).hits[0].place.name, 'Svetogorsk');
});

test('strange input never kills the module', () => {
  const odd = ['', ' ', '\u0000', '\uFFFF', 'ß'.repeat(10000), '💥🏙️', '"\\', 'a'.repeat(100000), '%s%n'];
  for (const text of odd) {
    const r = atlas.search({ text, limit: 5 });
    assert.ok(Array.isArray(r.hits));
  }
  assert.equal(atlas.search({ text: 'ankh', limit: 1 }).hits[0].place.name, 'Ankh-Morpork');
});
