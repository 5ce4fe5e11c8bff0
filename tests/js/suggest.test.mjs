// Find a partner through the npm package, as a user meets it: Atlas.withWorldData() in Node,
// suggestPartners with its filters, whyNot, reasons in plain words, JSON-safe output,
// errors with stable codes, and the same answers from two atlases.
// Needs `bash scripts/build.sh` first (scripts/test.sh does it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertJsonSafe, codeOf } from './_support.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = join(root, 'pkg');
if (!existsSync(join(pkg, 'package.json'))) throw new Error('pkg/ is missing: run bash scripts/build.sh');
const { Atlas } = await import(join(pkg, 'node.js'));
const world = Atlas.withWorldData();

test('Coventry gets ten suggestions, each with reasons in plain words', () => {
  const r = world.suggestPartners('coventry-gb');
  assertJsonSafe(r);
  assert.equal(r.suggestions.length, 10);
  assert.ok(r.model.trainedOn > 1000, JSON.stringify(r.model));
  const partners = new Set(world.partners('coventry-gb').partners.map((p) => p.partner.id));
  for (const s of r.suggestions) {
    assert.ok(!partners.has(s.place.id), `${s.place.name} is a partner already`);
    assert.notEqual(s.place.id, 'coventry-gb');
    assert.ok(s.reasons.length > 0, `${s.place.name} has no reasons`);
    for (const x of [...s.reasons, ...s.against]) {
      assert.match(x.text, /^[A-Za-z0-9]/);
      assert.ok(!/NaN|undefined|null/.test(x.text), x.text);
    }
  }
  const shared = r.suggestions.flatMap((s) => s.reasons).find((x) => x.kind === 'sharedPartners');
  assert.ok(shared, 'a suggestion rests on shared partners');
  assert.match(shared.text, /^\d+ of Coventry's partners (are also partners|is also a partner) of .+$/);
  // every distance is said the same way, wherever it is strong enough to be said
  for (const s of r.suggestions) {
    assert.equal(typeof s.distanceKm, 'number');
    for (const x of [...s.reasons, ...s.against].filter((y) => y.kind === 'distance'))
      assert.match(x.text, /^[\d,]+ km apart, /);
  }
  const why = world.whyNot('coventry-gb', 'lyon-fr');
  assert.ok(
    [...why.other.reasons, ...why.other.against].some(
      (x) => x.kind === 'countries' && /^towns in United Kingdom and France are twinned [\d,]+ times$/.test(x.text),
    ),
    JSON.stringify(why.other),
  );
});

test('the filters keep only places of that country, distance and size', () => {
  const fr = world.suggestPartners('coventry-gb', { country: 'FR', limit: 20 });
  assert.ok(fr.suggestions.length > 0);
  assert.ok(fr.suggestions.every((s) => s.place.country === 'FR'));
  const near = world.suggestPartners('coventry-gb', { maxDistanceKm: 500 });
  assert.ok(near.suggestions.length > 0);
  assert.ok(near.suggestions.every((s) => s.distanceKm <= 500));
  const sized = world.suggestPartners('coventry-gb', { minPopulation: 100000, maxPopulation: 500000 });
  assert.ok(sized.suggestions.every((s) => s.place.population >= 100000 && s.place.population <= 500000));
  const first = world.suggestPartners('coventry-gb', { limit: 1 }).suggestions[0].place.id;
  const without = world.suggestPartners('coventry-gb', { exclude: [first] });
  assert.ok(without.suggestions.every((s) => s.place.id !== first));
});

test('why not gives the score, rank and reasons for a typed-in pair', () => {
  const top = world.suggestPartners('coventry-gb').suggestions[2];
  const w = world.whyNot('coventry-gb', top.place.id);
  assertJsonSafe(w);
  assert.equal(w.rank, 3);
  assert.equal(w.alreadyPartners, false);
  assert.deepEqual(w.other, top);
  const partner = world.whyNot('coventry-gb', 'volgograd-ru');
  assert.equal(partner.alreadyPartners, true);
});

test('two atlases give the same suggestions', () => {
  const other = Atlas.withWorldData();
  assert.deepEqual(other.suggestPartners('kyiv-ua'), world.suggestPartners('kyiv-ua'));
});

test('bad options are refused with stable codes', () => {
  assert.equal(
    codeOf(() => world.suggestPartners('coventry-gb', { maxDistance: 5 })),
    'invalid_argument',
  );
  assert.equal(
    codeOf(() => world.suggestPartners('coventry-gb', { limit: 0 })),
    'invalid_argument',
  );
  assert.equal(
    codeOf(() => world.suggestPartners('coventry-gb', { country: 'Atlantis' })),
    'invalid_argument',
  );
  assert.equal(
    codeOf(() => world.suggestPartners('no-such-place')),
    'not_found',
  );
  assert.equal(
    codeOf(() => world.whyNot('coventry-gb', 'coventry-gb')),
    'invalid_argument',
  );
  assert.equal(
    codeOf(() => world.suggestPartners(42)),
    'invalid_argument',
  );
});
