// vocabulary(), search(text) and the Node entry's init/initSync, against the built package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import init, { Atlas, initSync, vocabulary } from '../../pkg/node.js';
import { assertJsonSafe } from './_support.mjs';

test('vocabulary lists every status, form, level and criterion in the core order', () => {
  const v = vocabulary();
  assertJsonSafe(v);
  assert.deepEqual(v.statuses, ['proposed', 'attempted', 'established', 'suspended', 'terminated', 'none', 'unknown']);
  assert.ok(v.forms.includes('sister_city') && v.levels.includes('village') && v.motives.includes('reconciliation'));
  assert.deepEqual(
    v.criteria.filter((c) => c.necessary).map((c) => c.id),
    ['C1', 'C2', 'C3', 'C6'],
  );
  assert.ok(v.kinds.includes('cross_border_twin_cities'));
  assert.deepEqual(v.exportFormats, ['json', 'csv', 'geojson']);
});

test('the page labels every value of the vocabularies it labels', async () => {
  const f = await import('../../www/lib/format.js');
  const v = vocabulary();
  for (const [table, values] of [
    [f.STATUS, v.statuses],
    [f.FORM, v.forms],
    [f.LEVEL, v.levels],
    [f.MOTIVE, v.motives],
    [f.EVENT, v.eventKinds],
    [f.NAME_KIND, v.nameKinds],
    [f.GROUP_KIND, v.groupKinds],
    [f.ORIGIN, v.origins],
    [f.VERDICT, v.verdicts],
    [f.CRITERIA, v.criteria.map((c) => c.id)],
  ]) {
    for (const x of values) assert.ok(table[x], `${x} has a label`);
  }
  for (const s of v.statuses) assert.ok(f.STATUS_HELP[s], `${s} has help`);
});

test('search takes the text alone as a string', () => {
  const atlas = Atlas.withDefaultData();
  try {
    const a = atlas.search('stalingrad');
    assert.deepEqual(a, atlas.search({ text: 'stalingrad' }));
    assert.equal(a.hits[0].place.name, 'Volgograd');
  } finally {
    atlas.free();
  }
});

test('in Node init() and initSync() are no-ops that give the module', async () => {
  const exports = await init();
  assert.equal(initSync({ module: new Uint8Array(0) }), exports);
  assert.equal(typeof exports.memory, 'object');
});
