// Hostile inputs through the npm package (issue 8): each one is tried on one shared Atlas,
// must end in a coded TwinningAtlasError (or be accepted, and then flagged or bounded as
// stated), and after each one the same Atlas must still answer a search. A wasm trap (a
// panic, a stack overflow, running out of memory) or a non-coded error counts as a panic;
// the last test reports the counts and requires zero panics.
// Needs `bash scripts/build.sh` first (scripts/test.sh does it).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = process.env.TWINNING_ATLAS_PKG ?? join(root, 'pkg'); // another build, to compare
if (!existsSync(join(pkg, 'package.json'))) throw new Error('pkg/ is missing: run bash scripts/build.sh');
const { Atlas } = await import(join(pkg, 'node.js'));

const atlas = Atlas.withDefaultData();
const counts = { inputs: 0, coded: 0, accepted: 0, panics: 0 };

/** Run one hostile input: `want` is the expected code, or 'accepted' with `check(result)`. */
function hostile(name, run, want, check) {
  test(name, () => {
    counts.inputs += 1;
    let result;
    let error;
    try {
      result = run(atlas);
    } catch (e) {
      error = e;
    }
    if (error && (error.name !== 'TwinningAtlasError' || typeof error.code !== 'string' || error.code === 'internal')) {
      counts.panics += 1;
      assert.fail(`not a coded error: ${error.name} ${error.code}: ${error.message}`);
    }
    if (error) {
      counts.coded += 1;
      assert.equal(error.code, want, error.message);
      assert.ok(error.message.length < 2000, `the message is ${error.message.length} characters long`);
    } else {
      counts.accepted += 1;
      assert.equal('accepted', want, `accepted, expected ${want}`);
      check?.(result, atlas);
    }
    const hits = atlas.search({ text: 'Coventry' });
    assert.ok(hits.total > 0, 'the same Atlas still answers a search');
  });
}

const places = (list) =>
  JSON.stringify({
    format: 'twinning-atlas/1',
    sources: [{ id: 's', title: 'S' }],
    places: list.map((p, i) => ({
      id: `p${i}`,
      name: `Place ${i}`,
      level: 'city',
      country: 'GB',
      sources: ['s'],
      ...p,
    })),
  });
const pair = (pairFacts) =>
  JSON.stringify({
    format: 'twinning-atlas/1',
    sources: [{ id: 's', title: 'S' }],
    places: [
      { id: 'dover-gb', name: 'Dover', level: 'town', country: 'GB', sources: ['s'] },
      { id: 'calais-fr', name: 'Calais', level: 'town', country: 'FR', sources: ['s'] },
    ],
    links: [{ a: 'dover-gb', b: 'calais-fr', form: 'twinning', sources: ['s'], pair: pairFacts }],
  });
const manyC = 'c.'.repeat(4400) + '1990';

// 1. No recursion on input; short values have length caps
hostile(
  'an asOf of 4,400 "c." prefixes is refused, not a stack overflow',
  (a) => a.partners('coventry-gb', { asOf: manyC }),
  'invalid_argument',
);
hostile(
  'an asOf of 4,400 "c. " prefixes in link() is refused',
  (a) => a.link('coventry-gb', 'volgograd-ru', { asOf: 'c. '.repeat(4400) + '1990' }),
  'invalid_argument',
);
hostile('a hostile asOf in a search is refused', (a) => a.search({ text: 'x', asOf: manyC }), 'invalid_argument');
hostile(
  'a hostile asOf in classify() is refused',
  (a) => a.classify('coventry-gb', 'volgograd-ru', { asOf: manyC }),
  'invalid_argument',
);
hostile(
  'a hostile date in an imported CSV is left out with a warning',
  (a) => a.import(`city1,country1,city2,country2,start\nHostilia,GB,Hostilov,RU,${manyC}\n`),
  'accepted',
  (r) => {
    assert.equal(r.rowsAccepted, 1);
    assert.ok(r.warnings.some((w) => /at most 40 characters/.test(w.message)));
  },
);
hostile(
  'a hostile date in an imported JSON dataset is a parse error',
  (a) =>
    a.import(
      JSON.stringify({
        format: 'twinning-atlas/1',
        sources: [{ id: 's', title: 'S' }],
        places: [
          { id: 'x1', name: 'X', level: 'city', country: 'GB', sources: ['s'] },
          { id: 'y1', name: 'Y', level: 'city', country: 'FR', sources: ['s'] },
        ],
        links: [
          {
            a: 'x1',
            b: 'y1',
            form: 'twinning',
            sources: ['s'],
            events: [{ kind: 'established', date: manyC, sources: ['s'] }],
          },
        ],
      }),
    ),
  'parse_error',
);
hostile(
  'a place id of 100,000 characters is refused before it is copied',
  (a) => a.place('x'.repeat(100_000)),
  'invalid_argument',
);
hostile('a link id of 1,000,000 characters is refused', (a) => a.linkById('a~'.repeat(500_000)), 'invalid_argument');
hostile('a search text of 1 MB is too large', (a) => a.search({ text: 'a'.repeat(1_000_000) }), 'too_large');
hostile(
  'a search text of 20,000 characters is answered',
  (a) => a.search({ text: 'Coventry '.repeat(2200) }),
  'accepted',
);
hostile(
  'options of 1 MB are too large',
  (a) => a.partners('coventry-gb', { asOf: '1'.repeat(1_000_000) }),
  'too_large',
);
hostile(
  'options nested 20,000 deep are refused',
  (a) => {
    let deep = {};
    for (let i = 0; i < 20_000; i += 1) deep = { x: deep };
    return a.partners('coventry-gb', deep);
  },
  'invalid_argument',
);
hostile(
  'a JSON document nested 100,000 deep is refused',
  (a) => a.import('{"format":"twinning-atlas/1","places":' + '['.repeat(100_000)),
  'parse_error',
);
// a JSON array is the query service's plain download (issue 12): too deep, it is a parse error
hostile(
  'an array nested 100,000 deep is refused with its line and column',
  (a) => a.import('['.repeat(100_000)),
  'parse_error',
);

// 2. Memory bounded by design: exact counts, capped lists
hostile(
  'a 6 MB file of rejected rows keeps exact counts and at most 1,000 rows',
  (a) => a.import('city1,city2\n' + 'File:x.png,File:y.png\n'.repeat(300_000), { format: 'csv' }),
  'accepted',
  (r) => {
    assert.equal(r.rowsRejected, 300_000);
    assert.equal(r.rejected.length, 1000);
    assert.equal(r.truncated, true);
  },
);
hostile(
  'a rejected row of 200,000 characters is kept cut to 1,000',
  (a) => a.import('city1,city2\nFile:' + 'x'.repeat(200_000) + '.png,B\n', { format: 'csv' }),
  'accepted',
  (r) => {
    assert.equal(r.rowsRejected, 1);
    assert.ok(r.rejected[0].raw.length <= 1001);
  },
);
hostile(
  'a dataset with 5,000 bad places lists 1,000 problems and counts the rest',
  (a) => a.import(places(Array.from({ length: 5000 }, () => ({ country: 'XX' })))),
  'invalid_data',
);

// 3. Limits before copies
hostile(
  'a 20 MB string over maxBytes is refused',
  (a) => a.import('x'.repeat(20_000_000), { maxBytes: 1000 }),
  'too_large',
);
hostile(
  'a 5 MB Uint8Array over maxBytes is refused',
  (a) => a.import(new Uint8Array(5_000_000), { maxBytes: 1000 }),
  'too_large',
);
hostile(
  'a 5 MB ArrayBuffer over maxBytes is refused',
  (a) => a.import(new ArrayBuffer(5_000_000), { maxBytes: 1000 }),
  'too_large',
);
hostile(
  'a 1,001-character string over maxBytes 1,000 is refused',
  (a) => a.import('é'.repeat(600), { maxBytes: 1000 }),
  'too_large',
);

// 4. Linear time on wide input; a column cap
const wide = (n) => Array.from({ length: n }, (_, i) => `c${i}`);
hostile(
  'a CSV header of 120,000 columns is refused at once',
  (a) => a.import(wide(120_000).join(',') + '\nx\n', { format: 'csv' }),
  'unsupported_format',
);
hostile(
  'a TSV header of 2,000 columns is refused',
  (a) => a.import(wide(2000).join('\t') + '\nx\n', { format: 'tsv' }),
  'unsupported_format',
);
hostile(
  'a SPARQL head of 120,000 variables is refused',
  (a) =>
    a.import(JSON.stringify({ head: { vars: wide(120_000) }, results: { bindings: [{}] } }), { format: 'sparql_json' }),
  'unsupported_format',
);
hostile(
  'a 1,000-column CSV with 50,000 short rows imports',
  (a) =>
    a.import(['city1', 'city2', ...wide(998)].join(',') + '\n' + 'Aville,Btown\n'.repeat(50_000), {
      format: 'csv',
      mode: 'merge',
    }),
  'accepted',
  (r) => {
    assert.equal(r.rowsRead, 50_000);
  },
);
hostile(
  'a 1,000-variable SPARQL result with 20,000 empty rows imports',
  (a) =>
    a.import(
      JSON.stringify({
        head: { vars: ['item', 'partner', ...wide(998)] },
        results: { bindings: Array.from({ length: 20_000 }, () => ({})) },
      }),
      { format: 'sparql_json' },
    ),
  'accepted',
  (r) => {
    assert.equal(r.rowsRead, 20_000);
  },
);

// 5. An exception inside a call leaves the object usable
hostile(
  'a detached ArrayBuffer is a coded error',
  (a) => {
    const b = new ArrayBuffer(8);
    structuredClone(b, { transfer: [b] });
    return a.import(b);
  },
  'parse_error',
);
hostile(
  'a Uint8Array over a detached buffer is a coded error',
  (a) => {
    const b = new ArrayBuffer(8);
    const view = new Uint8Array(b, 2, 4);
    structuredClone(b, { transfer: [b] });
    return a.import(view);
  },
  'parse_error',
);
hostile(
  'a revoked Proxy as a search query is a coded error',
  (a) => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return a.search(proxy);
  },
  'invalid_argument',
);
hostile(
  'a revoked Proxy as import input is refused',
  (a) => {
    const { proxy, revoke } = Proxy.revocable(new Uint8Array(4), {});
    revoke();
    return a.import(proxy);
  },
  'parse_error',
);
hostile(
  'a Proxy around a Uint8Array is a coded error',
  (a) => a.import(new Proxy(new Uint8Array(4), {})),
  'parse_error',
);
hostile(
  'options with a getter that throws are a coded error',
  (a) =>
    a.import('city1,city2\nA,B\n', {
      get mode() {
        throw new Error('boom');
      },
    }),
  'invalid_argument',
);
hostile(
  'options holding a BigInt are a coded error',
  (a) => a.partners('coventry-gb', { asOf: 10n }),
  'invalid_argument',
);
hostile(
  'options with a cycle are a coded error',
  (a) => {
    const o = {};
    o.self = o;
    return a.partners('coventry-gb', o);
  },
  'invalid_argument',
);
hostile('a symbol as import input is a coded error', (a) => a.import(Symbol('x')), 'invalid_argument');
hostile('a function as place ids is a coded error', (a) => a.comparePlaces(() => 1), 'invalid_argument');
hostile('a plain object as import input is a coded error', (a) => a.import({ length: 3 }), 'invalid_argument');

test('a method after free() is a coded error and a new Atlas works', () => {
  counts.inputs += 1;
  const b = Atlas.withDefaultData();
  b.free();
  let code;
  try {
    b.search({ text: 'Coventry' });
  } catch (e) {
    assert.equal(e.name, 'TwinningAtlasError');
    code = e.code;
  }
  assert.equal(code, 'freed');
  counts.coded += 1;
  b.free();
  assert.ok(Atlas.withDefaultData().search({ text: 'Coventry' }).total > 0);
  assert.ok(atlas.search({ text: 'Coventry' }).total > 0);
});

// 6. Shapes are checked, not guessed
hostile(
  'import options given as an array are refused',
  (a) => a.import('city1,city2\nA,B\n', ['csv', null, 'replace']),
  'invalid_argument',
);
hostile('a search query given as an array is refused', (a) => a.search(['Coventry']), 'invalid_argument');
hostile(
  'partners options given as an array are refused',
  (a) => a.partners('coventry-gb', ['1990']),
  'invalid_argument',
);
hostile('options given as a string are refused', (a) => a.export('csv'), 'invalid_argument');
hostile(
  'the JSON array ["twinning-atlas/1"] is not a dataset, even with replace',
  (a) => a.import('["twinning-atlas/1"]', { mode: 'replace' }),
  'invalid_data',
);
hostile(
  'fromJson of ["twinning-atlas/1"] is not a dataset',
  () => Atlas.fromJson('["twinning-atlas/1"]'),
  'invalid_data',
);
hostile(
  'a mapping naming column 5 of a 2-column file is refused',
  (a) => a.import('city1,city2\nA,B\n', { mapping: { aName: 1, bName: 5 } }),
  'invalid_argument',
);
hostile(
  'a mapping naming a missing header is refused',
  (a) => a.import('city1,city2\nA,B\n', { mapping: { aName: 'city1', bName: 'nope' } }),
  'invalid_argument',
);

// 7. Values in range or flagged
hostile(
  'a population of 99,999,999,999 is left out with a warning, not cut to 4,294,967,295',
  (a) => a.import('city1,country1,population1,city2,country2\nBigtown,GB,99999999999,Smallville,FR\n'),
  'accepted',
  (r, a) => {
    assert.ok(r.warnings.some((w) => /population/.test(w.message)));
    const hit = a.search({ text: 'Bigtown' }).hits[0];
    assert.equal(a.place(hit.place.id).population, null);
  },
);
hostile(
  'a population of 200,000,000 in a dataset is invalid',
  (a) => a.import(places([{ population: 200_000_000 }])),
  'invalid_data',
);
hostile(
  'a population of 99,999,999,999 in a dataset is a parse error',
  (a) => a.import(places([{ population: 99_999_999_999 }])),
  'parse_error',
);
hostile('a recorded distance of 0 km is invalid', (a) => a.import(pair({ distanceKm: 0 })), 'invalid_data');
hostile('a recorded distance of 1e308 km is invalid', (a) => a.import(pair({ distanceKm: 1e308 })), 'invalid_data');
hostile(
  'a NUL byte after the first 8 KB refuses the file',
  (a) => a.import('city1,city2\n' + 'Aville,Btown\n'.repeat(1000) + 'Cov\0entry,Dtown\n'),
  'parse_error',
);
hostile(
  'a name of zero-width spaces only is invalid',
  (a) => a.import(places([{ name: '\u200B\u200B\u200B' }])),
  'invalid_data',
);
hostile(
  'a name of combining marks only is invalid',
  (a) => a.import(places([{ name: '\u0301\u0301\u0301' }])),
  'invalid_data',
);
hostile(
  'a name of 10,000 characters is invalid',
  (a) => a.import(places([{ name: 'a'.repeat(10_000) }])),
  'invalid_data',
);
hostile(
  'a name with a right-to-left override is invalid',
  (a) => a.import(places([{ name: 'Cov\u202Eentry' }])),
  'invalid_data',
);
hostile('a name with a NUL is invalid', (a) => a.import(places([{ name: 'Cov\u0000entry' }])), 'invalid_data');
hostile('a place id with "~" is invalid', (a) => a.import(places([{ id: 'a~b' }])), 'invalid_data');
hostile(
  'a CSV name with a zero-width space is kept and flagged',
  (a) => a.import('city1,country1,city2,country2\nCov\u200Bentry,GB,Dresden,DE\n'),
  'accepted',
  (r) => {
    assert.ok(r.flagged.some((f) => f.kind === 'hidden_characters'));
  },
);
hostile(
  'a CSV name of 10,000 characters is rejected',
  (a) => a.import(`city1,city2\n${'a'.repeat(10_000)},B\n`),
  'accepted',
  (r) => {
    assert.equal(r.rowsRejected, 1);
  },
);

// 9. CSV exports cannot run as formulas
hostile(
  'an exported CSV neutralises formula cells and imports back unchanged',
  (_a) => {
    const b = Atlas.fromJson('{"format":"twinning-atlas/1"}');
    b.import('city1,country1,city2,country2\n"=HYPERLINK(""http://x"")",GB,@SUM(A1),FR\n+Plus,DE,-Minus,AT\n');
    return b.export({ format: 'csv' });
  },
  'accepted',
  (csv) => {
    for (const line of csv.split('\n').slice(1)) {
      for (const cell of line.split(',')) assert.ok(!/^[=+@\t\r]/.test(cell) && !/^-[^0-9]/.test(cell), `cell ${cell}`);
    }
    assert.match(csv, /'=HYPERLINK/);
    const c = Atlas.fromJson('{"format":"twinning-atlas/1"}');
    c.import(csv);
    assert.ok(c.search({ text: 'Plus' }).hits.some((h) => h.place.name === '+Plus'));
  },
);

after(() => {
  console.log(
    `hostile inputs (Node): ${counts.inputs} inputs, ${counts.coded} coded errors, ${counts.accepted} accepted as stated, ${counts.panics} panics`,
  );
});

test('no hostile input made the module panic', () => {
  assert.equal(counts.panics, 0);
});
