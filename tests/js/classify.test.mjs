// Classification, comparison, network and statistics through the npm package, as a user
// calls them: shapes, JSON-safety (camelCase, null for missing, no BigInt) and errors with a
// stable `code`. Needs `bash scripts/build.sh` first (scripts/test.sh does it).
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
const atlas = Atlas.withDefaultData();

test('classify explains a pair with the six criteria and a verdict', () => {
  const c = atlas.classify('tornio-fi', 'haparanda-se', { asOf: '2012' });
  assertJsonSafe(c);
  assert.equal(c.kind.kind, 'cross_border_twin_cities');
  assert.equal(c.status.status, 'established');
  assert.deepEqual(Object.keys(c.criteria), ['C1', 'C2', 'C3', 'C4', 'C5', 'C6']);
  for (const v of Object.values(c.criteria)) {
    assert.ok(['holds', 'fails', 'unknown'].includes(v.verdict));
    assert.ok(['recorded', 'computed', 'derived'].includes(v.source));
    assert.equal(typeof v.evidence, 'string');
    assert.ok(Array.isArray(v.sources));
  }
  assert.equal(c.criteria.C1.source, 'computed');
  assert.equal(c.twinCities.verdict, 'holds');
  assert.match(c.twinCities.reason, /^Tornio and Haparanda are twin cities/);
  assert.equal(typeof c.distanceKm, 'number');
  assert.equal(c.geographicTwin.scope, 'cross_border');
  assert.equal(c.agreement.recorded, true);
});

test('classify takes thresholds and works for places without a link', () => {
  const c = atlas.classify('kirkenes-no', 'nikel-ru', { thresholds: { adjacentKm: 5, nearBorderKm: 20 } });
  assert.equal(c.criteria.C1.verdict, 'fails');
  assert.deepEqual(c.thresholds, { adjacentKm: 5, nearBorderKm: 20, sharedTownKm: 50 });
  const none = atlas.classify('tornio-fi', 'coventry-gb');
  assert.equal(none.linkId, null);
  assert.equal(none.status.status, 'none');
  assert.equal(none.criteria.C3.verdict, 'fails');
});

test('the Baltic preset is one call and shows what changed since the paper', () => {
  const v = atlas.comparePairs({ preset: 'baltic' });
  assertJsonSafe(v);
  assert.equal(v.pairs.length, 5);
  assert.equal(v.ranking[0], 'Tornio – Haparanda');
  assert.equal(v.since.text, '2012');
  const kn = v.pairs.find((p) => p.label === 'Kirkenes – Nikel');
  assert.equal(kn.classification.status.status, 'terminated');
  assert.equal(kn.then.status, 'established');
  assert.equal(kn.changed, true);
  const explicit = atlas.comparePairs([['tornio-fi', 'haparanda-se'], { a: 'narva-ee', b: 'ivangorod-ru' }], {
    asOf: '2012',
  });
  assert.equal(explicit.pairs.length, 2);
  assert.equal(explicit.since, null);
});

test('places and countries side by side', () => {
  const p = atlas.comparePlaces(['coventry-gb', 'volgograd-ru']);
  assertJsonSafe(p);
  assert.equal(p.places.length, 2);
  assert.equal(p.between[0].status, 'suspended');
  // resolved: the places and countries come named, beside the ids and codes they keep
  assert.deepEqual(
    [p.between[0].aRef.name, p.between[0].bRef.name, p.between[0].bRef.countryName],
    ['Coventry', 'Volgograd', 'Russia'],
  );
  assert.ok(p.places[0].countries.some((x) => x.key === 'RU' && x.name === 'Russia' && x.count > 0));
  assert.ok(p.places[0].continents.some((x) => x.key === 'EU' && x.name === 'Europe'));
  assert.equal(p.countriesInCommon.length, p.countriesInCommonRefs.length);
  const c = atlas.compareCountries(['GB', 'DE']);
  assertJsonSafe(c);
  assert.equal(c.countries[0].code, 'GB');
  assert.ok(c.countries[0].twinnings > 0);
  assert.equal(c.countries[1].continentName, 'Europe');
  assert.ok(c.countries[1].topPartnerCountries.every((x) => x.name && x.name !== x.key));
  assert.deepEqual([c.between[0].aRef.name, c.between[0].bRef.name].sort(), ['Germany', 'United Kingdom']);
});

test('the network: chains, partners of partners, components, most connected', () => {
  const chain = atlas.chain('coventry-gb', 'volgograd-ru');
  assertJsonSafe(chain);
  assert.equal(chain.hops, 1);
  assert.equal(chain.links[0].from.id, 'coventry-gb');
  assert.equal(chain.links[0].from.countryName, 'United Kingdom');
  // the chain's places come in full, so a map needs no other call
  assert.ok(chain.places.every((x) => typeof x.lat === 'number' && typeof x.lon === 'number'));
  assertJsonSafe(atlas.partnersOfPartners('coventry-gb', { limit: 5 }));
  const comps = atlas.components();
  assertJsonSafe(comps);
  assert.ok(comps.count > 0);
  const of = atlas.componentOf('coventry-gb');
  assert.equal(typeof of.size, 'number');
  const most = atlas.mostConnected({ limit: 5 });
  assertJsonSafe(most);
  assert.equal(typeof most.saintPetersburg.statement, 'string');
});

test('statistics and classifyAll are JSON-safe and deterministic', () => {
  const s = atlas.statistics({ seed: 3 });
  assertJsonSafe(s);
  assert.deepEqual(atlas.statistics({ seed: 3 }), s);
  assert.equal(typeof s.distanceInfluence.statement, 'string');
  const all = atlas.classifyAll({ detail: true });
  assertJsonSafe(all);
  assert.equal(all.rows.length, all.links);
});

test('bad calls throw errors with a stable code', () => {
  assert.equal(
    codeOf(() => atlas.classify('nowhere-xx', 'tornio-fi')),
    'not_found',
  );
  assert.equal(
    codeOf(() => atlas.classify('tornio-fi', 'haparanda-se', { asof: '2012' })),
    'invalid_argument',
  );
  assert.equal(
    codeOf(() => atlas.classify('tornio-fi', 'haparanda-se', { thresholds: { adjacentKm: -1 } })),
    'invalid_argument',
  );
  assert.equal(
    codeOf(() => atlas.classify(42, 'tornio-fi')),
    'invalid_argument',
  );
  assert.equal(
    codeOf(() => atlas.comparePairs({ preset: 'alps' })),
    'invalid_argument',
  );
  assert.equal(
    codeOf(() => atlas.comparePairs('baltic')),
    'invalid_argument',
  );
  assert.equal(
    codeOf(() => atlas.comparePlaces(['coventry-gb'])),
    'invalid_argument',
  );
  assert.equal(
    codeOf(() => atlas.compareCountries(['XX'])),
    'not_found',
  );
  assert.equal(
    codeOf(() => atlas.chain('coventry-gb', 'nowhere-xx')),
    'not_found',
  );
  assert.equal(
    codeOf(() => atlas.statistics({ rounds: 0 })),
    'invalid_argument',
  );
});
