// The user's own changes through the package (`atlas.applyEdits`): a JSON-safe report, each
// change citing its own source, a change that cannot apply reported while the others apply,
// coded errors for what is not a list of changes, and the atlas unchanged after an error.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Atlas } from '../../pkg/node.js';
import { assertJsonSafe, codeOf } from './_support.mjs';

const ref = (atlas, id) => {
  const p = atlas.place(id);
  return {
    id: p.id,
    name: p.name,
    country: p.country,
    admin: p.admin,
    level: p.level,
    lat: p.lat,
    lon: p.lon,
    wikidata: p.wikidata,
  };
};

test('applyEdits adds a partner with its event and source, and reports each change', () => {
  const atlas = Atlas.withDefaultData();
  const before = atlas.partners('coventry-gb', {}).partnerCount;
  const report = atlas.applyEdits([
    {
      id: 'n1',
      kind: 'partner',
      a: ref(atlas, 'coventry-gb'),
      b: ref(atlas, 'tornio-fi'),
      form: 'friendship',
      event: { kind: 'established', date: '2025-06-01', actor: 'City council' },
      sourceUrl: 'https://example.org/minutes',
      made: '2026-12-01',
    },
    {
      id: 'n2',
      kind: 'correct',
      a: ref(atlas, 'coventry-gb'),
      b: ref(atlas, 'volgograd-ru'),
      replaces: { kind: 'established', date: '1066' },
      event: { kind: 'established', date: '1943' },
    },
  ]);
  assertJsonSafe(report);
  assert.equal(report.applied, 1);
  assert.equal(report.skipped, 1);
  assert.match(report.outcomes[1].message, /no longer on the link/);
  assert.equal(atlas.partners('coventry-gb', {}).partnerCount, before + 1);
  const link = atlas.link('coventry-gb', 'tornio-fi', {});
  assert.equal(link.form, 'friendship');
  assert.equal(link.events[0].date.text, '2025-06-01');
  assert.ok(
    link.sources.some((s) => s.url === 'https://example.org/minutes' && /Your change \(2026-12-01\)/.test(s.title)),
  );
  // the correction that did not apply changed nothing
  assert.ok(
    atlas
      .link('coventry-gb', 'volgograd-ru', {})
      .events.some((e) => e.kind === 'established' && e.date.text === '1944'),
  );
});

test('applyEdits refuses what is not a list of changes with a coded error and leaves the atlas as it was', () => {
  const atlas = Atlas.withDefaultData();
  const places = atlas.stats().places;
  assert.equal(
    codeOf(() => atlas.applyEdits({ id: 'x' })),
    'invalid_argument',
  );
  assert.equal(
    codeOf(() => atlas.applyEdits([{ id: 'x', kind: 'rename', a: {}, b: {} }])),
    'invalid_argument',
  );
  assert.equal(
    codeOf(() =>
      atlas.applyEdits([
        { id: 'x', kind: 'partner', a: ref(atlas, 'coventry-gb'), b: ref(atlas, 'kiel-de'), surprise: 1 },
      ]),
    ),
    'invalid_argument',
  );
  assert.equal(atlas.stats().places, places);
  assert.equal(atlas.search({ text: 'coventry', limit: 1 }).hits[0].place.id, 'coventry-gb');
});

test('changes apply to an empty dataset, so that they export on their own', () => {
  const atlas = Atlas.fromJson('{"format":"twinning-atlas/1"}');
  const curated = Atlas.withDefaultData();
  const report = atlas.applyEdits([
    {
      id: 'd1',
      kind: 'disputed',
      a: ref(curated, 'coventry-gb'),
      b: ref(curated, 'volgograd-ru'),
      claim: 'Never voted.',
    },
  ]);
  assert.equal(report.placesAdded, 2);
  const json = JSON.parse(atlas.export({ format: 'json' }));
  assert.equal(json.links.length, 1);
  assert.equal(json.links[0].disagreements[0].claim, 'Never voted.');
  assert.ok(Atlas.fromJson(JSON.stringify(json)));
});
