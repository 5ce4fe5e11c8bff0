// `atlas.mapData({ asOf })`, the maps' columns, as the page reads them: typed arrays of equal
// length, text columns joined by newlines, links pointing at places, statuses at the date
// asked for, and errors with a stable code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeOf } from './_support.mjs';

const pkg = fileURLToPath(new URL('../../pkg/', import.meta.url));
if (!existsSync(join(pkg, 'package.json'))) throw new Error('pkg/ is missing: run bash scripts/build.sh');
const { Atlas } = await import(join(pkg, 'node.js'));
const atlas = Atlas.withDefaultData();

test('the columns are typed arrays of one length, and links point at places', () => {
  const d = atlas.mapData({});
  const n = d.places.lat.length;
  assert.ok(n > 100);
  assert.ok(d.places.lat instanceof Float64Array && d.places.partners instanceof Uint32Array);
  assert.equal(d.places.id.split('\n').length, n);
  assert.equal(d.places.name.split('\n').length, n);
  assert.equal(d.places.country.split('\n').length, n);
  const m = d.links.a.length;
  for (const col of ['b', 'status', 'form', 'since', 'until', 'decided']) assert.equal(d.links[col].length, m, col);
  assert.ok(d.links.a.every((i) => i < n) && d.links.b.every((i) => i < n));
  assert.ok(d.links.status.every((s) => s < d.statuses.length));
  assert.equal(d.asOf, null);
});

test('Coventry–Volgograd is established at the end of 2021 and suspended in 2022', () => {
  for (const [asOf, want, decided] of [
    ['2021', 'established', null],
    ['2022', 'suspended', 2022],
  ]) {
    const d = atlas.mapData({ asOf });
    const ids = d.places.id.split('\n');
    const c = ids.indexOf('coventry-gb');
    const v = ids.indexOf('volgograd-ru');
    const k = [...d.links.a.keys()].find(
      (i) => (d.links.a[i] === c && d.links.b[i] === v) || (d.links.a[i] === v && d.links.b[i] === c),
    );
    assert.equal(d.statuses[d.links.status[k]], want, asOf);
    if (decided) assert.equal(d.links.decided[k], decided);
    assert.equal(d.asOf, asOf);
  }
});

test('a bad date and an unknown option are errors with a code', () => {
  assert.equal(
    codeOf(() => atlas.mapData({ asOf: 'soon' })),
    'invalid_argument',
  );
  assert.equal(
    codeOf(() => atlas.mapData({ asof: '2022' })),
    'invalid_argument',
  );
});
