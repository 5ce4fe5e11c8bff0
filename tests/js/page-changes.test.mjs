// Page logic of issue 12 that needs no browser: the template CSV imports with no mapping,
// mappings are remembered per header set whatever the case, and the user's changes become
// QuickStatements rows only where Wikidata has a statement for them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Atlas } from '../../pkg/node.js';
import { templateCsv, headerKey } from '../../www/lib/mapping.js';
import { quickStatementRows } from '../../www/lib/mychanges.js';

test('the template CSV imports as it is, with no mapping', () => {
  const atlas = Atlas.withDefaultData();
  const report = atlas.import(templateCsv(), { mode: 'merge', sourceName: 'template' });
  assert.equal(report.rowsAccepted, 2);
  assert.equal(report.rowsRejected, 0);
  assert.ok(atlas.link('coventry-gb', 'volgograd-ru', {}));
});

test('a header set is the same whatever its case and spacing, and another order is another set', () => {
  assert.equal(headerKey(['Comune', ' Gemellata con']), headerKey(['comune', 'gemellata con']));
  assert.notEqual(headerKey(['comune', 'gemellata con']), headerKey(['gemellata con', 'comune']));
});

test('changes become QuickStatements rows: starts and ends written, suspensions and disputes listed as not writable', () => {
  const a = { id: 'coventry-gb', name: 'Coventry', wikidata: 'Q6225' };
  const b = { id: 'kiel-de', name: 'Kiel', wikidata: 'Q1707' };
  const entry = (edit, applied = true) => ({
    edit: { id: edit.kind, a, b, sourceUrl: 'https://example.org/x', ...edit },
    outcome: { applied },
  });
  const { rows, unwritable } = quickStatementRows([
    entry({ kind: 'partner', event: { kind: 'established', date: '1947' } }),
    entry({
      kind: 'correct',
      event: { kind: 'terminated', date: '2020' },
      replaces: { kind: 'terminated', date: '2019' },
    }),
    entry({ kind: 'event', event: { kind: 'suspended', date: '2022' } }),
    entry({ kind: 'disputed', claim: 'no' }),
    entry({ kind: 'partner' }, false),
  ]);
  assert.deepEqual(rows, [
    { a: 'Q6225', b: 'Q1707', aName: 'Coventry', bName: 'Kiel', reference: 'https://example.org/x', start: '1947' },
    { a: 'Q6225', b: 'Q1707', aName: 'Coventry', bName: 'Kiel', reference: 'https://example.org/x', end: '2020' },
  ]);
  assert.deepEqual(
    unwritable.map((u) => u.edit.kind),
    ['event', 'disputed'],
  );
  assert.match(unwritable[0].reason, /no qualifier for a suspension/);
  const qs = Atlas.quickStatements(rows);
  assert.equal(qs.pairs, 2);
  assert.match(qs.commands, /Q6225\tP190\tQ1707\tP582\t\+2020-00-00T00:00:00Z\/9/);
});
