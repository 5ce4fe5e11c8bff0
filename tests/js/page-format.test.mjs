// Words and numbers the page shows for the core's values.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as f from '../../www/lib/format.js';

const d = (text, precision, year, approx = false) => ({ text, precision, year, approx });

test('every status, form, motive and level the core knows has a label', async () => {
  // The enums as the core serializes them (src/model.rs, src/status.rs).
  for (const s of ['proposed', 'attempted', 'established', 'suspended', 'terminated', 'none', 'unknown']) assert.ok(f.STATUS[s] && f.STATUS_HELP[s], s);
  for (const x of ['twinning', 'sister_city', 'friendship', 'contact', 'adoption', 'thematic', 'policy', 'cooperation', 'business', 'none', 'unspecified']) assert.ok(f.FORM[x], x);
  for (const x of ['village', 'town', 'city', 'district', 'county', 'region', 'island', 'country', 'fictional', 'virtual', 'unknown']) assert.ok(f.LEVEL[x], x);
  for (const x of ['reconciliation', 'solidarity', 'shared_name', 'shared_history', 'diaspora', 'industry', 'education', 'culture', 'tourism', 'business', 'politics', 'prestige', 'novelty', 'cross_border', 'policy', 'similarity']) assert.ok(f.MOTIVE[x], x);
  for (const x of ['proposed', 'attempted', 'established', 'renewed', 'suspended', 'resumed', 'terminated', 'other']) assert.ok(f.EVENT[x], x);
  assert.equal(f.label(f.FORM, 'brand_new_form'), 'brand new form');
  assert.equal(f.label(f.FORM, null), '');
});

test('dates keep their precision; years come from precise dates only', () => {
  assert.equal(f.yearText(d('2022-03-22', 'day', 2022)), '2022');
  assert.equal(f.yearText(d('c. 2008', 'year', 2008, true)), 'c. 2008');
  assert.equal(f.yearText(d('1960s', 'decade', 1960)), '1960s');
  assert.equal(f.yearText(d('before 1989', 'before', 1989)), 'before 1989');
  assert.equal(f.dateText(d('13c', 'century', 1200)), '13c');
  assert.equal(f.yearText(null), '');
});

test('spans, distances and counts read naturally', () => {
  assert.equal(f.span(d('1944', 'year', 1944), d('2022-03-22', 'day', 2022)), '1944–2022');
  assert.equal(f.span(d('1944', 'year', 1944), null), 'since 1944');
  assert.equal(f.span(null, d('1961', 'year', 1961)), 'until 1961');
  assert.equal(f.span(null, null), '');
  assert.equal(f.distance(2830.4), '2,830 km');
  assert.equal(f.distance(0.84), '0.8 km');
  assert.equal(f.distance(null), '');
  assert.equal(f.plural(1, 'partner'), '1 partner');
  assert.equal(f.plural(3, 'country', 'countries'), '3 countries');
  assert.equal(f.where({ admin: 'Volgograd Oblast', countryName: 'Russia', country: 'RU' }), 'Volgograd Oblast, Russia');
  assert.equal(f.where({ country: null }), '');
});
