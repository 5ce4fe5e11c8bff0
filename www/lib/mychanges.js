// @ts-check
// "My changes" on #/data: the user's own changes (lib/edits.js) listed newest first, each with
// whether the browser really kept it and whether it still applies; undo one, discard all
// (after asking), export them as our JSON or CSV, and "Give it back": the QuickStatements
// commands that would write them to Wikidata, previewed exactly as the core writes them.
// Also the notice after a change, with its Undo, and the rebuild of the atlas without a
// change (the data shown before the changes, with the remaining changes on top).
//
// Not for: the forms (views/edit.js), storage (lib/edits.js), what the commands say (the core).

import { h, replace, uniqueId, externalLink } from './dom.js';
import { plural } from './format.js';
import { errorBox } from './ui.js';
import { fullAtlas } from './store.js';
import { mine, forget, forgetAll, applyMine, describe, editList } from './edits.js';

const EMPTY = '{"format":"twinning-atlas/1"}';

/** The data shown before the user's changes: the session's import, or the curated data. */
function baseAtlas(ctx) {
  return ctx.session?.json ? fullAtlas().fromJson(ctx.session.json) : fullAtlas().withDefaultData();
}

/** Show the data without the changes undone: the base again with the remaining changes. */
export function rebuild(ctx) {
  const next = baseAtlas(ctx);
  try {
    applyMine(next);
  } catch (err) {
    console.warn('Twinning Atlas: your changes could not be applied:', err.message);
  }
  const previous = ctx.setAtlas(next);
  // the session frees it unless other mounts show it too (the shared curated atlas)
  if (previous !== next) ctx.session?.release(previous);
}

/** Undo one change; the atlas is built again without it. */
export async function undo(ctx, id) {
  const problem = await forget(id);
  rebuild(ctx);
  ctx.notify(
    h(
      'div',
      { class: 'ta-notice', role: 'status', dataset: { undone: id } },
      problem
        ? `Undone here, but the stored copy could not be removed (${problem}): it may come back after a reload.`
        : 'Undone: the change is gone from the atlas and from this browser.',
    ),
  );
}

/** The notice after a change: what it was, whether it is really kept, and Undo. */
export function undoNotice(ctx, entry, text) {
  const saved = Boolean(entry.savedAt);
  return h(
    'div',
    { class: ['ta-notice', saved ? null : 'ta-notice--warning'], role: 'status', dataset: { saved: String(saved) } },
    h(
      'span',
      null,
      saved
        ? `Saved in this browser: ${text}. `
        : `Made, but NOT saved in this browser (${entry.storeError}): ${text}. It is gone when you leave or reload the page. `,
    ),
    entry.outcome?.message ? h('span', null, `(${entry.outcome.message}) `) : null,
    h('a', { href: '#/data', class: 'ta-notice__link' }, 'My changes'),
    h(
      'button',
      { type: 'button', class: 'ta-button ta-button--quiet', on: { click: () => undo(ctx, entry.edit.id) } },
      'Undo',
    ),
  );
}

/** An atlas holding only the user's changes (both places of each, the link, the events). */
export function changesOnly() {
  const atlas = fullAtlas().fromJson(EMPTY);
  try {
    atlas.applyEdits(editList());
    return atlas;
  } catch (err) {
    atlas.free();
    throw err;
  }
}

function download(text, type, filename, holder, key) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h(
    'a',
    { href: url, download: filename, class: 'ta-download', dataset: { format: key } },
    `Download ${filename} again`,
  );
  holder.querySelector(`.ta-download[data-format="${key}"]`)?.remove();
  holder.append(a);
  a.click();
}

/** The "My changes" section of #/data. */
export function myChangesSection(ctx) {
  const id = uniqueId('ta-mine');
  const box = h('section', { class: 'ta-section ta-mychanges', 'aria-labelledby': `${id}-h` });
  const draw = () => replace(box, ...content());
  function content() {
    const list = [...mine.list].reverse();
    const head = h('h2', { id: `${id}-h` }, `My changes${list.length ? ` (${list.length})` : ''}`);
    const intro = h(
      'p',
      { class: 'ta-hint' },
      'Add a partner from a place’s page (“Add a partner”), or add, correct or dispute an event from a link’s page. Changes are kept in this browser only, apart from any file you import, and are applied on top of whatever data is shown.',
    );
    const loadProblem = mine.loadError
      ? h(
          'p',
          { class: 'ta-warning', role: 'alert' },
          `Your stored changes could not be read: ${mine.loadError}. New changes are not kept either.`,
        )
      : null;
    if (list.length === 0)
      return [
        head,
        loadProblem,
        intro,
        h('p', { class: 'ta-empty__title', dataset: { empty: 'true' } }, 'No changes yet.'),
      ];
    const unsaved = list.filter((e) => !e.savedAt).length;
    const items = h(
      'ol',
      { class: 'ta-mychanges__list', reversed: true },
      list.map((e) =>
        h(
          'li',
          {
            class: 'ta-mychange',
            dataset: {
              editId: e.edit.id,
              kind: e.edit.kind,
              saved: String(Boolean(e.savedAt)),
              applied: String(e.outcome ? e.outcome.applied : true),
            },
          },
          h(
            'p',
            { class: 'ta-mychange__what' },
            e.outcome?.linkId ? ctx.link('link', { id: e.outcome.linkId }, {}, describe(e.edit)) : describe(e.edit),
          ),
          h(
            'p',
            { class: 'ta-hint ta-mychange__meta' },
            e.savedAt
              ? `Saved ${new Date(e.savedAt).toLocaleString()}`
              : `Not saved in this browser${e.storeError ? ` (${e.storeError})` : ''}: gone after a reload`,
            e.edit.sourceUrl
              ? [' · source: ', externalLink(e.edit.sourceUrl, e.edit.sourceUrl, { class: 'ta-source' })]
              : ' · no source given',
          ),
          e.outcome && !e.outcome.applied
            ? h('p', { class: 'ta-warning' }, `Not applied to the data shown now: ${e.outcome.message}`)
            : null,
          h(
            'button',
            {
              type: 'button',
              class: 'ta-button ta-button--quiet ta-mychange__undo',
              'aria-label': `Undo: ${describe(e.edit)}`,
              on: {
                click: async () => {
                  await undo(ctx, e.edit.id);
                },
              },
            },
            'Undo',
          ),
        ),
      ),
    );
    const exportBox = h('div', { class: 'ta-export ta-mychanges__export' });
    const say = h('div', { class: 'ta-mychanges__say', role: 'status', 'aria-live': 'polite' });
    const exportAs = (format) => {
      let atlas;
      try {
        atlas = changesOnly();
        const text = atlas.export({ format });
        download(
          text,
          format === 'csv' ? 'text/csv' : 'application/json',
          `my-changes.${format}`,
          exportBox,
          `mine-${format}`,
        );
      } catch (err) {
        replace(say, errorBox(err, 'The export failed'));
      } finally {
        atlas?.free();
      }
    };
    const confirmBox = h('div', {
      class: 'ta-confirm',
      hidden: true,
      role: 'group',
      'aria-labelledby': `${id}-confirm`,
    });
    replace(
      confirmBox,
      h(
        'p',
        { id: `${id}-confirm` },
        `Discard all ${plural(list.length, 'change')}? This cannot be undone${unsaved < list.length ? '; export them first to keep a copy' : ''}.`,
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'ta-button ta-button--danger',
          on: {
            click: async () => {
              const problem = await forgetAll();
              rebuild(ctx);
              ctx.notify(
                h(
                  'div',
                  { class: 'ta-notice', role: 'status' },
                  problem
                    ? `Your changes are gone from the atlas, but the stored copies could not be removed (${problem}).`
                    : 'All your changes are discarded.',
                ),
              );
            },
          },
        },
        'Yes, discard them',
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'ta-button ta-button--quiet',
          on: {
            click: () => {
              confirmBox.hidden = true;
              resetButton.focus();
            },
          },
        },
        'Keep them',
      ),
    );
    const resetButton = h(
      'button',
      {
        type: 'button',
        class: 'ta-button ta-button--quiet ta-mychanges__reset',
        'aria-expanded': 'false',
        on: {
          click: () => {
            confirmBox.hidden = false;
            resetButton.setAttribute('aria-expanded', 'true');
            confirmBox.querySelector('button')?.focus();
          },
        },
      },
      'Discard all my changes…',
    );
    const qs = quickStatementsPart();
    return [
      head,
      loadProblem,
      intro,
      unsaved
        ? h(
            'p',
            { class: 'ta-warning', role: 'alert' },
            `${plural(unsaved, 'change is', 'changes are')} not saved in this browser and will be gone after a reload.`,
          )
        : null,
      items,
      h(
        'div',
        { class: 'ta-export' },
        h(
          'button',
          {
            type: 'button',
            class: 'ta-button ta-button--quiet',
            dataset: { format: 'mine-json' },
            on: { click: () => exportAs('json') },
          },
          'Export as our JSON',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'ta-button ta-button--quiet',
            dataset: { format: 'mine-csv' },
            on: { click: () => exportAs('csv') },
          },
          'Export as CSV',
        ),
        resetButton,
      ),
      exportBox,
      confirmBox,
      say,
      qs,
    ];
  }
  draw();
  return box;
}

const QS_WHY = {
  suspended: 'Wikidata’s P190 statement has no qualifier for a suspension',
  resumed: 'Wikidata’s P190 statement has no qualifier for a resumption',
  renewed: 'Wikidata’s P190 statement has no qualifier for a renewal',
  proposed: 'a proposed partnership is not a P190 statement',
  attempted: 'an attempted partnership is not a P190 statement',
  other: 'Wikidata’s P190 statement has no place for this event',
};

/**
 * What of the user's changes can go to Wikidata: `{ rows, from, unwritable }` — `rows` for
 * the core's `Atlas.quickStatements` (both places' Wikidata ids, the start or end, the source
 * URL), `from[i]` the change behind row i, `unwritable` the changes that have no P190 form.
 */
export function quickStatementRows(list = mine.list) {
  const rows = [];
  const from = [];
  const unwritable = [];
  for (const e of list) {
    const edit = e.edit;
    if (e.outcome && !e.outcome.applied) continue;
    const ev = edit.event;
    const row = {
      a: edit.a?.wikidata ?? null,
      b: edit.b?.wikidata ?? null,
      aName: edit.a?.name ?? null,
      bName: edit.b?.name ?? null,
      reference: edit.sourceUrl ?? null,
    };
    if (edit.kind === 'disputed') {
      unwritable.push({
        edit,
        reason: 'a dispute is not a statement Wikidata can hold; say it on the item’s talk page',
      });
      continue;
    }
    if (ev && ev.kind === 'established' && ev.date) row.start = ev.date;
    else if (ev && ev.kind === 'terminated' && ev.date) row.end = ev.date;
    else if (ev && edit.kind !== 'partner') {
      unwritable.push({ edit, reason: QS_WHY[ev.kind] ?? 'this event has no P190 form' });
      continue;
    }
    rows.push(row);
    from.push(edit);
  }
  return { rows, from, unwritable };
}

/** "Give it back": the QuickStatements commands for the user's changes, previewed exactly. */
function quickStatementsPart() {
  const id = uniqueId('ta-qs');
  const out = h('div', { class: 'ta-qs__out' });
  const open = h(
    'button',
    {
      type: 'button',
      class: 'ta-button ta-button--quiet ta-qs__open',
      'aria-expanded': 'false',
      'aria-controls': `${id}-out`,
      on: {
        click: () => {
          open.setAttribute('aria-expanded', 'true');
          replace(out, ...quickStatementsPreview(id));
          out.querySelector('textarea')?.focus();
        },
      },
    },
    'Give it back: QuickStatements for Wikidata…',
  );
  out.id = `${id}-out`;
  return h(
    'div',
    { class: 'ta-qs' },
    h('h3', null, 'Give it back to Wikidata'),
    h(
      'p',
      { class: 'ta-hint' },
      'Your new partnerships and corrected start or end dates as QuickStatements commands (P190 both ways, with start time P580, end time P582 and your source as reference URL), to paste into the QuickStatements tool while logged in to Wikidata. Nothing is sent from here.',
    ),
    open,
    out,
  );
}

function quickStatementsPreview(id) {
  const { rows, from, unwritable } = quickStatementRows();
  let result;
  try {
    result = rows.length ? fullAtlas().quickStatements(rows) : { commands: '', lines: 0, pairs: 0, skipped: [] };
  } catch (err) {
    return [errorBox(err, 'The commands could not be written')];
  }
  const notWritten = [
    ...result.skipped.map((x) => ({ edit: from[x.row - 1], reason: x.reason, written: x.written })),
    ...unwritable.map((u) => ({ ...u, written: false })),
  ];
  const textarea = h('textarea', {
    id: `${id}-commands`,
    class: 'ta-input ta-qs__commands',
    readonly: true,
    rows: Math.min(16, Math.max(4, result.lines + 1)),
    spellcheck: 'false',
    'aria-label': 'QuickStatements commands',
  });
  textarea.value = result.commands;
  const say = h('span', { class: 'ta-hint', role: 'status', 'aria-live': 'polite' });
  const copy = h(
    'button',
    {
      type: 'button',
      class: 'ta-button',
      disabled: !result.commands,
      on: {
        click: async () => {
          try {
            await navigator.clipboard.writeText(result.commands);
            say.textContent = 'Copied.';
          } catch {
            textarea.select();
            say.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
          }
        },
      },
    },
    'Copy',
  );
  const dl = result.commands
    ? h(
        'a',
        {
          class: 'ta-button ta-button--quiet ta-qs__download',
          href: URL.createObjectURL(new Blob([result.commands], { type: 'text/plain' })),
          download: 'my-changes.quickstatements.txt',
        },
        'Download',
      )
    : null;
  return [
    h(
      'p',
      { class: 'ta-qs__summary', dataset: { lines: String(result.lines), pairs: String(result.pairs) } },
      result.lines
        ? `${plural(result.lines, 'command')} for ${plural(result.pairs, 'partnership')}:`
        : 'None of your changes can be written to Wikidata as they are.',
    ),
    result.commands ? textarea : null,
    result.commands ? h('p', { class: 'ta-export' }, copy, dl, say) : null,
    notWritten.length
      ? h(
          'div',
          { class: 'ta-qs__skipped' },
          h('h4', null, `Not written (${notWritten.length})`),
          h(
            'ul',
            null,
            notWritten.map((n) =>
              h(
                'li',
                { dataset: { editId: n.edit?.id ?? null } },
                n.edit ? describe(n.edit) : 'A change',
                `: ${n.reason}`,
                n.written ? ' (the statement is written without it)' : '',
              ),
            ),
          ),
        )
      : null,
  ];
}
