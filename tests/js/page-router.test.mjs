// The page's routes: locations parse into views and format back, so shared URLs stay stable.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RouteTable, MemoryRouter } from '../../www/lib/router.js';

const table = new RouteTable([
  { name: 'home', path: '/' },
  { name: 'search', path: '/search' },
  { name: 'place', path: '/place/:id' },
  { name: 'link', path: '/link/:id' },
  { name: 'glossary', path: '/glossary' },
]);

test('parses the locations the page shares', () => {
  assert.deepEqual(table.parse('#/place/volgograd-ru?asOf=2021'), {
    name: 'place',
    params: { id: 'volgograd-ru' },
    query: { asOf: '2021' },
    path: '/place/volgograd-ru?asOf=2021',
  });
  assert.equal(table.parse('#/link/coventry-gb~volgograd-ru').params.id, 'coventry-gb~volgograd-ru');
  assert.deepEqual(table.parse('/search?q=k%C3%B6ln').query, { q: 'köln' });
  assert.equal(table.parse('').name, 'home');
  assert.equal(table.parse('#').name, 'home');
  assert.equal(table.parse('#/glossary').name, 'glossary');
});

test('unknown locations are not found, not an exception', () => {
  assert.equal(table.parse('#/nowhere/at/all').name, 'notfound');
  assert.equal(table.parse('#/place/').name, 'notfound');
  assert.equal(table.parse('#/place/%E0%A4%A').name, 'place'); // a broken escape stays as written
});

test('formats locations and drops empty query values', () => {
  assert.equal(table.format('place', { id: 'volgograd-ru' }, { asOf: '2021' }), '/place/volgograd-ru?asOf=2021');
  assert.equal(table.format('place', { id: 'volgograd-ru' }, { asOf: '' }), '/place/volgograd-ru');
  assert.equal(table.format('search', {}, { q: 'köln am rhein' }), '/search?q=k%C3%B6ln+am+rhein');
  assert.equal(table.format('home'), '/');
  assert.equal(table.format('place', { id: 'a/b' }), '/place/a%2Fb');
  assert.throws(() => table.format('nope'), /no view named nope/);
});

test('format and parse round-trip', () => {
  for (const [name, params, query] of [
    ['place', { id: 'ankh-morpork' }, {}],
    ['place', { id: 'sankt-peterburg-ru' }, { asOf: '1990-12-31' }],
    ['search', {}, { q: 'Stalingrad & Co ~ 50%' }],
    ['link', { id: 'a-xx~b-yy' }, { asOf: 'before 1989' }],
  ]) {
    const r = table.parse(table.format(name, params, query));
    assert.equal(r.name, name);
    assert.deepEqual(r.params, params);
    assert.deepEqual(r.query, query);
  }
});

test('the memory router keeps a history of its own and links to the full page', () => {
  const seen = [];
  const r = new MemoryRouter('/', 'https://atlas.example/index.html', (loc) => seen.push(loc));
  assert.equal(r.href('/place/x'), 'https://atlas.example/index.html#/place/x');
  r.navigate('/place/x');
  r.navigate('/search?q=a', { replace: true });
  r.navigate('/glossary');
  assert.deepEqual(seen, ['/place/x', '/search?q=a', '/glossary']);
  assert.equal(r.back(), true);
  assert.equal(r.current(), '/search?q=a');
  assert.equal(r.back(), true);
  assert.equal(r.current(), '/');
  assert.equal(r.back(), false);
});
