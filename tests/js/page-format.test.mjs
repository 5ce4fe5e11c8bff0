// Words and numbers the page shows for the core's values.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as f from '../../www/lib/format.js';

const d = (text, precision, year, approx = false) => ({ text, precision, year, approx });

test('a value without a label reads as its words; null as nothing', async () => {
  // every value of the core's vocabularies has a label: tests/js/vocabulary.test.mjs
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
  assert.equal(
    f.where({ admin: 'Volgograd Oblast', countryName: 'Russia', country: 'RU' }),
    'Volgograd Oblast, Russia',
  );
  assert.equal(f.where({ country: null }), '');
});
