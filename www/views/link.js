// @ts-check
// The link view (`#/link/<a>~<b>?asOf=<date>`): one relationship between two places — its
// form and term, its status with the event that decided it, the dated events as a timeline
// (actor, reason, note, sources), motives, the recorded facts about the pair with the paper's
// criteria, where a founding document disagrees with what the atlas keeps, and sources.
//
// Not for: all partners of a place (place.js).

import { h, dataName } from '../lib/dom.js';
import { FORM, EVENT, ORIGIN, VERDICT, CRITERIA, LEVEL, label, dateText, distance, where } from '../lib/format.js';
import {
  statusBadge,
  placeLink,
  motiveChips,
  sourceList,
  section,
  facts,
  viewHeading,
  disagreementList,
  verdictBadge,
} from '../lib/ui.js';

export default {
  name: 'link',
  render(ctx, route) {
    const asOf = (route.query.asOf ?? '').trim();
    let link;
    let asOfError = null;
    try {
      link = findLink(ctx.atlas, route.params.id, asOf ? { asOf } : {});
    } catch (err) {
      // A date the core cannot read: show the link now, and say why beside the date field.
      if (!asOf || err.code !== 'invalid_argument') throw err;
      asOfError = err;
      link = findLink(ctx.atlas, route.params.id, {});
    }
    const status = link.status;
    const title = `${link.a.name} – ${link.b.name}`;
    const node = h(
      'article',
      { class: 'ta-view ta-view--link', dataset: { linkId: link.id } },
      viewHeading(
        [dataName(link.a.name), ' – ', dataName(link.b.name)],
        [label(FORM, link.form), link.term ? `“${link.term}”` : null].filter(Boolean).join(' · '),
      ),
      h(
        'div',
        { class: 'ta-pair' },
        placeCard(ctx, link.a),
        h('span', { class: 'ta-pair__join', 'aria-hidden': 'true' }, '⇄'),
        placeCard(ctx, link.b),
      ),
      statusBlock(ctx, link, status, asOf, asOfError),
      link.description ? h('p', { class: 'ta-description' }, link.description) : null,
      facts([
        ['Form', label(FORM, link.form)],
        ['Term', link.term],
        ['Distance', distance(link.distanceKm)],
        ['Motives', motiveChips(link.motives)],
      ]),
      h(
        'p',
        { class: 'ta-cta' },
        ctx.link(
          'pair',
          { a: link.a.id, b: link.b.id },
          { asOf: asOf && !asOfError ? asOf : undefined },
          'Classify this pair: its kind and the six twin-city criteria',
          { class: 'ta-cta__link' },
        ),
      ),
      ctx.embedded
        ? null
        : h(
            'p',
            { class: 'ta-actions ta-edit-actions', 'aria-label': 'Change this link' },
            ctx.link('edit', {}, { kind: 'event', link: link.id }, 'Add an event', {
              class: 'ta-action',
              dataset: { edit: 'event' },
            }),
            (link.events ?? []).length
              ? ctx.link('edit', {}, { kind: 'correct', link: link.id }, 'Correct an event', {
                  class: 'ta-action',
                  dataset: { edit: 'correct' },
                })
              : null,
            ctx.link('edit', {}, { kind: 'disputed', link: link.id }, 'Mark disputed', {
              class: 'ta-action',
              dataset: { edit: 'disputed' },
            }),
          ),
      timeline(ctx, link),
      pairSection(ctx, link),
      disagreementsSection(ctx, link),
      section('Sources', sourceList(link.sources, { ctx }), { id: `ta-link-sources-${link.id}` }),
    );
    return { node, title };
  },
};

function findLink(atlas, id, opts) {
  try {
    return atlas.linkById(id, opts);
  } catch (err) {
    // `#/link/b~a` written by hand: the core knows the pair in either order.
    const parts = id.split('~');
    if (err.code === 'not_found' && parts.length === 2) return atlas.link(parts[0], parts[1], opts);
    throw err;
  }
}

function placeCard(ctx, p) {
  return h(
    'div',
    { class: 'ta-card ta-pair__place', dataset: { placeId: p.id } },
    placeLink(ctx, p, { className: 'ta-card__title' }),
    h('span', { class: 'ta-card__meta' }, [label(LEVEL, p.level), where(p)].filter(Boolean).join(' · ')),
  );
}

function statusBlock(ctx, link, status, asOf, asOfError) {
  const d = status.decidedBy;
  const at = status.asOf ? `At the end of ${dateText(status.asOf)}` : 'Now';
  return h(
    'div',
    { class: 'ta-status', dataset: { status: status.status } },
    h(
      'p',
      { class: 'ta-status__line' },
      h('span', { class: 'ta-status__at' }, `${at}: `),
      statusBadge(status.status, { certain: status.certain }),
    ),
    d
      ? h(
          'p',
          { class: 'ta-status__decided' },
          'Decided by: ',
          h('strong', null, `${label(EVENT, d.kind)} ${dateText(d.date)}`),
          d.actor ? ` by ${d.actor}` : null,
          d.reason ? ` — ${d.reason}` : null,
        )
      : null,
    status.certain ? null : h('p', { class: 'ta-hint' }, 'Uncertain: an event’s date straddles the moment asked for.'),
    h(
      'form',
      {
        class: 'ta-asof ta-asof--inline',
        'aria-label': 'Date for the statuses',
        on: {
          submit: (e) => {
            e.preventDefault();
            const v = e.currentTarget.elements.namedItem('asOf').value.trim();
            ctx.go('link', { id: link.id }, { asOf: v }, { focus: false });
          },
        },
      },
      h('label', { for: `ta-link-asof-${link.id}`, class: 'ta-asof__label' }, 'Status as of'),
      h('input', {
        id: `ta-link-asof-${link.id}`,
        name: 'asOf',
        class: 'ta-input ta-asof__input',
        type: 'text',
        inputmode: 'numeric',
        autocomplete: 'off',
        placeholder: 'now',
        value: asOf,
        'aria-invalid': asOfError ? 'true' : null,
      }),
      h('button', { type: 'submit', class: 'ta-button' }, 'Show'),
      asOfError
        ? h('p', { class: 'ta-field-error', role: 'alert' }, `Cannot read “${asOf}” as a date: ${asOfError.message}`)
        : null,
    ),
  );
}

function timeline(ctx, link) {
  const events = link.events ?? [];
  if (events.length === 0)
    return section('History', h('p', { class: 'ta-hint' }, 'No dated events recorded.'), {
      id: `ta-history-${link.id}`,
    });
  return section(
    'History',
    h(
      'ol',
      { class: 'ta-timeline' },
      events.map((e) =>
        h(
          'li',
          { class: `ta-event ta-event--${e.kind}`, dataset: { kind: e.kind } },
          h(
            'time',
            { class: 'ta-event__date', datetime: /^\d{4}(-\d\d){0,2}$/.test(e.date.text) ? e.date.text : null },
            dateText(e.date),
          ),
          h(
            'div',
            { class: 'ta-event__body' },
            e.kind !== 'other' || e.actor
              ? h(
                  'p',
                  { class: 'ta-event__head' },
                  e.kind !== 'other' ? h('span', { class: 'ta-event__kind' }, label(EVENT, e.kind)) : null,
                  e.actor
                    ? h('span', { class: 'ta-event__actor' }, `${e.kind !== 'other' ? ' — ' : ''}${e.actor}`)
                    : null,
                )
              : null,
            e.note ? h('p', { class: 'ta-event__note' }, e.note) : null,
            e.reason
              ? h('p', { class: 'ta-event__reason' }, h('span', { class: 'ta-event__label' }, 'Why: '), e.reason)
              : null,
            sourceList(e.sources, { compact: true, ctx }),
          ),
        ),
      ),
    ),
    { id: `ta-history-${link.id}` },
  );
}

function pairSection(ctx, link) {
  const p = link.pair;
  if (!p) return null;
  const yesNo = (v) => (v === true ? 'yes' : v === false ? 'no' : null);
  const satellite = p.satelliteRef?.name ?? p.satellite;
  const criteria = p.criteria ?? [];
  return section(
    'The pair',
    [
      facts([
        ['River', p.river],
        ['River is the border', yesNo(p.riverIsBorder)],
        ['Bridge across the border', yesNo(p.bridge)],
        ['Origin', p.origin ? label(ORIGIN, p.origin) : null],
        ['Satellite', satellite],
        ['Distance (as a source gives it)', distance(p.distanceKm)],
      ]),
      criteria.length
        ? h(
            'table',
            { class: 'ta-table ta-table--cards ta-criteria' },
            h('caption', null, 'Recorded criteria of a cross-border twin city'),
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                ['Criterion', 'Verdict', 'Evidence', 'Sources'].map((t) => h('th', { scope: 'col' }, t)),
              ),
            ),
            h(
              'tbody',
              null,
              criteria.map((c) =>
                h(
                  'tr',
                  { dataset: { criterion: c.criterion, verdict: c.verdict } },
                  h(
                    'th',
                    { scope: 'row' },
                    h('span', { class: 'ta-criterion__code' }, c.criterion),
                    ' ',
                    CRITERIA[c.criterion] ?? '',
                  ),
                  h('td', { 'data-label': 'Verdict' }, verdictBadge(c.verdict, label(VERDICT, c.verdict))),
                  h('td', { 'data-label': 'Evidence' }, c.evidence),
                  h('td', { 'data-label': 'Sources' }, sourceList(c.sourceRefs, { compact: true, ctx }) ?? '—'),
                ),
              ),
            ),
          )
        : null,
    ],
    { id: `ta-pair-${link.id}` },
  );
}

function disagreementsSection(ctx, link) {
  return section('Where sources disagree', disagreementList(link.disagreements, { ctx }), {
    id: `ta-disagreements-${link.id}`,
  });
}
