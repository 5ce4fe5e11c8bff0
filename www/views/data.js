// @ts-check
// The data view (`#/data`): import a file (picker or drag and drop; merge into the data shown
// or replace it) in a Web Worker with progress, then the report — rows read, accepted,
// rejected with row numbers and reasons (downloadable as CSV), merged, one-way, flagged,
// places and links added; export what the page shows as CSV, our JSON or GeoJSON; and go
// back to the curated data. What the mount shows is its session (`ctx.session`, lib/store.js);
// the full page's session keeps the imported dataset in IndexedDB, restored on the next visit
// (app.js).
//
// Not for: parsing or matching (the core's importers) or the job itself (lib/import-job.js,
// run by worker.js, or here through lib/atlas-worker.js where no worker can start).

import { h, replace, uniqueId } from '../lib/dom.js';
import { number, plural } from '../lib/format.js';
import { section, facts, viewHeading, errorBox } from '../lib/ui.js';
import { scriptUrl } from '../lib/trusted.js';
import { applyMine } from '../lib/edits.js';
import { myChangesSection } from '../lib/mychanges.js';
import { mappingPanel, remember, templateCsv } from '../lib/mapping.js';
import { conflictsSection } from '../lib/conflicts.js';
import { wikidataPanel } from '../lib/wikidata.js';

const WORKER_URL = new URL('../worker.js', import.meta.url);
const FORMATS = [
  ['csv', 'CSV', 'text/csv', 'twinning-atlas.csv'],
  ['json', 'Our JSON', 'application/json', 'twinning-atlas.json'],
  ['geojson', 'GeoJSON', 'application/geo+json', 'twinning-atlas.geojson'],
];
const PHASES = {
  starting: 'Starting…',
  reading: 'Reading the file',
  loading: 'Preparing the data shown now',
  importing: 'Reading rows, matching places and links',
  packing: 'Packing the result',
  building: 'Building the search and the indexes',
  saving: 'Saving it for your next visit',
  exporting: 'Writing the file',
};

export default {
  name: 'data',
  /** A picked file and the report are the user's: the world's arrival does not redraw them. */
  keepOnWorld: true,
  render(ctx, route) {
    const id = uniqueId('ta-data');
    const status = h('p', { class: 'ta-count', role: 'status', 'aria-live': 'polite' });
    const bar = h('progress', { class: 'ta-progress', max: 1, hidden: true, 'aria-label': 'Import progress' });
    const result = h('div', { class: 'ta-import-result' });
    const fileInput = h('input', {
      id: `${id}-file`,
      class: 'ta-file',
      type: 'file',
      name: 'file',
      accept: '.csv,.tsv,.txt,.json,.geojson,text/csv,text/tab-separated-values,application/json',
    });
    const chosen = h('p', { class: 'ta-hint ta-chosen-file' }, 'No file chosen.');
    const button = h('button', { type: 'submit', class: 'ta-button', disabled: true }, 'Import');
    const mapButton = h(
      'button',
      {
        type: 'button',
        class: 'ta-button ta-button--quiet ta-map-open',
        disabled: true,
        on: {
          click: () => {
            if (!file || form.dataset.busy) return;
            const mode = form.elements.namedItem('mode').value === 'replace' ? 'replace' : 'merge';
            showMapping(ctx, file, mode, { status, bar, result, form }, null);
          },
        },
      },
      'Map columns…',
    );
    let file = null;
    const choose = (f) => {
      file = f ?? null;
      chosen.textContent = file ? `${file.name} (${number(Math.round(file.size / 1024))} KB)` : 'No file chosen.';
      button.disabled = !file;
      mapButton.disabled = !file;
    };
    fileInput.addEventListener('change', () => choose(fileInput.files[0]));
    const drop = h(
      'div',
      {
        class: 'ta-drop',
        on: {
          dragover: (e) => {
            e.preventDefault();
            drop.classList.add('ta-drop--over');
          },
          dragleave: () => drop.classList.remove('ta-drop--over'),
          drop: (e) => {
            e.preventDefault();
            drop.classList.remove('ta-drop--over');
            const f = e.dataTransfer?.files?.[0];
            if (f) choose(f);
          },
        },
      },
      h(
        'p',
        null,
        'Drop a file here, or ',
        h('label', { for: fileInput.id, class: 'ta-drop__label' }, 'choose a file'),
        '.',
      ),
      fileInput,
      chosen,
      h(
        'p',
        { class: 'ta-hint' },
        'Wikidata query results (SPARQL JSON, TSV, CSV), pair lists in CSV or TSV (Hekman, Münch, Wikipedia lists), Wikidata id edge lists, or our own JSON. See docs/import.md.',
      ),
    );
    const replaceWarning = h(
      'p',
      { class: 'ta-warning ta-replace-warning', 'aria-live': 'polite', hidden: true },
      replaceLoss(ctx),
    );
    const form = h(
      'form',
      {
        class: 'ta-import',
        'aria-labelledby': `${id}-h`,
        on: {
          change: (e) => {
            if (e.target.name === 'mode') replaceWarning.hidden = e.target.value !== 'replace';
          },
          submit: (e) => {
            e.preventDefault();
            if (!file || form.dataset.busy) return;
            const mode = form.elements.namedItem('mode').value === 'replace' ? 'replace' : 'merge';
            runImport(ctx, file, mode, { status, bar, result, form });
          },
        },
      },
      drop,
      h(
        'fieldset',
        { class: 'ta-mode' },
        h('legend', null, 'With the data shown now'),
        h(
          'label',
          null,
          h('input', { type: 'radio', name: 'mode', value: 'merge', checked: true }),
          ' Merge: add to it (places already there are enriched, not duplicated)',
        ),
        h(
          'label',
          null,
          h('input', { type: 'radio', name: 'mode', value: 'replace' }),
          ' Replace it: show only the file’s data',
        ),
        replaceWarning,
      ),
      h('p', { class: 'ta-import__buttons' }, button, ' ', mapButton),
      h(
        'p',
        { class: 'ta-hint' },
        'Starting from nothing? ',
        h(
          'a',
          {
            class: 'ta-template',
            href: URL.createObjectURL(new Blob([templateCsv()], { type: 'text/csv' })),
            download: 'twinning-template.csv',
          },
          'Download a template CSV',
        ),
        ', fill in one row per partnership (in any spreadsheet), and import it here.',
      ),
      bar,
      status,
    );
    const node = h(
      'div',
      { class: 'ta-view ta-view--data' },
      viewHeading(
        'Your data',
        'Import the worldwide network, export what the atlas shows, or go back to the curated data.',
      ),
      shownNow(ctx),
      h(
        'section',
        { class: 'ta-section', 'aria-labelledby': `${id}-h` },
        h('h2', { id: `${id}-h` }, 'Import a file'),
        form,
        result,
      ),
      ctx.embedded
        ? null
        : wikidataPanel(ctx, {
            initial: route?.query?.wikidata,
            busy: () => Boolean(form.dataset.busy),
            onLoaded: (loaded) => {
              const mode = form.elements.namedItem('mode').value === 'replace' ? 'replace' : 'merge';
              result.scrollIntoView({ block: 'nearest' });
              return runImport(
                ctx,
                loaded,
                mode,
                { status, bar, result, form },
                {
                  format: 'sparql_json',
                  sourceName: `Wikidata query service (${new Date().toISOString().slice(0, 10)})`,
                },
              );
            },
          }),
      section(
        'Export',
        [
          h('p', null, 'Download the data the atlas shows now:'),
          h(
            'div',
            { class: 'ta-export' },
            FORMATS.map(([format, text, type, filename]) =>
              h(
                'button',
                {
                  type: 'button',
                  class: 'ta-button ta-button--quiet',
                  dataset: { format },
                  on: { click: (e) => runExport(ctx, format, type, filename, e.currentTarget) },
                },
                text,
              ),
            ),
          ),
          h(
            'p',
            { class: 'ta-hint' },
            'CSV: one row per link. JSON: everything, lossless (import it back later). GeoJSON: places as points and links as lines, for GIS.',
          ),
        ],
        { id: `${id}-export` },
      ),
      // your changes belong to the atlas's own page, not to an embed on another site
      ctx.embedded ? null : myChangesSection(ctx),
    );
    const last = ctx.session.lastImport; // the last import's report, shown again
    if (last)
      replace(result, reportView(last.report, last.timings, conflictHandler(ctx, { status, bar, result, form })));
    return { node, title: 'Your data' };
  },
};

function shownNow(ctx) {
  const current = ctx.session;
  const s = ctx.stats();
  const figures = `${plural(s.places, 'place')}, ${plural(s.links, 'link')}`;
  if (!current.json) {
    return h(
      'div',
      { class: 'ta-shown', dataset: { shown: 'curated' } },
      h('p', null, h('strong', null, 'Shown now: the curated data'), ` — ${figures}.`),
    );
  }
  return h(
    'div',
    { class: 'ta-shown', dataset: { shown: 'imported' } },
    h(
      'p',
      null,
      h('strong', null, 'Shown now: your imported data'),
      ` — ${figures}${current.name ? `, from ${current.name}` : ''}`,
      keptText(current),
    ),
    h(
      'button',
      { type: 'button', class: 'ta-button ta-button--quiet', on: { click: () => resetToCurated(ctx) } },
      'Reset to the curated data',
    ),
  );
}

/** What is really kept in this browser: only a save that succeeded says "saved". */
function keptText(current) {
  if (current.savedAt)
    return `, saved ${new Date(current.savedAt).toLocaleString()}. It is kept in this browser for your next visit.`;
  const after =
    current.storedName === undefined
      ? ''
      : ` After a reload the page shows ${current.storedName === null ? 'the curated data' : `the data saved before${current.storedName ? ` (from ${current.storedName})` : ''}`}.`;
  return `. It is not kept in this browser${current.storeError ? ` (${current.storeError})` : ''}: it is gone when you leave or reload the page.${after}`;
}

/** Go back to the curated data and forget the saved import. */
export async function resetToCurated(ctx) {
  const current = ctx.session;
  await current.clear();
  current.json = null;
  current.savedAt = null;
  current.name = null;
  current.lastImport = null;
  const previous = ctx.setAtlas(withChanges(current.module.Atlas.withDefaultData()));
  current.release(previous);
  ctx.notify(null);
}

/** The user's own changes (lib/edits.js) laid on a new atlas; a failure leaves it as it was. */
function withChanges(atlas) {
  try {
    applyMine(atlas);
  } catch (err) {
    console.warn('Twinning Atlas: your changes could not be applied:', err.message);
  }
  return atlas;
}

/**
 * A worker holding `data` (the data shown now: JSON text, or null for the curated data), for
 * one import or export. Where workers cannot start (a page on another origin than the atlas)
 * the same job runs here, on the full module: the page's first module has no importers
 * (scripts/build.sh).
 */
async function atlasWorker(data, onProgress) {
  // loaded when first needed: not part of the page's first load
  const { AtlasWorker } = await import('../lib/atlas-worker.js');
  return AtlasWorker.create({
    data,
    spawn: () => new Worker(scriptUrl(WORKER_URL), { type: 'module' }),
    load: loadFullModule,
    onProgress,
  });
}

async function loadFullModule() {
  const m = await import('../pkg/full/twinning_atlas.js');
  await m.default({ module_or_path: new URL('../pkg/full/twinning_atlas_bg.wasm', import.meta.url) });
  return m.Atlas;
}

/** What replacing the data shown now takes away, said before it happens. */
function replaceLoss(ctx) {
  const s = ctx.stats();
  const parts = [`${s.places} places and ${s.links} links`];
  let baltic = false;
  try {
    baltic = ctx.atlas.comparePairs({ preset: 'baltic' }).pairs.some((p) => !p.missing || p.missing.length === 0);
  } catch {
    // an atlas without the comparison: nothing more to lose
  }
  if (baltic)
    parts.push(
      'the founding paper’s comparison of the Baltic twin cities (Compare → The paper’s Baltic pairs), unless the file has those places',
    );
  if (s.notes) parts.push(`${s.notes} notes`);
  if (s.groups) parts.push(`${s.groups} groups`);
  return `Replacing removes what the atlas shows now: ${parts.join('; ')}. “Reset to the curated data” brings the curated data back.`;
}

/** Re-run the last import with the user's choices for its conflicts. */
function conflictHandler(ctx, ui) {
  return (resolutions, all) => {
    const lastRun = ctx.session.lastRun;
    if (!lastRun) return;
    const options = { ...lastRun.options, resolutions };
    if (all) options.conflicts = all;
    else delete options.conflicts;
    runImport(ctx, lastRun.file, lastRun.mode, ui, options, lastRun.base);
  };
}

/** Preview the file in the worker and show the mapping step; `err` is why, when an import failed. */
async function showMapping(ctx, file, mode, ui, err, hasHeader = true) {
  const { status, result } = ui;
  status.textContent = 'Reading the first rows…';
  let preview;
  try {
    const worker = await atlasWorker(null, () => {});
    try {
      preview = await worker.preview(file, hasHeader ? {} : { mapping: { header: false } });
    } finally {
      worker.terminate();
    }
  } catch (e) {
    status.textContent = 'The file could not be read; the data shown is unchanged.';
    replace(
      result,
      errorBox(err ?? e, `${file.name} could not be imported`),
      err ? errorBox(e, 'Its columns could not be read either') : null,
    );
    return;
  }
  status.textContent = err
    ? 'The columns need your help: choose what each one holds.'
    : 'Choose what each column holds.';
  const panel = mappingPanel({
    preview,
    fileName: file.name,
    hasHeader,
    onImport: (mapping) => runImport(ctx, file, mode, ui, { mapping }, undefined, preview.header),
    onHeader: (yes) => showMapping(ctx, file, mode, ui, err, yes),
    onCancel: () => {
      replace(result);
      status.textContent = 'Nothing imported; the data shown is unchanged.';
    },
  });
  replace(result, err ? errorBox(err, `${file.name} was not imported as it is`) : null, panel);
  panel.querySelector('h3')?.focus();
}

async function runImport(ctx, file, mode, ui, extra = {}, base = ctx.session.json, header = null) {
  const current = ctx.session;
  const { status, bar, result, form } = ui;
  form.dataset.busy = 'true';
  form.setAttribute('aria-busy', 'true');
  const started = performance.now();
  const show = (phase, loaded, total) => {
    status.textContent = `${PHASES[phase] ?? phase}${total ? ` — ${Math.round((100 * (loaded ?? 0)) / total)}%` : '…'}`;
    bar.hidden = false;
    if (total) bar.value = (loaded ?? 0) / total;
    else bar.removeAttribute('value'); // indeterminate
  };
  replace(result);
  let worker = null;
  try {
    const options = { mode, sourceName: file.name, ...extra };
    const onProgress = (p) => show(p.phase, p.loaded, p.total);
    worker = await atlasWorker(base ?? null, onProgress);
    const report = await worker.import(file, { ...options, onProgress });
    const done = { report, json: worker.json, timings: worker.timings };
    worker.terminate();
    worker = null;
    current.lastRun = { file, mode, options, base };
    let mappingKept = null;
    if (extra.mapping && header) mappingKept = remember(header, extra.mapping, file.name);
    if (mappingKept) console.warn('Twinning Atlas: the mapping could not be remembered:', mappingKept);
    show('building');
    await nextFrame();
    const t0 = performance.now();
    const next = withChanges(current.module.Atlas.fromJson(done.json));
    const timings = { ...done.timings, fromJson: Math.round(performance.now() - t0) };
    const previous = ctx.setAtlas(next, { rerender: false });
    current.release(previous);
    current.json = done.json;
    current.name = file.name;
    // "saved" only once the save succeeded: private mode and a full quota make it fail
    current.savedAt = null;
    current.storeError = null;
    current.storedName = undefined;
    current.lastImport = { report: done.report, timings };
    show('saving');
    try {
      const rec = await current.save(done.json, { name: file.name, summary: summary(done.report) });
      current.savedAt = rec.savedAt;
    } catch (err) {
      console.warn('Twinning Atlas: the imported data could not be kept for the next visit:', err.message);
      current.storeError = storeProblem(err);
      // say what a reload will really show: what is stored from before, or nothing
      const stored = await current.loadSaved();
      current.storedName = stored ? (stored.name ?? '') : null;
    }
    timings.total = Math.round(performance.now() - started);
    bar.hidden = true;
    status.textContent = `Imported ${file.name}: ${plural(done.report.linksAdded, 'link')} and ${plural(done.report.placesAdded, 'place')} added${current.savedAt ? '' : ' (not kept in this browser)'}.`;
    // draw the view again on the new data, with the report
    ctx.setAtlas(next);
  } catch (err) {
    bar.hidden = true;
    if (
      (err.code === 'unsupported_format' || (extra.mapping && err.code === 'invalid_argument')) &&
      typeof file !== 'string'
    ) {
      // a file whose columns the importer cannot tell, or a mapping it refused: ask the user
      delete form.dataset.busy;
      form.removeAttribute('aria-busy');
      await showMapping(ctx, file, mode, ui, err, extra.mapping?.header !== false);
      return;
    }
    status.textContent = 'The import failed; the data shown is unchanged.';
    replace(result, errorBox(err, `${file.name} could not be imported`));
  } finally {
    worker?.terminate();
    delete form.dataset.busy;
    form.removeAttribute('aria-busy');
  }
}

/** Why the browser refused to store the data, in words. */
function storeProblem(err) {
  if (err && err.code === 'store_off') return err.message;
  if (err && err.name === 'QuotaExceededError') return 'the browser’s storage is full';
  if (/not available/i.test(err?.message ?? '')) return 'this browser offers no storage here, as in private mode';
  return 'the browser refused to store it';
}

function nextFrame() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

function summary(r) {
  return { rowsRead: r.rowsRead, placesAdded: r.placesAdded, linksAdded: r.linksAdded };
}

async function runExport(ctx, format, type, filename, button) {
  const current = ctx.session;
  const old = button.textContent;
  button.disabled = true;
  button.textContent = `${old}…`;
  try {
    let text;
    if (!current.json && format !== 'geojson') text = ctx.atlas.export({ format });
    else {
      const worker = await atlasWorker(current.json, () => {});
      try {
        text = await worker.export({ format });
      } finally {
        worker.terminate();
      }
    }
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = h(
      'a',
      { href: url, download: filename, class: 'ta-download', dataset: { format } },
      `Download ${filename} again`,
    );
    const box = button.closest('.ta-view').querySelector('.ta-export');
    box.querySelector(`.ta-download[data-format="${format}"]`)?.remove();
    box.append(a);
    a.click();
  } catch (err) {
    button.closest('.ta-section').append(errorBox(err, 'The export failed'));
  } finally {
    button.disabled = false;
    button.textContent = old;
  }
}

/**
 * The rejected rows as CSV (row, line, reason, raw). A cell that a spreadsheet would run as a
 * formula (starting with =, +, -, @, a tab or a carriage return, and not a number) gets a
 * leading ', as in the core's CSV export.
 */
export function rejectedCsv(rows) {
  const q = (v) => {
    let s = String(v ?? '');
    if (/^[=+\-@\t\r]/.test(s) && !Number.isFinite(Number(s))) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return (
    ['row,line,reason,raw', ...rows.map((r) => [r.row, r.line, r.reason, r.raw].map(q).join(','))].join('\r\n') + '\r\n'
  );
}

function flaggedList(flagged) {
  const item = (f) =>
    h(
      'li',
      { dataset: { kind: f.kind } },
      f.message,
      h(
        'span',
        { class: 'ta-name__meta' },
        ` (row${f.rows.length === 1 ? '' : 's'} ${f.rows.slice(0, 6).join(', ')}${f.rows.length > 6 ? '…' : ''})`,
      ),
    );
  const head = flagged.slice(0, 5);
  const rest = flagged.slice(5, 200);
  return [
    h('ul', { class: 'ta-flagged' }, head.map(item)),
    rest.length
      ? h(
          'details',
          { class: 'ta-disclosure' },
          h('summary', null, `${number(flagged.length - head.length)} more`),
          h('ul', { class: 'ta-flagged' }, rest.map(item)),
        )
      : null,
  ];
}

/** What cleaning and the gazetteer did, in one line (nothing when they did nothing). */
function resolvedLine(r) {
  const parts = [];
  const c = r.cleaning ?? {};
  const g = r.gazetteer ?? {};
  if (c.wikiMarkup) parts.push(`${plural(c.wikiMarkup, 'cell')} cleaned of wiki markup`);
  if (c.disambiguations) parts.push(`${plural(c.disambiguations, 'Wikipedia title')} read as a name and a hint`);
  if (g.matched) parts.push(`${plural(g.matched, 'place')} found under another spelling or language`);
  if (g.countriesFilled) parts.push(`${plural(g.countriesFilled, 'country', 'countries')} filled from the gazetteer`);
  if (g.coordinatesFilled)
    parts.push(`${plural(g.coordinatesFilled, 'position')} filled from the gazetteer (marked as such)`);
  return parts.length ? h('p', { class: 'ta-hint ta-report__resolved' }, `${parts.join('; ')}.`) : null;
}

function reportView(r, timings, onConflicts) {
  const count = (n) => number(n ?? 0);
  const rejected = r.rejected ?? [];
  const download = rejected.length
    ? h(
        'a',
        {
          class: 'ta-button ta-button--quiet ta-download-rejected',
          href: URL.createObjectURL(new Blob([rejectedCsv(rejected)], { type: 'text/csv' })),
          download: 'rejected-rows.csv',
        },
        rejected.length < (r.rowsRejected ?? 0)
          ? `Download the first ${number(rejected.length)} of ${plural(r.rowsRejected, 'rejected row')} (CSV)`
          : `Download the ${plural(rejected.length, 'rejected row')} (CSV)`,
      )
    : null;
  return h(
    'section',
    { class: 'ta-section ta-report', 'aria-labelledby': 'ta-report-h' },
    h('h2', { id: 'ta-report-h', tabindex: '-1' }, 'Import report'),
    h(
      'p',
      { class: 'ta-hint' },
      `Format ${r.format}${r.delimiter ? ` (“${r.delimiter === '\t' ? 'tab' : r.delimiter}” separated)` : ''}, ${r.mode === 'replace' ? 'replacing' : 'merged into'} the data shown before.`,
    ),
    h(
      'dl',
      { class: 'ta-stats ta-report__counts' },
      [
        ['Rows read', r.rowsRead, 'rowsRead'],
        ['Accepted', r.rowsAccepted, 'rowsAccepted'],
        ['Rejected', r.rowsRejected, 'rowsRejected'],
        ['Duplicates merged', r.duplicates, 'duplicates'],
        ['Pairs', r.pairs, 'pairs'],
        ['Stated both ways', r.bothWays, 'bothWays'],
        ['One-way', r.oneWay, 'oneWay'],
        ['Flagged', (r.flagged ?? []).length, 'flagged'],
        ['Places added', r.placesAdded, 'placesAdded'],
        ['Places matched', r.placesMatched, 'placesMatched'],
        ['Links added', r.linksAdded, 'linksAdded'],
        ['Links merged', r.linksMerged, 'linksMerged'],
      ].map(([k, v, key]) =>
        h('div', { class: 'ta-stat', dataset: { count: key } }, h('dt', null, k), h('dd', null, count(v))),
      ),
    ),
    resolvedLine(r),
    onConflicts ? conflictsSection(r, { onApply: onConflicts }) : null,
    (r.ambiguous ?? []).length
      ? section(
          `Names that fit several places (kept apart, ${number(r.ambiguous.length)})`,
          h(
            'ul',
            { class: 'ta-ambiguous' },
            r.ambiguous
              .slice(0, 50)
              .map((x) =>
                h(
                  'li',
                  null,
                  `“${x.name}”${x.country ? ` (${x.countryName ?? x.country})` : ''} could be ${(x.candidates ?? []).map((c) => `${c.name}${c.country ? ` (${c.countryName ?? c.country})` : ''}`).join(' or ')}; kept as a place of its own.`,
                ),
              ),
          ),
          { id: 'ta-report-ambiguous', headingLevel: 3 },
        )
      : null,
    (r.historicCountries ?? []).length
      ? section(
          'Countries written as historic states',
          h(
            'p',
            null,
            r.historicCountries
              .slice(0, 30)
              .map(
                (x) =>
                  `“${x.text}” → ${x.state}${x.code ? ` (${x.code})` : ', no code: left to the gazetteer'} (${plural(x.rows, 'row')})`,
              )
              .join('; '),
          ),
          { id: 'ta-report-historic', headingLevel: 3 },
        )
      : null,
    r.rowsRejected
      ? section(
          'Rejected rows',
          [
            download,
            h(
              'table',
              { class: 'ta-table ta-table--compact ta-rejected' },
              h(
                'thead',
                null,
                h(
                  'tr',
                  null,
                  ['Row', 'Line', 'Why', 'As written'].map((t) => h('th', { scope: 'col' }, t)),
                ),
              ),
              h(
                'tbody',
                null,
                rejected
                  .slice(0, 50)
                  .map((x) =>
                    h(
                      'tr',
                      null,
                      h('td', { class: 'ta-num' }, number(x.row)),
                      h('td', { class: 'ta-num' }, number(x.line)),
                      h('td', null, x.reason),
                      h('td', { class: 'ta-raw' }, x.raw),
                    ),
                  ),
              ),
            ),
            rejected.length > 50
              ? h(
                  'p',
                  { class: 'ta-hint' },
                  `The first 50 of ${number(r.rowsRejected ?? rejected.length)}; the download has ${rejected.length < (r.rowsRejected ?? 0) ? `the first ${number(rejected.length)} (the report keeps no more, so that a file of bad rows cannot fill the memory)` : 'all'}.`,
                )
              : null,
          ],
          { id: 'ta-report-rejected', headingLevel: 3 },
        )
      : null,
    (r.flagged ?? []).length
      ? section('Flagged (kept, but suspicious)', flaggedList(r.flagged), { id: 'ta-report-flagged', headingLevel: 3 })
      : null,
    (r.unresolvedCountries ?? []).length
      ? section(
          'Country names not recognised',
          h(
            'p',
            null,
            r.unresolvedCountries
              .slice(0, 30)
              .map((u) => `“${u.text}” (${plural(u.rows, 'row')})`)
              .join(', '),
          ),
          { id: 'ta-report-countries', headingLevel: 3 },
        )
      : null,
    (r.warnings ?? []).length
      ? section(
          `Warnings (${number(r.warningsTotal ?? r.warnings.length)})`,
          h(
            'ul',
            null,
            r.warnings
              .slice(0, 30)
              .map((w) => h('li', null, `line ${w.line}${w.column ? `, column ${w.column}` : ''}: ${w.message}`)),
          ),
          { id: 'ta-report-warnings', headingLevel: 3 },
        )
      : null,
    timings && Object.keys(timings).length
      ? h(
          'p',
          { class: 'ta-hint ta-timings' },
          `Time: ${Object.entries(timings)
            .map(([k, v]) => `${k} ${number(v)} ms`)
            .join(', ')}.`,
        )
      : null,
    facts([['Source id of the imported records', r.source]]),
  );
}
