// @ts-check
// Small pieces several views share: status badges, place links, source lists, sections,
// fact lists, empty states and error boxes. Each returns a DOM node built with `h`.
//
// Not for: whole views (views/*.js).

import { h, externalLink, dataName } from './dom.js';
import { STATUS, STATUS_HELP, MOTIVE, LEVEL, label, where, plural } from './format.js';

/** The status of a link as a coloured word; `certain: false` adds a question mark. */
export function statusBadge(status, { certain = true } = {}) {
  const s = status || 'unknown';
  const text = label(STATUS, s) + (certain ? '' : ' ?');
  const help = STATUS_HELP[s] ?? '';
  return h(
    'span',
    {
      class: `ta-badge ta-badge--${s.replace(/[^a-z_]/g, '')}`,
      title: certain ? help : `${help} Uncertain at this date: an event’s date straddles it.`,
      dataset: { status: s },
    },
    text,
  );
}

/**
 * A link to a place view, with its country under it when `withWhere`.
 * @param {any} ctx
 * @param {{ id: string, name: string }} place
 * @param {{ asOf?: string | null, className?: string }} [options]
 */
export function placeLink(ctx, place, { asOf, className } = {}) {
  return ctx.link('place', { id: place.id }, { asOf }, place.name, { class: className || 'ta-place-link' });
}

/** "Volgograd · city · Russia". */
export function placeMeta(place) {
  return [label(LEVEL, place.level), where(place)].filter(Boolean).join(' · ');
}

/** Motives as small chips. */
export function motiveChips(motives) {
  if (!motives || motives.length === 0) return null;
  return h(
    'ul',
    { class: 'ta-chips', 'aria-label': 'Motives' },
    motives.map((m) => h('li', { class: 'ta-chip' }, label(MOTIVE, m))),
  );
}

/**
 * Sources as a list of links (or titles, when a source has no URL). `refs` are SourceRefs
 * `{ id, title, url }`; plain id strings (unresolved) are shown as they are. With `ctx`, each
 * source also links to its entry in the sources view (`#/sources?id=…`).
 */
export function sourceList(refs, { compact = false, ctx = null } = {}) {
  if (!refs || refs.length === 0) return null;
  const items = refs.map((r) => {
    const ref = typeof r === 'string' ? { id: r, title: r, url: null } : r;
    const title = ref.title || ref.id;
    return h(
      'li',
      { dataset: { source: ref.id } },
      externalLink(ref.url, title, { class: 'ta-source' }),
      ref.byline ? h('span', { class: 'ta-source__byline' }, ` (${ref.byline})`) : null,
      ctx && ref.id
        ? [
            ' ',
            ctx.link('sources', {}, { id: ref.id }, 'details', {
              class: 'ta-source-entry-link',
              'aria-label': `Details of the source: ${title}`,
            }),
          ]
        : null,
    );
  });
  return h('ul', { class: compact ? 'ta-sources ta-sources--compact' : 'ta-sources' }, items);
}

/**
 * Where sources disagree: the core's `DisagreementView`s `[{ claim, claimedByRef, kept,
 * sourceRefs }]`, each source already resolved (title, url, byline).
 * @param {Array<import('../pkg/twinning_atlas.js').DisagreementView> | null | undefined} ds
 * @param {{ ctx?: any }} [options]
 */
export function disagreementList(ds, { ctx = null } = {}) {
  if (!ds || ds.length === 0) return null;
  return h(
    'ul',
    { class: 'ta-disagreements' },
    ds.map((d) =>
      h(
        'li',
        { class: 'ta-disagreement' },
        h(
          'p',
          null,
          h('span', { class: 'ta-disagreement__who' }, d.claimedByRef.title || d.claimedBy),
          ' says ',
          h('q', null, d.claim),
          '.',
        ),
        h('p', null, h('strong', null, 'We keep: '), d.kept),
        sourceList(d.sourceRefs, { compact: true, ctx }),
      ),
    ),
  );
}

/** A criterion's verdict (holds / fails / unknown) as a badge with a mark and a word. */
export function verdictBadge(verdict, text) {
  const v = ['holds', 'fails', 'unknown'].includes(verdict) ? verdict : 'unknown';
  const mark = { holds: '✓', fails: '✗', unknown: '?' }[v];
  return h(
    'span',
    { class: `ta-verdict ta-verdict--${v}`, dataset: { verdict: v } },
    h('span', { class: 'ta-verdict__mark', 'aria-hidden': 'true' }, mark),
    ` ${text ?? v}`,
  );
}

/** Where a verdict comes from: recorded in the data, computed, or derived from other facts. */
export function provenanceTag(source) {
  if (!source) return null;
  const help =
    {
      recorded: 'Recorded in the data by a source',
      computed: 'Computed by the atlas from coordinates, countries or dated events',
      derived: 'Derived by the atlas from other recorded facts',
    }[source] ?? '';
  return h(
    'span',
    {
      class: `ta-prov ta-prov--${String(source).replace(/[^a-z]/g, '')}`,
      title: help,
      dataset: { provenance: source },
    },
    source,
  );
}

/**
 * A titled section; `headingLevel` 2 by default.
 * @param {string | Node} title
 * @param {any} children
 * @param {{ id?: string, className?: string, headingLevel?: number }} [options]
 */
export function section(title, children, { id, className, headingLevel = 2 } = {}) {
  const content = [children].flat().filter((c) => c !== null && c !== undefined && c !== false);
  if (content.length === 0) return null;
  return h(
    'section',
    { class: ['ta-section', className], 'aria-labelledby': id },
    h(`h${headingLevel}`, { id }, title),
    content,
  );
}

/** A definition list of `[term, value]` pairs; empty values are dropped. */
export function facts(pairs) {
  const rows = pairs.filter(
    ([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0),
  );
  if (rows.length === 0) return null;
  return h(
    'dl',
    { class: 'ta-facts' },
    rows.map(([k, v]) => h('div', { class: 'ta-fact' }, h('dt', null, k), h('dd', null, v))),
  );
}

export function emptyState(title, ...body) {
  return h(
    'div',
    { class: 'ta-empty', role: 'note' },
    h('p', { class: 'ta-empty__title' }, title),
    body.length ? h('p', null, ...body) : null,
  );
}

/** An error from the core (`.code`, `.message`) as a readable box. */
export function errorBox(err, what = 'Something went wrong') {
  const code = err?.code ? err.code : null;
  return h(
    'div',
    { class: 'ta-error', role: 'alert', dataset: { code } },
    h('p', { class: 'ta-error__title' }, what),
    h('p', null, err?.message ? err.message : String(err)),
  );
}

/** The heading of a view, focusable so navigation can move focus to it. */
export function viewHeading(text, sub) {
  return h(
    'header',
    { class: 'ta-view-head' },
    // headings of places, groups and links are names from the data
    h('h1', { class: 'ta-view-title', tabindex: '-1' }, typeof text === 'string' ? dataName(text) : text),
    sub ? h('p', { class: 'ta-view-sub' }, sub) : null,
  );
}

export function partnerCount(n) {
  return plural(n, 'partner');
}
