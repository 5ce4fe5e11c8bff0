// The package's worker entry (`twinning-atlas/worker`) in Node. Node 20 has no Web Worker, so
// AtlasWorker runs the import job (the page's lib/import-job.js) on this thread with the
// module given by `load`: progress arrives, a cancel stops the job and leaves the data as it
// was. The Worker side is tested in Chromium (tests/browser/worker-api.test.mjs).
// Needs `bash scripts/build.sh` first (scripts/test.sh does it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertJsonSafe } from './_support.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = join(root, 'pkg');
if (!existsSync(join(pkg, 'worker.js'))) throw new Error('pkg/worker.js is missing: run bash scripts/build.sh');
const { Atlas } = await import(join(pkg, 'node.js'));
const { AtlasWorker } = await import(join(pkg, 'worker.js'));
const csv = readFileSync(join(root, 'tests/fixtures/import/reordered.csv'));
const load = async () => Atlas;

test('the package exports ./worker with its typings and files', () => {
  const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  assert.deepEqual(manifest.exports['./worker'], { types: './worker.d.ts', default: './worker.js' });
  for (const f of ['worker.js', 'worker.d.ts', 'worker-thread.js', 'atlas-worker.js', 'import-job.js']) {
    assert.ok(manifest.files.includes(f), f);
    assert.ok(existsSync(join(pkg, f)), f);
  }
  // one job module: the package ships the page's own files unchanged
  assert.equal(
    readFileSync(join(pkg, 'import-job.js'), 'utf8'),
    readFileSync(join(root, 'www/lib/import-job.js'), 'utf8'),
  );
  assert.equal(
    readFileSync(join(pkg, 'atlas-worker.js'), 'utf8'),
    readFileSync(join(root, 'www/lib/atlas-worker.js'), 'utf8'),
  );
});

test('without a Web Worker it runs here: an import from a Blob reports its progress and its result', async () => {
  const w = await AtlasWorker.create({ load });
  try {
    assert.equal(w.offThread, false);
    const phases = [];
    const report = await w.import(new Blob([csv]), {
      mode: 'replace',
      sourceName: 'fixture',
      onProgress: (p) => phases.push(p),
    });
    assertJsonSafe(report);
    assert.equal(report.rowsRead, 7);
    const reading = phases.filter((p) => p.phase === 'reading');
    assert.ok(reading.length > 0, `no reading progress in ${JSON.stringify(phases)}`);
    assert.equal(reading.at(-1).loaded, csv.length);
    assert.equal(reading.at(-1).total, csv.length);
    const order = phases.map((p) => p.phase).filter((p, i, a) => a.indexOf(p) === i);
    assert.deepEqual(order, ['reading', 'importing', 'packing']);
    // the dataset afterwards, as JSON the page keeps
    assert.equal(JSON.parse(w.json).format, 'twinning-atlas/1');
    assert.equal((await w.call('stats')).links, report.pairs);
    const found = await w.search({ text: 'volgograd', limit: 3 });
    assert.equal(found.hits[0].place.name, 'Volgograd');
  } finally {
    w.terminate();
  }
});

test('a cancelled import rejects with an AbortError and leaves the data as it was', async () => {
  const main = Atlas.withDefaultData();
  const w = await AtlasWorker.create({ load });
  try {
    const before = await w.call('stats');
    const ctl = new AbortController();
    const seen = [];
    const pending = w.import(new Blob([csv]), {
      mode: 'replace',
      signal: ctl.signal,
      onProgress: (p) => {
        seen.push(p.phase);
        if (p.phase === 'reading') ctl.abort();
      },
    });
    await assert.rejects(pending, (e) => e.name === 'AbortError');
    assert.ok(!seen.includes('importing'), `the import went on after the cancel: ${seen}`);
    assert.deepEqual(await w.call('stats'), before);
    assert.equal(w.json, null);
    assert.deepEqual(main.stats(), before);
    // an already aborted signal never starts the job
    await assert.rejects(w.import(csv, { signal: AbortSignal.abort() }), (e) => e.name === 'AbortError');
    assert.deepEqual(await w.call('stats'), before);
  } finally {
    w.terminate();
    main.free();
  }
});

test('a call that names no query method is refused with a code', async () => {
  const w = await AtlasWorker.create({ load });
  try {
    await assert.rejects(w.call('free'), (e) => e.code === 'invalid_argument');
    await assert.rejects(w.call('nope'), (e) => e.code === 'invalid_argument');
    // the worker's atlas is still usable after
    assert.ok((await w.call('stats')).places > 0);
  } finally {
    w.terminate();
  }
});
